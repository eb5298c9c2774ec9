"""peertrack due: only what needs attention; exit status 1 when something is overdue or urgent."""

import os
from typing import Annotated, Optional

import typer

from peertrack import clock, storage
from peertrack.commands.common import JsonOption, due_reminders, load_settings, open_existing, progress_of
from peertrack.parsing import parse_days

COLOURS = {"overdue": "red", "urgent": "red", "due-soon": "yellow", "upcoming": "cyan", "wellness": "magenta"}
WORDS = {"overdue": "✗ overdue", "urgent": "‼ urgent", "due-soon": "! due soon", "upcoming": "• coming up",
         "wellness": "○ wellness plan"}


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
    from peertrack.attention import gather, needs_action

    today = clock.today()
    conn = open_existing(ctx)
    settings = load_settings(conn)
    window = parse_days(within) if within else settings.urgent_days
    progresses = progress_of(conn, storage.load_certs(conn), today) if conn else []
    stored = storage.load_deadlines(conn) if conn else []
    items = gather(progresses, stored, today, window, settings.final_days, due_reminders(conn, today))
    trouble = needs_action(items)
    if json:
        from peertrack import porcelain

        porcelain.emit({"today": today.isoformat(), "within_days": window, "needs_action": trouble,
                        "items": [porcelain.attention(item, today) for item in items]})
    elif not quiet:
        if not items:
            typer.echo(_coloured("✓", "green") + f" Nothing needs your attention in the next {window} days.")
        for item in items:
            typer.echo(_coloured(WORDS[item.level], COLOURS[item.level]) + f"  {item.title}: {item.detail}")
    if trouble:
        raise typer.Exit(1)


def _coloured(text: str, colour: str) -> str:
    """Colour for a terminal; the words carry the meaning, so NO_COLOR loses nothing."""
    if os.environ.get("NO_COLOR"):
        return text
    return typer.style(text, fg=colour, bold=colour == "red")
