"""peertrack status: the dashboard of every certification, or of one."""

from pathlib import Path
from typing import Annotated, Optional

import typer

from peertrack.commands.common import CertOption, JsonOption, top_options


def status(
    ctx: typer.Context,
    cert: CertOption = None,
    json: JsonOption = False,
    history: Annotated[bool, typer.Option(
        "--history", help="Add a chart of your CE hours month by month over each current cycle.")] = False,
    missing: Annotated[bool, typer.Option(
        "--missing", help="Show only what is still missing: per certification, the hours of each kind, by when "
        "and at what pace, the most pressing first.")] = False,
    svg: Annotated[Optional[Path], typer.Option(
        "--svg", metavar="FILE", help="Save the dashboard as an SVG image instead of showing it.",
        show_default=False, dir_okay=False)] = None,
    html: Annotated[Optional[Path], typer.Option(
        "--html", metavar="FILE", help="Save the dashboard as a web page instead of showing it.",
        show_default=False, dir_okay=False)] = None,
) -> None:
    """Show where you stand: days left, hours earned and still needed, and the pace.

    Each certification gets a level, in words and colour: on track; due soon
    (90 days or less with hours missing); behind (hours missing and, after the
    first quarter of the cycle, under half of a straight line through it, or more
    than 6 hours a month still needed); urgent (30 days or less); overdue; lapsed.
    Wellness-plan reminders due today or missed are listed below, in their own panel.
    With --missing you get a to-do list instead: "3 hours of ethics and 6 more of
    any kind by Mon 15 Mar 2027, about 1.5 hours a month".
    With --svg or --html the dashboard is saved in colour to a file, for an e-mail to a
    supervisor; your wellness plan stays private and is left out of it.

    \b
    Examples:
      peertrack status
      peertrack status --cert ca-pss --history
      peertrack status --missing
      peertrack status --svg my-ce.svg
      peertrack status --json
    """
    from peertrack.commands.views import show_status

    if missing and (history or svg is not None or html is not None):
        from peertrack.domain.errors import InvalidInput

        raise InvalidInput("--missing", "--missing", "show the to-do list alone, or the dashboard with --history, "
                           "--svg or --html", problem="cannot go with --history, --svg or --html")
    if svg is None and html is None:
        show_status(top_options(ctx).db_path, cert, json, history, missing)
        return
    if json:
        from peertrack.domain.errors import InvalidInput

        raise InvalidInput("--json", "--json", "save a picture with --svg or --html, or print JSON, not both",
                           problem="cannot go with --svg or --html")
    from peertrack.commands.views import status_picture
    from peertrack.output.screen import say
    from peertrack.storage.files import write_whole_text

    for kind, target in (("svg", svg), ("html", html)):
        if target is not None:
            write_whole_text(target, status_picture(top_options(ctx).db_path, kind, cert, history))
            say(f"✓ Saved your dashboard to {target}")
