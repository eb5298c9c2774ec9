"""The only module that knows Rich: the dashboard, tables and messages people read.

Data goes to stdout and messages to stderr. Colour always comes with a word or a symbol,
and with --plain (PEERTRACK_PLAIN), NO_COLOR or when stdout is not a terminal the output is
plain text: no colour, no escape codes, no lines or boxes.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING

from rich.console import Console, Group
from rich.progress_bar import ProgressBar
from rich.table import Table
from rich.text import Text

from peertrack.domain import formatting as fmt
from peertrack.domain.models import Certification, Course, Cycle, Deadline, Progress, Requirement
from peertrack.output import look

if TYPE_CHECKING:
    from peertrack.domain.transfer import Attachment, CheckReport, DatabaseSummary, ImportPlan

LEVEL_COLOURS = {"ok": "green", "due-soon": "yellow", "urgent": "bold red", "overdue": "bold red",
                 "lapsed": "red", "upcoming": "cyan", "wellness": "magenta"}


def _console(stderr: bool = False) -> Console:
    console = Console(stderr=stderr, highlight=False, markup=False, emoji=False)
    if not console.is_terminal or console.no_color or look.plain_asked():
        # Wide when piped, so lines are not broken in the middle for grep or a screen reader.
        console = Console(stderr=stderr, highlight=False, markup=False, no_color=True, emoji=False,
                          color_system=None, safe_box=True, soft_wrap=True,
                          width=console.width if console.is_terminal else 200)
    return console


def _plain(console: Console) -> bool:
    return console.no_color or not console.is_terminal


def say(message: str) -> None:
    """A message for the person, not for a pipe: it goes to stderr."""
    _console(stderr=True).print(message)


def level_text(level: str) -> Text:
    return Text(fmt.LEVEL_WORDS[level], style=LEVEL_COLOURS[level])


def welcome() -> None:
    console = _console()
    console.print(Text("Welcome to peertrack.", style="bold"))
    console.print("It keeps track of your peer support certifications, the continuing-education (CE) "
                  "hours you earn, and your renewal dates, all in one private file on this computer.")
    console.print()
    console.print("To start, answer a few questions about your certification:")
    console.print("  peertrack init")
    console.print("Or add it in one line, for example:")
    console.print('  peertrack cert add --template ca-medi-cal-pss --id ca-pss --number PSS-01234 --expires 2027-06-30',
                  soft_wrap=True)
    console.print()
    console.print("Or see what peertrack does with example data (your own records are not touched):")
    console.print("  peertrack demo")


def dashboard(items: list[Progress], today: dt.date, deadlines: list[Deadline] | None = None,
              console: Console | None = None) -> None:
    console = console or _console()
    console.print(Text(f"Your certifications on {fmt.day(today)}", style="bold"))
    if not items:
        console.print("You have no certifications yet. Add one with: peertrack cert add --help")
        return
    for item in items:
        console.print()
        console.print(_progress_block(item, plain=_plain(console)))
    if deadlines:
        console.print()
        console.print(Text("Coming up", style="bold"))
        for deadline in deadlines:
            line = Text(f"  • {fmt.day_with_distance(deadline.due, today)}  ")
            line.append(deadline.title)
            console.print(line)


def _progress_block(item: Progress, plain: bool) -> Group:
    cert = item.cert
    indent = "    " if cert.endorsement_of else ""
    heading = Text(indent + cert.name, style="bold")
    heading.append(f"  ({cert.id})", style="dim")
    if cert.number:
        heading.append(f"  no. {cert.number}")
    if cert.endorsement_of:
        heading.append(f"  endorsement of {cert.endorsement_of}", style="dim")
    lines: list = [heading]

    status = Text(indent + "  ")
    status.append_text(level_text(item.level))
    verb = "expired" if item.days_left < 0 else "expires"
    status.append(f"  {verb} {fmt.day_with_distance(cert.expires, item.today)}")
    lines.append(status)

    required = cert.cycle.required_minutes
    if required and plain:
        lines.append(Text(f"{indent}  Hours: {fmt.hours(item.earned_minutes)} of {fmt.hours(required)} hours"
                          f" ({_percent(item.earned_minutes, required)})"))
    elif required:
        bar = Table.grid(padding=(0, 1))
        bar.add_row(
            Text(indent + "  Hours"),
            ProgressBar(total=required, completed=min(item.earned_minutes, required), width=24,
                        complete_style=LEVEL_COLOURS[item.level], finished_style="green"),
            Text(f"{fmt.hours(item.earned_minutes)} of {fmt.hours(required)} hours"
                 f" ({_percent(item.earned_minutes, required)})"),
        )
        lines.append(bar)
    for category in item.categories:
        mark, style = ("✓", "green") if category.met else ("✗", "red")
        line = Text(f"{indent}    {mark} ", style=style)
        line.append(f"{rule_name(category.name, category.dimension)}: {fmt.hours(category.earned_minutes)} of "
                    f"{fmt.hours(category.required_minutes)} hours")
        if not category.met:
            line.append(f", {fmt.hours_words(category.missing_minutes)} to go")
        lines.append(line)
    if item.carried_minutes:
        lines.append(Text(f"{indent}    + {fmt.hours_words(item.carried_minutes)} carried over from the last cycle"))
    for cap in item.caps:
        if cap.uncounted_minutes:
            lines.append(Text(f"{indent}    ! {fmt.hours(cap.uncounted_minutes)} of your "
                              f"{fmt.hours(cap.logged_minutes)} {rule_name(cap.name, cap.dimension)} hours do not "
                              f"count: at most {fmt.hours(cap.cap_minutes)} count", style="yellow"))
    lines.extend(Text(indent + line, style=style) for line, style in _outlook(item))
    return Group(*lines)


def _outlook(item: Progress) -> list[tuple[str, str]]:
    """What to do next, in a sentence or two."""
    cert = item.cert
    if item.level == "lapsed":
        return [(f"  This certification has lapsed. Contact {cert.body or 'your certifying body'} "
                 "about reinstating it.", "red")]
    if item.days_left < 0:
        return [(f"  This certification has expired. Renew it with {cert.body or 'your certifying body'}, "
                 f"then record it with: peertrack cert renew {cert.id}", "red")]
    if not item.missing_minutes:
        return [("  All the hours this cycle needs are in. Well done.", "green")]
    pace = fmt.pace(item.minutes_per_month, item.missing_minutes, item.days_left)
    lines = [(f"  Still needed: {fmt.hours_words(item.missing_minutes)}, {pace}.", "")]
    if item.recent_minutes_per_month is not None and item.projected_minutes is not None and item.days_left >= 31:
        # Rounded to quarter and half hours: a forecast, not a ledger.
        recent = fmt.hours_words(max(15, round(item.recent_minutes_per_month / 15) * 15))
        if not item.recent_minutes_per_month:
            lines.append(("  No hours logged in the last 6 months: a course soon would help.", "yellow"))
        elif item.projected_minutes >= cert.cycle.required_minutes and all(c.met for c in item.categories):
            lines.append((f"  At your pace of the last 6 months (about {recent} a month), the hours will be "
                          "there in time.", "green"))
        else:
            projected = min(round(item.projected_minutes / 30) * 30, cert.cycle.required_minutes - 30)
            lines.append((f"  At your pace of the last 6 months (about {recent} a month), you would have about "
                          f"{fmt.hours(projected)} of {fmt.hours(cert.cycle.required_minutes)} hours by then.",
                          "yellow"))
    return lines


def rule_name(value: str, dimension: str) -> str:
    return f"from {value}" if dimension == "provider" else value


def rule_text(rule: Requirement) -> str:
    """A rule in words: "at least 6 ethics", "at most 10 online", "at least 6 from GMHCN"."""
    word = "at least" if rule.kind == "min" else "at most"
    return f"{word} {fmt.hours(rule.minutes)} {rule_name(rule.value, rule.dimension)}"


def _percent(earned: int, required: int) -> str:
    if required <= 0:
        return "100%"
    return f"{min(100, earned * 100 // required)}%"


def _table(console: Console) -> Table:
    if _plain(console):
        return Table(box=None, header_style="bold", pad_edge=False)
    from rich import box

    return Table(box=box.SIMPLE_HEAD, header_style="bold", pad_edge=False)


def courses_table(courses: list[Course], total_minutes: int, dates: str = "iso") -> None:
    console = _console()
    if not courses:
        console.print("No courses match.")
        return
    table = _table(console)
    for column, justify in (("No.", "right"), ("Date", "left"), ("Title", "left"), ("Provider", "left"),
                            ("Hours", "right"), ("Category", "left"), ("Counts toward", "left")):
        table.add_column(column, justify=justify, overflow="fold")
    for course in courses:
        table.add_row(str(course.id), fmt.bare_day(course.date, dates), course.title, course.provider or "",
                      fmt.hours(course.minutes), fmt.category_text(course) if course.allocations else "",
                      _credits_text(course))
    console.print(table)
    count = "1 course" if len(courses) == 1 else f"{len(courses)} courses"
    console.print(f"{count}, {fmt.hours_words(total_minutes)} in all.")


def _credits_text(course: Course) -> str:
    overrides = dict(course.overrides)
    return ", ".join(f"{cert_id} ({fmt.hours(overrides[cert_id])} h)" if cert_id in overrides else cert_id
                     for cert_id in course.cert_ids)


def course_detail(course: Course) -> None:
    console = _console()
    table = Table.grid(padding=(0, 2))
    table.add_column(style="bold")
    table.add_column()
    rows = [
        ("Course", str(course.id)),
        ("Title", course.title),
        ("Date", fmt.day(course.date)),
        ("Hours", fmt.hours(course.minutes)),
        ("Provider", course.provider),
        ("Category", fmt.category_text(course) if course.allocations else None),
        ("Format", course.format),
        ("Approval no.", course.approval_no),
        ("Counts toward", _credits_text(course) or "no certification"),
        ("Note", course.note),
    ]
    for label, value in rows:
        if value:
            table.add_row(label, Text(value))
    console.print(table)


def certs_table(items: list[Progress], dates: str = "iso") -> None:
    console = _console()
    if not items:
        console.print("You have no certifications yet. Add one with: peertrack cert add --help")
        return
    table = _table(console)
    for column in ("Id", "Name", "Number", "Expires", "Hours", "Level"):
        table.add_column(column, overflow="fold")
    for item in items:
        cert = item.cert
        name = cert.name
        if cert.endorsement_of:
            name = f"{cert.name} (endorsement of {cert.endorsement_of})" if _plain(console) else f"  └ {cert.name}"
        table.add_row(cert.id, name, cert.number or "", fmt.bare_day(cert.expires, dates),
                      f"{fmt.hours(item.earned_minutes)} of {fmt.hours(cert.cycle.required_minutes)}",
                      level_text(item.level))
    console.print(table)


def cert_detail(item: Progress) -> None:
    console = _console()
    cert = item.cert
    table = Table.grid(padding=(0, 2))
    table.add_column(style="bold")
    table.add_column()
    rows = [
        ("Name", cert.name),
        ("Id", cert.id),
        ("Endorsement of", cert.endorsement_of),
        ("Certifying body", cert.body),
        ("Number", cert.number),
        ("Issued", fmt.day(cert.issued) if cert.issued else None),
        ("Renewal cycle", f"every {fmt.months_words(cert.cycle_months)}"),
        ("Current cycle", f"{fmt.day(cert.cycle.starts)} to {fmt.day(cert.cycle.ends)}"),
        ("Hours a cycle", fmt.hours(cert.cycle.required_minutes)),
        ("Rules", "; ".join(rule_text(r) for r in cert.requirements)),
        ("Carry-over", f"up to {fmt.hours_words(cert.carry_over_minutes)}" if cert.carry_over_minutes else None),
        ("Renewal opens", f"{cert.opens_days} days before expiry" if cert.opens_days else None),
        ("Application due", f"{cert.submit_days} days before expiry" if cert.submit_days else None),
        ("Late renewal", f"up to {cert.grace_days} days after expiry" if cert.grace_days else None),
        ("Template", f"{cert.template} (rules change: confirm them with your certifying body)"
         if cert.template else None),
    ]
    for label, value in rows:
        if value:
            table.add_row(label, Text(value))
    console.print(table)
    console.print()
    console.print(_progress_block(item, plain=_plain(console)))


def cycle_history(history: list[Progress], dates: str = "iso") -> None:
    console = _console()
    console.print()
    console.print(Text("Cycles", style="bold"))
    table = _table(console)
    for column in ("From", "To", "Hours", "Renewed on"):
        table.add_column(column)
    for item in history:
        cycle = item.cert.cycle
        table.add_row(fmt.bare_day(cycle.starts, dates), fmt.bare_day(cycle.ends, dates),
                      f"{fmt.hours(item.earned_minutes)} of {fmt.hours(cycle.required_minutes)}",
                      fmt.bare_day(cycle.closed_on, dates) if cycle.closed_on else "current")
    console.print(table)


def renewed(cert: Certification, cycle: Cycle) -> None:
    text = Text("✓ Renewed ", style="green")
    text.append(f"{cert.name} ({cert.id})", style="bold")
    text.append(f": the new cycle runs {fmt.day(cycle.starts)} to {fmt.day(cycle.ends)}, "
                f"{fmt.hours_words(cycle.required_minutes)} of CE.")
    if cycle.carried_minutes:
        text.append(f" {fmt.hours_words(cycle.carried_minutes)} carried over.")
    _console().print(text)
    say(f"The past cycle stays in your history: peertrack cert show {cert.id} --cycles")


def cert_summary(cert: Certification, verb: str) -> None:
    text = Text(f"✓ {verb} ", style="green")
    text.append(f"{cert.name} ({cert.id})", style="bold")
    text.append(f": cycle {fmt.day(cert.cycle.starts)} to {fmt.day(cert.cycle.ends)}, "
                f"{fmt.hours_words(cert.cycle.required_minutes)} of CE")
    if cert.requirements:
        text.append(" (" + ", ".join(rule_text(r) for r in cert.requirements) + ")")
    text.append(".")
    _console().print(text)


def templates_table(templates: list, own_folder: Path) -> None:
    console = _console()
    table = _table(console)
    for column in ("Template", "Certification", "Cycle", "Hours", "Rules"):
        table.add_column(column, overflow="fold")
    for t in templates:
        if t.month_choices:
            cycle = " or ".join(fmt.months_words(m) for m in t.month_choices)
            hours = " or ".join(fmt.hours(h) for h in t.month_choices.values() if h is not None)
        else:
            cycle = "calendar year" if t.calendar_year else (fmt.months_words(t.months) if t.months else "enter it")
            hours = fmt.hours(t.hours) if t.hours is not None else "enter it"
        name = f"{t.name}\n{t.body or ''}{', ' + t.region if t.region else ''}"
        if t.unconfirmed:
            name += "\n(not confirmed by the certifying body)"
        table.add_row(t.id, name, cycle, hours, "; ".join(rule_text(r) for r in t.rules))
    console.print(table)
    console.print("Rules change: confirm them with your certifying body before you rely on them. "
                  "Each template lists its sources: peertrack cert templates --json")
    console.print(f"Your own templates (JSON files shaped like the built-in ones) go in: {own_folder}")


def deadlines_table(deadlines: list[Deadline], today: dt.date, dates: str = "iso") -> None:
    console = _console()
    if not deadlines:
        console.print("No deadlines. Add one with: peertrack deadline add --help")
        return
    table = _table(console)
    for column in ("No.", "Due", "When", "What", "Certification", "Done"):
        table.add_column(column, overflow="fold")
    for d in deadlines:
        table.add_row(str(d.id) if d.id is not None else "-", fmt.bare_day(d.due, dates),
                      fmt.days_from_now((d.due - today).days), d.title, d.cert_id or "",
                      fmt.bare_day(d.done_on, dates) if d.done_on else "")
    console.print(table)
    if any(d.id is None for d in deadlines):
        console.print("Rows without a number follow from your certifications' own dates; "
                      "they move when you renew.")


# Records in and out: certificates, imports, checks, backups.

_TABLE_WORDS = {
    "certifications": "certifications", "ceus": "courses", "cycles": "renewal cycles",
    "requirements": "requirements", "ceu_allocations": "course categories", "ceu_credits": "course credits",
    "attachments": "certificate files", "deadlines": "deadlines", "reminders": "wellness reminders",
    "reminder_log": "reminder log entries", "settings": "settings",
}
_FIELD_WORDS = {"approval_no": "approval number"}
_MEDIA_WORDS = {"application/pdf": "PDF", "image/png": "PNG image", "image/jpeg": "JPEG image",
                "image/gif": "GIF image", "image/tiff": "TIFF image", "image/webp": "WebP image",
                "image/heic": "HEIC photo"}


_ONE_WORDS = {"ceu_allocations": "course category", "reminder_log": "reminder log entry"}


def table_words(name: str, count: int | None = None) -> str:
    """A table's records in plain words: "ceus" are "courses"; with a count, "3 courses" or "1 course"."""
    words = _TABLE_WORDS.get(name, name.replace("_", " "))
    if count is None:
        return words
    if count == 1:
        words = _ONE_WORDS.get(name, words[:-1] if words.endswith("s") else words)
    return f"{count} {words}"


