"""Recurring reminders: plain-English repeats as RFC 5545 rules, their dates, their words, and what is due."""

from __future__ import annotations

import calendar
import datetime as dt
import functools
import re
from collections.abc import Iterable

from dateutil.rrule import rrule, rrulestr

from peertrack.domain.errors import InvalidInput
from peertrack.domain.models import DueReminder, Reminder, ReminderLogEntry, ReminderState

EVERY_ACCEPTED = "use day, weekday, week, 2 weeks, month, 3 months or year"
WEEK_ON_ACCEPTED = "use day names like mon,thu"
MONTH_ON_ACCEPTED = "use a day of the month like 1 or 15, last, or a weekday like 2nd tue or last fri"
RRULE_ACCEPTED = "write an RFC 5545 rule like FREQ=WEEKLY;BYDAY=TU or FREQ=MONTHLY;BYMONTHDAY=1"
AT_ACCEPTED = "use a time of day like 18:30, 9:00 or 6:30pm"

MAX_INTERVAL = 999
MAX_COUNT = 10_000
# A rule must come round within about ten years of its start, or it is refused as never coming.
PROBE_DAYS = 3660
# Streaks look this far back at most, so a years-old daily reminder stays quick.
STREAK_WINDOW_DAYS = 4000

DAY_CODES = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
DAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
WEEKDAYS = "MO,TU,WE,TH,FR"
FREQ_UNITS = {"DAILY": "day", "WEEKLY": "week", "MONTHLY": "month", "YEARLY": "year"}

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
_EVERY = re.compile(r"(?:(\d+)\s*)?(day|weekday|week|month|year)s?")

# The parts of an RFC 5545 rule that peertrack keeps, in the order it writes them.
_RULE_KEYS = ("FREQ", "INTERVAL", "COUNT", "BYMONTH", "BYWEEKNO", "BYYEARDAY", "BYMONTHDAY", "BYDAY",
              "BYSETPOS", "WKST")
_RULE_CHARACTERS = re.compile(r"[A-Za-z0-9=;,+\-]+")
_BYDAY_ITEM = re.compile(r"([+-]?\d{1,2})?(MO|TU|WE|TH|FR|SA|SU)")


# --- from what people type to a rule --------------------------------------------------------------


def parse_every(text: str, field: str = "--every") -> tuple[str, int, bool]:
    """How often, as (FREQ, INTERVAL, weekdays only): "2 weeks" is ("WEEKLY", 2, False)."""
    cleaned = " ".join(text.strip().lower().split())
    cleaned = cleaned.removeprefix("every ").strip()
    cleaned = _EVERY_ALIASES.get(cleaned, cleaned)
    match = _EVERY.fullmatch(cleaned)
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
    return _join(parts)


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


def check_rrule(text: str, field: str = "--rrule") -> tuple[str, dt.date | None]:
    """A typed RFC 5545 rule, checked and tidied; an UNTIL in it is handed back as a date.

    Only rules a calendar app can read and that come round by the day are kept: no times of
    day (that is --at), no start (that is --start), no dateutil-only parts, no COUNT=0.
    """
    text = " ".join(text.split())  # shown in one line if it is refused
    cleaned = text.replace(" ", "")
    if cleaned.upper().startswith("RRULE:"):
        cleaned = cleaned[len("RRULE:"):]
    if not cleaned or len(cleaned) > 300 or not _RULE_CHARACTERS.fullmatch(cleaned):
        raise InvalidInput(field, text, RRULE_ACCEPTED, problem="is not a rule I can read")
    parts: dict[str, str] = {}
    for piece in cleaned.upper().split(";"):
        key, sep, value = piece.partition("=")
        if not sep or not key or not value:
            raise InvalidInput(field, text, RRULE_ACCEPTED, problem="is not a rule I can read")
        if key in parts:
            raise InvalidInput(field, text, "give each part of the rule once", problem=f"gives {key} twice")
        parts[key] = value
    _check_keys(parts, text, field)
    until = _until_date(parts.pop("UNTIL"), text, field) if "UNTIL" in parts else None
    if until is not None and "COUNT" in parts:
        raise InvalidInput(field, text, "end a rule with COUNT or with UNTIL, not both", problem="has both")
    _check_values(parts, text, field)
    rule = _join({key: parts[key] for key in _RULE_KEYS if key in parts})
    try:
        rrulestr(rule, dtstart=dt.datetime(2000, 1, 1))
    except (ValueError, TypeError, OverflowError) as error:
        raise InvalidInput(field, text, RRULE_ACCEPTED, problem=f"is not a rule I can use ({error})") from None
    return rule, until


