"""Reading and writing the work log: hours of peer service and supervision sessions."""

from __future__ import annotations

import datetime as dt
import sqlite3

from peertrack.domain.errors import NotFound
from peertrack.domain.work import SupervisionEntry, WorkEntry
from peertrack.domain.work_rules import WorkRule
from peertrack.storage.database import new_id, now


def insert_work(conn: sqlite3.Connection, entry: WorkEntry) -> int:
    cursor = conn.execute(
        "INSERT INTO work_entries (date, seconds, setting, note, created_at) VALUES (?, ?, ?, ?, ?)",
        (entry.date.isoformat(), entry.seconds, entry.setting, entry.note, now()))
    return new_id(cursor)


def update_work(conn: sqlite3.Connection, entry: WorkEntry) -> None:
    conn.execute("UPDATE work_entries SET date = ?, seconds = ?, setting = ?, note = ? WHERE id = ?",
                 (entry.date.isoformat(), entry.seconds, entry.setting, entry.note, entry.id))


def delete_work(conn: sqlite3.Connection, entry_id: int) -> None:
    conn.execute("DELETE FROM work_entries WHERE id = ?", (entry_id,))


def load_work(conn: sqlite3.Connection, entry_id: int) -> WorkEntry:
    found = find_work(conn, entry_id=entry_id)
    if not found:
        raise NotFound("work entry with the number", entry_id, topic="work-number")
    return found[0]


def find_work(conn: sqlite3.Connection, *, start: dt.date | None = None, end: dt.date | None = None,
              entry_id: int | None = None) -> list[WorkEntry]:
    """Work entries between two days (both included), oldest first."""
    where, params = _window(start, end, entry_id)
    rows = conn.execute(f"SELECT id, date, seconds, setting, note FROM work_entries{where} ORDER BY date, id", params)
    return [WorkEntry(id=row[0], date=dt.date.fromisoformat(row[1]), seconds=row[2], setting=row[3], note=row[4])
            for row in rows]


def insert_supervision(conn: sqlite3.Connection, entry: SupervisionEntry) -> int:
    cursor = conn.execute(
        "INSERT INTO supervision_entries (date, seconds, supervisor, credential, is_group, topic, note, created_at)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        (entry.date.isoformat(), entry.seconds, entry.supervisor, entry.credential, int(entry.group), entry.topic,
         entry.note, now()))
    return new_id(cursor)


def update_supervision(conn: sqlite3.Connection, entry: SupervisionEntry) -> None:
    conn.execute(
        "UPDATE supervision_entries SET date = ?, seconds = ?, supervisor = ?, credential = ?, is_group = ?,"
        " topic = ?, note = ? WHERE id = ?",
        (entry.date.isoformat(), entry.seconds, entry.supervisor, entry.credential, int(entry.group), entry.topic,
         entry.note, entry.id))


def delete_supervision(conn: sqlite3.Connection, entry_id: int) -> None:
    conn.execute("DELETE FROM supervision_entries WHERE id = ?", (entry_id,))


def load_supervision(conn: sqlite3.Connection, entry_id: int) -> SupervisionEntry:
    found = find_supervision(conn, entry_id=entry_id)
    if not found:
        raise NotFound("supervision session with the number", entry_id, topic="supervision-number")
    return found[0]


def find_supervision(conn: sqlite3.Connection, *, start: dt.date | None = None, end: dt.date | None = None,
                     entry_id: int | None = None) -> list[SupervisionEntry]:
    """Supervision sessions between two days (both included), oldest first."""
    where, params = _window(start, end, entry_id)
    rows = conn.execute("SELECT id, date, seconds, supervisor, credential, is_group, topic, note"
                        f" FROM supervision_entries{where} ORDER BY date, id", params)
    return [SupervisionEntry(id=row[0], date=dt.date.fromisoformat(row[1]), seconds=row[2], supervisor=row[3],
                             credential=row[4], group=bool(row[5]), topic=row[6], note=row[7]) for row in rows]


def _window(start: dt.date | None, end: dt.date | None, entry_id: int | None) -> tuple[str, list]:
    where: list[str] = []
    params: list[object] = []
    if entry_id is not None:
        where.append("id = ?")
        params.append(entry_id)
    if start is not None:
        where.append("date >= ?")
        params.append(start.isoformat())
    if end is not None:
        where.append("date <= ?")
        params.append(end.isoformat())
    return (" WHERE " + " AND ".join(where) if where else ""), params


def load_work_rules(conn: sqlite3.Connection) -> dict[str, list[WorkRule]]:
    """Every certification's rules on the work log, by certification id, in the order they were given."""
    found: dict[str, list[WorkRule]] = {}
    for cert_id, kind, amount, period in conn.execute(
            "SELECT cert_id, kind, amount, period FROM work_requirements ORDER BY id"):
        found.setdefault(cert_id, []).append(WorkRule(kind, amount, period))
    return found


def replace_work_rules(conn: sqlite3.Connection, cert_id: str, rules: list[WorkRule]) -> None:
    conn.execute("DELETE FROM work_requirements WHERE cert_id = ?", (cert_id,))
    conn.executemany("INSERT INTO work_requirements (cert_id, kind, amount, period) VALUES (?, ?, ?, ?)",
                     [(cert_id, r.kind, r.amount, r.period) for r in rules])
