"""Opening the database file: where it lives, its schema version, and transactions."""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import sqlite3
from collections.abc import Iterator

from peertrack.domain.errors import DatabaseProblem, PeertrackError, StorageTrouble
from peertrack.storage import path_text

TYPE_CHECKING = False  # as typing.TYPE_CHECKING, without importing typing at start-up
if TYPE_CHECKING:
    from pathlib import Path

SCHEMA_VERSION = 16  # the number of steps in storage/migrations.py
RESTORE_HINT = "If you have a backup, put it back with: peertrack restore FILE"


def default_path() -> Path:
    from pathlib import Path

    from peertrack.storage.user_folders import user_folder

    return Path(user_folder("data")) / "peertrack.db"


def resolve_path(given: str | None) -> Path:
    """--db first, then PEERTRACK_DB, then the per-user data folder."""
    from pathlib import Path

    chosen = given or os.environ.get("PEERTRACK_DB")
    return Path(chosen).expanduser() if chosen else default_path()


def database_name(given: str | None) -> str:
    """str(resolve_path(given)), without loading pathlib: the daily commands answer before it could load."""
    chosen = given or os.environ.get("PEERTRACK_DB")
    if chosen:
        return path_text.expanded(chosen)
    if os.name != "posix":
        return str(default_path())
    from peertrack.storage.user_folders import user_folder

    return path_text.joined(path_text.tidied(user_folder("data")), "peertrack.db")


def connect(path: str | Path) -> sqlite3.Connection:
    """Open the database, creating it (owner-only) and bringing its schema up to date.

    `path` may be text, as database_name gives it."""
    if path_text.is_dir(path):
        raise DatabaseProblem(f"{path} is a folder, not a peertrack database file.",
                              "Choose a file with --db, for example --db ~/peertrack.db")
    if not path_text.exists(path):
        _create_private(path)
    conn = _open(path)
    version = _schema_version(conn, path)
    if version > SCHEMA_VERSION:
        conn.close()
        raise newer_schema(path, version, "it was left untouched")
    if version < SCHEMA_VERSION:
        from pathlib import Path

        from peertrack.storage import migrations

        migrations.upgrade(conn, Path(path), SCHEMA_VERSION)
    return conn


def _create_private(path: str | Path) -> None:
    from pathlib import Path

    from peertrack.storage.files import private_folder

    try:
        private_folder(Path(path).parent)
        fd = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
    except FileExistsError:
        return  # another peertrack created it a moment ago; the migration lock sorts out the rest
    except OSError as error:
        raise DatabaseProblem(f"Could not create {path}: {error.strerror}.",
                              "Check the folder exists and you may write to it, or choose another with --db.") from None
    os.close(fd)


def privacy_warning(path: str | Path) -> str | None:
    """A sentence when others on this computer could read the database or its folder (POSIX only)."""
    if os.name != "posix":
        return None
    places = [(path, "600")]
    folder = path_text.parent(path)
    if os.path.basename(folder) == "peertrack":  # peertrack's own data folder; a folder you chose is yours to judge
        places.append((folder, "700"))
    for place, wanted in places:
        try:
            mode = os.stat(place).st_mode
        except OSError:
            continue
        if mode & 0o077:
            return (f"Warning: other people on this computer can read {place}. "
                    f"To keep it private, run: chmod {wanted} \"{place}\"")
    return None


def problem_from(error: BaseException, path: str | Path) -> PeertrackError | None:
    """What an SQLite error means for the person, or None when it is not one we can explain."""
    if not isinstance(error, sqlite3.Error):
        return None
    text = str(error).lower()
    problem: PeertrackError
    if "disk i/o error" in text and _nearly_full(path):
        text = "disk is full"  # SQLite calls a full disk an I/O error when its shared-memory file cannot grow
    if "readonly" in text or "read-only" in text:
        problem = DatabaseProblem(f"{path} cannot be changed: the file or its folder is read-only.",
                                  "Check its permissions, or choose another file with --db.")
    elif "disk is full" in text or "database or disk is full" in text:
        problem = StorageTrouble("The disk is full, so nothing was saved; your records are as they were.",
                                 "Free some space, then try again.")
    elif "locked" in text or "busy" in text:
        problem = StorageTrouble(f"{path} is busy: another program (perhaps another peertrack) is using it. "
                                 "This change was not saved.", "Try again in a moment.")
    elif "malformed" in text or "not a database" in text or "corrupt" in text:
        problem = DatabaseProblem(f"{path} is damaged: SQLite says \"{error}\".", RESTORE_HINT)
    elif "unable to open" in text and _on_read_only_disk(path):
        problem = DatabaseProblem(f"{path} is on a read-only disk: peertrack cannot work with it there, "
                                  "as SQLite must write beside it even to read.",
                                  "Copy it to a disk you may write to and use --db, or make the disk writable.")
    elif "unable to open" in text:
        problem = DatabaseProblem(f"{path} cannot be opened.", "Check that its folder exists and you may use it.")
    elif "disk i/o error" in text:
        problem = StorageTrouble(f"{path} could not be read or written: the disk reported an error. "
                                 "This is not damage to your records.",
                                 "Check the disk is still connected and healthy, then try again.")
    else:
        return None
    return problem


