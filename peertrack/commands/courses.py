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
    reads_day_first,
    remove_after_asking,
    top_options,
)
from peertrack.domain.errors import Conflict, InvalidInput
from peertrack.domain.models import HOUR, Allocation, Course
from peertrack.domain.parsing import (
    allocate,
    optional_text,
    parse_category,
    parse_date,
    parse_format,
    parse_hours,
    parse_text,
)
from peertrack.domain.record_types import replace
from peertrack.services import clock
from peertrack.services.overview import load_settings, progress_of
from peertrack.storage.attachments import course_attachments
from peertrack.storage.certs import load_certs, unknown_cert
from peertrack.storage.courses import delete_course, find_courses, insert_course, load_course, update_course
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
    if title is None:
        raise InvalidInput("TITLE", "", 'give the course title, like peertrack log-ceu "Peer ethics" --hours 2, '
                           "or read it from the certificate with --from FILE", problem="is missing")
    if hours is None:
        raise InvalidInput("--hours", "", "give the hours earned, like --hours 3 or --hours 90m, "
                           "or read them from the certificate with --from FILE", problem="is missing")
    today = clock.today()
    course = _course_from_options(
        today, reads_day_first(ctx), title=title, hours=hours, date=date or "today", provider=provider,
        category=category,
        format=format, approval_no=approval_no, note=note,
    )
    if certificate is not None:
        from peertrack.services.certificate_files import keep_certificate
        from peertrack.storage.file_store import check_file

        certificate_file = check_file(certificate, "--from" if from_ is not None else "--certificate")
    conn = open_db(ctx)
    dates = load_settings(conn).date_format
    with transaction(conn):
        if from_ is not None:
            from peertrack.commands.certificate_reading import refuse_same_file

            refuse_same_file(conn, certificate_file, force)
        if not force:
            _refuse_duplicate(conn, course, dates)
        course = _credit_chosen(conn, course, cert)
        course_id = insert_course(conn, course)
        course = load_course(conn, course_id)
        certs = _reported_certs(conn, course)
        if certificate is not None:
            kept, _ = keep_certificate(conn, top_options(ctx).db_path, course_id, certificate_file)
    items = progress_of(conn, [cert for cert in certs if cert.cycle.contains(course.date)], today)
    if json:
        from peertrack.output import porcelain

        porcelain.emit({"course": porcelain.course(course), "certifications": [porcelain.progress(i) for i in items]})
    else:
        from peertrack.domain.needs import recorded_lines
        from peertrack.domain.terminal_text import escaped

        renewal_helps = any(cert.cycle.ends < course.date for cert in certs)
        typer.echo(escaped("\n".join(recorded_lines(course, items, renewal_helps))), err=True)
    if certificate is not None:
        typer.echo(f"✓ Kept a copy of its certificate, {kept.original_name}.", err=True)
    _warn_outside_cycle(course, certs, dates, _covered(conn, course))
    _warn_category_words(course, [cert for cert in certs if cert.id in course.cert_ids])
    from peertrack.domain.providers import left_out_note

    note = left_out_note(course_id, items)
    if note:
        typer.echo(note, err=True)


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
        course = _course_from_options(
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
        course = _credit_chosen(conn, course, cert) if cert else course
        update_course(conn, course)
        course = load_course(conn, course_id)
        certs = _reported_certs(conn, course)
    from peertrack.output.courses import course_detail
    from peertrack.output.screen import say

    say(f"✓ Changed course {course.id}.")
    course_detail(course)
    _warn_category_words(course, [cert for cert in certs if cert.id in course.cert_ids])


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


def _course_from_options(today, day_first: bool, *, title, hours, date, provider, category, format, approval_no,
                         note) -> Course:
    """Every check of a course's details that needs no database, so bad input stops before any write."""
    seconds = parse_hours(hours)
    day = parse_date(date, "--date", today, day_first=day_first)
    if day > today:
        raise InvalidInput("--date", date, "log a course on the day you take it or after",
                           problem="is in the future")
    return Course(
        date=day,
        title=parse_text(title, "TITLE"),
        seconds=seconds,
        provider=optional_text(provider),
        format=parse_format(format) if format else None,
        approval_no=optional_text(approval_no),
        note=optional_text(note),
        allocations=allocate([parse_category(text) for text in category or []], seconds),
    )


def _credit_chosen(conn, course: Course, given: Optional[list[str]]) -> Course:
    """The course with the certifications it counts toward, as named with --cert.

    ID, or ID=HOURS when that body credits other hours than the course's own; `none` for no
    certification; nothing or `auto` for the default: worked out from the dates whenever it is read,
    so a certification added or renewed later counts it too.
    """
    words = {text.strip().lower() for text in given or []}
    if not given or words == {"auto"}:
        return replace(course, credit_chosen=False, cert_ids=(), overrides=())
    if words == {"none"}:
        return replace(course, credit_chosen=True, cert_ids=(), overrides=())
    by_id = {c.id: c for c in load_certs(conn)}
    chosen: list[str] = []
    overrides = []
    for text in given:
        cert_id, sep, amount = text.partition("=")
        cert_id = cert_id.strip().lower()
        if cert_id in ("auto", "none"):
            raise InvalidInput("--cert", text, f"give --cert {cert_id} on its own, or name certifications",
                               problem="cannot go with other certifications")
        if cert_id not in by_id:
            raise unknown_cert(conn, cert_id)
        if cert_id not in chosen:
            chosen.append(cert_id)
        if sep:
            overrides.append((cert_id, parse_hours(amount, "--cert", allow_zero=True, limit=1000 * HOUR)))
    return replace(course, credit_chosen=True, cert_ids=tuple(chosen), overrides=tuple(sorted(overrides)))


def _reported_certs(conn, course: Course) -> list:
    """The certifications to tell about after a course is saved: those it counts toward, and, for a course
    counted by its date, those whose current cycle does not include it (a note says why it does not count,
    or that it will once they are renewed)."""
    return [cert for cert in load_certs(conn)
            if cert.id in course.cert_ids or (not course.credit_chosen and not cert.cycle.contains(course.date))]


def _refuse_duplicate(conn, course: Course, dates: str) -> None:
    from peertrack.domain.formatting import bare_day

    for twin in find_courses(conn, start=course.date, end=course.date, title=course.title):
        raise Conflict(
            f'"{twin.title}" on {bare_day(twin.date, dates)} is already recorded (course {twin.id}).',
            "If you took it twice that day, add --force to record it again.",
        )


def _covered(conn, course: Course) -> set[str]:
    """The certifications with a cycle on record (current or past) that includes the course's date."""
    from peertrack.storage.courses import credit_spans

    return {cert_id for cert_id, (first, last) in credit_spans(conn).items() if first <= course.date <= last}


def _warn_outside_cycle(course: Course, certs, dates: str, covered: set[str]) -> None:
    from peertrack.domain.formatting import bare_day

    day = bare_day(course.date, dates)
    for cert in certs:
        if cert.cycle.contains(course.date):
            continue
        from peertrack.output.screen import say  # only for a note: the screen costs more to load than a course

        if course.date > cert.cycle.ends:
            say(f"Note: {day} is after the current cycle of {cert.id} ended "
                f"({bare_day(cert.cycle.ends, dates)}); it will count toward the next cycle once you "
                f"record your renewal with: peertrack cert renew {cert.id}")
        elif cert.id in course.cert_ids and cert.id in covered:
            say(f"Note: {day} is before the current cycle of {cert.id} began "
                f"({bare_day(cert.cycle.starts, dates)}), so it counts toward an earlier one: "
                f"peertrack cert show {cert.id} --cycles")
        else:
            say(f"Note: {day} is outside the current cycle of {cert.id} "
                f"({bare_day(cert.cycle.starts, dates)} to {bare_day(cert.cycle.ends, dates)}), "
                "so it does not count toward this cycle.")


def _warn_category_words(course: Course, certs) -> None:
    """A note on stderr for each category of the course that counts toward no minimum of a certification."""
    from peertrack.domain.category_words import unmatched_note
    from peertrack.domain.terminal_text import escaped
    from peertrack.services.board_rules import template_labels, topic_rules

    labels_of, topics = template_labels(certs), topic_rules(certs)
    for cert in certs:
        labels = labels_of.get(cert.id, {})
        for part in course.allocations:
            note = unmatched_note(part.category, cert.id, cert.requirements + topics.get(cert.id, ()),
                                  course.id or 0, labels,
                                  only_word=len(course.allocations) == 1, aliases=dict(cert.category_aliases))
            if note:
                typer.echo(escaped(note), err=True)


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
