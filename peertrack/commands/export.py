"""peertrack export ...: your records in files other programs open."""

import itertools
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Optional

import typer

from peertrack.commands import completers
from peertrack.commands.common import CertOption

if TYPE_CHECKING:
    from peertrack.domain.models import Course

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
    from peertrack.commands.selection import course_filters
    from peertrack.domain.requirements import as_credited
    from peertrack.exchange import csv_export as exports
    from peertrack.storage.courses import stream_courses
    from peertrack.storage.database import reading

    which = cycle or ("current" if cert else "all")
    conn, filters = course_filters(ctx, cert=cert, cycle=which)
    written = [0]

    def courses() -> "Iterator[Course]":
        """Courses as they are read, one moment of the database, counted as they go out."""
        if conn is None:
            return
        with reading(conn):
            for course in stream_courses(conn, **filters, with_credits=bool(cert)):
                written[0] += 1
                # With --cert: the hours this certifying body credits, which is what its own records will show.
                yield as_credited(course, cert.strip().lower()) if cert else course

    lines = exports.csv_lines(courses(), notes=notes)
    if output is None:
        for line in lines:
            sys.stdout.write(line)
        return
    from peertrack.domain.formatting import counted
    from peertrack.output.screen import say
    from peertrack.storage.files import write_whole_chunks

    write_whole_chunks(output, itertools.chain(["\ufeff"], lines))  # the mark makes Excel read UTF-8 names right
    say(f"✓ Wrote {counted(written[0], 'course')} to {output}")
