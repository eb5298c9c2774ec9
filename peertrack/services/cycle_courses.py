"""The courses that count toward one cycle of a certification, as its board's rules see them."""

from __future__ import annotations

import datetime as dt
import sqlite3

from peertrack.storage.courses import credited_courses

TYPE_CHECKING = False  # as typing.TYPE_CHECKING, without importing typing at start-up
if TYPE_CHECKING:
    from peertrack.domain.models import Certification, Course


def cycle_courses(conn: sqlite3.Connection, cert: Certification) -> list[Course]:
    """The courses of the certification's cycle (the current one, or a past one given); for a board that
    counts a training once ever, only first times, and for one that counts a program once a cycle, only its
    first time in this cycle."""
    courses = credited_courses(conn, cert.id, cert.cycle.starts, cert.cycle.ends)
    if cert.template is None or not courses:
        return courses
    from peertrack.domain.once_ever import first_times
    from peertrack.services.board_rules import counts_once_a_cycle, counts_once_ever

    if not counts_once_ever(cert):
        return first_times(courses, []) if counts_once_a_cycle(cert) else courses
    from peertrack.storage.courses import credit_spans

    first = credit_spans(conn)[cert.id][0]  # the earlier cycles: a course before the first counted toward none
    return first_times(courses, credited_courses(conn, cert.id, first, cert.cycle.starts - dt.timedelta(days=1)))


def counted_courses(conn: sqlite3.Connection, cert: Certification) -> list[Course]:
    """The courses that count toward `cert`'s cycle (any cycle, past or current), as its board's rules on
    providers and on trainings counted once see them: the dashboard's own reading."""
    from peertrack.services.board_rules import provider_rules

    return provider_rules(conn, cert, cycle_courses(conn, cert))[0]
