"""Reading and writing wellness-plan reminders and their log of what was done, skipped or snoozed.

Reminders are private: nothing here is read by the exports for a certifying body.
"""

from __future__ import annotations

import datetime as dt
import sqlite3

from peertrack.domain.errors import NotFound
from peertrack.domain.models import Reminder, ReminderLogEntry
from peertrack.storage.database import iso, new_id, now

_REMINDER_SELECT = (
    "SELECT r.*, (SELECT max(l.occurrence) FROM reminder_log l WHERE l.reminder_id = r.id"
    " AND l.action IN ('done', 'skipped')) AS handled_through FROM reminders r"
)


def insert_reminder(conn: sqlite3.Connection, reminder: Reminder) -> int:
    cursor = conn.execute(
        "INSERT INTO reminders (title, rrule, starts, added_on, at, until, note, snoozed_until, created_at)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (reminder.title, reminder.rrule, reminder.starts.isoformat(), reminder.added_on.isoformat(),
         _time_text(reminder.at), iso(reminder.until), reminder.note, iso(reminder.snoozed_until), now()),
    )
    return new_id(cursor)


def update_reminder(conn: sqlite3.Connection, reminder: Reminder) -> None:
    conn.execute(
        "UPDATE reminders SET title = ?, rrule = ?, starts = ?, at = ?, until = ?, note = ?, snoozed_until = ?"
        " WHERE id = ?",
        (reminder.title, reminder.rrule, reminder.starts.isoformat(), _time_text(reminder.at),
         iso(reminder.until), reminder.note, iso(reminder.snoozed_until), reminder.id),
    )


def snooze_reminder(conn: sqlite3.Connection, reminder_id: int, until: dt.date | None) -> None:
    conn.execute("UPDATE reminders SET snoozed_until = ? WHERE id = ?", (iso(until), reminder_id))


def delete_reminder(conn: sqlite3.Connection, reminder_id: int) -> None:
    """Removes the reminder and, through the foreign key, its log."""
    conn.execute("DELETE FROM reminders WHERE id = ?", (reminder_id,))


def load_reminder(conn: sqlite3.Connection, reminder_id: int) -> Reminder:
    row = conn.execute(_REMINDER_SELECT + " WHERE r.id = ?", (reminder_id,)).fetchone()
    if row is None:
        raise unknown_reminder(reminder_id)
    return _reminder_from(row)


def unknown_reminder(reminder_id: object) -> NotFound:
    return NotFound("reminder with the number", reminder_id, topic="reminder-number")


def load_reminders(conn: sqlite3.Connection) -> list[Reminder]:
    return [_reminder_from(row) for row in conn.execute(_REMINDER_SELECT + " ORDER BY r.id")]


def find_reminder_titled(conn: sqlite3.Connection, title: str) -> Reminder | None:
    row = conn.execute(_REMINDER_SELECT + " WHERE r.title = ? COLLATE NOCASE ORDER BY r.id", (title,)).fetchone()
    return _reminder_from(row) if row else None


def log_reminder(conn: sqlite3.Connection, entry: ReminderLogEntry) -> int:
    cursor = conn.execute(
        "INSERT INTO reminder_log (reminder_id, occurrence, action, acted_on, note, created_at)"
        " VALUES (?, ?, ?, ?, ?, ?)",
        (entry.reminder_id, entry.occurrence.isoformat(), entry.action, entry.acted_on.isoformat(), entry.note,
         now()),
    )
    return new_id(cursor)


def load_reminder_log(conn: sqlite3.Connection, reminder_id: int | None = None) -> list[ReminderLogEntry]:
    """The log, newest occurrence first; of one reminder, or of all."""
    where, params = ("WHERE reminder_id = ?", (reminder_id,)) if reminder_id is not None else ("", ())
    rows = conn.execute(f"SELECT * FROM reminder_log {where} ORDER BY occurrence DESC, id DESC", params)
    return [
        ReminderLogEntry(
            id=row["id"],
            reminder_id=row["reminder_id"],
            occurrence=dt.date.fromisoformat(row["occurrence"]),
            action=row["action"],
            acted_on=dt.date.fromisoformat(row["acted_on"]),
            note=row["note"],
        )
        for row in rows
    ]


def _reminder_from(row: sqlite3.Row) -> Reminder:
    return Reminder(
        id=row["id"],
        title=row["title"],
        rrule=row["rrule"],
        starts=dt.date.fromisoformat(row["starts"]),
        added_on=dt.date.fromisoformat(row["added_on"]),
        at=dt.time.fromisoformat(row["at"]) if row["at"] else None,
        until=_date(row["until"]),
        note=row["note"],
        snoozed_until=_date(row["snoozed_until"]),
        handled_through=_date(row["handled_through"]),
    )


def _date(text: str | None) -> dt.date | None:
    return dt.date.fromisoformat(text) if text else None


def _time_text(at: dt.time | None) -> str | None:
    return f"{at:%H:%M}" if at is not None else None
