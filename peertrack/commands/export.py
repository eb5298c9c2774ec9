"""peertrack export ...: your records in files other programs open."""

from pathlib import Path
from typing import Annotated, Optional

import typer

from peertrack.commands import completers
from peertrack.commands.common import CertOption

app = typer.Typer(help="Write your records to a file for a certifying body or another program.",
                  no_args_is_help=True)


@app.command("csv")
def csv(
    ctx: typer.Context,
    cert: CertOption = None,
    cycle: Annotated[Optional[str], typer.Option(
        "--cycle", help="current, previous or all; with --cert the default is current.",
        show_default=False, autocompletion=completers.cycles)] = None,
    output: Annotated[Optional[Path], typer.Option(
        "--output", "-o", help="The file to write; without it the CSV goes to the screen.",
        show_default=False, dir_okay=False)] = None,
    notes: Annotated[bool, typer.Option("--notes", help="Add your private notes as a last column.")] = False,
) -> None:
    """Write your courses as CSV: one row per course, the way a certifying body asks.

    Columns: Date, Title, Provider, Hours, Category, Format, Approval number.
    With --cert, hours are those that certification credits. Private notes are left out
    unless you add --notes; wellness reminders never go in.

    \b
    Examples:
      peertrack export csv --cert ca-pss -o ca-pss-renewal.csv
      peertrack export csv --cert ca-pss --cycle previous
      peertrack export csv > all-my-courses.csv
    """
    from peertrack.commands.common import top_options
    from peertrack.commands.views import export_csv

    export_csv(top_options(ctx).db_path, cert, cycle, output, notes)
