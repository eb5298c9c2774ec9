"""Renewing a certification: one transaction that checks the cycle shown is still the current one."""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Iterable

from peertrack.domain.errors import Conflict
from peertrack.domain.models import Certification, Cycle, Deadline
from peertrack.storage.certs import close_cycle, insert_cycle, load_cert
from peertrack.storage.database import transaction
from peertrack.storage.deadlines import insert_deadline


def renew(conn: sqlite3.Connection, cert: Certification, renewed_on: dt.date, new_cycle: Cycle,
          tasks: Iterable[Deadline] = ()) -> None:
    """Close `cert`'s current cycle on `renewed_on`, open `new_cycle`, and add its renewal `tasks` as deadlines.

    The person was shown, and perhaps asked about, the cycle in `cert`; another peertrack may
    have renewed or removed the certification meanwhile, so it is looked at again under the lock.
    """
    with transaction(conn):
        now = load_cert(conn, cert.id)  # gone meanwhile: "There is no certification ..."
        if now.cycle.id != cert.cycle.id or now.cycle.closed_on is not None:
            raise Conflict(f"{cert.name} ({cert.id}) was renewed by another peertrack while you were deciding, "
                           "so nothing was changed.", f"See its cycles with: peertrack cert show {cert.id} --cycles")
        close_cycle(conn, cert.cycle, renewed_on)
        insert_cycle(conn, cert.id, new_cycle)
        for task in tasks:
            insert_deadline(conn, task)
