"""Adding the courses read from a spreadsheet: one transaction that looks again at what is recorded."""

from __future__ import annotations

import contextlib
import gc
import sqlite3
from collections.abc import Iterator

from peertrack.domain.models import Course
from peertrack.storage.certs import load_certs, unknown_cert
from peertrack.storage.courses import insert_courses, recorded_keys
from peertrack.storage.database import transaction


def add_courses(conn: sqlite3.Connection, courses: list[Course], named: tuple[str, ...] | None) -> list[Course]:
    """Add the courses not recorded yet, counting toward the certifications `named`
    (None: those whose cycles include each one's date, worked out when read).

    Everything is looked at again inside the write: two imports at once add each course only
    once, and a certification removed while the person was asked is noticed, not crashed on.
    """
    from peertrack.domain.record_types import replace
    from peertrack.exchange.csv_import import course_key

    with transaction(conn), many_records():
        everyone = load_certs(conn)
        if named is not None:
            gone = [cert_id for cert_id in named if cert_id not in {cert.id for cert in everyone}]
            if gone:
                raise unknown_cert(conn, gone[0])
        keys = [course_key(course) for course in courses]
        present = recorded_keys(conn, keys)
        # In date order: the numbers then follow the dates, and the date index grows at its end.
        added = sorted((course for course, key in zip(courses, keys, strict=True) if key not in present),
                       key=lambda course: course.date)
        if named is not None:
            added = [replace(course, credit_chosen=True, cert_ids=named) for course in added]
        insert_courses(conn, added)
    return added


@contextlib.contextmanager
def many_records() -> Iterator[None]:
    """Python's collector of reference cycles paused while a sheet's courses are made and written: it would
    walk every course made so far again and again, and courses hold no cycles for it to find."""
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()
