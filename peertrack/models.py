"""Plain records that flow between storage, the domain and the output; no behaviour, no I/O."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

FORMATS = ("online", "in-person", "self-study")


@dataclass(frozen=True)
class Requirement:
    """A category minimum: at least `minutes` of the cycle's hours in `category`."""

    category: str
    minutes: int


@dataclass(frozen=True)
class Cycle:
    """One renewal cycle of a certification, from `starts` to `ends` (both included)."""

    starts: dt.date
    ends: dt.date
    required_minutes: int
    id: int | None = None
    closed_on: dt.date | None = None

    def contains(self, day: dt.date) -> bool:
        return self.starts <= day <= self.ends


@dataclass(frozen=True)
class Certification:
    id: str
    name: str
    cycle_months: int
    required_minutes: int
    cycle: Cycle
    body: str | None = None
    number: str | None = None
    issued: dt.date | None = None
    requirements: tuple[Requirement, ...] = ()

    @property
    def expires(self) -> dt.date:
        return self.cycle.ends


@dataclass(frozen=True)
class Allocation:
    """The part of a course's hours that falls in one category."""

    category: str
    minutes: int


@dataclass(frozen=True)
class Course:
    """One continuing-education course (a CE entry)."""

    date: dt.date
    title: str
    minutes: int
    provider: str | None = None
    format: str | None = None
    approval_no: str | None = None
    note: str | None = None
    allocations: tuple[Allocation, ...] = ()
    cert_ids: tuple[str, ...] = ()
    id: int | None = None


@dataclass(frozen=True)
class CategoryProgress:
    name: str
    required_minutes: int
    earned_minutes: int

    @property
    def missing_minutes(self) -> int:
        return max(0, self.required_minutes - self.earned_minutes)

    @property
    def met(self) -> bool:
        return self.missing_minutes == 0


@dataclass(frozen=True)
class Progress:
    """Where one certification stands on a given day: the dashboard's facts."""

    cert: Certification
    today: dt.date
    days_left: int
    earned_minutes: int
    missing_minutes: int
    level: str
    categories: tuple[CategoryProgress, ...] = field(default=())
    minutes_per_month: int | None = None
    course_count: int = 0