def file_size(size: int) -> str:
    if size < 1024:
        return "1 byte" if size == 1 else f"{size} bytes"
    if size < 1024 * 1024:
        return f"{size / 1024:.0f} KB"
    return f"{size / 1024 / 1024:.1f} MB"


def _attachment_text(attachment: Attachment) -> Text:
    kind = _MEDIA_WORDS.get(attachment.media_type or "", "file")
    kept = f", kept {fmt.day(dt.date.fromisoformat(attachment.added_at[:10]))}" if attachment.added_at else ""
    return Text(f"{attachment.original_name} ({kind}, {file_size(attachment.size)}{kept})")


def attachments_list(attachments: list[Attachment], course_id: int | None = None) -> None:
    """The certificates kept with a course, under its details in `ceu show`."""
    console = _console()
    if not attachments:
        hint = f": keep one with peertrack ceu attach {course_id} FILE" if course_id is not None else ""
        console.print(f"No certificate kept yet{hint}")
        return
    console.print(Text("Certificates", style="bold"))
    for attachment in attachments:
        line = Text("  ✓ ", style="green")
        line.append_text(_attachment_text(attachment))
        console.print(line)
    if course_id is not None:
        console.print(f"Open with: peertrack ceu open {course_id}")


def progress(total: int, label: str, threshold: int = 2000):
    """A progress bar on stderr for long work; a do-nothing when the work is short or no one is watching."""
    import contextlib

    @contextlib.contextmanager
    def bar():
        console = _console(stderr=True)
        if total < threshold or _plain(console):
            yield lambda steps=1: None
            return
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

        with Progress(TextColumn(label), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(),
                      console=console, transient=True) as shown:
            task = shown.add_task(label, total=total)
            yield lambda steps=1: shown.advance(task, steps)

    return bar()


