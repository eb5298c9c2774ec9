"""Extra hours a closed cycle passes to the next, worked out when read from the courses that counted toward it.

Like credit, carry-over is never stored: the hours carried into a cycle are
carry_over(the cycle before's own counted hours, its required hours, its own carry-over cap),
so a course of the old cycle logged, changed or removed after the renewal counts at once.
Only a cycle whose predecessor has a cap pays for reading that predecessor's courses.
"""

from __future__ import annotations

import datetime as dt
import sqlite3

from peertrack.domain.record_types import replace
from peertrack.services.cycle_courses import counted_courses

TYPE_CHECKING = False  # as typing.TYPE_CHECKING, without importing typing at start-up
if TYPE_CHECKING:
    from peertrack.domain.models import Certification, Course, Progress


def with_carried(conn: sqlite3.Connection, certs: list[Certification], today: dt.date) -> list[Certification]:
    """`certs`, each with the hours carried into its cycle from the one before (none without a cap there)."""
    return [replace(cert, cycle=replace(cert.cycle, carried_seconds=carried_into(conn, cert, today)))
            if cert.carry_from is not None and cert.carry_from.carry_cap_seconds else cert for cert in certs]


def carried_into(conn: sqlite3.Connection, cert: Certification, today: dt.date) -> int:
    """The hours the cycle before `cert.cycle` passes on to it: its own counted hours over what it required,
    up to the cap it closed with."""
    before = cert.carry_from
    if before is None or not before.carry_cap_seconds:
        return 0
    from peertrack.domain.cycles import carry_over
    from peertrack.storage.certs import in_cycle

    source = in_cycle(conn, cert, before)
    return carry_over(own_progress(source, counted_courses(conn, source), today).earned_seconds,
                      before.required_seconds, before.carry_cap_seconds)


def own_progress(cert: Certification, courses: list[Course], today: dt.date) -> Progress:
    """Where `cert`'s cycle stands on its own courses alone, under its own rules: nothing carried into it.

    Its own counted hours are what it may pass on: hours it carried in itself are not passed on again.
    """
    from peertrack.domain.requirements import progress

    return progress(replace(cert, cycle=replace(cert.cycle, carried_seconds=0)), courses, today)


def every_cycle(conn: sqlite3.Connection, current: Progress, today: dt.date) -> list[Progress]:
    """Every cycle of a certification with its own progress, oldest first, each with the hours carried into
    it; the current one as the dashboard has it (`current`: its topics, trainings and any unique-hours split)."""
    from peertrack.domain.cycles import carry_over
    from peertrack.domain.requirements import progress
    from peertrack.storage.certs import in_cycle, load_cycles

    cert = current.cert
    history: list[Progress] = []
    passed_on = 0  # what the cycle before the one at hand passes on to it
    for cycle in load_cycles(conn, cert.id):
        if cycle.id == cert.cycle.id:
            history.append(current)
            continue
        past = in_cycle(conn, cert, cycle)
        courses = counted_courses(conn, past)
        own = own_progress(past, courses, today)
        history.append(progress(replace(past, cycle=replace(cycle, carried_seconds=passed_on)), courses, today)
                       if passed_on else own)
        passed_on = carry_over(own.earned_seconds, cycle.required_seconds, cycle.carry_cap_seconds)
    return history
