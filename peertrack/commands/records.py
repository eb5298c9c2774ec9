"""peertrack import, backup, restore and check: bringing records in, and keeping them safe."""

from pathlib import Path
from typing import Annotated, Optional

import typer

from peertrack import storage
from peertrack.commands import completers
from peertrack.commands.common import CertOption, JsonOption, YesOption, confirm, open_db, open_existing, top_options
from peertrack.domain.errors import Conflict, InvalidInput, PeertrackError
from peertrack.services import clock
from peertrack.services.overview import load_settings

import_app = typer.Typer(help="Bring records in: a spreadsheet of your courses, or a peertrack JSON export.",
                         no_args_is_help=True)

CsvFile = Annotated[Path, typer.Argument(help="Your spreadsheet, saved as CSV.", show_default=False, metavar="FILE")]
JsonFile = Annotated[Path, typer.Argument(help="A file written by: peertrack export json.", show_default=False,
                                          metavar="FILE")]
BackupFile = Annotated[Path, typer.Argument(help="A file written by peertrack backup, or one from the backups folder.",
                                            show_default=False, metavar="FILE")]
MAX_IMPORT_BYTES = 50 * 1024 * 1024


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
    from peertrack.domain.certifications import crediting_by_default
    from peertrack.exchange import csv_import
    from peertrack.output.records import import_preview
    from peertrack.output.screen import progress, say

    today = clock.today()
    source = _checked_file(file)
    sheet = csv_import.read_sheet(_read_bytes(source, file), file.name, map_ or [])
    rows = []
    with progress(len(sheet.records), "Reading") as advance:
        for row in csv_import.read_rows(sheet, today):
            rows.append(row)
            advance()
    conn = open_existing(ctx)
    certs = _chosen_certs(conn, cert or [])
    recorded = storage.course_keys(conn) if conn is not None else {}
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
    conn = conn or open_db(ctx)
    with storage.transaction(conn):
        everyone = storage.load_certs(conn)
        # Looked at again inside the write, so two imports at once still add each course only once.
        present = storage.course_keys(conn)
        # In date order: the numbers then follow the dates, and the date index grows at its end.
        added = sorted((row.course for row in plan.new if csv_import.course_key(row.course) not in present),
                       key=lambda course: course.date)
        named = tuple(c.id for c in certs) if certs is not None else None
        storage.insert_courses(conn, added, [
            named if named is not None else tuple(c.id for c in crediting_by_default(everyone, course.date))
            for course in added])
    from peertrack.domain import formatting

    count = formatting.counted(len(added), "course")
    say(f"✓ Added {count}, {formatting.hours_words(sum(course.seconds for course in added))}.")
    if plan.unreadable:
        one = len(plan.unreadable) == 1
        rows = formatting.counted(len(plan.unreadable), "row") + (" could not be read and was" if one
                                                                 else " could not be read and were")
        say(f"{rows} left out: fix {'it' if one else 'them'} in the file and import it again; "
            "the courses added now will be skipped then.")
    say("See where you stand with: peertrack status")


def _register_certificates() -> None:
    """Certificates read from a folder live in a module of their own; they join the `import` group here."""
    from peertrack.commands.certificates import import_certificates

    import_app.command("certificates")(import_certificates)


_register_certificates()


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
    import json

    from peertrack.output.records import records_count
    from peertrack.output.screen import say
    from peertrack.output.words import table_words
    from peertrack.storage import dump

    source = _checked_file(file)
    try:
        data = json.loads(_read_bytes(source, file).decode("utf-8-sig"))
    except (UnicodeDecodeError, ValueError):
        raise InvalidInput("FILE", file.name, "give a file written by: peertrack export json",
                           problem="is not a JSON file") from None
    tables = dump.tables_from(data, file.name)
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
    records_count(f"{file.name} holds:", [(name, len(rows)) for name, rows in tables.items()])
    if not confirm(f"Load these records into {path}?", yes):
        say("Nothing was changed.")
        raise typer.Exit(1)
    conn = conn or open_db(ctx)
    try:
        with storage.transaction(conn):
            dump.load_tables(conn, tables, file.name, data.get("sequences"))
    except PeertrackError:
        if created:
            _remove_new_database(conn, path)
        raise
    say(f"✓ Loaded the records of {file.name} into {path}.")
    _say_missing_files(ctx, conn)