def import_preview(plan: ImportPlan, source: str, limit: int = 40, dates: str = "iso") -> None:
    """What an import would add, what it skips as already recorded, and every row it cannot read."""
    console = _console()
    console.print(Text(f"From {source}", style="bold"))
    read = ", ".join(f'"{column}" as {_FIELD_WORDS.get(field, field)}' for column, field in plan.columns)
    console.print(f"Columns read: {read}.")
    if plan.ignored:
        console.print("Columns left out: " + ", ".join(f'"{column}"' for column in plan.ignored)
                      + '. To read one, add --map "COLUMN=FIELD".')
    for note in plan.notes:
        console.print(note)
    console.print()
    if plan.new:
        minutes = sum(row.course.minutes for row in plan.new)
        count = "1 course" if len(plan.new) == 1 else f"{len(plan.new)} courses"
        console.print(Text(f"To add: {count}, {fmt.hours_words(minutes)}", style="bold"))
        table = _table(console)
        for column, justify in (("Row", "right"), ("Date", "left"), ("Title", "left"), ("Provider", "left"),
                                ("Hours", "right"), ("Category", "left")):
            table.add_column(column, justify=justify, overflow="fold")
        for row in plan.new[:limit]:
            course = row.course
            table.add_row(str(row.number), fmt.bare_day(course.date, dates), course.title, course.provider or "",
                          fmt.hours(course.minutes), fmt.category_text(course) if course.allocations else "")
        console.print(table)
        if len(plan.new) > limit:
            console.print(f"… and {len(plan.new) - limit} more.")
    else:
        console.print(Text("Nothing new to add.", style="bold"))
    if plan.known:
        console.print()
        console.print(Text(f"Already recorded, so left out: {len(plan.known)}", style="bold"))
        for row in plan.known[:limit]:
            console.print(f'  • row {row.number}: "{row.course.title}" on {fmt.bare_day(row.course.date, dates)}, '
                          f"{row.problem}")
        if len(plan.known) > limit:
            console.print(f"  … and {len(plan.known) - limit} more.")
    if plan.unreadable:
        console.print()
        console.print(Text(f"Cannot read, so left out: {len(plan.unreadable)}", style="bold"))
        for row in plan.unreadable:
            line = Text("  ✗ ", style="red")
            line.append(f"row {row.number}: {row.problem}")
            console.print(line)


