"""The rules of its template each certification keeps as text, as taken or kept (domain/template_updates.py)."""

from __future__ import annotations

import sqlite3


def kept_rules(conn: sqlite3.Connection) -> dict[str, str | None]:
    """Each certification's kept text, by id: None where it keeps none."""
    return dict(conn.execute("SELECT id, template_rules FROM certifications WHERE template IS NOT NULL").fetchall())


def keep_rules(conn: sqlite3.Connection, cert_id: str, text: str | None) -> None:
    conn.execute("UPDATE certifications SET template_rules = ? WHERE id = ?", (text, cert_id))
