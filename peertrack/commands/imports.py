"""peertrack import csv and import json: bringing records in from a spreadsheet or an export."""

from pathlib import Path
from typing import Annotated, Optional

import typer

from peertrack.commands import completers
from peertrack.commands.common import YesOption, confirm, open_db, open_existing, top_options
from peertrack.commands.record_files import checked_file, read_bytes, say_missing_files
from peertrack.domain.errors import Conflict, InvalidInput, PeertrackError
from peertrack.services import clock
from peertrack.services.overview import load_settings
from peertrack.storage.certs import load_certs, unknown_cert
from peertrack.storage.courses import recorded_keys

import_app = typer.Typer(help="Bring records in: a spreadsheet of your courses, a folder of certificates, or a "
                         "peertrack JSON export.",
                         no_args_is_help=True)

CsvFile = Annotated[Path, typer.Argument(help="Your spreadsheet, saved as CSV.", show_default=False, metavar="FILE")]
JsonFile = Annotated[Path, typer.Argument(help="A file written by: peertrack export json.", show_default=False,
                                          metavar="FILE")]


@import_app.command("csv")
def import_csv(
    ctx: typer.Context,
    file: CsvFile,
    map_: Annotated[Optional[list[str]], typer.Option(
        "--map", metavar="COLUMN=FIELD",
        help="Read a column as a field: date, title, hours, provider, category, format, approval-no, note, "
        "or ignore. Repeat for more.", show_default=False)] = None,
    cert: Annotated[Optional[list[str]], typer.Option(
        "--cert", "-c", help="A certification the courses count toward; repeat for more. Default: every one "
        "whose current cycle includes a course's date.", show_default=False,
        autocompletion=completers.cert_ids)] = None,
    dry_run: Annotated[bool, typer.Option("--dry-run", help="Only show what would be added.")] = False,
    yes: YesOption = False,
    json: Annotated[bool, typer.Option("--json", help="Print what would be added as JSON instead of a table.")
                    ] = False,
) -> None:
    """Add the courses from a spreadsheet saved as CSV, after showing what will be added.

    Column names may be in any case and in the usual words ("Course", "Training Title",
    "CE Hours", "Date Completed", "Sponsor"...); dates may be 11/02/2026 or 2026-11-02.
    Rows it cannot read are listed with the reason and left out; courses already recorded
    (same date, title and hours) are skipped, so importing a file twice adds nothing twice.
    Everything is added together, or nothing is.

    \b
    Examples:
      peertrack import csv my-ce-log.csv --dry-run
      peertrack import csv my-ce-log.csv --map "Workshop Name=title" --map "Length=hours"
      peertrack import csv my-ce-log.csv --cert ca-pss --yes
      peertrack import csv my-ce-log.csv --dry-run --json
    """
    from peertrack.services.course_import import many_records

    with many_records():  # thousands of courses may be read: see many_records
        _import_sheet(ctx, file, map_ or [], cert or [], dry_run, yes, json)


def _import_sheet(ctx: typer.Context, file: Path, maps: list[str], named: list[str], dry_run: bool, yes: bool,
                  json: bool) -> None:
    """import csv's work: read the sheet, show the plan, add what is new when asked to."""
    from peertrack.exchange import csv_import
    from peertrack.output.records import import_preview
    from peertrack.output.screen import progress, say

    today = clock.today()
    source = checked_file(file)
    sheet = csv_import.read_sheet(read_bytes(source, file), file.name, maps)
    rows = []
    with progress(len(sheet.records), "Reading") as advance:
        for row in csv_import.read_rows(sheet, today):
            rows.append(row)
            advance()
    conn = open_existing(ctx)
    certs = _chosen_certs(conn, named)
    recorded = {} if conn is None else recorded_keys(
        conn, (csv_import.course_key(row.course) for row in rows if row.course is not None))
    plan = csv_import.plan(sheet, rows, recorded)
    if json:
        from peertrack.output import porcelain

        porcelain.emit(porcelain.import_plan(plan, file.name))
    else:
        import_preview(plan, file.name, dates=load_settings(conn).date_format)
    if not plan.new:
        if plan.unreadable and not plan.known:
            raise InvalidInput("FILE", file.name, "fix the rows listed above, or name their columns with --map",
                               problem="has no row that can be read")
        say("Nothing was added.")
        return
    if dry_run:
        say("That was a dry run: nothing was added.")
        return
    from peertrack.domain.formatting import counted

    question = "Add this course?" if len(plan.new) == 1 else f"Add these {counted(len(plan.new), 'course')}?"
    if not confirm(question, yes):
        say("Nothing was added.")
        raise typer.Exit(1)
    from peertrack.services.course_import import add_courses

    conn = conn or open_db(ctx)
    added = add_courses(conn, [row.read for row in plan.new], tuple(c.id for c in certs) if certs else None)
    from peertrack.domain import formatting

    count = formatting.counted(len(added), "course")
    say(f"✓ Added {count}, {formatting.hours_words(sum(course.seconds for course in added))}.")
    _category_notes(conn, added, tuple(c.id for c in certs) if certs else None)
    if plan.unreadable:
        one = len(plan.unreadable) == 1
        left = formatting.counted(len(plan.unreadable), "row") + (" could not be read and was" if one
                                                                 else " could not be read and were")
        say(f"{left} left out: fix {'it' if one else 'them'} in the file and import it again; "
            "the courses added now will be skipped then.")
    say("See where you stand with: peertrack status")


