"""Which renewal tasks are done: a day per task and cycle. The tasks themselves come from the template."""

from __future__ import annotations

import datetime as dt
import sqlite3


def load_task_marks(conn: sqlite3.Connection) -> dict[str, dict[str, dt.date]]:
    """The days the tasks of each certification's current cycle were marked done: {cert id: {task key: day}}."""
    found: dict[str, dict[str, dt.date]] = {}
    for cert_id, task, done_on in conn.execute(
            "SELECT y.cert_id, m.task, m.done_on FROM task_marks m JOIN cycles y ON y.id = m.cycle_id"
            " WHERE y.closed_on IS NULL"):
        found.setdefault(cert_id, {})[task] = dt.date.fromisoformat(done_on)
    return found


def mark_task_done(conn: sqlite3.Connection, cert_id: str, task: str, on: dt.date) -> None:
    """Mark a task of the certification's current cycle done on `on`; marking it again changes the day."""
    conn.execute("INSERT INTO task_marks (cycle_id, task, done_on)"
                 " SELECT id, ?, ? FROM cycles WHERE cert_id = ? AND closed_on IS NULL"
                 " ON CONFLICT (cycle_id, task) DO UPDATE SET done_on = excluded.done_on",
                 (task, on.isoformat(), cert_id))