def _check_keys(parts: dict[str, str], text: str, field: str) -> None:
    for key in parts:
        if key in ("BYHOUR", "BYMINUTE", "BYSECOND"):
            raise InvalidInput(field, text, "give the time of day with --at instead", problem=f"has {key}")
        if key == "DTSTART":
            raise InvalidInput(field, text, "give the first day with --start instead", problem="has DTSTART")
        if key not in _RULE_KEYS and key != "UNTIL":
            raise InvalidInput(field, text, RRULE_ACCEPTED, problem=f"has a part I cannot use ({key})")
    if "FREQ" not in parts:
        raise InvalidInput(field, text, RRULE_ACCEPTED, problem="has no FREQ")
    if parts["FREQ"] in ("SECONDLY", "MINUTELY", "HOURLY"):
        raise InvalidInput(field, text, "reminders come round by the day: use FREQ=DAILY, WEEKLY, MONTHLY or "
                           "YEARLY, and --at for the time", problem="repeats within a day")
    if parts["FREQ"] not in FREQ_UNITS:
        raise InvalidInput(field, text, "FREQ is DAILY, WEEKLY, MONTHLY or YEARLY", problem="has an unknown FREQ")


def _check_values(parts: dict[str, str], text: str, field: str) -> None:
    """The checks dateutil leaves out: it loops for ever on INTERVAL=0 and searches for
    years on days that never come; RFC 5545 forbids some pairings outright."""
    freq = parts["FREQ"]

    def bad(problem: str, accepted: str = RRULE_ACCEPTED) -> InvalidInput:
        return InvalidInput(field, text, accepted, problem=problem)

    def numbers(key: str, low: int, high: int, signed: bool = True) -> list[int]:
        values = []
        for item in parts[key].split(","):
            if not re.fullmatch(r"[+-]?\d{1,5}" if signed else r"\d{1,5}", item):
                raise bad(f"has {key}={parts[key]}, which is not a list of numbers")
            value = int(item)
            if value == 0 or not low <= abs(value) <= high:
                raise bad(f"has {key}={parts[key]}", f"{key} goes from 1 to {high}"
                          + (f" (or -1 to -{high} from the end)" if signed else ""))
            values.append(value)
        return values

    def whole(key: str, high: int) -> str:
        value = parts[key]
        if not re.fullmatch(r"\d{1,9}", value) or not 1 <= int(value) <= high:
            raise bad(f"has {key}={value}", f"{key} is a whole number from 1 to {high}")
        return str(int(value))

    if "INTERVAL" in parts:
        parts["INTERVAL"] = whole("INTERVAL", MAX_INTERVAL)
        if parts["INTERVAL"] == "1":
            del parts["INTERVAL"]
    if "COUNT" in parts:
        parts["COUNT"] = whole("COUNT", MAX_COUNT)
    months = numbers("BYMONTH", 1, 12, signed=False) if "BYMONTH" in parts else []
    month_days = numbers("BYMONTHDAY", 1, 31) if "BYMONTHDAY" in parts else []
    for key, high in (("BYWEEKNO", 53), ("BYYEARDAY", 366), ("BYSETPOS", 366)):
        if key in parts:
            numbers(key, 1, high)
    if ("BYWEEKNO" in parts or "BYYEARDAY" in parts) and freq != "YEARLY":
        raise bad("has BYWEEKNO or BYYEARDAY", "those go only with FREQ=YEARLY")
    if month_days and freq == "WEEKLY":
        raise bad("has BYMONTHDAY with FREQ=WEEKLY", "use BYDAY for a weekly rule")
    if "BYSETPOS" in parts:
        if freq == "DAILY" or not any(key.startswith("BY") and key != "BYSETPOS" for key in parts):
            raise bad("has BYSETPOS", "BYSETPOS picks among the days of another BY part, in a week, month or year")
        most = {"WEEKLY": 7, "MONTHLY": 31, "YEARLY": 366}[freq]
        if any(abs(int(item)) > most for item in parts["BYSETPOS"].split(",")):
            raise bad(f"has BYSETPOS={parts['BYSETPOS']}", f"with FREQ={freq}, BYSETPOS goes up to {most}")
    if months and month_days and not any(abs(day) <= _longest(month) for month in months for day in month_days):
        raise bad("asks for a day those months never have", "check BYMONTH and BYMONTHDAY")
    if "BYDAY" in parts:
        parts["BYDAY"] = _check_by_day(parts, freq, months, bad)
    if "WKST" in parts and parts["WKST"] not in DAY_CODES:
        raise bad(f"has WKST={parts['WKST']}", "WKST is a day code like MO or SU")
    for key in ("BYMONTH", "BYWEEKNO", "BYYEARDAY", "BYMONTHDAY", "BYSETPOS"):
        if key in parts:
            parts[key] = ",".join(str(int(item)) for item in parts[key].split(","))