def check_report(report: CheckReport, dates: str = "iso") -> None:
    """What `peertrack check` found, problems first, each with what to do about it."""
    console = _console()
    if report.database_ok:
        console.print(Text("✓ ", style="green").append("The database file is whole."))
    else:
        console.print(Text("✗ ", style="bold red").append("The database file is damaged. Put a backup back with: "
                                                         "peertrack restore FILE"))
    problems = report.problems
    good = len(report.files) - len(problems)
    if not report.files:
        console.print("• No certificate files are kept yet.")
    elif not problems:
        count = ("1 certificate file is just as it was" if good == 1
                 else f"{good} certificate files are just as they were")
        console.print(Text("✓ ", style="green").append(f"{count} stored."))
    else:
        console.print(Text("✗ ", style="bold red").append(
            f"{len(problems)} of {len(report.files)} certificate files are damaged or missing:"))
        for item in problems:
            course = item.course
            line = Text(f"    ✗ {item.state}: ", style="red")
            line.append(f'course {course.id} ({fmt.bare_day(course.date, dates)}, "{course.title}"): '
                        f"{item.attachment.original_name}")
            console.print(line)
        console.print("  To mend one, attach the original file again: peertrack ceu attach NUMBER FILE")
    console.print()
    if not report.unattached:
        console.print(Text("✓ ", style="green").append("Every course has a certificate."))
        return
    count = "1 course has" if len(report.unattached) == 1 else f"{len(report.unattached)} courses have"
    console.print(Text("• ", style="yellow").append(f"{count} no certificate yet:"))
    table = _table(console)
    for column, justify in (("No.", "right"), ("Date", "left"), ("Title", "left"), ("Hours", "right")):
        table.add_column(column, justify=justify, overflow="fold")
    for course in report.unattached:
        table.add_row(str(course.id), fmt.bare_day(course.date, dates), course.title, fmt.hours(course.minutes))
    console.print(table)
    console.print("Keep one with: peertrack ceu attach NUMBER FILE")


