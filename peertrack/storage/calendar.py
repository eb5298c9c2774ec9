"""What the calendar export keeps in the database: this database's own part of every UID, and removed events."""

from __future__ import annotations

import datetime as dt
import sqlite3

CALENDAR_ID_KEY = "calendar-id"


def calendar_id(conn: sqlite3.Connection) -> str:
    """This database's own random part of every calendar UID, made the first time it is needed.

    Two people's exports in one calendar then never share a UID, while a copy of the same
    database (a backup put back) keeps updating the same events. Call it inside a transaction.
    """
    row = conn.execute("SELECT value FROM settings WHERE key = ?", (CALENDAR_ID_KEY,)).fetchone()
    if row:
        return row[0]
    import secrets

    made = secrets.token_hex(8)
    conn.execute("INSERT INTO settings (key, value) VALUES (?, ?)", (CALENDAR_ID_KEY, made))
    return made


def removed_events(conn: sqlite3.Connection) -> list[tuple[str, str, dt.date]]:
    """Every removed deadline's and reminder's event: (its key, its title, its day)."""
    return [(event, summary, dt.date.fromisoformat(day)) for event, summary, day in
            conn.execute("SELECT event, summary, day FROM calendar_removed ORDER BY day, event")]


def remember_removed(conn: sqlite3.Connection, events: list[tuple[str, str, dt.date]]) -> None:
    """Keep events of a record being removed (key, title, day), to be sent as cancelled; inside its transaction.

    Stored deadlines and reminders are kept by the database itself as they go; this is for the
    events a certification's own dates make, which no table holds.
    """
    from peertrack.storage.database import now

    conn.executemany("INSERT OR REPLACE INTO calendar_removed (event, summary, day, removed_at) VALUES (?, ?, ?, ?)",
                     [(key, summary, day.isoformat(), now()) for key, summary, day in events])