def _check_by_day(parts: dict[str, str], freq: str, months: list[int], bad) -> str:
    items = []
    for item in parts["BYDAY"].split(","):
        match = _BYDAY_ITEM.fullmatch(item)
        if not match:
            raise bad(f"has BYDAY={parts['BYDAY']}", "BYDAY holds day codes like MO,TH or 2TU or -1FR")
        if match.group(1):
            position = int(match.group(1))
            if freq not in ("MONTHLY", "YEARLY") or "BYWEEKNO" in parts:
                raise bad(f"has BYDAY={parts['BYDAY']}",
                          "a numbered day like 2TU goes only with FREQ=MONTHLY or FREQ=YEARLY")
            high = 5 if freq == "MONTHLY" or months else 53
            if position == 0 or abs(position) > high:
                raise bad(f"has BYDAY={parts['BYDAY']}", f"the number before the day goes from 1 to {high}, "
                          "or -1 for the last")
            items.append(f"{position}{match.group(2)}")
        else:
            items.append(match.group(2))
    return ",".join(dict.fromkeys(items))


def _longest(month: int) -> int:
    return 29 if month == 2 else calendar.monthrange(2001, month)[1]


def _until_date(value: str, text: str, field: str) -> dt.date:
    match = re.fullmatch(r"(\d{4})(\d{2})(\d{2})(?:T\d{6}Z?)?", value)
    try:
        if match:
            return dt.date(*(int(part) for part in match.groups()))
    except ValueError:
        pass
    raise InvalidInput(field, text, "write UNTIL as a date like 20271231", problem=f"has UNTIL={value}")


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


# --- the dates a rule gives --------------------------------------------------------------------------


def _midnight(day: dt.date) -> dt.datetime:
    return dt.datetime(day.year, day.month, day.day)


@functools.lru_cache(maxsize=512)
def _compiled(rule: str, starts: dt.date, until: dt.date | None) -> rrule:
    compiled = rrulestr(rule, dtstart=_midnight(starts), cache=True)
    if until is not None and "COUNT=" not in rule:
        compiled = compiled.replace(until=_midnight(until))
    return compiled


def occurrences(rule: str, starts: dt.date, first: dt.date, last: dt.date,
                until: dt.date | None = None) -> list[dt.date]:
    """The rule's dates from `first` to `last`, both included."""
    if last < first:
        return []
    found = _compiled(rule, starts, until).between(_midnight(first), _midnight(last), inc=True)
    return [moment.date() for moment in found]


def next_occurrence(rule: str, starts: dt.date, after: dt.date, until: dt.date | None = None) -> dt.date | None:
    """The first date strictly after `after`; None once the rule has ended."""
    found = _compiled(rule, starts, until).after(_midnight(after), inc=False)
    return found.date() if found else None


