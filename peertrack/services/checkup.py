"""What `peertrack check` finds: a whole database with only peertrack's own objects, and sound certificate copies."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from pathlib import Path

from peertrack.domain.models import Course
from peertrack.domain.transfer import CheckReport, FileCheck
from peertrack.storage.attachments import all_attachments
from peertrack.storage.courses import find_courses
from peertrack.storage.database import reading


def check_records(conn: sqlite3.Connection, db_path: Path, listed: Iterable[Course] | None = None) -> CheckReport:
    """The report on the database at `db_path`; `listed` limits the courses asked about (default: all)."""
    from peertrack.storage import backup as copies
    from peertrack.storage import file_store as attachments
    from peertrack.storage import schema_check

    folder = attachments.folder_for(db_path)
    with reading(conn):
        courses = {course.id: course for course in find_courses(conn)}
        kept = all_attachments(conn)
        foreign = tuple(f'{kind} "{name}"' for kind, name in schema_check.foreign_objects(conn))
    files = tuple(FileCheck(a, courses[a.ceu_id], attachments.check(folder, a)) for a in kept)
    with_files = {a.ceu_id for a in kept}
    return CheckReport(database_ok=copies.is_intact(conn), files=files, foreign=foreign,
                       unattached=tuple(c for c in (courses.values() if listed is None else listed)
                                        if c.id not in with_files))