def database_summary(heading: str, summary: DatabaseSummary) -> None:
    """What a database holds, before a restore replaces one with another."""
    console = _console()
    console.print(Text(heading, style="bold"))
    certs = ", ".join(summary.certifications) if summary.certifications else "none"
    console.print(f"  Certifications: {certs}")
    courses = "1 course" if summary.courses == 1 else f"{summary.courses} courses"
    if summary.first_course and summary.last_course:
        courses += f", from {fmt.day(summary.first_course)} to {fmt.day(summary.last_course)}"
    console.print(f"  Courses: {courses}")
    if summary.counts:
        console.print("  Also: " + ", ".join(table_words(name, count) for name, count in summary.counts))


def records_count(heading: str, counts: list[tuple[str, int]]) -> None:
    """How many records of each kind a file holds: "2 certifications, 35 courses, ..."."""
    console = _console()
    console.print(Text(heading, style="bold"))
    shown = [table_words(name, count) for name, count in counts if count]
    console.print("  " + (", ".join(shown) if shown else "no records"))


# --- wellness-plan reminders ---------------------------------------------------------------------
# Reminders are kind: one line per reminder however long it waited, and no red.


def wellness_panel(items, today: dt.date, console: Console | None = None) -> None:
    """The dashboard's "Wellness plan" panel, below the certifications.

    `items` are DueReminder records (commands.common.due_reminders): each reminder due today or
    overdue, once, in kind words. Prints nothing when none is due.
    """
    if not items:
        return
    from peertrack.domain.recurrence import due_words

    console = console or _console()
    console.print()
    console.print(Text("Wellness plan", style="bold"))
    for item in items:
        console.print(_due_line(item, due_words(item)))
    console.print(Text("  Done one? peertrack remind done NUMBER. Letting one go is fine too: "
                       "peertrack remind skip NUMBER", style="dim"))


