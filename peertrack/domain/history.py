"""CE hours month by month over a certification's current cycle: the facts behind `status --history`."""

from __future__ import annotations

import datetime as dt

from peertrack.domain.models import Course
from peertrack.domain.record_types import dataclass


@dataclass(frozen=True)
class MonthHours:
    """The CE seconds credited to one certification in one calendar month."""

    month: dt.date  # its first day
    seconds: int


@dataclass(frozen=True)
class CycleHistory:
    """One certification's months, from the start of its current cycle to today (or the cycle's end)."""

    cert_id: str
    name: str
    months: tuple[MonthHours, ...]


def monthly_seconds(courses: list[Course], cert_id: str, starts: dt.date, until: dt.date) -> tuple[MonthHours, ...]:
    """Every month from `starts` to `until`, empty ones included, with the seconds credited to `cert_id`."""
    if until < starts:
        return ()
    totals: dict[dt.date, int] = {}
    for course in courses:
        if starts <= course.date <= until and cert_id in course.cert_ids:
            month = course.date.replace(day=1)
            totals[month] = totals.get(month, 0) + course.credited_seconds(cert_id)
    months = []
    month = starts.replace(day=1)
    while month <= until:
        months.append(MonthHours(month, totals.get(month, 0)))
        month = (month + dt.timedelta(days=32)).replace(day=1)
    return tuple(months)
