"""What the status and due views show, read from the database: where each certification stands,
the reminders due, deadlines coming up and the month-by-month history. No printing here."""

from __future__ import annotations

import contextlib
import datetime as dt
import sqlite3
from collections.abc import Iterator

from peertrack.domain.record_types import dataclass
from peertrack.services.overview import due_reminders, load_settings, open_database, progress_of
from peertrack.storage.certs import load_cert, load_certs
from peertrack.storage.courses import credited_courses
from peertrack.storage.deadlines import load_deadlines

TYPE_CHECKING = False  # as typing.TYPE_CHECKING, without importing typing at start-up
if TYPE_CHECKING:
    from pathlib import Path

    from peertrack.domain.attention import Attention
    from peertrack.domain.history import CycleHistory
    from peertrack.domain.models import Deadline, DueReminder, Progress
    from peertrack.domain.pursuits import PursuitProgress
    from peertrack.services.work_standing import CertWork


@dataclass
class Standing:
    """The dashboard's data: each certification's progress (or one's), and the reminders due."""

    items: list[Progress]
    reminders: list[DueReminder]
    work: list[CertWork]  # the rules on service and supervision of those certifications that have some
    pursuits: list[PursuitProgress]  # certifications in progress, shown with every certification


@contextlib.contextmanager
def existing(db_path: str | Path) -> Iterator[sqlite3.Connection | None]:
    """The database if there is one yet (reading never creates it), closed afterwards; `db_path` may be
    text, as storage.database.database_name gives it."""
    from peertrack.storage.path_text import exists

    if not exists(db_path):
        yield None
        return
    conn = open_database(db_path)
    try:
        yield conn
    finally:
        conn.close()


def standing(conn: sqlite3.Connection | None, cert: str | None, today: dt.date, reminders: bool = True) -> Standing:
    """Each certification's progress (or one's), and the wellness reminders due (with every certification,
    and only when `reminders` is asked for: a picture for someone else leaves them out)."""
    from peertrack.domain.errors import unknown_cert

    certs = load_certs(conn) if conn else []
    if cert:
        if conn is None:
            raise unknown_cert(cert, [])
        certs = [load_cert(conn, cert.strip().lower())]
    items = progress_of(conn, certs, today) if conn else []
    if conn is not None and any(item.cert.template for item in items):
        from peertrack.services.rules_updates import with_updates

        items = with_updates(conn, items)
    due = due_reminders(conn, today) if reminders and not cert else []
    return Standing(items, due, _work(conn, certs, today), _pursuits(conn, today) if not cert else [])


def _work(conn: sqlite3.Connection | None, certs: list, today: dt.date) -> list[CertWork]:
    """The rules on service and supervision, worked out only when there are some (start-up stays quick)."""
    from peertrack.storage.work_presence import work_rules_exist

    if conn is None or not certs or not work_rules_exist(conn):
        return []
    from peertrack.services.work_standing import certs_work

    return certs_work(conn, certs, today)


def _pursuits(conn: sqlite3.Connection | None, today: dt.date) -> list[PursuitProgress]:
    from peertrack.storage.work_presence import pursuits_exist

    if conn is None or not pursuits_exist(conn):
        return []
    from peertrack.services.pursuit_standing import pursuits_progress

    return pursuits_progress(conn, today)


def cycle_histories(conn: sqlite3.Connection, items: list[Progress], today: dt.date) -> list[CycleHistory]:
    """Each certification's CE hours month by month, from the start of its current cycle to today."""
    from peertrack.domain.history import CycleHistory, monthly_seconds

    histories = []
    for item in items:
        cycle = item.cert.cycle
        courses = credited_courses(conn, item.cert.id, cycle.starts, cycle.ends)
        months = monthly_seconds(courses, item.cert.id, cycle.starts, min(today, cycle.ends))
        histories.append(CycleHistory(item.cert.id, item.cert.name, months))
    return histories


def coming_up(conn: sqlite3.Connection, items: list[Progress], today: dt.date) -> list[Deadline]:
    """Deadlines in the next weeks, for the dashboard's foot; expiries are in the blocks above."""
    from peertrack.domain.deadlines import all_deadlines

    horizon = today + dt.timedelta(days=load_settings(conn).soon_days)
    shown = {item.cert.id for item in items}
    from peertrack.services.board_rules import late_stages, renewal_tasks

    certs = [item.cert for item in items]
    found = all_deadlines(load_deadlines(conn, until=horizon) + renewal_tasks(conn, certs), certs, late_stages(certs))
    return [d for d in found if today <= d.due <= horizon and not (d.key or "").endswith(":expires")
            and (d.cert_id is None or d.cert_id in shown)]


def attention(conn: sqlite3.Connection | None, today: dt.date,
              window: int | None) -> tuple[list[Attention], int, list[str]]:
    """What needs attention within `window` days (else the urgent-days setting), the window used, and the
    certifications behind on their hours that are not listed yet (`due` lists one in its last months)."""
    from peertrack.domain.attention import gather

    settings = load_settings(conn)
    window = window if window is not None else settings.urgent_days
    certs = load_certs(conn) if conn else []
    progresses = progress_of(conn, certs, today) if conn else []
    from peertrack.services.board_rules import late_stages, renewal_tasks

    stored = load_deadlines(conn) + renewal_tasks(conn, certs) if conn else []

    items = gather(progresses, stored, today, window, settings.final_days, due_reminders(conn, today),
                   settings.soon_days, late_stages(certs))
    if conn is not None:
        from peertrack.domain.attention import ORDER
        from peertrack.domain.training_counts import count_attention
        items += count_attention(progresses, {p.cert.id: list(p.trainings) for p in progresses if p.trainings},
                                 settings.soon_days, settings.urgent_days)
        items.sort(key=lambda item: (ORDER.index(item.level), item.date or today))
    work = _work(conn, certs, today)
    if work:
        from peertrack.domain.work_attention import work_attention

        items = work_attention(items, work, today)
    listed = {item.ref for item in items if item.kind == "certification"}
    return items, window, [p.cert.id for p in progresses if p.level == "behind" and p.cert.id not in listed]