def _due_line(item, words: str) -> Text:
    mark, style = ("•", "cyan") if item.days_overdue <= 0 else ("○", "yellow")
    line = Text("  ")
    line.append(f"{mark} ", style=style)
    line.append(f"{item.reminder.title}: ", style="bold")
    line.append(words, style=style)
    line.append(f"  (no. {item.reminder.id})", style="dim")
    return line


def reminders_table(states, today: dt.date) -> None:
    """Every reminder (ReminderState records): how often it comes round and when it next asks."""
    console = _console()
    if not states:
        console.print("You have no reminders yet. Add one with: peertrack remind add --help\n"
                      "Or start from a ready one: peertrack remind starters")
        return
    table = _table(console)
    with_notes = any(state.reminder.note for state in states)
    for column in ("No.", "Reminder", "Repeats", "Next") + (("Note",) if with_notes else ()):
        table.add_column(column, overflow="fold", justify="right" if column == "No." else "left")
    for state in states:
        reminder = state.reminder
        row = [str(reminder.id), Text(reminder.title), Text(_repeats(reminder)), _next_text(state, today)]
        if with_notes:
            row.append(Text(reminder.note or ""))
        table.add_row(*row)
    console.print(table)
    waiting = sum(1 for state in states if state.due)
    count = "1 reminder" if len(states) == 1 else f"{len(states)} reminders"
    console.print(f"{count}, {waiting} due now." if waiting else f"{count}, none due now.")