def occurrence_on_or_after(rule: str, starts: dt.date, day: dt.date,
                           until: dt.date | None = None) -> dt.date | None:
    found = _compiled(rule, starts, until).after(_midnight(day), inc=True)
    return found.date() if found else None


def occurrence_on_or_before(rule: str, starts: dt.date, day: dt.date,
                            until: dt.date | None = None) -> dt.date | None:
    found = _compiled(rule, starts, until).before(_midnight(day), inc=True)
    return found.date() if found else None


def align_start(rule: str, start: dt.date, until: dt.date | None = None, *,
                field: str = "--every", given: str = "") -> dt.date:
    """The reminder's first date: the first day on or after `start` that the rule's days include.

    The count of INTERVAL starts there, so "every 2 weeks on Monday" from a Wednesday first
    comes the next Monday, the way people mean it (and a calendar app, given that first
    date, agrees). Refuses a rule that never comes round, or not before `until`.
    """
    parts = split_rule(rule)
    parts.pop("INTERVAL", None)
    parts.pop("COUNT", None)
    limit = _add_days(start, PROBE_DAYS)
    found = _compiled(_join(parts), start, None).after(_midnight(start), inc=True)
    first = found.date() if found else None
    if first is None or first > limit:
        raise InvalidInput(field, given or rule, "choose days that come round at least once in ten years",
                           problem="never comes round")
    if until is not None and first > until:
        raise InvalidInput("until", until.isoformat(), f"its first date is {first.isoformat()}",
                           problem="comes before the reminder's first date")
    return first


def _add_days(day: dt.date, days: int) -> dt.date:
    try:
        return day + dt.timedelta(days=days)
    except OverflowError:
        return dt.date.max


def split_rule(rule: str) -> dict[str, str]:
    """An RRULE's parts by name: "FREQ=WEEKLY;BYDAY=MO" is {"FREQ": "WEEKLY", "BYDAY": "MO"}."""
    return dict(piece.split("=", 1) for piece in rule.split(";") if "=" in piece)


def _join(parts: dict[str, str]) -> str:
    return ";".join(f"{key}={value}" for key, value in parts.items())


# --- what is due, and what done, skip and snooze move -----------------------------------------------


def owed_from(reminder: Reminder) -> dt.date:
    """The first day an occurrence can still be owed: after the last one marked done or
    skipped, and never before the reminder was added (so an old start date adds no pile)."""
    boundary = max(reminder.starts, reminder.added_on)
    if reminder.handled_through is not None:
        boundary = max(boundary, reminder.handled_through + dt.timedelta(days=1))
    return boundary


def open_occurrence(reminder: Reminder) -> dt.date | None:
    """The oldest occurrence not yet done or skipped; None once the reminder has no more dates."""
    return occurrence_on_or_after(reminder.rrule, reminder.starts, owed_from(reminder), reminder.until)


def due(reminder: Reminder, today: dt.date) -> DueReminder | None:
    """The reminder if it is due today or overdue, as one item however many times it was missed."""
    first = open_occurrence(reminder)
    if first is None or first > today:
        return None
    snooze = reminder.snoozed_until
    if snooze is not None and today < snooze:
        return None
    since = max(first, snooze) if snooze is not None else first
    waiting = occurrences(reminder.rrule, reminder.starts, since, today, reminder.until)
    return DueReminder(reminder=reminder, oldest_missed=first, due_since=since, missed=max(1, len(waiting)),
                       days_overdue=(today - since).days)


def state(reminder: Reminder, today: dt.date) -> ReminderState:
    """Due now (and since when), or the next day the reminder asks; snoozes push that day on."""
    item = due(reminder, today)
    if item is not None:
        return ReminderState(reminder=reminder, next_on=item.due_since, due=item)
    first = open_occurrence(reminder)
    snooze = reminder.snoozed_until
    if first is not None and snooze is not None and today < snooze and snooze > first:
        return ReminderState(reminder=reminder, next_on=snooze, snoozed=True)
    return ReminderState(reminder=reminder, next_on=first)


