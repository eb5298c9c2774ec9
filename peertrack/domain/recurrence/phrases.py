"""How people say how often: --every and --on phrases turned into rules, and times of day read and written."""

from __future__ import annotations

import datetime as dt
import re

from peertrack.domain.errors import InvalidInput
from peertrack.domain.recurrence.rules import DAY_CODES, MAX_INTERVAL, join_rule, split_rule

EVERY_ACCEPTED = "use day, weekday, week, 2 weeks, month, 3 months or year"


WEEK_ON_ACCEPTED = "use day names like mon,thu"


MONTH_ON_ACCEPTED = "use a day of the month like 1 or 15, last, or a weekday like 2nd tue or last fri"


AT_ACCEPTED = "use a time of day like 18:30, 9:00 or 6:30pm"


WEEKDAYS = "MO,TU,WE,TH,FR"


_DAY_WORDS = {
    "mo": "MO", "mon": "MO", "monday": "MO",
    "tu": "TU", "tue": "TU", "tues": "TU", "tuesday": "TU",
    "we": "WE", "wed": "WE", "weds": "WE", "wednesday": "WE",
    "th": "TH", "thu": "TH", "thur": "TH", "thurs": "TH", "thursday": "TH",
    "fr": "FR", "fri": "FR", "friday": "FR",
    "sa": "SA", "sat": "SA", "saturday": "SA",
    "su": "SU", "sun": "SU", "sunday": "SU",
}


_ORDINAL_WORDS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "last": -1}


_EVERY_ALIASES = {
    "daily": "day", "weekly": "week", "monthly": "month", "yearly": "year", "annually": "year",
    "fortnightly": "2 weeks", "fortnight": "2 weeks", "biweekly": "2 weeks", "other week": "2 weeks",
    "quarterly": "3 months", "weekdays": "weekday",
}


_EVERY = r"(?:(\d+)\s*)?(day|weekday|week|month|year)s?"


def parse_every(text: str, field: str = "--every") -> tuple[str, int, bool]:
    """How often, as (FREQ, INTERVAL, weekdays only): "2 weeks" is ("WEEKLY", 2, False)."""
    cleaned = " ".join(text.strip().lower().split())
    cleaned = cleaned.removeprefix("every ").strip()
    cleaned = _EVERY_ALIASES.get(cleaned, cleaned)
    match = re.fullmatch(_EVERY, cleaned)
    if not match:
        raise InvalidInput(field, text, EVERY_ACCEPTED, problem="is not a repeat I know")
    count, unit = int(match.group(1) or 1), match.group(2)
    if unit == "weekday":
        if match.group(1):
            raise InvalidInput(field, text, "use weekday on its own, for Monday to Friday",
                               problem="is not a repeat I know")
        return "WEEKLY", 1, True
    if not 1 <= count <= MAX_INTERVAL:
        raise InvalidInput(field, text, f"the number goes from 1 to {MAX_INTERVAL}, like 2 weeks",
                           problem="is not a possible repeat")
    freq = {"day": "DAILY", "week": "WEEKLY", "month": "MONTHLY", "year": "YEARLY"}[unit]
    return freq, count, False


def rule_from_spec(every: str, on: str | None, start: dt.date,
                   every_field: str = "--every", on_field: str = "--on") -> str:
    """The RFC 5545 rule for --every and --on; the start date fills in the day when --on is left out.

    Every rule names its days outright (BYDAY, BYMONTHDAY...), so a later change of the start
    date never silently moves the days it comes round on.
    """
    freq, interval, weekdays = parse_every(every, every_field)
    parts: dict[str, str] = {"FREQ": freq}
    if interval > 1:
        parts["INTERVAL"] = str(interval)
    if on is not None and (weekdays or freq in ("DAILY", "YEARLY")):
        raise InvalidInput(on_field, on, "--on goes with week (like --on mon,thu) or month (like --on 1 or "
                           "--on last); for a yearly reminder, --start sets the day",
                           problem=f"does not go with {every}")
    if weekdays:
        parts["BYDAY"] = WEEKDAYS
    elif freq == "WEEKLY":
        parts["BYDAY"] = ",".join(parse_week_days(on, on_field)) if on is not None else DAY_CODES[start.weekday()]
    elif freq == "MONTHLY":
        parts.update(parse_month_days(on, on_field) if on is not None else _month_day(start.day))
    elif freq == "YEARLY":
        parts["BYMONTH"] = str(start.month)
        if (start.month, start.day) == (2, 29):
            parts.update({"BYMONTHDAY": "28,29", "BYSETPOS": "-1"})  # the last day of February
        else:
            parts["BYMONTHDAY"] = str(start.day)
    return join_rule(parts)


def every_of(rule: str) -> str | None:
    """How often a weekly or monthly rule comes round, as --every takes it ("week", "2 weeks", "month"),
    so --on alone can change its days; None when the rule says more than --every and --on could."""
    parts = split_rule(rule)
    unit = {"WEEKLY": "week", "MONTHLY": "month"}.get(parts.get("FREQ", ""))
    if unit is None or not set(parts) <= {"FREQ", "INTERVAL", "BYDAY", "BYMONTHDAY", "BYSETPOS", "WKST"}:
        return None
    interval = int(parts.get("INTERVAL", "1"))
    return unit if interval == 1 else f"{interval} {unit}s"


