"""Saving what a first run gathered: every certification, its rules, and the reminders, at once."""

from __future__ import annotations

import sqlite3

from peertrack.domain.errors import Conflict
from peertrack.domain.first_run import Plan
from peertrack.storage.certs import insert_cert, load_certs
from peertrack.storage.database import transaction
from peertrack.storage.reminders import find_reminder_titled, insert_reminder


def save_plan(conn: sqlite3.Connection, plan: Plan) -> None:
    """One transaction: all of it is saved, or none. Ids are checked again inside it, in case another
    command added one while the questions were being answered."""
    from peertrack.storage import work as work_store

    with transaction(conn):
        taken = {cert.id for cert in load_certs(conn)}
        for chosen in plan.certs:
            cert = chosen.cert
            if cert.id in taken:
                raise Conflict(f'A certification with the id "{cert.id}" was added while you answered. '
                               "Nothing was saved.", hint="Run peertrack init again and choose another id.")
            insert_cert(conn, cert)
            work = getattr(chosen.template, "work", ())
            if work:
                work_store.replace_work_rules(conn, cert.id, list(work))
        for reminder in plan.reminders:
            if find_reminder_titled(conn, reminder.title) is None:
                insert_reminder(conn, reminder)
