"""The dates a rule comes round on: between two days, the next, the nearest, and the first one.

The rules most reminders have are worked out by calendar arithmetic (simple_rules.py); dateutil,
loaded only then, works out every other rule.
"""

from __future__ import annotations

import datetime as dt
from functools import lru_cache

from peertrack.domain.errors import InvalidInput
from peertrack.domain.recurrence import simple_rules

TYPE_CHECKING = False  # as typing.TYPE_CHECKING, without importing typing at start-up
if TYPE_CHECKING:
    from dateutil.rrule import rrule

# A rule must come round within about ten years of its start, or it is refused as never coming.
PROBE_DAYS = 3660


def midnight(day: dt.date) -> dt.datetime:
    return dt.datetime(day.year, day.month, day.day)


@lru_cache(maxsize=256)  # a reminder's rule is read several times a run (due, next, nearest); reading it is slow
def _compiled(rule: str, starts: dt.date, until: dt.date | None) -> rrule:
    from dateutil.rrule import rrulestr

    compiled = rrulestr(rule, dtstart=midnight(starts), cache=True)
    if until is not None and "COUNT=" not in rule:
        compiled = compiled.replace(until=midnight(until))
    return compiled


@lru_cache(maxsize=256)
def _simple(rule: str) -> simple_rules.SimpleRule | None:
    return simple_rules.simple_rule(rule)


def occurrences(rule: str, starts: dt.date, first: dt.date, last: dt.date,
                until: dt.date | None = None) -> list[dt.date]:
    """The rule's dates from `first` to `last`, both included."""
    if last < first:
        return []
    simple = _simple(rule)
    if simple is not None:
        return simple_rules.between(simple, starts, first, last, until)
    found = _compiled(rule, starts, until).between(midnight(first), midnight(last), inc=True)
    return [moment.date() for moment in found]


def next_occurrence(rule: str, starts: dt.date, after: dt.date, until: dt.date | None = None) -> dt.date | None:
    """The first date strictly after `after`; None once the rule has ended."""
    simple = _simple(rule)
    if simple is not None:
        return simple_rules.on_or_after(simple, starts, after + dt.timedelta(days=1), until) \
            if after < dt.date.max else None
    found = _compiled(rule, starts, until).after(midnight(after), inc=False)
    return found.date() if found else None


def occurrence_on_or_after(rule: str, starts: dt.date, day: dt.date,
                           until: dt.date | None = None) -> dt.date | None:
    simple = _simple(rule)
    if simple is not None:
        return simple_rules.on_or_after(simple, starts, day, until)
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
    from peertrack.domain.recurrence.rules import join_rule, split_rule

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
