"""Whole-file copies of the database: a consistent backup while it is in use, and a checked restore."""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
import tempfile
from pathlib import Path

from peertrack.domain.errors import DatabaseProblem, PeertrackError
from peertrack.domain.transfer import DatabaseSummary
from peertrack.storage.database import SCHEMA_VERSION, newer_schema
from peertrack.storage.files import private_folder, whole_file

SQLITE_HEADER = b"SQLite format 3\x00"
_SIDE_FILES = ("-wal", "-shm", "-journal")
# Records that belong to a certification or a course; a summary counts their owners instead.
_PARTS = ("certifications", "ceus", "cycles", "requirements", "ceu_allocations", "ceu_credits", "category_aliases")


def write_backup(conn: sqlite3.Connection, target: Path) -> None:
    """A consistent copy of the open database as one owner-only file, written whole or not at all."""
    with whole_file(target, ".db") as temporary:
        copy = sqlite3.connect(temporary)
        try:
            # SQLite's online backup copies one snapshot, even while another connection writes.
            conn.backup(copy)
            # One self-contained file, with no write-ahead log to carry beside it.
            copy.execute("PRAGMA journal_mode = DELETE")
            intact = is_intact(copy)
        finally:
            copy.close()
        if not intact:
            raise DatabaseProblem("The copy did not check out as whole, so no backup was written.",
                                  "Run: peertrack check")


def is_intact(conn: sqlite3.Connection) -> bool:
    try:
        return conn.execute("PRAGMA quick_check").fetchone()[0] == "ok"
    except sqlite3.DatabaseError:
        return False


def stage(source: Path, folder: Path) -> Path:
    """A private copy of a database file to restore from, beside the database it will replace.

    Copying first means that what is checked and shown is exactly what gets put in place,
    and that the file given is only read, never changed.
    """
    _refuse_non_database(source)
    private_folder(folder)
    fd, staged = tempfile.mkstemp(dir=folder, prefix=".peertrack-restore-", suffix=".db")
    os.close(fd)
    # A log beside the file may hold its latest changes; without one, it is read as it stands.
    mode = "mode=ro" if Path(f"{source}-wal").exists() else "immutable=1"
    try:
        original = sqlite3.connect(f"{source.resolve().as_uri()}?{mode}", uri=True)
        copy = sqlite3.connect(staged)
        try:
            original.backup(copy)
            copy.execute("PRAGMA journal_mode = DELETE")
        finally:
            copy.close()
            original.close()
    except sqlite3.DatabaseError:
        os.unlink(staged)
        raise _not_peertrack(source, "it is damaged") from None
    except BaseException:
        os.unlink(staged)
        raise
    return Path(staged)


def describe(path: Path, shown: str) -> DatabaseSummary:
    """What a database file holds; a file that is not a peertrack database this version reads is refused."""
    conn = sqlite3.connect(path)
    try:
        if not is_intact(conn):
            raise _not_peertrack(shown, "it is damaged")
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        if version < 1 or not {"certifications", "ceus"} <= tables:
            raise DatabaseProblem(f"{shown} is an SQLite database of another program, not a peertrack database.",
                                  "Choose a file written by peertrack backup, or one from its backups folder.")
        if version > SCHEMA_VERSION:
            raise newer_schema(shown, version, "nothing was changed")
        certs = tuple(f"{name} ({cert_id})" for cert_id, name in
                      conn.execute("SELECT id, name FROM certifications ORDER BY name, id"))
        count, first, last = conn.execute("SELECT count(*), min(date), max(date) FROM ceus").fetchone()
        from peertrack.storage.dump import record_counts

        counts = tuple((name, rows) for name, rows in record_counts(conn).items() if rows and name not in _PARTS)
    except sqlite3.DatabaseError:
        raise _not_peertrack(shown, "it is damaged") from None
    finally:
        conn.close()
    return DatabaseSummary(
        schema=version, certifications=certs, courses=count,
        first_course=_day_or_none(first),
        last_course=_day_or_none(last),
        counts=counts,
    )


def _day_or_none(value: object) -> dt.date | None:
    """A date for the summary; a value that is none is left out here and refused by the checks of a restore."""
    try:
        return dt.date.fromisoformat(value) if isinstance(value, str) else None
    except ValueError:
        return None


def install(staged: Path, path: Path) -> None:
    """Put a staged copy in the database's place in one step."""
    if path.exists():
        try:
            # Fold the old log into the old file: a log left behind would be replayed into the new one.
            conn = sqlite3.connect(path, timeout=15)
            try:
                conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            finally:
                conn.close()
        except sqlite3.DatabaseError:
            pass
    try:
        os.chmod(staged, 0o600)
        os.replace(staged, path)
    except OSError as error:
        raise PeertrackError(f"Could not put the backup in place of {path}: {error.strerror}.",
                             "Close any other program using it, then try again; nothing was changed.") from None
    for suffix in _SIDE_FILES:
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    conn = sqlite3.connect(path, timeout=15)
    try:
        # As a new database has it: readers and a writer can work at once.
        conn.execute("PRAGMA journal_mode = WAL")
    finally:
        conn.close()


def _refuse_non_database(source: Path) -> None:
    with open(source, "rb") as handle:
        head = handle.read(len(SQLITE_HEADER))
    if head == SQLITE_HEADER:
        return
    if head.lstrip()[:1] == b"{":
        raise DatabaseProblem(f"{source} is a JSON export, not a database backup.",
                              "Load it into an empty database with: peertrack import json FILE")
    raise _not_peertrack(source, "it is not a database")


def _not_peertrack(source: object, why: str) -> DatabaseProblem:
    return DatabaseProblem(f"{source} is not a peertrack database that can be restored: {why}.",
                           "Choose a file written by peertrack backup, or one from its backups folder.")
