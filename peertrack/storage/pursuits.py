"""Reading and writing certifications in progress (pursuits) and the hours that count toward them."""

from __future__ import annotations

import datetime as dt
import sqlite3

from peertrack.domain.errors import Conflict, NotFound
from peertrack.domain.pursuits import EntryRule, Pursuit
from peertrack.storage.database import iso, now


def insert_pursuit(conn: sqlite3.Connection, pursuit: Pursuit) -> None:
    taken = conn.execute("SELECT 1 FROM certifications WHERE id = ? UNION ALL SELECT 1 FROM pursuits WHERE id = ?",
                         (pursuit.id, pursuit.id)).fetchone()
    if taken:
        raise Conflict(f'There is already a certification with the id "{pursuit.id}".',
                       "Choose another with --id, or see them with: peertrack status")
    conn.execute(
        "INSERT INTO pursuits (id, name, body, template, started, exam_on, certified_on, created_at)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        (pursuit.id, pursuit.name, pursuit.body, pursuit.template, iso(pursuit.started), iso(pursuit.exam_on),
         iso(pursuit.certified_on), now()))
    conn.executemany("INSERT INTO pursuit_requirements (pursuit_id, kind, seconds) VALUES (?, ?, ?)",
                     [(pursuit.id, rule.kind, rule.seconds) for rule in pursuit.rules])


def load_pursuits(conn: sqlite3.Connection) -> list[Pursuit]:
    """Certifications still in progress, by name; those certified stay in the table as history."""
    rules: dict[str, list[EntryRule]] = {}
    for pursuit_id, kind, seconds in conn.execute(
            "SELECT pursuit_id, kind, seconds FROM pursuit_requirements ORDER BY id"):
        rules.setdefault(pursuit_id, []).append(EntryRule(kind, seconds))
    return [
        Pursuit(id=row[0], name=row[1], body=row[2], template=row[3], started=_day(row[4]), exam_on=_day(row[5]),
                certified_on=_day(row[6]), rules=tuple(rules.get(row[0], ())))
        for row in conn.execute("SELECT id, name, body, template, started, exam_on, certified_on FROM pursuits"
                                " WHERE certified_on IS NULL ORDER BY name, id")
    ]


def _day(text: str | None) -> dt.date | None:
    return dt.date.fromisoformat(text) if text else None


def load_pursuit(conn: sqlite3.Connection, pursuit_id: str) -> Pursuit:
    for pursuit in load_pursuits(conn):
        if pursuit.id == pursuit_id:
            return pursuit
    raise no_pursuit(pursuit_id, [p.id for p in load_pursuits(conn)])


def no_pursuit(pursuit_id: str, known: list[str]) -> NotFound:
    return NotFound("certification in progress with the id", pursuit_id, known,
                    hint="Start one with: peertrack cert add NAME --id ID --in-progress --require service=250")


def delete_pursuit(conn: sqlite3.Connection, pursuit_id: str) -> None:
    conn.execute("DELETE FROM pursuits WHERE id = ?", (pursuit_id,))


def mark_certified(conn: sqlite3.Connection, pursuit_id: str, day: dt.date) -> None:
    conn.execute("UPDATE pursuits SET certified_on = ? WHERE id = ?", (day.isoformat(), pursuit_id))


def seconds_since(conn: sqlite3.Connection, since: dt.date | None) -> dict[str, int]:
    """Hours (in seconds) of training (courses), service and supervision dated `since` or later (all, if None)."""
    day = since.isoformat() if since else ""
    training = conn.execute("SELECT coalesce(sum(seconds), 0) FROM ceus WHERE date >= ?", (day,)).fetchone()[0]
    service = conn.execute("SELECT coalesce(sum(seconds), 0) FROM work_entries WHERE date >= ?", (day,)).fetchone()[0]
    supervision = conn.execute("SELECT coalesce(sum(seconds), 0) FROM supervision_entries WHERE date >= ?",
                               (day,)).fetchone()[0]
    return {"training": training, "service": service, "supervision": supervision}
