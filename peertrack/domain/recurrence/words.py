"""Rules and due reminders in plain English: "every 2 weeks on Monday", "it's been 9 days"."""

from __future__ import annotations

import datetime as dt
import re

from peertrack.domain.formatting import joined
from peertrack.domain.models import DueReminder
from peertrack.domain.recurrence.phrases import WEEKDAYS, at_text
from peertrack.domain.recurrence.rules import BYDAY_ITEM, DAY_CODES, FREQ_UNITS, longest_month, split_rule

DAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
MONTH_NAMES = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
               "November", "December")


def describe(rule: str, starts: dt.date | None = None) -> str:
    """A rule as people say it: "every 2 weeks on Monday", "every month on the last day"."""
    parts = split_rule(rule)
    freq = parts.get("FREQ", "")
    if freq not in FREQ_UNITS:
        return f"by the rule {rule}"
    interval = int(parts.get("INTERVAL", "1"))
    unit = FREQ_UNITS[freq]
    head = f"every {unit}" if interval == 1 else f"every {interval} {unit}s"
    count = f", {parts['COUNT']} times" if "COUNT" in parts else ""
    known = {"FREQ", "INTERVAL", "COUNT", "WKST"}
    days = parts.get("BYDAY", "")
    month_days = parts.get("BYMONTHDAY", "")
    setpos = parts.get("BYSETPOS", "")
    months = parts.get("BYMONTH", "")
    words = None
    if freq == "DAILY" and set(parts) <= known | {"BYDAY"}:
        words = head if not days else (f"{head} on {_day_list(days)}" if _plain_days(days) else None)
    elif freq == "WEEKLY" and set(parts) <= known | {"BYDAY"}:
        if days == WEEKDAYS:
            words = "every weekday" if interval == 1 else f"{head} on weekdays"
        elif days and _plain_days(days):
            words = f"{head} on {_day_list(days)}"
        elif not days:
            words = f"{head} on {DAY_NAMES[starts.weekday()]}" if starts else head
    elif freq == "MONTHLY" and set(parts) <= known | {"BYDAY", "BYMONTHDAY", "BYSETPOS"}:
        which = _which_days(days, month_days, setpos, starts)
        words = f"{head} on {which}" if which else None
    elif freq == "YEARLY" and set(parts) <= known | {"BYMONTH", "BYDAY", "BYMONTHDAY", "BYSETPOS"}:
        words = _yearly_words(head, months, days, month_days, setpos, starts)
    return (words or f"{head} (by the rule {rule})") + count


def due_words(item: DueReminder) -> str:
    """How long a reminder has waited, kindly: "today", "since yesterday", "it's been 9 days"."""
    if item.days_overdue <= 0:
        return f"today at {at_text(item.reminder.at)}" if item.reminder.at is not None else "today"
    if item.days_overdue == 1:
        return "since yesterday"
    return f"it's been {item.days_overdue} days"  # two or more: one is "since yesterday"


def _plain_days(days: str) -> bool:
    return all(item in DAY_CODES for item in days.split(","))


def _day_list(days: str) -> str:
    names = [DAY_NAMES[DAY_CODES.index(item)] for item in days.split(",")]
    return joined(names)


def _which_days(days: str, month_days: str, setpos: str, starts: dt.date | None) -> str | None:
    """ "the 1st and 15th", "the last day", "the second Tuesday"; None when it takes more words."""
    if days and not month_days and not setpos:
        named = []
        for item in days.split(","):
            match = re.fullmatch(BYDAY_ITEM, item)
            if not match or not match.group(1):
                return None
            named.append(f"{_position(int(match.group(1)))} {DAY_NAMES[DAY_CODES.index(match.group(2))]}")
        return "the " + joined(named)
    if month_days and not days:
        values = [int(item) for item in month_days.split(",")]
        if setpos == "-1" and values == list(range(28, values[-1] + 1)) and len(values) > 1:
            return f"the {_nth(values[-1])}, or the last day of a shorter month"
        if setpos:
            return None
        return "the " + joined([_nth(value) if value > 0 else f"{_position(value)} day" for value in values])
    if not days and not month_days and not setpos and starts:
        return f"the {_nth(starts.day)}"
    return None


def _yearly_words(head: str, months: str, days: str, month_days: str, setpos: str,
                  starts: dt.date | None) -> str | None:
    if not months:
        if not (days or month_days or setpos) and starts:
            return f"{head} on {starts.day} {MONTH_NAMES[starts.month - 1]}"
        return None
    if "," in months:
        return None
    month = MONTH_NAMES[int(months) - 1]
    if month_days and not days:
        values = [int(item) for item in month_days.split(",")]
        if setpos == "-1" and len(values) > 1 and values == list(range(28, values[-1] + 1)):
            return f"{head} on the last day of {month}" if values[-1] >= longest_month(int(months)) else None
        if not setpos and len(values) == 1:
            value = values[0]
            return f"{head} on {value} {month}" if value > 0 else f"{head} on the {_position(value)} day of {month}"
        return None
    which = _which_days(days, "", setpos, None) if days else None
    if which:
        return f"{head} on {which} of {month}"
    if not days and not month_days and not setpos and starts:
        return f"{head} on {starts.day} {month}"
    return None


def _nth(number: int) -> str:
    suffix = "th" if 11 <= number % 100 <= 13 else {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")
    return f"{number}{suffix}"


def _position(number: int) -> str:
    if number == -1:
        return "last"
    if number < 0:
        return f"{_nth(-number)} to last"
    return {1: "first", 2: "second", 3: "third", 4: "fourth", 5: "fifth"}.get(number, _nth(number))
