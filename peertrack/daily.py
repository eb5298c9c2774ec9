"""The views people open many times a day, `status` and `due`: callable from the command tree or the fast lane."""

from __future__ import annotations

import contextlib
import datetime as dt
import sqlite3
import sys
from pathlib import Path

from peertrack import clock, storage
from peertrack.errors import unknown_cert
from peertrack.overview import due_reminders, load_settings, open_database, progress_of

DUE_WORDS = {"overdue": "✗ overdue", "urgent": "‼ urgent", "due-soon": "! due soon", "upcoming": "• coming up",
             "wellness": "○ wellness plan"}


def show_status(db_path: Path, cert: str | None = None, json: bool = False) -> None:
    """The dashboard (or its JSON): every certification, or one, then the wellness plan."""
    today = clock.today()
    with _existing(db_path) as conn:
        certs = storage.load_certs(conn) if conn else []
        if cert:
            if conn is None:
                raise unknown_cert(cert, [])
            certs = [storage.load_cert(conn, cert.strip().lower())]
        items = progress_of(conn, certs, today) if conn else []
        reminders = due_reminders(conn, today) if not cert else []
        if json:
            from peertrack import porcelain

            data = porcelain.status(items, today)
            data["reminders"] = [porcelain.due_reminder(item) for item in reminders]
            porcelain.emit(data)
            return
        from peertrack import render

        if conn is None or not items and not cert and not reminders:
            render.welcome()
            return
        render.dashboard(items, today, coming_up(conn, items, today))
        render.wellness_panel(reminders, today)


def show_due(db_path: Path, within: str | None = None, json: bool = False, quiet: bool = False) -> int:
    """What needs attention now, in plain lines (or JSON); the exit status is 1 when something is trouble."""
    from peertrack.attention import gather, needs_action
    from peertrack.parsing import parse_days

    today = clock.today()
    window = parse_days(within) if within else None
    with _existing(db_path) as conn:
        settings = load_settings(conn)
        window = window if window is not None else settings.urgent_days
        progresses = progress_of(conn, storage.load_certs(conn), today) if conn else []
        stored = storage.load_deadlines(conn) if conn else []
        items = gather(progresses, stored, today, window, settings.final_days, due_reminders(conn, today))
    trouble = needs_action(items)
    if json:
        from peertrack import porcelain

        porcelain.emit({"today": today.isoformat(), "within_days": window, "needs_action": trouble,
                        "items": [porcelain.attention(item, today) for item in items]})
    elif not quiet:
        lines = [f"{DUE_WORDS[item.level]}  {item.title}: {item.detail}" for item in items]
        sys.stdout.write("\n".join(lines or [f"✓ Nothing needs your attention in the next {window} days."]) + "\n")
    return 1 if trouble else 0


def coming_up(conn: sqlite3.Connection, items: list, today: dt.date) -> list:
    """Deadlines in the next weeks, for the dashboard's foot; expiries are in the blocks above."""
    from peertrack.deadlines import all_deadlines

    horizon = today + dt.timedelta(days=load_settings(conn).soon_days)
    shown = {item.cert.id for item in items}
    found = all_deadlines(storage.load_deadlines(conn, until=horizon), [item.cert for item in items])
    return [d for d in found if today <= d.due <= horizon and not (d.key or "").endswith(":expires")
            and (d.cert_id is None or d.cert_id in shown)]


@contextlib.contextmanager
def _existing(db_path: Path):
    """The database if there is one yet (reading never creates it), closed afterwards."""
    if not db_path.exists():
        yield None
        return
    conn = open_database(db_path)
    try:
        yield conn
    finally:
        conn.close()
