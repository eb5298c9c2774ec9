"""log-ceu --from and import certificates: courses read from their certificate files, checked, then logged."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Optional

import typer

from peertrack.domain.certificate_text import FIELD_WORDS, hours_text
from peertrack.domain.errors import InvalidInput
from peertrack.domain.record_types import dataclass, field

if TYPE_CHECKING:
    from peertrack.domain.models import Course
from peertrack.commands.certificate_reading import ASKED, read_proposal


@dataclass
class FolderRow:
    """One file of a folder being imported: the course it holds, or why it is left out."""

    name: str
    path: Path
    sha256: str = ""
    course: Course | None = None  # when the file could be read fully
    problem: str | None = None
    known: str | None = None
    unsure: tuple[str, ...] = field(default=())

    @property
    def read(self) -> Course:
        """The course of a file that could be read: every row to add."""
        assert self.course is not None, "an unreadable file has no course"
        return self.course


def read_folder(folder: Path, today: dt.date, conn) -> list[FolderRow]:
    """Every file in the folder, read and checked against what is kept already; nothing is written."""
    from peertrack.domain.errors import PeertrackError
    from peertrack.domain.models import Course
    from peertrack.domain.parsing import parse_date, parse_hours, parse_text
    from peertrack.storage.attachments import courses_with_file
    from peertrack.storage.file_store import check_file, file_sha256

    rows: list[FolderRow] = []
    seen: dict[str, str] = {}
    for path in sorted(p for p in folder.iterdir() if not p.name.startswith(".") and p.is_file()):
        row = FolderRow(path.name, path)
        rows.append(row)
        try:
            check_file(path, "FILE")
            row.sha256 = file_sha256(path)
            kept = courses_with_file(conn, row.sha256) if conn is not None else []
            if kept:
                row.known = f"already kept with course {kept[0]}"
                continue
            if row.sha256 in seen:
                row.known = f"the same file as {seen[row.sha256]}"
                continue
            seen[row.sha256] = path.name
            read, no_text = read_proposal(path, "FILE")
        except PeertrackError as error:
            row.problem = _without_field(str(error), str(path))
            continue
        if no_text is not None:
            row.problem = (f"no text in this file: type the details with peertrack log-ceu --from "
                           f'"{path.name}" TITLE --hours H --date D')
            continue
        if read.missing:
            words = ", ".join(FIELD_WORDS[name] for name in read.missing)
            row.problem = f"no {words} found: log it with peertrack log-ceu --from \"{path.name}\""
            continue
        try:
            assert read.hours is not None and read.date is not None and read.title is not None  # none is missing
            seconds = parse_hours(hours_text(read.hours))
            day = parse_date(read.date.isoformat(), "date", today)
            if day > today:
                raise InvalidInput("date", day.isoformat(), "a course is logged on the day it is taken or after",
                                   problem="is in the future")
            row.course = Course(date=day, title=parse_text(read.title, "title"), seconds=seconds,
                                provider=read.provider, approval_no=read.approval_no)
        except InvalidInput as error:
            row.problem = str(error)
            continue
        row.unsure = tuple(name for name in ASKED if name in read.unsure)
    return rows


def _without_field(sentence: str, name: str) -> str:
    return sentence.removeprefix(f'FILE "{name}" ')


FolderArgument = Annotated[Path, typer.Argument(help="The folder that holds the certificates (PDFs).",
                                                show_default=False, metavar="FOLDER")]


def import_certificates(
    ctx: typer.Context,
    folder: FolderArgument,
    cert: Annotated[Optional[list[str]], typer.Option(
        "--cert", "-c", help="A certification the courses count toward; repeat for more. Default: every one "
        "whose current cycle includes a course's date.", show_default=False)] = None,
    dry_run: Annotated[bool, typer.Option("--dry-run", help="Only show what would be added.")] = False,
    yes: Annotated[bool, typer.Option("--yes", "-y", help="Go ahead without asking.")] = False,
) -> None:
    """Log the courses in a folder of certificate PDFs, each with its certificate kept.

    Each file is read, shown in a table, and logged after you agree. Files that cannot be
    read fully are listed with what is missing; log those one at a time with
    peertrack log-ceu --from FILE. A certificate already kept (the very same file) is never
    logged twice. Everything is added together, or nothing is.

    \b
    Examples:
      peertrack import certificates ~/Documents/certificates --dry-run
      peertrack import certificates ~/Documents/certificates --cert ca-pss --yes
    """
    from peertrack.commands.common import confirm, open_db, open_existing
    from peertrack.output import certificates as view
    from peertrack.output import screen
    from peertrack.services import clock
    from peertrack.services.overview import load_settings
    from peertrack.storage.certs import load_certs

    shown = str(folder)
    folder = folder.expanduser()
    if not folder.is_dir():
        raise InvalidInput("FOLDER", shown, "give the folder that holds your certificate files",
                           problem="is not a folder" if folder.exists() else "is not a folder that exists")
    today = clock.today()
    conn = open_existing(ctx)
    _named_certs(load_certs(conn) if conn is not None else [], cert or [])  # a wrong id stops it here
    rows = read_folder(folder, today, conn)
    view.folder_preview(rows, shown, load_settings(conn).date_format)
    new = [row for row in rows if row.course is not None]
    if not new:
        if rows and all(row.problem for row in rows):
            raise InvalidInput("FOLDER", shown, "log the files listed above one at a time with "
                               "peertrack log-ceu --from FILE", problem="has no certificate that can be read fully")
        screen.say("Nothing was added.")
        return
    if dry_run:
        screen.say("That was a dry run: nothing was added.")
        return
    from peertrack.domain.formatting import counted

    question = ("Add this course, with its certificate?" if len(new) == 1
                else f"Add these {counted(len(new), 'course')}, each with its certificate?")
    if not confirm(question, yes):
        screen.say("Nothing was added.")
        raise typer.Exit(1)
    conn = conn or open_db(ctx)
    added = add_rows(ctx, conn, new, cert or [])
    from peertrack.domain import formatting

    count = "1 course" if len(added) == 1 else f"{len(added)} courses"
    screen.say(f"✓ Added {count}, {formatting.hours_words(sum(row.read.seconds for row in added))}, "
               "each with its certificate kept.")
    screen.say("See where you stand with: peertrack status")


def add_rows(ctx: typer.Context, conn, rows: list[FolderRow], given_certs: list[str]) -> list[FolderRow]:
    """Log every row with its file in one transaction, checking again inside it that no file is kept yet."""
    from peertrack.commands.common import top_options
    from peertrack.domain.record_types import replace
    from peertrack.services.certificate_files import keep_certificate
    from peertrack.storage.attachments import courses_with_file
    from peertrack.storage.certs import load_certs
    from peertrack.storage.courses import insert_course, load_course
    from peertrack.storage.database import transaction

    added = []
    with transaction(conn):
        everyone = load_certs(conn)
        named = _named_certs(everyone, given_certs)
        for row in sorted(rows, key=lambda row: (row.read.date, row.name)):
            if courses_with_file(conn, row.sha256):
                continue  # kept by another command since the preview
            course = row.read if named is None else replace(
                row.read, credit_chosen=True, cert_ids=tuple(c.id for c in named))
            course_id = insert_course(conn, course)
            course = load_course(conn, course_id)
            keep_certificate(conn, top_options(ctx).db_path, course_id, row.path)
            added.append(replace(row, course=course))
    return added


def _named_certs(everyone, given: list[str]):
    """The certifications named with --cert, or None when none was named."""
    if not given:
        return None
    from peertrack.domain.errors import unknown_cert

    by_id = {c.id: c for c in everyone}
    chosen = []
    for text in given:
        cert_id = text.strip().lower()
        if cert_id not in by_id:
            raise unknown_cert(cert_id, sorted(by_id))
        chosen.append(by_id[cert_id])
    return chosen
