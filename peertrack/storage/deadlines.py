"""Reading and writing one-off deadlines: a renewal application, a fee, a background check."""

from __future__ import annotations

import datetime as dt
import sqlite3

from peertrack.domain.errors import NotFound
from peertrack.domain.models import Deadline
from peertrack.storage.database import iso, new_id, now


def insert_deadline(conn: sqlite3.Connection, deadline: Deadline) -> int:
    cursor = conn.execute(
        "INSERT INTO deadlines (title, due, cert_id, note, created_at) VALUES (?, ?, ?, ?, ?)",
        (deadline.title, deadline.due.isoformat(), deadline.cert_id, deadline.note, now()),
    )
    return new_id(cursor)


def load_deadlines(conn: sqlite3.Connection, *, include_done: bool = False,
                   until: dt.date | None = None) -> list[Deadline]:
    """Stored deadlines, the soonest first; done ones only when asked."""
    where, params = [], []
    if not include_done:
        where.append("done_on IS NULL")
    if until is not None:
        where.append("due <= ?")
        params.append(until.isoformat())
    sql = "SELECT * FROM deadlines" + (" WHERE " + " AND ".join(where) if where else "") + " ORDER BY due, id"
    return [_deadline_from(row) for row in conn.execute(sql, params)]


def load_deadline(conn: sqlite3.Connection, deadline_id: int) -> Deadline:
    row = conn.execute("SELECT * FROM deadlines WHERE id = ?", (deadline_id,)).fetchone()
    if row is None:
        raise NotFound("deadline with the number", deadline_id, topic="deadline-number")
    return _deadline_from(row)


def mark_deadline_done(conn: sqlite3.Connection, deadline_id: int, on: dt.date | None) -> None:
    conn.execute("UPDATE deadlines SET done_on = ? WHERE id = ?", (iso(on), deadline_id))


def delete_deadline(conn: sqlite3.Connection, deadline_id: int) -> None:
    conn.execute("DELETE FROM deadlines WHERE id = ?", (deadline_id,))


def _deadline_from(row: sqlite3.Row) -> Deadline:
    return Deadline(
        id=row["id"],
        title=row["title"],
        due=dt.date.fromisoformat(row["due"]),
        cert_id=row["cert_id"],
        note=row["note"],
        done_on=dt.date.fromisoformat(row["done_on"]) if row["done_on"] else None,
    )