def covered_occurrence(reminder: Reminder, day: dt.date, handled: Iterable[dt.date]) -> dt.date | None:
    """The occurrence that done or skip on `day` settles.

    Missed occurrences collapse: the latest one up to `day` settles them all. With nothing
    open yet, it is the next one (done early). A `day` before the last one settled fills in
    history instead, if that occurrence is still open.
    """
    boundary = owed_from(reminder)
    if day >= boundary:
        waiting = occurrences(reminder.rrule, reminder.starts, boundary, day, reminder.until)
        if waiting:
            return waiting[-1]
        return open_occurrence(reminder)
    latest = occurrence_on_or_before(reminder.rrule, reminder.starts, day, reminder.until)
    if latest is not None and latest not in set(handled):
        return latest
    return open_occurrence(reminder)


def due_words(item: DueReminder) -> str:
    """How long a reminder has waited, kindly: "today", "since yesterday", "it's been 9 days"."""
    if item.days_overdue <= 0:
        return f"today at {at_text(item.reminder.at)}" if item.reminder.at is not None else "today"
    if item.days_overdue == 1:
        return "since yesterday"
    return f"it's been {item.days_overdue} days"  # two or more: one is "since yesterday"


def handled_occurrences(entries: Iterable[ReminderLogEntry]) -> set[dt.date]:
    return {entry.occurrence for entry in entries if entry.action in ("done", "skipped")}


def streak(reminder: Reminder, entries: Iterable[ReminderLogEntry], today: dt.date) -> int:
    """How many of the latest occurrences were done in a row.

    A skip neither counts nor breaks it (choosing to rest is part of a plan); an occurrence
    still to come, or today's, does not break it; one missed in the past does.
    """
    entries = list(entries)
    done = {entry.occurrence for entry in entries if entry.action == "done"}
    skipped = {entry.occurrence for entry in entries if entry.action == "skipped"}
    end = max([today, *done, *skipped])
    first = max(reminder.starts, end - dt.timedelta(days=STREAK_WINDOW_DAYS))
    days = set(occurrences(reminder.rrule, reminder.starts, first, end, reminder.until)) | done | skipped
    count = 0
    for day in sorted(days, reverse=True):
        if day in done:
            count += 1
        elif day in skipped or day >= today:
            continue
        else:
            break
    return count


# --- a rule in words ------------------------------------------------------------------------------


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


def _plain_days(days: str) -> bool:
    return all(item in DAY_CODES for item in days.split(","))


def _day_list(days: str) -> str:
    names = [DAY_NAMES[DAY_CODES.index(item)] for item in days.split(",")]
    return _and(names)


def _and(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def _which_days(days: str, month_days: str, setpos: str, starts: dt.date | None) -> str | None:
    """ "the 1st and 15th", "the last day", "the second Tuesday"; None when it takes more words."""
    if days and not month_days and not setpos:
        named = []
        for item in days.split(","):
            match = _BYDAY_ITEM.fullmatch(item)
            if not match or not match.group(1):
                return None
            named.append(f"{_position(int(match.group(1)))} {DAY_NAMES[DAY_CODES.index(match.group(2))]}")
        return "the " + _and(named)
    if month_days and not days:
        values = [int(item) for item in month_days.split(",")]
        if setpos == "-1" and values == list(range(28, values[-1] + 1)) and len(values) > 1:
            return f"the {_nth(values[-1])}, or the last day of a shorter month"
        if setpos:
            return None
        return "the " + _and([_nth(value) if value > 0 else f"{_position(value)} day" for value in values])
    if not days and not month_days and not setpos and starts:
        return f"the {_nth(starts.day)}"
    return None


def _yearly_words(head: str, months: str, days: str, month_days: str, setpos: str,
                  starts: dt.date | None) -> str | None:
    if not months:
        if not (days or month_days or setpos) and starts:
            return f"{head} on {starts.day} {calendar.month_name[starts.month]}"
        return None
    if "," in months:
        return None
    month = calendar.month_name[int(months)]
    if month_days and not days:
        values = [int(item) for item in month_days.split(",")]
        if setpos == "-1" and len(values) > 1 and values == list(range(28, values[-1] + 1)):
            return f"{head} on the last day of {month}" if values[-1] >= _longest(int(months)) else None
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
