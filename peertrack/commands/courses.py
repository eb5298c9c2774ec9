"""peertrack log-ceu and peertrack ceu ...: the continuing-education courses you take."""

from typing import Annotated, Optional

import typer

from peertrack.commands import completers
from peertrack.commands.common import (
    CertOption,
    CourseArgument,
    JsonOption,
    YesOption,
    no_course,
    open_db,
    remove_after_asking,
    top_options,
)
from peertrack.commands.course_entry import (
    course_from_options,
    credit_chosen,
    log_course,
    reported_certs,
    warn_category_words,
)
from peertrack.domain.errors import InvalidInput
from peertrack.domain.models import Allocation, Course
from peertrack.domain.parsing import parse_hours
from peertrack.domain.record_types import replace
from peertrack.services import clock
from peertrack.services.overview import load_settings
from peertrack.storage.attachments import course_attachments
from peertrack.storage.courses import delete_course, load_course, update_course
from peertrack.storage.database import transaction

app = typer.Typer(help="List, show, change and remove the courses you logged.", no_args_is_help=True)
PAGE = 50  # courses a list shows on a screen unless asked for all: people never read 100,000 rows there

CategoriesOption = Annotated[Optional[list[str]], typer.Option(
    "--category", help="Its category, e.g. ethics; split with ethics:2 --category general:1.5.",
    show_default=False, autocompletion=completers.categories)]
CertsOption = Annotated[Optional[list[str]], typer.Option(
    "--cert", "-c", help="A certification it counts toward, as ID or ID=HOURS when that body credits other "
    "hours; repeat for more. Default (or --cert auto): every one with a cycle that includes its date, "
    "also those added or renewed later. --cert none: it counts toward none.", show_default=False,
    autocompletion=completers.cert_ids)]
ProviderOption = Annotated[Optional[str], typer.Option("--provider", help="Who gave the course.", show_default=False)]
FormatOption = Annotated[Optional[str], typer.Option(
    "--format", help="online, in-person or self-study.", show_default=False, autocompletion=completers.formats)]
ApprovalOption = Annotated[Optional[str], typer.Option(
    "--approval-no", help="The course's approval or CE number.", show_default=False)]
NoteOption = Annotated[Optional[str], typer.Option(
    "--note", help="A private note; never exported unless you ask.", show_default=False)]


def log_ceu(
    ctx: typer.Context,
    title: Annotated[Optional[str], typer.Argument(
        help="The course title, as on the certificate (read from it with --from).", show_default=False)] = None,
    hours: Annotated[Optional[str], typer.Option(
        "--hours", help="Hours earned: 3, 1.5, 0.25 or 90m.", show_default=False)] = None,
    date: Annotated[Optional[str], typer.Option(
        "--date", help="When you took it: 2026-11-02, 11/02/2026, yesterday. Default: today.",
        show_default=False)] = None,
    provider: ProviderOption = None,
    category: CategoriesOption = None,
    cert: CertsOption = None,
    format: FormatOption = None,
    approval_no: ApprovalOption = None,
    note: NoteOption = None,
    force: Annotated[bool, typer.Option("--force", help="Record it even if it looks like a duplicate.")] = False,
    certificate: Annotated[Optional[str], typer.Option(
        "--certificate", metavar="FILE", help="Its certificate (a PDF or photo); a copy is kept with the course.",
        show_default=False)] = None,
    from_: Annotated[Optional[str], typer.Option(
        "--from", metavar="CERTIFICATE.pdf", help="Read the title, date, hours, provider and approval number from "
        "the certificate, check them with you, and keep the file with the course.", show_default=False)] = None,
    yes: Annotated[bool, typer.Option("--yes", "-y", help="With --from: log what was read without asking.")
                   ] = False,
    json: Annotated[bool, typer.Option("--json", help="Print the course and your new progress as JSON.")] = False,
) -> None:
    """Record a course you took, and see your new progress.

    With --from, the details are read from its certificate (a PDF with text); what you type
    on the command line wins over what was read, and the file is kept with the course.
    A photo or a scan has no text to read: type the details and it is kept all the same.

    \b
    Examples:
      peertrack log-ceu "Trauma-Informed Care" --hours 3 --provider CalMHSA --category ethics
      peertrack log-ceu "WRAP refresher" --hours 90m --date yesterday --cert ca-pss
      peertrack log-ceu "Ethics and boundaries" --hours 3.5 --category ethics:2 --category general:1.5
      peertrack log-ceu "SOAR Online Course" --hours 20 --cert ca-pss --cert la-pss=10
      peertrack log-ceu --from ~/Downloads/certificate.pdf --category ethics
      peertrack log-ceu --from scan.jpg "Peer ethics" --hours 2 --date 2026-10-01
      peertrack log-ceu "Peer ethics" --hours 2 --json
    """
    if from_ is not None:
        if certificate is not None:
            raise InvalidInput("--certificate", certificate, "give the file once, with --from",
                               problem="cannot go with --from")
        from peertrack.commands.certificate_reading import read_proposal, settle
        from peertrack.storage.file_store import check_file

        source = check_file(from_, "--from")
        given = {name: value for name, value in (("title", title), ("hours", hours), ("date", date),
                                                 ("provider", provider), ("approval_no", approval_no)) if value}
        read, no_text = read_proposal(source)
        from peertrack.commands.common import open_existing

        settings = load_settings(open_existing(ctx))
        values = settle(read, given, source.name, no_text, yes, settings.date_format, settings.name)
        title, hours, date = values.get("title"), values.get("hours"), values.get("date")
        provider, approval_no = values.get("provider"), values.get("approval_no")
        certificate = from_
    log_course(top_options(ctx).db_path, title, hours, date, provider, category, cert, format, approval_no, note,
               force, json, certificate, read_from=from_ is not None)


