"""peertrack due: only what needs attention; exit status 1 when something is overdue or urgent."""

from typing import Annotated, Optional

import typer

from peertrack.commands.common import JsonOption, top_options


def due(
    ctx: typer.Context,
    within: Annotated[Optional[str], typer.Option(
        "--within", help="How far ahead to look for deadlines: 30d, 2w, 3m. Default: your second warn-days "
        "(30 days).", show_default=False)] = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="Print nothing; only the exit status tells.")] = False,
    json: JsonOption = False,
) -> None:
    """Show only what needs attention now; made for a daily check or a shell start-up file.

    Exit status 1 when a certification or deadline is overdue or urgent, 0 otherwise;
    wellness reminders are listed too, but never count as trouble.

    \b
    Examples:
      peertrack due
      peertrack due --within 60d
      peertrack due --quiet || echo "peertrack: something needs attention"
    """
    from peertrack.commands.views import show_due

    code = show_due(top_options(ctx).db_path, within, json, quiet)
    if code:
        raise typer.Exit(code)
