"""The dates of the rules most reminders have, by calendar arithmetic: every N days; every N weeks on some
weekdays; every N months on some days of the month (counted from the end when negative). Any other rule
is None here and left to dateutil (occurrences.py), whose answers these are held to by a property test;
reading dateutil costs more than every `due` spends on its reminders.
"""

from __future__ import annotations

import datetime as dt

_DAY_CODES = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
# Month lengths repeat every 400 years (4,800 months): a rule with no day in that many steps has none ever.
_MONTH_STEPS = 4800


class SimpleRule:
    """A rule of one of the three shapes: how often (DAILY, WEEKLY, MONTHLY), every how many, and on which days."""

    __slots__ = ("freq", "interval", "weekdays", "week_start", "month_days")

    def __init__(self, freq: str, interval: int, weekdays: frozenset[int], week_start: int,
                 month_days: tuple[int, ...]) -> None:
        self.freq, self.interval, self.weekdays = freq, interval, weekdays
        self.week_start, self.month_days = week_start, month_days


def simple_rule(rule: str) -> SimpleRule | None:
    """The rule as one of the three shapes, or None for anything else (a COUNT, a numbered weekday, BYSETPOS,
    a yearly rule, an UNTIL kept in the text, or a part written in any way the checks would not have kept)."""
    parts: dict[str, str] = {}
    for piece in rule.split(";"):
        key, sep, value = piece.partition("=")
        if not sep or not value or key in parts:
            return None
        parts[key] = value
    freq = parts.pop("FREQ", "")
    interval = _whole(parts.pop("INTERVAL", "1"))
    if not interval:
        return None
    if freq == "DAILY" and not parts:
        return SimpleRule(freq, interval, frozenset(), 0, ())
    if freq == "WEEKLY" and parts.keys() <= {"BYDAY", "WKST"}:
        days = parts.get("BYDAY")
        weekdays = [_DAY_CODES.index(code) if code in _DAY_CODES else -1 for code in days.split(",")] if days else []
        start = parts.get("WKST", "MO")
        if -1 in weekdays or start not in _DAY_CODES:
            return None
        return SimpleRule(freq, interval, frozenset(weekdays), _DAY_CODES.index(start), ())
    if freq == "MONTHLY" and parts.keys() <= {"BYMONTHDAY"}:
        days = parts.get("BYMONTHDAY")
        month_days = [_signed(item) for item in days.split(",")] if days else []
        if not all(month_days):
            return None
        return SimpleRule(freq, interval, frozenset(), 0, tuple(month_days))
    return None


def on_or_after(rule: SimpleRule, starts: dt.date, day: dt.date, until: dt.date | None) -> dt.date | None:
    """The rule's first date on or after `day` (never before `starts`, never after `until`); None if none."""
    day = max(day, starts)
    try:
        if rule.freq == "DAILY":
            found: dt.date | None = starts + dt.timedelta(days=-(-(day - starts).days // rule.interval) * rule.interval)
        elif rule.freq == "WEEKLY":
            found = _weekly(rule, starts, day)
        else:
            found = _monthly(rule, starts, day)
    except (OverflowError, ValueError):  # past the last day a date can hold
        return None
    return None if found is None or (until is not None and found > until) else found


def between(rule: SimpleRule, starts: dt.date, first: dt.date, last: dt.date, until: dt.date | None) -> list[dt.date]:
    """The rule's dates from `first` to `last`, both included."""
    found = []
    day = on_or_after(rule, starts, first, until)
    while day is not None and day <= last:
        found.append(day)
        day = on_or_after(rule, starts, day + dt.timedelta(days=1), until) if day < dt.date.max else None
    return found


def _weekly(rule: SimpleRule, starts: dt.date, day: dt.date) -> dt.date:
    """Weeks begin on the rule's week start (Monday unless WKST says), and only every `interval`-th week,
    counted from the week of `starts`, has dates."""
    weekdays = rule.weekdays or frozenset((starts.weekday(),))
    week = _week(day, rule.week_start)
    behind = (week - _week(starts, rule.week_start)) % rule.interval
    if behind:  # not one of the rule's weeks: from the first day of the next one that is
        week += rule.interval - behind
        day = _first_day(week, rule.week_start)
    while True:
        while _week(day, rule.week_start) == week:
            if day.weekday() in weekdays:
                return day
            day += dt.timedelta(days=1)
        week += rule.interval
        day = _first_day(week, rule.week_start)


def _week(day: dt.date, week_start: int) -> int:
    """The number of the week `day` is in, weeks beginning on `week_start` (0 for Monday): day 1 was a Monday."""
    return (day.toordinal() - 1 - week_start) // 7


def _first_day(week: int, week_start: int) -> dt.date:
    return dt.date.fromordinal(week * 7 + 1 + week_start)


def _monthly(rule: SimpleRule, starts: dt.date, day: dt.date) -> dt.date | None:
    """Every `interval`-th month from that of `starts`, on its days that the month has."""
    month_days = rule.month_days or (starts.day,)
    first_month = starts.year * 12 + starts.month - 1
    month = day.year * 12 + day.month - 1
    earliest = day.day
    behind = (month - first_month) % rule.interval
    if behind:
        month, earliest = month + rule.interval - behind, 1
    for _ in range(_MONTH_STEPS):
        year, index = divmod(month, 12)
        if year > dt.MAXYEAR:
            return None
        length = _days_in_month(year, index + 1)
        days = [number if number > 0 else length + number + 1 for number in month_days if abs(number) <= length]
        later = [number for number in days if number >= earliest]
        if later:
            return dt.date(year, index + 1, min(later))
        month, earliest = month + rule.interval, 1
    return None


def _days_in_month(year: int, month: int) -> int:
    if month == 2:
        return 29 if year % 4 == 0 and (year % 100 != 0 or year % 400 == 0) else 28
    return 30 if month in (4, 6, 9, 11) else 31


def _whole(text: str) -> int:
    """A whole number written in ASCII digits, else 0."""
    return int(text) if text.isascii() and text.isdigit() and len(text) <= 5 else 0


def _signed(text: str) -> int:
    """A day of the month from 1 to 31, or -1 to -31 from its end, else 0."""
    sign = -1 if text.startswith("-") else 1
    number = _whole(text[1:] if text[:1] in "+-" and text else text)
    return sign * number if 1 <= number <= 31 else 0
