"""Plain records for moving records in and out: certificate files, spreadsheet imports, checks, backups.

Kept apart from models.py so that the everyday commands never pay to define them.
"""

from __future__ import annotations

import datetime as dt

from peertrack.domain.models import Course
from peertrack.domain.record_types import dataclass


@dataclass
class Attachment:
    """A certificate file kept for a course: a copy in the data folder, known by the sha256 of its content."""

    sha256: str
    original_name: str
    size: int
    media_type: str | None = None
    ceu_id: int | None = None
    added_at: str | None = None
    id: int | None = None


@dataclass
class SheetRow:
    """One row of an imported spreadsheet: the course it holds, or the one sentence saying why not."""

    number: int
    course: Course | None = None
    problem: str | None = None

    @property
    def read(self) -> Course:
        """The course of a row that could be read: every row to add, and every row already recorded."""
        assert self.course is not None, "an unreadable row has no course"
        return self.course


@dataclass
class ImportPlan:
    """What importing a spreadsheet would do: the rows to add, those already recorded, those unreadable."""

    new: tuple[SheetRow, ...]
    known: tuple[SheetRow, ...]
    unreadable: tuple[SheetRow, ...]
    columns: tuple[tuple[str, str], ...] = ()  # (the column as the file names it, the field it fills)
    ignored: tuple[str, ...] = ()
    notes: tuple[str, ...] = ()


@dataclass
class FileCheck:
    """What checking one stored certificate found: "ok", "missing" or "damaged"."""

    attachment: Attachment
    course: Course
    state: str


@dataclass
class CheckReport:
    """The result of `peertrack check`: the database, every certificate file, courses without one."""

    database_ok: bool
    files: tuple[FileCheck, ...] = ()
    unattached: tuple[Course, ...] = ()
    foreign: tuple[str, ...] = ()  # triggers, views, tables or indexes peertrack's schema does not define

    @property
    def problems(self) -> tuple[FileCheck, ...]:
        return tuple(item for item in self.files if item.state != "ok")

    @property
    def ok(self) -> bool:
        return self.database_ok and not self.problems and not self.foreign


@dataclass
class DatabaseSummary:
    """What a database file holds, shown before a restore: its schema and how many records of each kind."""

    schema: int
    certifications: tuple[str, ...] = ()
    courses: int = 0
    first_course: dt.date | None = None
    last_course: dt.date | None = None
    counts: tuple[tuple[str, int], ...] = ()  # other kinds of records: (table, rows)