def backup(
    ctx: typer.Context,
    output: Annotated[Optional[Path], typer.Option(
        "--output", "-o", help="The file (or folder) to write. Default: peertrack-backup-DATE.db in this folder.",
        show_default=False)] = None,
    yes: YesOption = False,
) -> None:
    """Write a copy of your database, safe to take even while peertrack is in use.

    The copy is one file, readable by you alone. Put it somewhere safe, such as a USB stick;
    put it back with: peertrack restore FILE

    \b
    Examples:
      peertrack backup
      peertrack backup -o /media/usb/peertrack-backup.db
    """
    from peertrack.output.screen import say
    from peertrack.output.words import file_size, table_words
    from peertrack.storage import backup as copies

    path = top_options(ctx).db_path
    conn = open_existing(ctx)
    if conn is None:
        raise PeertrackError(f"There is no database at {path} yet, so there is nothing to back up.",
                             "Add a certification first: peertrack cert add --help")
    target = _backup_target(output, path)
    if target.exists() and not confirm(f"{target} already exists. Replace it with this backup?", yes):
        say("Nothing was written.")
        raise typer.Exit(1)
    copies.write_backup(conn, target)
    size = target.stat().st_size
    say(f"✓ Backed up {table_words('certifications', len(storage.cert_ids(conn)))} and "
        f"{table_words('ceus', storage.count_courses(conn))} to {target} ({file_size(size)}).")
    if storage.all_attachments(conn):
        from peertrack.storage import file_store as attachments

        say(f"Certificate files are kept apart, in {attachments.folder_for(path)}: copy that folder too.")


def restore(ctx: typer.Context, file: BackupFile, yes: YesOption = False) -> None:
    """Put a backup back in place of your current database, after showing what each holds.

    The current database is kept first, in the backups folder beside it, so a restore can
    itself be undone. Works even when the current database is damaged.

    \b
    Examples:
      peertrack restore peertrack-backup-2026-11-02.db
      peertrack restore ~/.local/share/peertrack/backups/peertrack-20261102-093000-before-ceu-rm.db --yes
    """
    import os

    from peertrack.output.records import database_summary
    from peertrack.output.screen import say
    from peertrack.storage import backup as copies

    source = _checked_file(file)
    path = top_options(ctx).db_path
    if path.exists() and os.path.samefile(source, path):
        raise InvalidInput("FILE", str(file), "give a backup file, not the database peertrack is using",
                           problem="is the database in use")
    staged = copies.stage(source, path.parent)
    try:
        incoming = copies.describe(staged, str(file))
        database_summary(f"{file} holds:", incoming)
        current = _current_summary(path)
        if current is not None:
            database_summary(f"Your database now ({path}) holds:", current)
        if not confirm(f"Replace your current records with the ones in {file.name}? "
                       "A copy of the current database is kept first.", yes):
            say("Nothing was changed.")
            raise typer.Exit(1)
        kept = copies.keep_current(path) if path.exists() else None
        copies.install(staged, path)
    finally:
        staged.unlink(missing_ok=True)
    conn = open_db(ctx)  # also brings a backup from an older version up to date
    say(f"✓ Restored your records from {file}.")
    if kept is not None:
        say(f"The records you had before are kept in {kept}")
    _say_missing_files(ctx, conn)


