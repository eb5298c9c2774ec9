"""The only module that speaks SQL: opens the database file, reads and writes records.

The everyday commands use the standard library's sqlite3, which starts fast; schema
migrations (peertrack.migrations) bring in sqlite-utils only when the schema must change.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
import sqlite3
from collections.abc import Iterator
from pathlib import Path

from peertrack import errors
from peertrack.errors import Conflict, DatabaseProblem, NotFound
from peertrack.models import Allocation, Certification, Course, Cycle, Requirement

SCHEMA_VERSION = 1
RESTORE_HINT = "If you have a backup, put it back with: peertrack restore FILE"


def default_path() -> Path:
    from platformdirs import user_data_dir

    return Path(user_data_dir("peertrack", appauthor=False)) / "peertrack.db"


def resolve_path(given: str | None) -> Path:
    """--db first, then PEERTRACK_DB, then the per-user data folder."""
    chosen = given or os.environ.get("PEERTRACK_DB")
    return Path(chosen).expanduser() if chosen else default_path()


def connect(path: Path) -> sqlite3.Connection:
    """Open the database, creating it (owner-only) and bringing its schema up to date."""
    if path.is_dir():
        raise DatabaseProblem(f"{path} is a folder, not a peertrack database file.",
                              "Choose a file with --db, for example --db ~/peertrack.db")
    if not path.exists():
        _create_private(path)
    conn = _open(path)
    version = _schema_version(conn, path)
    if version > SCHEMA_VERSION:
        conn.close()
        raise DatabaseProblem(
            f"{path} was written by a newer version of peertrack (schema {version}; "
            f"this one knows up to {SCHEMA_VERSION}), so it was left untouched.",
            "Update peertrack, for example with: python -m pip install --upgrade peertrack",
        )
    if version < SCHEMA_VERSION:
        from peertrack import migrations

        migrations.upgrade(conn, path)
    return conn


def _create_private(path: Path) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        fd = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
    except OSError as error:
        raise DatabaseProblem(f"Could not create {path}: {error.strerror}.",
                              "Check the folder exists and you may write to it, or choose another with --db.") from None
    os.close(fd)


def _open(path: Path) -> sqlite3.Connection:
    conn = sqlite3.connect(path, timeout=15, isolation_level=None)
    conn.row_factory = sqlite3.Row
    conn.execute("PRAGMA foreign_keys = ON")
    return conn


def _schema_version(conn: sqlite3.Connection, path: Path) -> int:
    try:
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        if version == 0:
            tables = conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
            if tables:
                raise DatabaseProblem(f"{path} is an SQLite database of another program, not peertrack's.",
                                      "Choose your peertrack file with --db.")
        return version
    except sqlite3.DatabaseError:
        conn.close()
        raise DatabaseProblem(f"{path} is not a peertrack database, or it is damaged.",
                              RESTORE_HINT) from None


@contextlib.contextmanager
def transaction(conn: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """One write, all or nothing: an error or Ctrl-C leaves the file as it was."""
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield conn
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")


def backup_copy(conn: sqlite3.Connection, path: Path, reason: str, keep: int = 5) -> Path:
    """A consistent copy in the backups folder beside the database; the newest few are kept."""
    folder = path.parent / "backups"
    folder.mkdir(mode=0o700, exist_ok=True)
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S-%f")
    target = folder / f"{path.stem}-{stamp}-{reason}.db"
    fd = os.open(target, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
    os.close(fd)
    copy = sqlite3.connect(target)
    try:
        conn.backup(copy)
    finally:
        copy.close()
    for old in sorted(folder.glob(f"{path.stem}-*.db"))[:-keep]:
        old.unlink()
    return target


# Certifications ---------------------------------------------------------------------------

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
        (cert.id, cert.name, cert.body, cert.number, _iso(cert.issued), cert.cycle_months,
         cert.required_minutes, _now()),
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
        (cert.id, cert.name, cert.body, cert.number, _iso(cert.issued), cert.cycle_months,
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


# Courses -----------------------------------------------------------------------------------

_COURSE_SELECT = (
    "SELECT c.*,"
    " (SELECT json_group_array(json_array(a.category, a.minutes)) FROM ceu_allocations a"
    "   WHERE a.ceu_id = c.id) AS allocations,"
    " (SELECT json_group_array(k.cert_id) FROM ceu_credits k WHERE k.ceu_id = c.id) AS cert_ids"
    " FROM ceus c"
)


def insert_course(conn: sqlite3.Connection, course: Course) -> int:
    cursor = conn.execute(
        "INSERT INTO ceus (date, title, provider, minutes, format, approval_no, note, created_at)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        (course.date.isoformat(), course.title, course.provider, course.minutes, course.format,
         course.approval_no, course.note, _now()),
    )
    course_id = cursor.lastrowid
    _write_course_links(conn, course_id, course)
    return course_id


def update_course(conn: sqlite3.Connection, course: Course) -> None:
    conn.execute(
        "UPDATE ceus SET date = ?, title = ?, provider = ?, minutes = ?, format = ?, approval_no = ?,"
        " note = ? WHERE id = ?",
        (course.date.isoformat(), course.title, course.provider, course.minutes, course.format,
         course.approval_no, course.note, course.id),
    )
    conn.execute("DELETE FROM ceu_allocations WHERE ceu_id = ?", (course.id,))
    conn.execute("DELETE FROM ceu_credits WHERE ceu_id = ?", (course.id,))
    _write_course_links(conn, course.id, course)


def _write_course_links(conn: sqlite3.Connection, course_id: int, course: Course) -> None:
    conn.executemany(
        "INSERT INTO ceu_allocations (ceu_id, category, minutes) VALUES (?, ?, ?)",
        [(course_id, a.category, a.minutes) for a in course.allocations],
    )
    conn.executemany(
        "INSERT INTO ceu_credits (ceu_id, cert_id) VALUES (?, ?)",
        [(course_id, cert_id) for cert_id in course.cert_ids],
    )


def delete_course(conn: sqlite3.Connection, course_id: int) -> None:
    conn.execute("DELETE FROM ceus WHERE id = ?", (course_id,))


def load_course(conn: sqlite3.Connection, course_id: int) -> Course:
    row = conn.execute(_COURSE_SELECT + " WHERE c.id = ?", (course_id,)).fetchone()
    if row is None:
        raise NotFound("course with the number", course_id,
                       hint="See course numbers with: peertrack ceu list")
    return _course_from(row)


def find_courses(conn: sqlite3.Connection, *, cert_id: str | None = None, start: dt.date | None = None,
                 end: dt.date | None = None, category: str | None = None,
                 title: str | None = None) -> list[Course]:
    """Courses matching every filter given, oldest first."""
    where, params = [], []
    if cert_id is not None:
        where.append("EXISTS (SELECT 1 FROM ceu_credits k WHERE k.ceu_id = c.id AND k.cert_id = ?)")
        params.append(cert_id)
    if start is not None:
        where.append("c.date >= ?")
        params.append(start.isoformat())
    if end is not None:
        where.append("c.date <= ?")
        params.append(end.isoformat())
    if category is not None:
        where.append("EXISTS (SELECT 1 FROM ceu_allocations a WHERE a.ceu_id = c.id AND a.category = ?)")
        params.append(category)
    if title is not None:
        where.append("c.title = ? COLLATE NOCASE")
        params.append(title)
    sql = _COURSE_SELECT + (" WHERE " + " AND ".join(where) if where else "") + " ORDER BY c.date, c.id"
    return [_course_from(row) for row in conn.execute(sql, params)]


def known_categories(conn: sqlite3.Connection) -> list[str]:
    rows = conn.execute("SELECT category FROM ceu_allocations UNION SELECT value FROM requirements"
                        " WHERE dimension = 'category' ORDER BY 1")
    return [row[0] for row in rows]


def count_courses(conn: sqlite3.Connection) -> int:
    return conn.execute("SELECT count(*) FROM ceus").fetchone()[0]


def _course_from(row: sqlite3.Row) -> Course:
    return Course(
        id=row["id"],
        date=dt.date.fromisoformat(row["date"]),
        title=row["title"],
        minutes=row["minutes"],
        provider=row["provider"],
        format=row["format"],
        approval_no=row["approval_no"],
        note=row["note"],
        allocations=tuple(Allocation(name, minutes) for name, minutes in json.loads(row["allocations"])),
        cert_ids=tuple(sorted(json.loads(row["cert_ids"]))),
    )


def _iso(day: dt.date | None) -> str | None:
    return day.isoformat() if day else None


def _now() -> str:
    return dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")
