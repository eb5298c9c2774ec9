"""Renewing a certification: one transaction that checks the cycle shown is still the current one."""

from __future__ import annotations

import datetime as dt
import sqlite3

from peertrack.domain.errors import Conflict
from peertrack.domain.models import Certification, Cycle
from peertrack.storage.certs import close_cycle, insert_cycle, load_cert, note_carried_when_renewed
from peertrack.storage.database import transaction


def renew(conn: sqlite3.Connection, cert: Certification, renewed_on: dt.date, new_cycle: Cycle,
          today: dt.date) -> int:
    """Close `cert`'s current cycle on `renewed_on` and open `new_cycle` (its renewal tasks start again with it);
    returns the hours the closed cycle carries into the new one today, which are noted on it as a record.

    The person was shown, and perhaps asked about, the cycle in `cert`; another peertrack may
    have renewed or removed the certification meanwhile, so it is looked at again under the lock.
    """
    with transaction(conn):
        now = load_cert(conn, cert.id)  # gone meanwhile: "There is no certification ..."
        if now.cycle.id != cert.cycle.id or now.cycle.closed_on is not None:
            raise Conflict(f"{cert.name} ({cert.id}) was renewed by another peertrack while you were deciding, "
                           "so nothing was changed.", f"See its cycles with: peertrack cert show {cert.id} --cycles")
        close_cycle(conn, cert.cycle, renewed_on)
        insert_cycle(conn, cert.id, new_cycle, now.rules_ahead)
        from peertrack.services.carry import carried_into

        carried = carried_into(conn, load_cert(conn, cert.id), today)
        note_carried_when_renewed(conn, cert.id, carried)
    return carried