def check(
    ctx: typer.Context,
    cert: CertOption = None,
    json: JsonOption = False,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="Print nothing; only the exit status tells.")] = False,
) -> None:
    """Check your records: the database file, every certificate copy, and courses without one.

    Each kept certificate is compared with the fingerprint (sha256) taken when it was
    stored, so a changed, damaged or missing copy is found. Exit status 1 when something
    is damaged or missing. With --cert, only that certification's current cycle is listed.

    \b
    Examples:
      peertrack check
      peertrack check --cert ca-pss
      peertrack check --quiet || echo "peertrack: a certificate copy needs mending"
    """
    from peertrack.domain.transfer import CheckReport, FileCheck
    from peertrack.storage import backup as copies
    from peertrack.storage import file_store as attachments

    conn = open_existing(ctx)
    if conn is None:
        report = CheckReport(database_ok=True)
    else:
        folder = attachments.folder_for(top_options(ctx).db_path)
        courses = {course.id: course for course in storage.find_courses(conn)}
        kept = storage.all_attachments(conn)
        files = tuple(FileCheck(a, courses[a.ceu_id], attachments.check(folder, a)) for a in kept)
        listed = courses.values()
        if cert:
            from peertrack.commands.selection import select_courses

            listed = select_courses(ctx, cert=cert, cycle="current")
        with_files = {a.ceu_id for a in kept}
        report = CheckReport(database_ok=copies.is_intact(conn), files=files,
                             unattached=tuple(c for c in listed if c.id not in with_files))
    if json:
        from peertrack.output import porcelain

        porcelain.emit(porcelain.check_report(report))
    elif not quiet:
        from peertrack.output.records import check_report

        check_report(report, load_settings(conn).date_format)
    if not report.database_ok or report.problems:
        raise typer.Exit(1)


def _checked_file(file: Path) -> Path:
    from peertrack.storage.file_store import check_file

    return check_file(file, "FILE")


def _read_bytes(source: Path, shown: Path) -> bytes:
    if source.stat().st_size > MAX_IMPORT_BYTES:
        raise InvalidInput("FILE", shown.name, f"a file to import can be at most {MAX_IMPORT_BYTES // 2**20} MB",
                           problem="is too large")
    try:
        return source.read_bytes()
    except OSError as error:
        raise InvalidInput("FILE", shown.name, "check that you may open it",
                           problem=f"cannot be read ({error.strerror})") from None


def _chosen_certs(conn, given: list[str]):
    """The certifications named with --cert, checked before anything is written; None when none are named."""
    if not given:
        return None
    if conn is None:
        from peertrack.domain.errors import unknown_cert

        raise unknown_cert(given[0], [])
    by_id = {c.id: c for c in storage.load_certs(conn)}
    chosen = []
    for cert_id in given:
        cert = by_id.get(cert_id.strip().lower())
        if cert is None:
            raise storage.unknown_cert(conn, cert_id)
        if cert not in chosen:
            chosen.append(cert)
    return chosen


def _backup_target(output: Optional[Path], db_path: Path) -> Path:
    import os

    name = f"peertrack-backup-{clock.today().isoformat()}"
    output = Path(os.path.expanduser(str(output))) if output is not None else None
    if output is not None and not output.is_dir():
        target = output
        if target.exists() and os.path.samefile(target, db_path):
            raise InvalidInput("--output", str(output), "choose another file for the copy",
                               problem="is the database itself")
        return target
    folder = output if output is not None else Path(".")
    target, number = folder / f"{name}.db", 1
    while target.exists():
        number += 1
        target = folder / f"{name}-{number}.db"
    return target


def _current_summary(path: Path):
    """What the current database holds, or None when there is none or it cannot be read."""
    if not path.exists():
        return None
    from peertrack.domain.errors import DatabaseProblem
    from peertrack.storage import backup as copies

    try:
        return copies.describe(path, str(path))
    except DatabaseProblem:
        from peertrack.output.screen import say

        say(f"Your current database {path} cannot be read; it will be kept as it is in the backups folder.")
        return None


def _remove_new_database(conn, path: Path) -> None:
    """Take away a database file made only for an import that failed, so a retry starts clean."""
    conn.close()
    for suffix in ("", "-wal", "-shm", "-journal"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)


def _say_missing_files(ctx: typer.Context, conn) -> None:
    from peertrack.output.screen import say
    from peertrack.storage import file_store as attachments

    folder = attachments.folder_for(top_options(ctx).db_path)
    missing = [a for a in storage.all_attachments(conn) if attachments.find(folder, a) is None]
    if missing:
        count = "1 certificate file is" if len(missing) == 1 else f"{len(missing)} certificate files are"
        say(f"{count} not in {folder} yet: copy the attachments folder from your old computer there, "
            "then run: peertrack check")
