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
    from peertrack.commands.selection import select_courses
    from peertrack.exchange import csv_export as exports
    from peertrack.output.screen import say

    which = cycle or ("current" if cert else "all")
    courses = select_courses(ctx, cert=cert, cycle=which, with_credits=bool(cert))
    if cert:
        from peertrack.domain.requirements import as_credited

        # The hours this certifying body credits, which is what its own records will show.
        courses = [as_credited(course, cert.strip().lower()) for course in courses]
    text = exports.courses_csv(courses, notes=notes)
    if output is None:
        typer.echo(text, nl=False)
        return
    from peertrack.storage.files import write_whole_text

    write_whole_text(output, "\ufeff" + text)  # the mark makes Excel read UTF-8 names right
    from peertrack.domain.formatting import counted

    count = counted(len(courses), "course")
    say(f"✓ Wrote {count} to {output}")


def _register_the_other_exports() -> None:
    """The other formats live in modules of their own; they join the `export` group here."""
    from peertrack.commands import export_ics, export_packet, export_records, export_timesheet

    app.command("ics")(export_ics.ics)
    app.command("audit")(export_records.audit)
    app.command("json")(export_records.json_)
    app.command("timesheet")(export_timesheet.timesheet)
    app.command("packet")(export_packet.packet)


_register_the_other_exports()
