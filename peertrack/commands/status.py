"""peertrack status: the dashboard of every certification, or of one."""

import datetime as dt

import typer

from peertrack import clock, storage
from peertrack.commands.common import CertOption, JsonOption, due_reminders, open_existing, progress_of
from peertrack.errors import unknown_cert


def status(ctx: typer.Context, cert: CertOption = None, json: JsonOption = False) -> None:
    """Show where you stand: days left, hours earned and still needed, and the pace.

    Each certification gets a level, in words and colour: on track, due soon
    (90 days or less with hours missing), urgent (30 days or less), overdue or lapsed.
    Wellness-plan reminders due today or missed are listed below, in their own panel.

    \b
    Examples:
      peertrack status
      peertrack status --cert ca-pss
      peertrack status --json
    """
    today = clock.today()
    conn = open_existing(ctx)
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
    render.dashboard(items, today, _coming_up(conn, items, today))
    render.wellness_panel(reminders, today)


def _coming_up(conn, items, today):
    """Deadlines in the next weeks, for the dashboard's foot; expiries are in the blocks above."""
    from peertrack.commands.common import load_settings
    from peertrack.deadlines import all_deadlines

    horizon = today + dt.timedelta(days=load_settings(conn).soon_days)
    shown = {item.cert.id for item in items}
    found = all_deadlines(storage.load_deadlines(conn, until=horizon), [item.cert for item in items])
    return [d for d in found if today <= d.due <= horizon and not (d.key or "").endswith(":expires")
            and (d.cert_id is None or d.cert_id in shown)]