def _repeats(reminder) -> str:
    """ "every week on Monday at 18:30, until Thu 31 Dec 2026"."""
    from peertrack.domain.recurrence import at_text, describe

    words = describe(reminder.rrule, reminder.starts)
    if reminder.at is not None:
        words += f" at {at_text(reminder.at)}"
    if reminder.until is not None:
        words += f", until {fmt.day(reminder.until)}"
    return words


def _next_text(state, today: dt.date) -> Text:
    from peertrack.domain.recurrence import due_words

    if state.due is not None:
        mark, style = ("•", "cyan") if state.due.days_overdue <= 0 else ("○", "yellow")
        return Text(f"{mark} {due_words(state.due)}", style=style)
    if state.next_on is None:
        return Text("no more dates", style="dim")
    text = fmt.day_with_distance(state.next_on, today)
    return Text(f"snoozed to {text}" if state.snoozed else text)


def _next_sentence(state, today: dt.date) -> str:
    from peertrack.domain.recurrence import due_words

    if state.due is not None:
        if state.due.days_overdue <= 0:
            return f"Next: {due_words(state.due)}."
        return f"Waiting: {due_words(state.due)} (since {fmt.day(state.due.due_since)})."
    if state.next_on is None:
        return "It has no more dates."
    after = ", after the snooze" if state.snoozed else ""
    return f"Next: {fmt.day_with_distance(state.next_on, today)}{after}."


def reminder_saved(state, verb: str, today: dt.date) -> None:
    """A reminder (a ReminderState) just added or changed, and when it next asks."""
    reminder = state.reminder
    text = Text(f"✓ {verb} ", style="green")
    text.append(f"reminder {reminder.id}: ", style="bold")
    text.append(f"{reminder.title}, {_repeats(reminder)}.")
    console = _console()
    console.print(text)
    console.print(_next_sentence(state, today))


def reminder_marked(state, action: str, occurrence: dt.date, today: dt.date, *,
                    acted_on: dt.date | None = None, snoozed_until: dt.date | None = None) -> None:
    """What done, skip or snooze did to a reminder (a ReminderState), and when it next asks."""
    title = state.reminder.title
    if action == "done":
        text = Text("✓ Well done: ", style="green")
        when = "ahead of" if acted_on is not None and occurrence > acted_on else "for"
        text.append(f'"{title}" done {when} {fmt.day(occurrence)}.')
    elif action == "skipped":
        text = Text("– Skipped ", style="cyan")
        text.append(f'"{title}" for {fmt.day(occurrence)}. That\'s all right.')
    else:
        text = Text("→ Snoozed ", style="cyan")
        text.append(f'"{title}" until {fmt.day(snoozed_until or occurrence)}.')
    console = _console()
    console.print(text)
    console.print(_next_sentence(state, today))


