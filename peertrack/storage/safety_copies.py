"""Safety copies of the database taken before a change that could not otherwise be undone.

Copies are kept by kind (before a restore, before a schema upgrade, before a removal or
other change), the newest few of each, so many removals never push out the copy taken
before a restore. A copy that fails is taken away at once, and only whole copies count.
"""

from __future__ import annotations

import datetime as dt
import errno
import os
import shutil
import sqlite3
from pathlib import Path

from peertrack.domain.errors import StorageTrouble
from peertrack.storage.files import private_folder

KEEP = 5
SQLITE_HEADER = b"SQLite format 3\x00"
# The reason a copy was taken, by the start of its name; every other reason is a change.
KINDS = {"before-restore": "restore", "before-schema": "upgrade"}


def kind_of(reason: str) -> str:
    return next((kind for start, kind in KINDS.items() if reason.startswith(start)), "change")


def folder_for(path: Path) -> Path:
    return path.parent / "backups"


def keep_copy(conn: sqlite3.Connection, path: Path, reason: str, keep: int = KEEP) -> Path:
    """A consistent copy of the open database in the backups folder beside it, named for `reason`."""
    target = _new_target(path, reason)
    try:
        fd = os.open(target, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
        os.close(fd)
        copy = sqlite3.connect(target)
        try:
            conn.backup(copy)
        finally:
            copy.close()
    except (OSError, sqlite3.Error) as error:
        target.unlink(missing_ok=True)
        raise _copy_failed(error) from None
    except BaseException:
        target.unlink(missing_ok=True)
        raise
    _rotate(path, kind_of(reason), keep)
    return target


def keep_file(path: Path, reason: str, keep: int = KEEP) -> Path:
    """A byte-for-byte copy of a database SQLite cannot read, with its log, so its records may still be rescued."""
    target = _new_target(path, reason)
    written = []
    try:
        for suffix in ("", "-wal"):
            if Path(f"{path}{suffix}").exists():
                written.append(Path(f"{target}{suffix}"))
                fd = os.open(written[-1], os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
                with os.fdopen(fd, "wb") as copy, open(f"{path}{suffix}", "rb") as original:
                    shutil.copyfileobj(original, copy)
    except BaseException as error:
        for partial in written:
            partial.unlink(missing_ok=True)
        if isinstance(error, OSError):
            raise _copy_failed(error) from None
        raise
    _rotate(path, kind_of(reason), keep)
    return target


def copies_of(path: Path, kind: str) -> list[Path]:
    """This database's whole copies of one kind, oldest first."""
    folder = folder_for(path)
    if not folder.is_dir():
        return []
    found = []
    for candidate in folder.glob(f"{path.stem}-[0-9]*.db"):
        stem = candidate.name[len(path.stem) + 1:-len(".db")]
        parts = stem.split("-", 3)  # date, time, microseconds, reason
        if len(parts) == 4 and kind_of(parts[3]) == kind and _is_whole(candidate):
            found.append(candidate)
    return sorted(found)


def _new_target(path: Path, reason: str) -> Path:
    folder = private_folder(folder_for(path))
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S-%f")
    return folder / f"{path.stem}-{stamp}-{reason}.db"


def _rotate(path: Path, kind: str, keep: int) -> None:
    for old in copies_of(path, kind)[:-keep]:
        old.unlink(missing_ok=True)
        Path(f"{old}-wal").unlink(missing_ok=True)


def _is_whole(candidate: Path) -> bool:
    """An empty or partial file (left by a full disk, say) is no copy: it never pushes out a real one."""
    try:
        with open(candidate, "rb") as handle:
            return handle.read(len(SQLITE_HEADER)) == SQLITE_HEADER
    except OSError:
        return False


def _copy_failed(error: BaseException) -> StorageTrouble:
    code = getattr(error, "errno", None)
    if code == errno.ENOSPC or "full" in str(error).lower():
        why = "the disk is full"
    elif code in (errno.EROFS, errno.EACCES, errno.EPERM) or "readonly" in str(error).lower():
        why = "the backups folder cannot be written to"
    else:
        why = f"{getattr(error, 'strerror', None) or error}"
    return StorageTrouble(f"Could not keep a safety copy of your records first: {why}. Nothing was changed.",
                          "Free some space (or fix the folder's permissions), then try again.")
