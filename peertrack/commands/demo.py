"""peertrack demo: the dashboard on example data, in a throwaway file."""

import datetime as dt
import tempfile
from pathlib import Path

from peertrack.services import clock
from peertrack.storage.certs import insert_cert, load_certs
from peertrack.storage.courses import insert_course
from peertrack.storage.database import connect, transaction
from peertrack.storage.deadlines import insert_deadline
from peertrack.storage.reminders import insert_reminder, log_reminder


def demo() -> None:
    """See what peertrack does, on example data. Your own records are not touched.

    It fills a temporary database with two certifications, a few courses, a deadline
    and a small wellness plan, shows the dashboard, then deletes the temporary file.

    \b
    Examples:
      peertrack demo
      PEERTRACK_TODAY=2027-05-01 peertrack demo
    """
    from peertrack.domain import examples as examples
    from peertrack.output import dashboard
    from peertrack.output.screen import say
    from peertrack.services.overview import due_reminders, progress_of
    from peertrack.services.standing import coming_up

    today = clock.today()
    with tempfile.TemporaryDirectory(prefix="peertrack-demo-") as folder:
        conn = connect(Path(folder) / "demo.db")
        try:
            with transaction(conn):
                for cert in examples.certifications(today):
                    insert_cert(conn, cert)
                for course in examples.courses(today):
                    insert_course(conn, course)
                for deadline in examples.deadlines(today):
                    insert_deadline(conn, deadline)
                _add_reminders(conn, today)
            items = progress_of(conn, load_certs(conn), today)
            dashboard.show(items, due_reminders(conn, today), coming_up(conn, items, today), [], today)
        finally:
            conn.close()
    say("\nThat was example data in a temporary file, now deleted; your own records were not touched.\n"
        "Start your own with: peertrack init")


def _add_reminders(conn, today: dt.date) -> None:
    """The example wellness plan: added some days ago, done now and then, so some are waiting."""
    from peertrack.domain import recurrence
    from peertrack.domain.examples import REMINDERS
    from peertrack.domain.models import ReminderLogEntry
    from peertrack.domain.reminder_input import build_reminder

    for title, every, on, added_ago, done_ago in REMINDERS:
        added = today - dt.timedelta(days=added_ago)
        reminder = build_reminder(added, title=title, every=every, on=on)
        reminder_id = insert_reminder(conn, reminder)
        if done_ago is not None:
            done_on = today - dt.timedelta(days=done_ago)
            occurrence = recurrence.occurrence_on_or_after(reminder.rrule, reminder.starts, done_on, reminder.until)
            if occurrence is not None and occurrence <= today:
                log_reminder(conn, ReminderLogEntry(reminder_id, occurrence, "done", done_on))
