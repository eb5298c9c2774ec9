"""A certification's record for one cycle, as an audit bundle and a renewal packet hand it in."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Optional

import typer

from peertrack.commands.common import cert_or_default, open_existing, top_options, which_cert_words
from peertrack.domain.record_types import dataclass, replace

if TYPE_CHECKING:
    from peertrack.domain.models import Certification, Course, Progress
    from peertrack.exchange.bundle import Certificate


@dataclass
class CycleRecord:
    """What a certifying body asks for: the cycle, where it stands, its courses and their certificates.

    `progress` is the domain's own result for the cycle (None for every cycle at once): totals
    and what does not count are read from it, never worked out again here.
    """

    cert: Certification
    which: str
    window: Optional[tuple[dt.date, dt.date]]
    progress: Progress | None
    courses: list[Course]  # as this certification credits them
    certificates: list[Certificate]  # the sound ones and the others
    holder: Optional[str]
    today: dt.date


def gather(ctx: typer.Context, cert: Optional[str], which: str, what: str = "audited") -> CycleRecord:
    """The record of `cert` (or the default-cert setting) for the current, previous or every cycle."""
    from peertrack.commands.selection import cycle_window, select_courses
    from peertrack.domain.requirements import as_credited, counts_none_of
    from peertrack.exchange.bundle import Certificate
    from peertrack.services import clock
    from peertrack.services.overview import progress_of
    from peertrack.storage import file_store as attachments
    from peertrack.storage.attachments import attachments_by_course
    from peertrack.storage.certs import in_cycle, load_cert, load_cycles
    from peertrack.storage.settings import load_settings

    today = clock.today()
    which = which.strip().lower()
    cert = cert_or_default(ctx, cert)
    if not cert:
        from peertrack.domain.errors import InvalidInput

        raise InvalidInput("--cert", "", f"name the certification being {what}, " + which_cert_words(ctx, "--cert ID"),
                           problem="is missing")
    conn = open_existing(ctx)
    if conn is None:  # no records yet: nothing is created for looking
        from peertrack.domain import errors

        raise errors.unknown_cert(cert.strip().lower(), [])
    chosen = load_cert(conn, cert.strip().lower())
    courses = [as_credited(course, chosen.id) for course in select_courses(ctx, cert=cert, cycle=which)]
    window = cycle_window(conn, chosen, which)
    item = None
    if window is not None:
        recorded = [cycle for cycle in load_cycles(conn, chosen.id) if (cycle.starts, cycle.ends) == window]
        # A past cycle on record is judged by its own hours and rules; one worked out (before any renewal
        # here) by the certification's.
        measured = chosen if which == "current" else in_cycle(conn, chosen, recorded[-1]) if recorded else \
            replace(chosen, cycle=replace(chosen.cycle, starts=window[0], ends=window[1],
                                          required_seconds=chosen.required_seconds, id=None, carried_seconds=0),
                    carry_from=None)
        item = progress_of(conn, [measured], today)[0]
        if item.shared_there:  # unique hours: a course given to the other credential is reported there only
            courses = [course for course in courses if course.id not in item.shared_there]
        # A cap of 0 (New York's core courses): the body counts none of such a course, so it is not listed;
        # the summary says what does not count, and why.
        courses = [course for course in courses if not counts_none_of(course, item.cert)]
    folder = attachments.folder_for(top_options(ctx).db_path)
    kept = attachments_by_course(conn)
    certificates: list[Certificate] = []
    for course in courses:
        for attachment in kept.get(course.id, []):
            path = attachments.find(folder, attachment)
            state = "missing" if path is None else attachments.verify(folder, attachment.sha256, path.name)
            certificates.append(Certificate(course, attachment, state, path))
    holder = load_settings(conn).get("name")
    return CycleRecord(chosen, which, window, item, courses, certificates, holder, today)
