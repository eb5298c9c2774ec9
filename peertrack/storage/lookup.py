"""Quick read-only look-ups for Tab completion: they never create, migrate or change the file."""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import quote

# Each kind of value a shell may offer, and its (value, description) query.
_QUERIES = {
    "certs": "SELECT id, name FROM certifications ORDER BY id",
    "reminders": "SELECT id, title FROM reminders ORDER BY id",
    "deadlines": "SELECT id, title || ' (' || due || ')' FROM deadlines WHERE done_on IS NULL ORDER BY due, id",
    # The latest first: with a long history, the courses people still change are the recent ones.
    "courses": "SELECT id, date || ' ' || title FROM ceus WHERE CAST(id AS TEXT) LIKE ? ORDER BY id DESC LIMIT 100",
    "categories": "SELECT category, NULL FROM ceu_allocations UNION SELECT value, NULL FROM requirements"
                  " WHERE dimension = 'category' ORDER BY 1",
}


def values_for_completion(path: Path, kind: str, incomplete: str = "") -> list[tuple[str, str | None]]:
    """(value, description) pairs of one kind; an empty list when there is no readable database."""
    with _peek(path) as conn:
        if conn is None:
            return []
        query = _QUERIES[kind]
        params = (incomplete.replace("%", "").replace("_", "") + "%",) if "?" in query else ()
        return [(str(value), description) for value, description in conn.execute(query, params)]


@contextlib.contextmanager
def _peek(path: Path) -> Iterator[sqlite3.Connection | None]:
    if not path.is_file():
        yield None
        return
    conn = sqlite3.connect(f"file:{quote(str(path.resolve()))}?mode=ro", uri=True, timeout=0.5)
    try:
        yield conn
    finally:
        conn.close()