def _on_read_only_disk(path: str | Path) -> bool:
    try:
        return bool(os.statvfs(path_text.parent(path)).f_flag & os.ST_RDONLY)
    except (OSError, AttributeError):
        return False


def _nearly_full(path: str | Path) -> bool:
    import shutil

    try:
        return shutil.disk_usage(path_text.parent(path)).free < 256 * 1024
    except OSError:
        return False


def _open(path: str | Path) -> sqlite3.Connection:
    conn = sqlite3.connect(path, timeout=15, isolation_level=None)
    conn.row_factory = sqlite3.Row
    conn.execute("PRAGMA foreign_keys = ON")
    return conn


def _schema_version(conn: sqlite3.Connection, path: str | Path) -> int:
    try:
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        if version == 0:
            tables = conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
            if tables:
                raise DatabaseProblem(f"{path} is an SQLite database of another program, not peertrack's.",
                                      "Choose your peertrack file with --db.")
        return version
    except sqlite3.DatabaseError as error:
        conn.close()
        # A full disk, a read-only file or another program's lock is not damage: putting a backup
        # back would throw away newer records, so each is told as what it is.
        known = problem_from(error, path)
        if known is not None and RESTORE_HINT != known.hint:
            raise known from None
        raise DatabaseProblem(f"{path} is not a peertrack database, or it is damaged.",
                              RESTORE_HINT) from None


_commits = [0]  # how many writes this process has committed, so an error after one is told truly


@contextlib.contextmanager
def transaction(conn: sqlite3.Connection, *, refuse_if_busy: str | None = None) -> Iterator[sqlite3.Connection]:
    """One write, all or nothing: an error or Ctrl-C leaves the file as it was.

    With `refuse_if_busy` (what did not happen, e.g. "nothing was restored") it does not wait long
    for another writer: it stops at once and says so, instead of waiting and then going ahead.
    """
    if refuse_if_busy is not None:
        conn.execute("PRAGMA busy_timeout = 1000")
    try:
        conn.execute("BEGIN IMMEDIATE")
    except sqlite3.OperationalError as error:
        if refuse_if_busy is None or not ("locked" in str(error) or "busy" in str(error)):
            raise
        path = conn.execute("PRAGMA database_list").fetchone()[2]
        raise StorageTrouble(f"Another program (perhaps another peertrack) is writing to {path} right now, "
                             f"so {refuse_if_busy}.", "Try again when it has finished.") from None
    try:
        yield conn
    except BaseException:
        if conn.in_transaction:  # SQLite may have rolled back already (a full disk): keep the real error
            conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")
    _commits[0] += 1


@contextlib.contextmanager
def reading(conn: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """Several reads that see one moment: nothing another program commits meanwhile shows up half-way."""
    conn.execute("BEGIN")
    try:
        conn.execute("SELECT 1 FROM sqlite_master LIMIT 1").fetchall()  # the snapshot starts here
        yield conn
    finally:
        if conn.in_transaction:
            conn.execute("COMMIT")


def commit_count() -> int:
    """Writes committed so far: once a command has committed one, nothing may say "nothing was changed"."""
    return _commits[0]


def iso(day: dt.date | None) -> str | None:
    return day.isoformat() if day else None


def newer_schema(source: object, version: int, outcome: str) -> DatabaseProblem:
    """A file written by a newer peertrack: what happened (`outcome`), and to update."""
    return DatabaseProblem(
        f"{source} was written by a newer version of peertrack (schema {version}; this one knows up to "
        f"{SCHEMA_VERSION}), so {outcome}.",
        "Update peertrack, for example with: python -m pip install --upgrade peertrack",
    )


def new_id(cursor: sqlite3.Cursor) -> int:
    """The number SQLite gave the row just inserted."""
    assert cursor.lastrowid is not None, "an INSERT always gives its row a number"
    return cursor.lastrowid


def now() -> str:
    return dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")
