"""Choosing courses by certification, cycle, dates and category, for listings and exports."""

import datetime as dt
from typing import Any, Optional

import typer

from peertrack.commands.common import cert_or_default, open_existing, reads_day_first
from peertrack.domain.errors import InvalidInput, unknown_cert
from peertrack.domain.models import Certification, Course
from peertrack.domain.parsing import normalise_category, parse_date
from peertrack.services import clock
from peertrack.storage.certs import load_cert, load_cycles
from peertrack.storage.courses import find_courses

CYCLES = ("current", "previous", "all")


def select_courses(ctx: typer.Context, *, cert: Optional[str], cycle: str, since: Optional[str] = None,
                   until: Optional[str] = None, category: Optional[str] = None,
                   with_credits: bool = True) -> list[Course]:
    conn, filters = course_filters(ctx, cert=cert, cycle=cycle, since=since, until=until, category=category)
    return [] if conn is None else find_courses(conn, **filters, with_credits=with_credits)


def course_filters(ctx: typer.Context, *, cert: Optional[str], cycle: str, since: Optional[str] = None,
                   until: Optional[str] = None, category: Optional[str] = None) -> tuple[Any, dict[str, Any]]:
    """The open database (None before the first record) and the filters for storage.stream_courses."""
    today = clock.today()
    which = cycle.strip().lower()
    if which not in CYCLES:
        raise InvalidInput("--cycle", cycle, "use current, previous or all", problem="is not a cycle")
    if which != "all" and not cert:
        cert = cert_or_default(ctx, cert)
        if not cert:
            raise InvalidInput("--cycle", cycle, "name the certification too, e.g. --cert ca-pss --cycle current "
                               "(or choose one for every time: peertrack config set default-cert ca-pss)",
                               problem="needs --cert")
    day_first = reads_day_first(ctx)
    start = parse_date(since, "--from", today, day_first=day_first) if since else None
    end = parse_date(until, "--to", today, day_first=day_first) if until else None
    conn = open_existing(ctx)
    if conn is None:
        if cert:
            raise unknown_cert(cert, [])
        return None, {}
    cert_id = None
    if cert:
        chosen = load_cert(conn, cert.strip().lower())
        cert_id = chosen.id
        window = cycle_window(conn, chosen, which)
        if window:
            start = max(start, window[0]) if start else window[0]
            end = min(end, window[1]) if end else window[1]
    return conn, {"cert_id": cert_id, "start": start, "end": end,
                  "category": normalise_category(category) if category else None}


def cycle_window(conn, cert: Certification, which: str) -> Optional[tuple[dt.date, dt.date]]:
    """The first and last day of a certification's current or previous cycle; None for all.

    The previous cycle is the one on record when the certification was renewed here; before
    any renewal it is worked out, and never starts before the first certification.
    """
    if which == "current":
        return cert.cycle.starts, cert.cycle.ends
    if which == "previous":
        closed = [cycle for cycle in load_cycles(conn, cert.id) if cycle.closed_on is not None]
        if closed:
            return closed[-1].starts, closed[-1].ends
        from peertrack.domain.cycles import cycle_start

        ends = cert.cycle.starts - dt.timedelta(days=1)
        start = cycle_start(ends, cert.cycle_months, anchor_day=cert.anchor_day)
        if cert.issued is not None and ends < cert.issued:
            return ends + dt.timedelta(days=1), ends  # it lies before the first certification: an empty window
        return max(start, cert.issued or start), ends
    return None