def _category_notes(conn, added, named) -> None:
    """A note for each category word of the added courses that counts toward no minimum of a certification."""
    from peertrack.domain.category_words import imported_notes
    from peertrack.domain.record_types import replace
    from peertrack.domain.terminal_text import escaped
    from peertrack.services.board_rules import template_labels, topic_rules
    from peertrack.storage.certs import load_certs

    certs = load_certs(conn)
    topics = topic_rules(certs)  # words of topics due over several cycles count as well
    certs = [replace(cert, requirements=cert.requirements + topics[cert.id]) if cert.id in topics else cert
             for cert in certs]
    for note in imported_notes(added, certs, named, template_labels(certs)):
        typer.echo(escaped(note), err=True)


@import_app.command("json")
def import_json(ctx: typer.Context, file: JsonFile, yes: YesOption = False) -> None:
    """Load a peertrack JSON export into an empty database: how you move to a new computer.

    Certificate files are not inside the export: copy the attachments folder from
    beside your old database to beside the new one.

    \b
    Examples:
      peertrack import json peertrack-everything.json
      peertrack --db ~/new/peertrack.db import json peertrack-everything.json --yes
    """
    from peertrack.output.records import records_count
    from peertrack.output.screen import say
    from peertrack.output.words import table_words
    from peertrack.services.json_import import check_export, load_export
    from peertrack.storage import dump

    source = checked_file(file)
    export = check_export(source, file.name, lambda: read_bytes(source, file))
    path = top_options(ctx).db_path
    created = not path.exists()
    conn = None if created else open_db(ctx)
    if conn is not None and not dump.is_fresh(conn):
        held = ", ".join(table_words(name, count) for name, count in dump.record_counts(conn).items()
                         if count and name in ("certifications", "ceus", "reminders", "deadlines"))
        raise Conflict(f"The database {path} already holds records ({held or 'settings'}); a JSON export is only "
                       "loaded into an empty one, so nothing was changed.",
                       "Load it into a new file with: peertrack --db NEW.db import json FILE, "
                       "or put a backup back with: peertrack restore FILE")
    records_count(f"{file.name} holds:", export.counts)
    if not confirm(f"Load these records into {path}?", yes):
        say("Nothing was changed.")
        raise typer.Exit(1)
    conn = conn or open_db(ctx)
    try:
        load_export(conn, path, export)
    except PeertrackError:
        if created:
            _remove_new_database(conn, path)
        raise
    say(f"✓ Loaded the records of {file.name} into {path}.")
    say_missing_files(top_options(ctx).db_path, conn)


def _chosen_certs(conn, given: list[str]):
    """The certifications named with --cert, checked before anything is written; None when none are named."""
    if not given:
        return None
    if conn is None:
        from peertrack.domain import errors

        raise errors.unknown_cert(given[0], [])
    by_id = {c.id: c for c in load_certs(conn)}
    chosen = []
    for cert_id in given:
        cert = by_id.get(cert_id.strip().lower())
        if cert is None:
            raise unknown_cert(conn, cert_id)
        if cert not in chosen:
            chosen.append(cert)
    return chosen


def _remove_new_database(conn, path: Path) -> None:
    """Take away a database file made only for an import that failed, so a retry starts clean."""
    conn.close()
    for suffix in ("", "-wal", "-shm", "-journal"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
