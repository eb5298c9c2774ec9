"""peertrack export timesheet: a period's work and supervision hours, for a supervisor to sign."""

from pathlib import Path
from typing import Annotated

import typer

from peertrack.commands.common import open_existing
from peertrack.domain.errors import InvalidInput
from peertrack.domain.parsing import parse_date
from peertrack.services import clock

FORMATS = {".csv": "csv", ".html": "html", ".htm": "html", ".pdf": "pdf"}


def timesheet(
    ctx: typer.Context,
    since: Annotated[str, typer.Option("--from", help="The first day of the period.", show_default=False)],
    until: Annotated[str, typer.Option("--to", help="The last day of the period.", show_default=False)],
    output: Annotated[Path, typer.Option(
        "--output", "-o", help="The file to write: .csv for a spreadsheet, .html or .pdf to print and sign.",
        show_default=False, dir_okay=False)],
    notes: Annotated[bool, typer.Option("--notes", help="Add your private notes.")] = False,
) -> None:
    """Write a period's work and supervision hours, with totals, for your supervisor to sign.

    The file's ending chooses the format: .csv (one row per entry), .html (a page to print,
    with totals and lines to sign) or .pdf (the same as a PDF). Both days are included.
    Private notes stay out unless you add --notes; wellness reminders never go in.

    \b
    Examples:
      peertrack export timesheet --from 2026-10-01 --to 2026-12-31 -o october-to-december.html
      peertrack export timesheet --from 2026-11-01 --to 2026-11-30 -o november.pdf
      peertrack export timesheet --from 2026-01-01 --to 2026-12-31 -o 2026-hours.csv
    """
    today = clock.today()
    kind = FORMATS.get(output.suffix.lower())
    if kind is None:
        raise InvalidInput("--output", str(output), "end the file name in .csv, .html or .pdf, like -o hours.html",
                           problem="does not name a format")
    starts, ends = parse_date(since, "--from", today), parse_date(until, "--to", today)
    if ends < starts:
        raise InvalidInput("--to", until, f"give a day on or after --from ({starts.isoformat()})",
                           problem="is before the first day")
    from peertrack.exchange.timesheet import Timesheet
    from peertrack.storage import work as store
    from peertrack.storage.settings import load_settings

    conn = open_existing(ctx)
    sheet = Timesheet(
        holder=load_settings(conn).get("name") if conn else None, starts=starts, ends=ends, notes=notes,
        work=store.find_work(conn, start=starts, end=ends) if conn else [],
        sessions=store.find_supervision(conn, start=starts, end=ends) if conn else [])
    if kind == "pdf":
        from peertrack.exchange.timesheet_pdf import write_timesheet_pdf
        from peertrack.storage.files import whole_file

        with whole_file(output, ".pdf") as temporary:
            write_timesheet_pdf(sheet, temporary)
    else:
        from peertrack.exchange.timesheet import timesheet_csv, timesheet_html
        from peertrack.storage.files import write_whole_text

        write_whole_text(output, "\ufeff" + timesheet_csv(sheet) if kind == "csv" else timesheet_html(sheet))
    from peertrack.domain.work import hours_words
    from peertrack.output.screen import say

    say(f"✓ Wrote {hours_words(sheet.service_seconds)} of peer service and {hours_words(sheet.supervision_seconds)} "
        f"of supervision ({len(sheet.work) + len(sheet.sessions)} entries) to {output}")
