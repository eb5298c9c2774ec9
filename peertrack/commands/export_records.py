"""peertrack export audit and export json: everything an auditor asks for, and everything you have."""

from pathlib import Path
from typing import Annotated, Optional

import typer

from peertrack.commands import completers
from peertrack.commands.common import open_existing, top_options
from peertrack.storage.files import write_whole_chunks


def audit(
    ctx: typer.Context,
    cert: Annotated[Optional[str], typer.Option(
        "--cert", "-c", help="The id of the certification being audited, e.g. ca-pss. Default: your default-cert "
        "setting.", show_default=False, autocompletion=completers.cert_ids)] = None,
    cycle: Annotated[str, typer.Option("--cycle", help="current, previous or all.",
                                       autocompletion=completers.cycles)] = "current",
    output: Annotated[Optional[Path], typer.Option(
        "--output", "-o", help="The zip file to write. Default: CERT-audit-DATE.zip in this folder.",
        show_default=False, dir_okay=False)] = None,
    notes: Annotated[bool, typer.Option("--notes", help="Add your private notes to the course list.")] = False,
    work: Annotated[bool, typer.Option(
        "--work", help="Add timesheet.csv: your hours of service and supervision in the same cycle.")] = False,
) -> None:
    """Write an audit bundle: the cycle's courses, every certificate and a short summary, in one zip file.

    Inside: courses.csv (one row per course), certificates/ (each file named by date and title)
    and summary.txt (who, which certification and number, the cycle, hours by category and
    what is missing). Private notes and wellness reminders are left out unless you ask for notes;
    hours of service and supervision go in only with --work.

    \b
    Examples:
      peertrack export audit --cert ca-pss -o ca-pss-audit.zip
      peertrack export audit --cert ca-pss --cycle previous -o ca-pss-last-cycle.zip
      peertrack export audit --cert tn-cprs --work
      peertrack config set default-cert ca-pss && peertrack export audit
    """
    from peertrack import __version__
    from peertrack.commands.cycle_record import gather
    from peertrack.exchange import bundle
    from peertrack.exchange import csv_export as exports
    from peertrack.output.screen import say

    record = gather(ctx, cert, cycle)
    chosen, courses, certificates, today = record.cert, record.courses, record.certificates, record.today
    sound = [c for c in certificates if c.state == "ok"]
    summary = bundle.summary_text(
        cert=chosen, which=record.which, window=record.window, item=record.progress, courses=courses,
        certificates=certificates, holder=record.holder, today=today, version=__version__, notes=notes,
    )
    name = f"{chosen.id}-audit-{today.isoformat()}"
    target = output or Path(f"{name}.zip")
    texts = [("summary.txt", summary), ("courses.csv", "\ufeff" + exports.courses_csv(courses, notes=notes))]
    if work:
        texts.append(("timesheet.csv", "\ufeff" + _timesheet_csv(open_existing(ctx), record.window, notes)))
    files = [(name, c.path) for name, c in zip(bundle.certificate_names(sound), sound, strict=True) if c.path]
    bundle.write_bundle(target, name, texts, files, today)

    from peertrack.domain.formatting import counted

    count = counted(len(courses), "course")
    files_count = counted(len(files), "certificate")
    say(f"✓ Wrote {count} and {files_count} to {target}")
    lacking = {course.id for course in courses} - {c.course.id for c in sound}
    if lacking:
        count = counted(len(lacking), "course") + (" has" if len(lacking) == 1 else " have")
        say(f"{count} no certificate in the bundle; summary.txt lists them. "
            "Keep one with: peertrack ceu attach NUMBER FILE")


def json_(
    ctx: typer.Context,
    output: Annotated[Optional[Path], typer.Option(
        "--output", "-o", help="The file to write; without it the JSON goes to the screen.",
        show_default=False, dir_okay=False)] = None,
) -> None:
    """Write every record you have as one JSON file: for moving to a new computer, or for other programs.

    It holds everything, private notes and wellness reminders included, so keep it private.
    Certificate files are listed by their fingerprint (sha256); copy the attachments
    folder beside your database with it. Load it with: peertrack import json FILE

    \b
    Examples:
      peertrack export json -o peertrack-everything.json
      peertrack export json | python -m json.tool | less
    """
    import datetime as dt
    import sys

    from peertrack.output.screen import say
    from peertrack.output.words import table_words
    from peertrack.storage import dump

    conn = open_existing(ctx)
    exported = dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")
    counts: dict[str, int] = {}
    chunks = dump.document_text(conn, exported, counts)
    if output is None:
        try:
            for chunk in chunks:
                sys.stdout.write(chunk)
        finally:
            chunks.close()  # a read cut short (a closed pipe) ends while the database is still open
        return
    write_whole_chunks(output, chunks)
    shown = ", ".join(table_words(name, count) for name, count in counts.items()
                      if count and name in ("certifications", "ceus", "attachments", "deadlines", "reminders"))
    say(f"✓ Wrote all your records ({shown or 'none yet'}) to {output}. It holds your private notes too: "
        "keep it somewhere private.")
    if counts.get("attachments"):
        from peertrack.storage import file_store as attachments

        say("Certificate files are not inside it: copy the folder "
            f"{attachments.folder_for(top_options(ctx).db_path)} along with it.")


def _timesheet_csv(conn, window, notes: bool) -> str:
    """The work and supervision entries of the audited cycle (or all of them), as export timesheet writes them."""
    import datetime as dt

    from peertrack.exchange.timesheet import Timesheet, timesheet_csv
    from peertrack.storage import work as store
    from peertrack.storage.settings import load_settings

    starts, ends = window if window is not None else (None, None)
    sheet = Timesheet(holder=load_settings(conn).get("name"), starts=starts or dt.date.min,
                      ends=ends or dt.date.max, notes=notes, work=store.find_work(conn, start=starts, end=ends),
                      sessions=store.find_supervision(conn, start=starts, end=ends))
    return timesheet_csv(sheet)
