"""Certificate files kept with courses: a checked file copied into the store and recorded, and where each copy is."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from peertrack.domain.errors import Conflict
from peertrack.domain.record_types import replace
from peertrack.domain.transfer import Attachment
from peertrack.storage.attachments import find_attachment, insert_attachment


def refuse_same_file(conn: sqlite3.Connection, path: Path, force: bool) -> str:
    """The file's sha256, after making sure no course keeps this very certificate yet (unless --force)."""
    from peertrack.storage.attachments import courses_with_file
    from peertrack.storage.file_store import file_sha256

    sha256 = file_sha256(path)
    kept = courses_with_file(conn, sha256)
    if kept and not force:
        raise Conflict(f"{path.name} is already kept with course {kept[0]}: this certificate is logged.",
                       f"See it with: peertrack ceu show {kept[0]}")
    return sha256


def keep_certificate(conn: sqlite3.Connection, db_path: Path, course_id: int,
                     source: Path) -> tuple[Attachment, str]:
    """Copy a checked file into the store and record it for the course; call it inside the write's transaction.

    Returns the attachment and what happened: "added", "repaired" (the same file was kept
    before but its copy had gone bad) or "unchanged".
    """
    from peertrack.storage import file_store

    kept, written = file_store.store(source, file_store.folder_for(db_path))
    existing = find_attachment(conn, course_id, kept.sha256)
    if existing is not None:
        return existing, "repaired" if written else "unchanged"
    kept = replace(kept, ceu_id=course_id)
    kept = replace(kept, id=insert_attachment(conn, course_id, kept))
    return kept, "added"


def stored_copies(db_path: Path, kept: list[Attachment]) -> list[tuple[Attachment, Path | None]]:
    """Each attachment with the path of its stored copy (None when it is missing)."""
    from peertrack.storage import file_store

    folder = file_store.folder_for(db_path)
    return [(item, file_store.find(folder, item)) for item in kept]
