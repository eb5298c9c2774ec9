"""Reading and writing certifications, their current cycle and their requirements."""

from __future__ import annotations

import datetime as dt
import sqlite3

from peertrack import errors
from peertrack.errors import Conflict, NotFound
from peertrack.models import Certification, Cycle, Requirement
from peertrack.storage.database import iso, now


def cert_ids(conn: sqlite3.Connection) -> list[str]:
    return [row[0] for row in conn.execute("SELECT id FROM certifications ORDER BY id")]


def load_certs(conn: sqlite3.Connection) -> list[Certification]:
    rows = conn.execute(
        "SELECT c.*, y.id AS cycle_id, y.starts, y.ends, y.required_minutes AS cycle_minutes, y.closed_on"
        " FROM certifications c JOIN cycles y ON y.cert_id = c.id AND y.closed_on IS NULL"
        " ORDER BY y.ends, c.id"
    ).fetchall()
    requirements: dict[str, list[Requirement]] = {}
    for req in conn.execute("SELECT cert_id, value, minutes FROM requirements"
                            " WHERE kind = 'min' AND dimension = 'category' ORDER BY id"):
        requirements.setdefault(req["cert_id"], []).append(Requirement(req["value"], req["minutes"]))
    return [_cert_from(row, requirements.get(row["id"], [])) for row in rows]


def load_cert(conn: sqlite3.Connection, cert_id: str) -> Certification:
    for cert in load_certs(conn):
        if cert.id == cert_id:
            return cert
    raise unknown_cert(conn, cert_id)


def unknown_cert(conn: sqlite3.Connection, cert_id: str) -> NotFound:
    return errors.unknown_cert(cert_id, cert_ids(conn))


def _cert_from(row: sqlite3.Row, requirements: list[Requirement]) -> Certification:
    cycle = Cycle(
        id=row["cycle_id"],
        starts=dt.date.fromisoformat(row["starts"]),
        ends=dt.date.fromisoformat(row["ends"]),
        required_minutes=row["cycle_minutes"],
    )
    return Certification(
        id=row["id"],
        name=row["name"],
        body=row["body"],
        number=row["number"],
        issued=dt.date.fromisoformat(row["issued"]) if row["issued"] else None,
        cycle_months=row["cycle_months"],
        required_minutes=row["required_minutes"],
        cycle=cycle,
        requirements=tuple(requirements),
    )


def insert_cert(conn: sqlite3.Connection, cert: Certification) -> None:
    if conn.execute("SELECT 1 FROM certifications WHERE id = ?", (cert.id,)).fetchone():
        raise Conflict(f'A certification with the id "{cert.id}" already exists.',
                       f"Choose another --id, or change it with: peertrack cert edit {cert.id}")
    conn.execute(
        "INSERT INTO certifications (id, name, body, number, issued, cycle_months, required_minutes, created_at)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        (cert.id, cert.name, cert.body, cert.number, iso(cert.issued), cert.cycle_months,
         cert.required_minutes, now()),
    )
    conn.execute(
        "INSERT INTO cycles (cert_id, starts, ends, required_minutes) VALUES (?, ?, ?, ?)",
        (cert.id, cert.cycle.starts.isoformat(), cert.cycle.ends.isoformat(), cert.cycle.required_minutes),
    )
    _write_requirements(conn, cert)


def update_cert(conn: sqlite3.Connection, old_id: str, cert: Certification) -> None:
    if cert.id != old_id and conn.execute("SELECT 1 FROM certifications WHERE id = ?", (cert.id,)).fetchone():
        raise Conflict(f'A certification with the id "{cert.id}" already exists.', "Choose another --new-id.")
    conn.execute(
        "UPDATE certifications SET id = ?, name = ?, body = ?, number = ?, issued = ?, cycle_months = ?,"
        " required_minutes = ? WHERE id = ?",
        (cert.id, cert.name, cert.body, cert.number, iso(cert.issued), cert.cycle_months,
         cert.required_minutes, old_id),
    )
    conn.execute(
        "UPDATE cycles SET starts = ?, ends = ?, required_minutes = ? WHERE id = ?",
        (cert.cycle.starts.isoformat(), cert.cycle.ends.isoformat(), cert.cycle.required_minutes, cert.cycle.id),
    )
    conn.execute("DELETE FROM requirements WHERE cert_id = ? AND kind = 'min' AND dimension = 'category'",
                 (cert.id,))
    _write_requirements(conn, cert)


def _write_requirements(conn: sqlite3.Connection, cert: Certification) -> None:
    conn.executemany(
        "INSERT INTO requirements (cert_id, kind, dimension, value, minutes) VALUES (?, 'min', 'category', ?, ?)",
        [(cert.id, req.category, req.minutes) for req in cert.requirements],
    )


def delete_cert(conn: sqlite3.Connection, cert_id: str) -> None:
    conn.execute("DELETE FROM certifications WHERE id = ?", (cert_id,))


