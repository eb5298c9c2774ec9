"""peertrack status: the dashboard of every certification, or of one."""

import typer

from peertrack.commands.common import CertOption, JsonOption, session


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
    from peertrack.daily import show_status

    show_status(session(ctx).db_path, cert, json)