@app.command("list")
def list_(
    ctx: typer.Context,
    cert: CertOption = None,
    cycle: Annotated[str, typer.Option("--cycle", help="With --cert: current, previous or all.",
                                       autocompletion=completers.cycles)] = "all",
    since: Annotated[Optional[str], typer.Option("--from", help="Only courses on or after this date.",
                                                 show_default=False)] = None,
    until: Annotated[Optional[str], typer.Option("--to", help="Only courses on or before this date.",
                                                 show_default=False)] = None,
    category: Annotated[Optional[str], typer.Option("--category", help="Only courses in this category.",
                                                    show_default=False, autocompletion=completers.categories)] = None,
    json: JsonOption = False,
    all_: Annotated[bool, typer.Option(
        "--all", help=f"Show every course; on a screen the list shows the newest {PAGE} unless you add this.")] = False,
) -> None:
    """List the courses you logged, oldest first.

    On a screen it shows the newest courses and says how many older ones there are;
    with --all, or sent to a file or another program, it shows them all.

    \b
    Examples:
      peertrack ceu list
      peertrack ceu list --all
      peertrack ceu list --cert ca-pss --cycle current
      peertrack ceu list --from 2026-01-01 --category ethics --json
    """
    from peertrack.commands.selection import course_filters

    if json:
        from peertrack.output import porcelain
        from peertrack.storage.courses import stream_courses
        from peertrack.storage.database import reading

        conn, filters = course_filters(ctx, cert=cert, cycle=cycle, since=since, until=until, category=category)
        if conn is None:
            porcelain.emit([])
            return
        with reading(conn):  # every course as it is read, all from one moment
            porcelain.emit_each(porcelain.course(course) for course in stream_courses(conn, **filters))
        return
    from peertrack.storage.courses import course_totals, newest_courses, stream_courses
    from peertrack.storage.database import reading

    conn, filters = course_filters(ctx, cert=cert, cycle=cycle, since=since, until=until, category=category)
    dates = load_settings(conn).date_format  # the file opened once: its warnings said once
    if conn is not None and _plain_list(conn, filters, dates):
        return
    from peertrack.output.courses import courses_table, every_course_table
    from peertrack.output.screen import make_console

    if conn is None:
        courses_table([], 0, dates)
        return
    with reading(conn):  # the totals and every row from one moment
        if all_ or not make_console().is_terminal:
            every_course_table(lambda: stream_courses(conn, **filters), *course_totals(conn, **filters), dates)
            return
        page, matching, seconds = newest_courses(conn, PAGE, **filters)
    courses_table(page, seconds, dates, matching=matching)


def _plain_list(conn, filters: dict, dates: str) -> bool:
    """Every course as plain lines when the list goes to a file or another program and needs nothing
    Rich alone can draw (output/plain_table.py); False, having written nothing, otherwise."""
    from peertrack.output.plain_table import COURSE_COLUMNS, COURSE_RIGHT, course_cells, piped, write_plain

    if not piped():
        return False
    import sys

    from peertrack.domain import formatting as fmt
    from peertrack.storage.courses import course_totals, stream_courses
    from peertrack.storage.database import reading

    with reading(conn):  # the totals and every row from one moment
        count, seconds = course_totals(conn, **filters)
        if not count or not write_plain(COURSE_COLUMNS, COURSE_RIGHT, lambda: (
                course_cells(course, dates) for course in stream_courses(conn, **filters))):
            return False
    sys.stdout.write(f"{fmt.counted(count, 'course')}, {fmt.hours_words(seconds)} in all.\n")
    return True


