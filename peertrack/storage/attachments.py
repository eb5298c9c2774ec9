"""Reading and writing the certificate files recorded for each course (the files themselves live on disk)."""

from __future__ import annotations

import sqlite3

from peertrack.domain.transfer import Attachment
from peertrack.storage.database import new_id, now

_SELECT = "SELECT id, ceu_id, sha256, original_name, size, media_type, added_at FROM attachments"


def insert_attachment(conn: sqlite3.Connection, ceu_id: int, attachment: Attachment) -> int:
    cursor = conn.execute(
        "INSERT INTO attachments (ceu_id, sha256, original_name, size, media_type, added_at)"
        " VALUES (?, ?, ?, ?, ?, ?)",
        (ceu_id, attachment.sha256, attachment.original_name, attachment.size, attachment.media_type, now()),
    )
    return new_id(cursor)


def find_attachment(conn: sqlite3.Connection, ceu_id: int, sha256: str) -> Attachment | None:
    """The course's attachment with this content, if it has one."""
    row = conn.execute(_SELECT + " WHERE ceu_id = ? AND sha256 = ?", (ceu_id, sha256)).fetchone()
    return _attachment_from(row) if row else None


def course_attachments(conn: sqlite3.Connection, ceu_id: int) -> list[Attachment]:
    return [_attachment_from(row) for row in conn.execute(_SELECT + " WHERE ceu_id = ? ORDER BY id", (ceu_id,))]


def all_attachments(conn: sqlite3.Connection) -> list[Attachment]:
    return [_attachment_from(row) for row in conn.execute(_SELECT + " ORDER BY ceu_id, id")]


def attachments_by_course(conn: sqlite3.Connection) -> dict[int | None, list[Attachment]]:
    """Every course's attachments, by course number, in the order they were added."""
    found: dict[int | None, list[Attachment]] = {}
    for attachment in all_attachments(conn):
        found.setdefault(attachment.ceu_id, []).append(attachment)
    return found


def _attachment_from(row: sqlite3.Row) -> Attachment:
    return Attachment(
        id=row["id"],
        ceu_id=row["ceu_id"],
        sha256=row["sha256"],
        original_name=row["original_name"],
        size=row["size"],
        media_type=row["media_type"],
        added_at=row["added_at"],
    )


def courses_with_file(conn: sqlite3.Connection, sha256: str) -> list[int]:
    """The courses that already keep a file with this content, so one certificate is never logged twice."""
    return [row[0] for row in conn.execute(
        "SELECT DISTINCT ceu_id FROM attachments WHERE sha256 = ? ORDER BY ceu_id", (sha256,))]
