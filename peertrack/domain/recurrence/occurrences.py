"""The dates a rule comes round on: between two days, the next, the nearest, and the first one."""

from __future__ import annotations

import datetime as dt
from functools import lru_cache

from dateutil.rrule import rrule, rrulestr

from peertrack.domain.errors import InvalidInput
from peertrack.domain.recurrence.rules import join_rule, split_rule

# A rule must come round within about ten years of its start, or it is refused as never coming.
PROBE_DAYS = 3660


def midnight(day: dt.date) -> dt.datetime:
    return dt.datetime(day.year, day.month, day.day)


@lru_cache(maxsize=256)  # a reminder's rule is read several times a run (due, next, nearest); reading it is slow
def _compiled(rule: str, starts: dt.date, until: dt.date | None) -> rrule:
    compiled = rrulestr(rule, dtstart=midnight(starts), cache=True)
    if until is not None and "COUNT=" not in rule:
        compiled = compiled.replace(until=midnight(until))
    return compiled


def occurrences(rule: str, starts: dt.date, first: dt.date, last: dt.date,
                until: dt.date | None = None) -> list[dt.date]:
    """The rule's dates from `first` to `last`, both included."""
    if last < first:
        return []
    found = _compiled(rule, starts, until).between(midnight(first), midnight(last), inc=True)
    return [moment.date() for moment in found]


def next_occurrence(rule: str, starts: dt.date, after: dt.date, until: dt.date | None = None) -> dt.date | None:
    """The first date strictly after `after`; None once the rule has ended."""
    found = _compiled(rule, starts, until).after(midnight(after), inc=False)
    return found.date() if found else None


def occurrence_on_or_after(rule: str, starts: dt.date, day: dt.date,
                           until: dt.date | None = None) -> dt.date | None:
    found = _compiled(rule, starts, until).after(midnight(day), inc=True)
    return found.date() if found else None


def occurrence_on_or_before(rule: str, starts: dt.date, day: dt.date,
                            until: dt.date | None = None) -> dt.date | None:
    found = _compiled(rule, starts, until).before(midnight(day), inc=True)
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
    found = _compiled(join_rule(parts), start, None).after(midnight(start), inc=True)
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
