"""The views people open many times a day, `status` and `due`: callable from the command tree or the fast lane."""

from __future__ import annotations

import contextlib
import datetime as dt
import sqlite3
import sys
from pathlib import Path

from peertrack import storage
from peertrack.domain.errors import unknown_cert
from peertrack.services import clock
from peertrack.services.overview import due_reminders, load_settings, open_database, progress_of


def show_status(db_path: Path, cert: str | None = None, json: bool = False, history: bool = False) -> None:
    """The dashboard (or its JSON): every certification, or one, then the wellness plan; `history`
    adds each certification's CE hours month by month over its current cycle."""
    today = clock.today()
    with _existing(db_path) as conn:
        items, reminders = _standing(conn, cert, today)
        histories = cycle_histories(conn, items, today) if history and conn else []
        if json:
            from peertrack.output import porcelain

            data = porcelain.status(items, today)
            data["reminders"] = [porcelain.due_reminder(item) for item in reminders]
            if history:
                for entry, months in zip(data["certifications"], histories, strict=True):
                    entry["history"] = porcelain.month_hours(months)
            porcelain.emit(data)
            return
        from peertrack.output import render

        if conn is None or not items and not cert and not reminders:
            render.welcome()
            return
        _draw(render, conn, items, reminders, histories, today)


def status_picture(db_path: Path, kind: str, cert: str | None = None, history: bool = False) -> str:
    """The dashboard as an SVG image or an HTML page (`kind`), in colour, to attach to an e-mail.

    The wellness plan is private, so it stays out of a picture meant for someone else.
    """
    from peertrack.output import render

    today = clock.today()
    with _existing(db_path) as conn:
        items, _ = _standing(conn, cert, today)
        if conn is None or not items:
            from peertrack.domain.errors import PeertrackError

            raise PeertrackError("There is no certification to show yet, so there is no picture to save.",
                                 "Add one first with: peertrack cert add --help")
        console = render.picture_console()
        _draw(render, conn, items, [], cycle_histories(conn, items, today) if history else [], today, console)
    return render.picture(console, kind, f"peertrack status, {today.isoformat()}")


def cycle_histories(conn: sqlite3.Connection, items: list, today: dt.date) -> list:
    """Each certification's CE hours month by month, from the start of its current cycle to today."""
    from peertrack.domain.history import CycleHistory, monthly_minutes

    histories = []
    for item in items:
        cycle = item.cert.cycle
        courses = storage.credited_courses(conn, item.cert.id, cycle.starts, cycle.ends)
        months = monthly_minutes(courses, item.cert.id, cycle.starts, min(today, cycle.ends))
        histories.append(CycleHistory(item.cert.id, item.cert.name, months))
    return histories


def _standing(conn: sqlite3.Connection | None, cert: str | None, today: dt.date) -> tuple[list, list]:
    """Each certification's progress (or one's), and the wellness reminders due (with every certification)."""
    certs = storage.load_certs(conn) if conn else []
    if cert:
        if conn is None:
            raise unknown_cert(cert, [])
        certs = [storage.load_cert(conn, cert.strip().lower())]
    items = progress_of(conn, certs, today) if conn else []
    reminders = due_reminders(conn, today) if not cert else []
    return items, reminders


def _draw(render, conn, items: list, reminders: list, histories: list, today: dt.date, console=None) -> None:
    render.dashboard(items, today, coming_up(conn, items, today), console=console)
    if histories:
        render.history_chart(histories, console=console)
    render.wellness_panel(reminders, today, console=console)


def show_due(db_path: Path, within: str | None = None, json: bool = False, quiet: bool = False) -> int:
    """What needs attention now, in plain lines (or JSON); the exit status is 1 when something is trouble."""
    from peertrack.domain.attention import gather, needs_action
    from peertrack.domain.parsing import parse_days

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
        from peertrack.output import porcelain

        porcelain.emit({"today": today.isoformat(), "within_days": window, "needs_action": trouble,
                        "items": [porcelain.attention(item, today) for item in items]})
    elif not quiet:
        from peertrack.domain.formatting import LEVEL_WORDS

        lines = [f"{LEVEL_WORDS[item.level]}  {item.title}: {item.detail}" for item in items]
        sys.stdout.write("\n".join(lines or [f"✓ Nothing needs your attention in the next {window} days."]) + "\n")
    return 1 if trouble else 0


def coming_up(conn: sqlite3.Connection, items: list, today: dt.date) -> list:
    """Deadlines in the next weeks, for the dashboard's foot; expiries are in the blocks above."""
    from peertrack.domain.deadlines import all_deadlines

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
