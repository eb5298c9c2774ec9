"""How far each certification in progress has come: the hours logged since it was started, on a given day."""

from __future__ import annotations

import datetime as dt
import sqlite3

from peertrack.domain.pursuits import PursuitProgress, pursuit_progress


def pursuits_progress(conn: sqlite3.Connection | None, today: dt.date) -> list[PursuitProgress]:
    if conn is None:
        return []
    from peertrack.storage import pursuits as store

    return [pursuit_progress(p, store.seconds_since(conn, p.started), today) for p in store.load_pursuits(conn)]
