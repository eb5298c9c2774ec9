"""Choosing courses by certification, cycle, dates and category: the filters listings and exports read them with."""

from __future__ import annotations

import datetime as dt
import sqlite3

from peertrack.domain.errors import InvalidInput, unknown_cert
from peertrack.domain.models import Certification
from peertrack.domain.parsing import normalise_category, parse_date
from peertrack.services.overview import load_settings
from peertrack.storage.certs import load_cert, load_cycles

TYPE_CHECKING = False  # as typing.TYPE_CHECKING, without importing typing at start-up
if TYPE_CHECKING:
    from typing import Any

CYCLES = ("current", "previous", "all")


def course_filters(conn: sqlite3.Connection | None, today: dt.date, *, cert: str | None, cycle: str,
                   since: str | None = None, until: str | None = None,
                   category: str | None = None) -> dict[str, Any] | None:
    """The filters for storage.stream_courses; None when there is no database yet (`conn` is None)."""
    which = cycle.strip().lower()
    if which not in CYCLES:
        raise InvalidInput("--cycle", cycle, "use current, previous or all", problem="is not a cycle")
    settings = load_settings(conn)
    if which != "all" and not cert:
        if conn is not None:
            from peertrack.services.overview import cert_by_default

            cert = cert_by_default(conn)
        if not cert:
            from peertrack.storage.certs import cert_ids

            ids = cert_ids(conn) if conn is not None else []
            example = ids[0] if ids else "ca-pss"
            yours = f"yours: {', '.join(ids)}; " if ids else ""
            raise InvalidInput("--cycle", cycle, f"name the certification too, e.g. --cert {example} --cycle {which} "
                               f"({yours}or choose one for every time: peertrack config set default-cert {example})",
                               problem="needs --cert")
    day_first = conn is not None and settings.day_first
    start = parse_date(since, "--from", today, day_first=day_first) if since else None
    end = parse_date(until, "--to", today, day_first=day_first) if until else None
    if conn is None:
        if cert:
            raise unknown_cert(cert, [])
        return None
    cert_id = None
    if cert:
        chosen = load_cert(conn, cert.strip().lower())
        cert_id = chosen.id
        window = cycle_window(conn, chosen, which)
        if window:
            start = max(start, window[0]) if start else window[0]
            end = min(end, window[1]) if end else window[1]
    return {"cert_id": cert_id, "start": start, "end": end,
            "category": normalise_category(category) if category else None}


def cycle_window(conn: sqlite3.Connection, cert: Certification, which: str) -> tuple[dt.date, dt.date] | None:
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