_LOG_LOOKS = {"done": ("✓", "green"), "skipped": ("–", "cyan"), "snoozed": ("→", "dim")}


def reminder_histories(histories, today: dt.date) -> None:
    """Each reminder's log (ReminderHistory records), newest first, with its streak."""
    from peertrack.domain.recurrence import describe

    console = _console()
    if not histories:
        console.print("Nothing logged yet. When you have done one: peertrack remind done NUMBER")
        return
    for index, history in enumerate(histories):
        reminder = history.reminder
        if index:
            console.print()
        heading = Text(reminder.title, style="bold")
        heading.append(f"  (no. {reminder.id})", style="dim")
        heading.append(f"  {describe(reminder.rrule, reminder.starts)}")
        console.print(heading)
        if history.streak:
            times = "1 time" if history.streak == 1 else f"{history.streak} times"
            console.print(Text(f"  Done {times} in a row.", style="green"))
        if not history.entries:
            console.print("  Nothing logged yet.")
        for entry in history.entries:
            mark, style = _LOG_LOOKS[entry.action]
            line = Text("  ")
            line.append(f"{mark} {entry.action:<8}", style=style)
            line.append(f" {fmt.day(entry.occurrence)}")
            if entry.acted_on != entry.occurrence:
                line.append(f" (on {fmt.day(entry.acted_on)})", style="dim")
            if entry.note:
                line.append(f": {entry.note}")
            console.print(line)


def starters_table(starters) -> None:
    """The ready wellness-plan reminders (Starter records) to start from."""
    console = _console()
    table = _table(console)
    for column in ("Starter", "Reminder", "Repeats", "What it is for"):
        table.add_column(column, overflow="fold")
    for starter in starters:
        repeats = f"every {starter.every}" + (f" on {starter.on}" if starter.on else "")
        table.add_row(starter.key, starter.title, repeats, starter.about)
    console.print(table)
    console.print("Add one with, for example: peertrack remind add --starter weekly-self-care --on fri\n"
                  "The day comes from --on or --start (today if you leave both out); add a time with --at.")


# --- the dashboard's history, and the dashboard as a picture ---------------------------------------

HISTORY_BAR_WIDTH = 30


def history_chart(histories, console: Console | None = None) -> None:
    """CE hours month by month over each certification's current cycle (CycleHistory records).

    Each month reads as a label and a number first, then a bar, so it makes sense without
    colour and to a screen reader; plain output draws the bar with # for grep and pipes.
    """
    console = console or _console()
    plain = _plain(console)
    for history in histories:
        console.print()
        heading = Text(f"CE hours by month: {history.name}", style="bold")
        heading.append(f"  ({history.cert_id})", style="dim")
        console.print(heading)
        if not history.months:
            console.print("  Its current cycle has not started yet.")
            continue
        most = max(month.minutes for month in history.months)
        width = max(len(fmt.hours(month.minutes)) for month in history.months)
        for month in history.months:
            line = Text(f"  {month.month:%b %Y}  {fmt.hours(month.minutes):>{width}}")
            if month.minutes:
                length = max(1, round(month.minutes * HISTORY_BAR_WIDTH / most))
                line.append("  " + ("#" if plain else "█") * length, style="cyan")
            console.print(line)
        total = sum(month.minutes for month in history.months)
        count = "1 month" if len(history.months) == 1 else f"{len(history.months)} months"
        console.print(f"  {fmt.hours_words(total)} logged in {count}.")


def picture_console() -> Console:
    """A console that keeps what is printed, in colour, to save as a picture or a page."""
    import io

    return Console(file=io.StringIO(), record=True, width=100, force_terminal=True, color_system="truecolor",
                   no_color=False, highlight=False, markup=False, emoji=False)


def picture(console: Console, kind: str, title: str) -> str:
    """What a picture_console recorded, as an SVG image ("svg") or a web page ("html")."""
    if kind == "svg":
        import re

        # Rich names a web font to fetch; opening a private record should fetch nothing, so the
        # picture uses the font if it is installed, else the viewer's own monospace font.
        return re.sub(r',\s*url\("https?://[^"]*"\)\s*format\("[^"]*"\)', "", console.export_svg(title=title))
    return console.export_html(inline_styles=True)