@app.command("show")
def show(ctx: typer.Context, course_id: CourseArgument, json: JsonOption = False) -> None:
    """Show one course in full.

    \b
    Examples:
      peertrack ceu show 12
      peertrack ceu show 12 --json
    """
    conn = open_db(ctx, no_course(course_id))
    course = load_course(conn, course_id)
    kept = course_attachments(conn, course_id)
    if json:
        from peertrack.output import porcelain
        from peertrack.services.certificate_files import stored_copies

        copies = stored_copies(top_options(ctx).db_path, kept)
        porcelain.emit(porcelain.course(course) | {"attachments": [porcelain.attachment(*copy) for copy in copies]})
        return
    from peertrack.output.courses import attachments_list, course_detail

    course_detail(course)
    attachments_list(kept, course.id)


@app.command("edit")
def edit(
    ctx: typer.Context,
    course_id: CourseArgument,
    title: Annotated[Optional[str], typer.Option("--title", help="A new title.", show_default=False)] = None,
    hours: Annotated[Optional[str], typer.Option("--hours", help="New hours.", show_default=False)] = None,
    date: Annotated[Optional[str], typer.Option("--date", help="A new date.", show_default=False)] = None,
    provider: ProviderOption = None,
    category: CategoriesOption = None,
    cert: CertsOption = None,
    format: FormatOption = None,
    approval_no: ApprovalOption = None,
    note: NoteOption = None,
) -> None:
    """Change a course: only the details you give change.

    --category and --cert replace the old ones.

    \b
    Examples:
      peertrack ceu edit 12 --hours 2.5
      peertrack ceu edit 12 --category ethics --cert ca-pss --cert ga-cps
    """
    today = clock.today()
    conn = open_db(ctx, no_course(course_id))
    with transaction(conn):
        old = load_course(conn, course_id)
        course = course_from_options(
            today, load_settings(conn).day_first,
            title=title if title is not None else old.title,
            hours=hours if hours is not None else f"{old.seconds}s",
            date=date if date is not None else old.date.isoformat(),
            provider=provider if provider is not None else old.provider,
            category=category if category is not None else _category_specs(old, hours),
            format=format if format is not None else old.format,
            approval_no=approval_no if approval_no is not None else old.approval_no,
            note=note if note is not None else old.note,
        )
        course = replace(course, id=old.id, credit_chosen=old.credit_chosen, cert_ids=old.cert_ids,
                                     overrides=old.overrides)
        course = credit_chosen(conn, course, cert) if cert else course
        update_course(conn, course)
        course = load_course(conn, course_id)
        certs = reported_certs(conn, course)
    from peertrack.output.courses import course_detail
    from peertrack.output.screen import say

    say(f"✓ Changed course {course.id}.")
    course_detail(course)
    warn_category_words(course, [cert for cert in certs if cert.id in course.cert_ids])


@app.command("rm")
def rm(ctx: typer.Context, course_id: CourseArgument, yes: YesOption = False) -> None:
    """Remove a course you logged by mistake. A backup is taken first.

    \b
    Examples:
      peertrack ceu rm 12
      peertrack ceu rm 12 --yes
    """
    from peertrack.domain import formatting
    from peertrack.output.screen import say

    conn = open_db(ctx, no_course(course_id))
    course = load_course(conn, course_id)
    question = f'Remove course {course.id}, "{course.title}" on {formatting.day(course.date)}?'
    backup = remove_after_asking(ctx, conn, question, yes, "before-ceu-rm",
                                 lambda db: delete_course(db, course_id))
    say(f'✓ Removed course {course.id}, "{course.title}". A copy from just before is in {backup}')


def _category_specs(course: Course, new_hours: Optional[str] = None) -> list[str]:
    """A course's categories as --category would give them, so an edit keeps them; when only the
    hours change, a split keeps its proportions."""
    allocations = course.allocations
    if new_hours is not None and allocations:
        from peertrack.domain.requirements import scale

        rest = course.seconds - sum(a.seconds for a in allocations)
        shares = scale([a.seconds for a in allocations] + [rest], parse_hours(new_hours))
        allocations = tuple(Allocation(a.category, share) for a, share in zip(allocations, shares, strict=False)
                            if share > 0)
    if len(allocations) == 1 and allocations[0].seconds == course.seconds:
        return [allocations[0].category]
    return [f"{a.category}:{a.seconds}s" for a in allocations]