def parse_week_days(text: str, field: str = "--on") -> list[str]:
    """Day names as RFC 5545 codes, Monday first: "thu, mon" is ["MO", "TH"]."""
    words = [word for word in re.split(r"[\s,;/]+|\band\b", text.strip().lower()) if word]
    codes: set[str] = set()
    for word in words:
        if word == "weekdays":
            codes.update(WEEKDAYS.split(","))
        elif word in ("weekend", "weekends"):
            codes.update(("SA", "SU"))
        elif word in _DAY_WORDS:
            codes.add(_DAY_WORDS[word])
        else:
            raise InvalidInput(field, text, WEEK_ON_ACCEPTED, problem="is not a day name I know")
    if not codes:
        raise InvalidInput(field, text, WEEK_ON_ACCEPTED, problem="names no day")
    return [code for code in DAY_CODES if code in codes]


def parse_month_days(text: str, field: str = "--on") -> dict[str, str]:
    """Days of the month as rule parts: "1,15", "last", "31" (the last day in shorter months), "2nd tue"."""
    items = [item.strip() for item in re.split(r",|\band\b", text.strip().lower()) if item.strip()]
    if not items:
        raise InvalidInput(field, text, MONTH_ON_ACCEPTED, problem="names no day")
    numbers: list[int] = []
    weekdays: list[str] = []
    for item in items:
        number = re.fullmatch(r"(\d{1,2})(?:st|nd|rd|th)?", item)
        if number:
            value = int(number.group(1))
            if not 1 <= value <= 31:
                raise InvalidInput(field, text, "a day of the month goes from 1 to 31, or say last",
                                   problem="is not a day of the month")
            numbers.append(value)
            continue
        if item in ("last", "last day"):
            numbers.append(-1)
            continue
        ordinal = re.fullmatch(r"(first|second|third|fourth|fifth|last|[1-5](?:st|nd|rd|th)?)[\s-]*([a-z]+)", item)
        if ordinal and ordinal.group(2) in _DAY_WORDS:
            which = ordinal.group(1)
            position = _ORDINAL_WORDS.get(which) or int(which[0])
            weekdays.append(f"{position}{_DAY_WORDS[ordinal.group(2)]}")
            continue
        if item in _DAY_WORDS:
            raise InvalidInput(field, text, "write it like 1st mon, 2nd tue or last fri",
                               problem="does not say which one in the month")
        raise InvalidInput(field, text, MONTH_ON_ACCEPTED, problem="is not a day of the month I know")
    if numbers and weekdays:
        raise InvalidInput(field, text, "give days of the month (like 1,15) or weekdays (like 2nd tue), not both",
                           problem="mixes days of the month and weekdays")
    if weekdays:
        return {"BYDAY": ",".join(dict.fromkeys(weekdays))}
    if len(numbers) == 1:
        return _month_day(numbers[0])
    if any(value in (29, 30) for value in numbers):
        raise InvalidInput(field, text, "with several days, use days up to 28, or 31 or last for the month's end",
                           problem="has a day that some months do not")
    values = sorted({-1 if value == 31 else value for value in numbers}, key=lambda v: (v < 0, v))
    return {"BYMONTHDAY": ",".join(str(value) for value in values)}


def _month_day(day: int) -> dict[str, str]:
    """One day of the month; days short months lack fall back to the month's last day."""
    if day == -1 or day == 31:
        return {"BYMONTHDAY": "-1"}
    if day in (29, 30):
        # "The 30th, or the last day of a shorter month": the latest of 28..30 that the month has.
        return {"BYMONTHDAY": ",".join(str(d) for d in range(28, day + 1)), "BYSETPOS": "-1"}
    return {"BYMONTHDAY": str(day)}


def parse_at(text: str, field: str = "--at") -> dt.time:
    """A time of day: "18:30", "9:00", "0930", "6:30pm", "6 pm", "noon"."""
    cleaned = text.strip().lower().replace(" ", "").replace(".", ":")
    if cleaned == "noon":
        return dt.time(12, 0)
    match = re.fullmatch(r"(\d{1,2})(?::?(\d{2}))?(am|pm|a|p)?", cleaned)
    if not match:
        raise InvalidInput(field, text, AT_ACCEPTED, problem="is not a time of day")
    hour, minute, half = int(match.group(1)), int(match.group(2) or 0), match.group(3)
    if half:
        if not 1 <= hour <= 12:
            raise InvalidInput(field, text, AT_ACCEPTED, problem="is not a time of day")
        hour = hour % 12 + (12 if half.startswith("p") else 0)
    if hour > 23 or minute > 59:
        raise InvalidInput(field, text, AT_ACCEPTED, problem="is not a time of day")
    return dt.time(hour, minute)


def at_text(at: dt.time) -> str:
    return f"{at:%H:%M}"
