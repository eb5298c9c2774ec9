"""The approval numbers of courses, for boards that count only approved courses."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable

BATCH = 500  # well under SQLite's limit on values in one statement


def approval_numbers(conn: sqlite3.Connection, course_ids: Iterable[int]) -> dict[int, str]:
    """Each course's approval number, for those of `course_ids` that have one."""
    ids = sorted(set(course_ids))
    found: dict[int, str] = {}
    for start in range(0, len(ids), BATCH):
        chunk = ids[start:start + BATCH]
        found.update(conn.execute(
            f"SELECT id, approval_no FROM ceus WHERE id IN ({', '.join('?' * len(chunk))})"
            " AND trim(coalesce(approval_no, '')) <> ''", chunk).fetchall())
    return found
