"""Putting a backup back: readied and checked whole on a private copy, then swapped in under the write lock.

The current records are never replaced by a file that was not checked, and never while another
program writes to them: the copy kept before the restore and the swap happen in one write
transaction, after checking nothing changed since the person was asked.
"""

from __future__ import annotations

import contextlib
import sqlite3
from pathlib import Path

from peertrack.domain.errors import Conflict, DatabaseProblem, InvalidInput
from peertrack.domain.record_types import dataclass, field
from peertrack.domain.transfer import DatabaseSummary
from peertrack.storage import backup as copies
from peertrack.storage import database, dump, schema_check
from peertrack.storage.safety_copies import keep_copy, keep_file

_CHOOSE_ANOTHER = "choose another backup, or one from the backups folder"


@dataclass
class Incoming:
    """A backup readied for a restore: a private, checked copy at this version, and what was left out of it."""

    staged: Path
    summary: DatabaseSummary
    dropped: list[tuple[str, str]] = field(default_factory=list)


@dataclass
class Current:
    """The database now, watched from before the question to the swap; None parts when it cannot be read."""

    conn: sqlite3.Connection | None
    summary: DatabaseSummary | None
    seen: int = 0  # SQLite's data_version when the person was shown it


def ready(source: Path, path: Path, shown: str) -> Incoming:
    """A private copy of `source`, brought to this version and checked whole; refused with the reason otherwise."""
    staged = copies.stage(source, path.parent)
    try:
        copies.describe(staged, shown)  # refuses another program's file, a newer one, a damaged one
        conn = sqlite3.connect(staged, isolation_level=None)
        try:
            dropped = _clean(conn, staged, shown)
        finally:
            conn.close()
        return Incoming(staged, copies.describe(staged, shown), dropped)
    except BaseException:
        staged.unlink(missing_ok=True)
        raise


def watch(path: Path) -> Current:
    """The current database and what it holds, or Nones when there is none or it cannot be opened."""
    if not path.exists():
        return Current(None, None)
    try:
        conn = database.connect(path)
    except DatabaseProblem:
        return Current(None, None)
    try:
        summary = copies.describe(path, str(path))
    except DatabaseProblem:
        conn.close()
        return Current(None, None)
    return Current(conn, summary, conn.execute("PRAGMA data_version").fetchone()[0])


def put_back(incoming: Incoming, path: Path, current: Current) -> Path | None:
    """Swap the checked copy in; the path of the copy kept of the records it replaced (None: there were none)."""
    if current.conn is None:
        if not path.exists():
            copies.install(incoming.staged, path)
            return None
        # A file SQLite cannot use: kept byte for byte, then replaced. No one can be writing to it.
        kept = keep_file(path, "before-restore")
        copies.install(incoming.staged, path)
        return kept
    conn = current.conn
    conn.execute("ATTACH DATABASE ? AS incoming", (str(incoming.staged),))
    try:
        with database.transaction(conn, refuse_if_busy="nothing was restored"):
            if conn.execute("PRAGMA data_version").fetchone()[0] != current.seen:
                raise Conflict(f"Your records in {path} changed while you were deciding (another peertrack wrote "
                               "to them), so nothing was restored.",
                               "Run the restore again to see what each holds now.")
            # Taken by a second reader while this one holds the write lock: nothing can slip in between.
            reader = sqlite3.connect(path)
            try:
                kept = keep_copy(reader, path, "before-restore")
            finally:
                reader.close()
            _replace_rows(conn)
    finally:
        with contextlib.suppress(sqlite3.Error):
            conn.execute("DETACH DATABASE incoming")
    return kept


def _clean(conn: sqlite3.Connection, staged: Path, shown: str) -> list[tuple[str, str]]:
    """Drop what the schema does not define, bring the copy to this version, and check every value."""
    dropped = [(kind, name) for kind, name in schema_check.foreign_objects(conn) if kind in ("trigger", "view")]
    schema_check.drop_foreign(conn, dropped)
    if conn.execute("PRAGMA user_version").fetchone()[0] < database.SCHEMA_VERSION:
        from peertrack.storage import migrations

        try:
            migrations.upgrade(conn, staged, database.SCHEMA_VERSION, copy_first=False)
        except sqlite3.Error:
            raise InvalidInput("FILE", shown, _CHOOSE_ANOTHER,
                               problem="is damaged or incomplete: it could not be brought up to date") from None
        conn.execute("PRAGMA journal_mode = DELETE")
    others = schema_check.foreign_objects(conn)
    schema_check.drop_foreign(conn, others)
    dropped += others
    problem = schema_check.shape_problem(conn)
    if problem is not None:
        raise InvalidInput("FILE", shown, _CHOOSE_ANOTHER, problem=f"is not a whole peertrack backup: it {problem}")
    bad = schema_check.value_problems(conn)
    if bad:
        raise InvalidInput("FILE", shown, _CHOOSE_ANOTHER, problem=f"holds a value peertrack cannot use ({bad[0]})")
    broken = conn.execute("PRAGMA foreign_key_check").fetchone()
    if broken:
        raise InvalidInput("FILE", shown, _CHOOSE_ANOTHER,
                           problem=f'holds records that refer to missing ones (in "{broken[0]}")')
    return dropped


def _replace_rows(conn: sqlite3.Connection) -> None:
    """Every row of the live database replaced by the incoming one's, inside the caller's transaction."""
    schema_check.drop_foreign(conn, schema_check.foreign_objects(conn))  # no trigger of its own may act now
    conn.execute("PRAGMA defer_foreign_keys = ON")
    order = dump.table_order(conn)
    for _ in range(2):  # twice: the schema's own triggers note removals in tables already emptied
        for table in reversed(order):
            conn.execute(f"DELETE FROM main.{_quote(table)}")
    for table in order:
        columns = ", ".join(_quote(row[1]) for row in conn.execute(f"PRAGMA main.table_xinfo({_quote(table)})")
                            if row[6] == 0)
        conn.execute(f"INSERT INTO main.{_quote(table)} ({columns}) SELECT {columns} FROM incoming.{_quote(table)}")
    has_numbers = "SELECT 1 FROM {}.sqlite_master WHERE name = 'sqlite_sequence'"
    if conn.execute(has_numbers.format("main")).fetchone():
        conn.execute("DELETE FROM main.sqlite_sequence")
        if conn.execute(has_numbers.format("incoming")).fetchone():
            conn.execute("INSERT INTO main.sqlite_sequence (name, seq) SELECT name, seq FROM incoming.sqlite_sequence")
    if conn.execute("PRAGMA main.foreign_key_check").fetchone():
        raise DatabaseProblem("The backup's records do not fit together, so nothing was restored.",
                              "Choose another backup, or one from the backups folder.")


def _quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'
