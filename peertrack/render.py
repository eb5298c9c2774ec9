"""The only module that knows Rich: the dashboard, tables and messages people read.

Data goes to stdout and messages to stderr. Colour always comes with a word or a symbol,
and with NO_COLOR or when stdout is not a terminal the output is plain text.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from rich.console import Console, Group
from rich.progress_bar import ProgressBar
from rich.table import Table
from rich.text import Text

from peertrack import formatting as fmt
from peertrack.cycles import months_words
from peertrack.models import Certification, Course, Cycle, Deadline, Progress, Requirement

LEVEL_LOOKS = {
    "ok": ("✓", "on track", "green"),
    "due-soon": ("!", "due soon", "yellow"),
    "urgent": ("‼", "urgent", "bold red"),
    "overdue": ("✗", "overdue", "bold red"),
    "lapsed": ("✗", "lapsed", "red"),
    "upcoming": ("•", "coming up", "cyan"),
}


def _console(stderr: bool = False) -> Console:
    console = Console(stderr=stderr, highlight=False)
    if not console.is_terminal or console.no_color:
        # Wide when piped, so lines are not broken in the middle for grep or a screen reader.
        console = Console(stderr=stderr, highlight=False, no_color=True, emoji=False, color_system=None,
                          safe_box=True, soft_wrap=True, width=console.width if console.is_terminal else 200)
    return console


def _plain(console: Console) -> bool:
    return console.no_color or not console.is_terminal


def say(message: str) -> None:
    """A message for the person, not for a pipe: it goes to stderr."""
    _console(stderr=True).print(message)


def level_text(level: str) -> Text:
    symbol, word, style = LEVEL_LOOKS[level]
    return Text(f"{symbol} {word}", style=style)


def welcome() -> None:
    console = _console()
    console.print(Text("Welcome to peertrack.", style="bold"))
    console.print("It keeps track of your peer support certifications, the continuing-education (CE) "
                  "hours you earn, and your renewal dates, all in one private file on this computer.")
    console.print()
    console.print("To start, answer a few questions about your certification:")
    console.print("  peertrack init")
    console.print("Or add it in one line, for example:")
    console.print('  peertrack cert add --template ca-medi-cal-pss --number PSS-01234 --expires 2027-06-30',
                  soft_wrap=True)
    console.print()
    console.print("Or see what peertrack does with example data (your own records are not touched):")
    console.print("  peertrack demo")


def dashboard(items: list[Progress], today: dt.date, deadlines: list[Deadline] | None = None) -> None:
    console = _console()
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
    if required:
        bar = Table.grid(padding=(0, 1))
        bar.add_row(
            Text(indent + "  Hours"),
            ProgressBar(total=required, completed=min(item.earned_minutes, required), width=24,
                        complete_style="none" if plain else LEVEL_LOOKS[item.level][2], finished_style="green"),
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
        recent = fmt.hours_words(item.recent_minutes_per_month)
        if item.projected_minutes >= cert.cycle.required_minutes:
            lines.append((f"  At your pace of the last 6 months ({recent} a month), the hours will be there "
                          "in time.", "green"))
        else:
            lines.append((f"  At your pace of the last 6 months ({recent} a month), you would have about "
                          f"{fmt.hours(item.projected_minutes)} of {fmt.hours(cert.cycle.required_minutes)} "
                          "hours by then.", "yellow"))
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


def recorded(course: Course, items: list[Progress]) -> None:
    console = _console()
    summary = Text("✓ Recorded ", style="green")
    summary.append(f"course {course.id}: ", style="bold")
    summary.append(f"{course.title}, {fmt.hours_words(course.minutes)} on {fmt.day(course.date)}")
    if course.allocations:
        summary.append(f" ({fmt.category_text(course)})")
    console.print(summary)
    if not items:
        console.print("It does not count toward any certification yet: no current cycle includes "
                      f"{fmt.day(course.date)}.")
        return
    names = ", ".join(item.cert.id for item in items)
    console.print(f"It counts toward: {names}")
    for item in items:
        console.print()
        console.print(_progress_block(item, plain=_plain(console)))


def _table(console: Console) -> Table:
    if _plain(console):
        return Table(box=None, header_style="bold", pad_edge=False)
    from rich import box

    return Table(box=box.SIMPLE_HEAD, header_style="bold", pad_edge=False)


def courses_table(courses: list[Course], total_minutes: int) -> None:
    console = _console()
    if not courses:
        console.print("No courses match.")
        return
    table = _table(console)
    for column, justify in (("No.", "right"), ("Date", "left"), ("Title", "left"), ("Provider", "left"),
                            ("Hours", "right"), ("Category", "left"), ("Counts toward", "left")):
        table.add_column(column, justify=justify, overflow="fold")
    for course in courses:
        table.add_row(str(course.id), course.date.isoformat(), course.title, course.provider or "",
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


def certs_table(items: list[Progress]) -> None:
    console = _console()
    if not items:
        console.print("You have no certifications yet. Add one with: peertrack cert add --help")
        return
    table = _table(console)
    for column in ("Id", "Name", "Number", "Expires", "Hours", "Level"):
        table.add_column(column, overflow="fold")
    for item in items:
        cert = item.cert
        name = f"  └ {cert.name}" if cert.endorsement_of else cert.name
        table.add_row(cert.id, name, cert.number or "", cert.expires.isoformat(),
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
        ("Renewal cycle", f"every {months_words(cert.cycle_months)}"),
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


def cycle_history(history: list[Progress]) -> None:
    console = _console()
    console.print()
    console.print(Text("Cycles", style="bold"))
    table = _table(console)
    for column in ("From", "To", "Hours", "Renewed on"):
        table.add_column(column)
    for item in history:
        cycle = item.cert.cycle
        table.add_row(cycle.starts.isoformat(), cycle.ends.isoformat(),
                      f"{fmt.hours(item.earned_minutes)} of {fmt.hours(cycle.required_minutes)}",
                      cycle.closed_on.isoformat() if cycle.closed_on else "current")
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
            cycle = " or ".join(months_words(m) for m in t.month_choices)
            hours = " or ".join(fmt.hours(h) for h in t.month_choices.values() if h is not None)
        else:
            cycle = "calendar year" if t.calendar_year else (months_words(t.months) if t.months else "enter it")
            hours = fmt.hours(t.hours) if t.hours is not None else "enter it"
        name = f"{t.name}\n{t.body or ''}{', ' + t.region if t.region else ''}"
        if t.unconfirmed:
            name += "\n(not confirmed by the certifying body)"
        table.add_row(t.id, name, cycle, hours, "; ".join(rule_text(r) for r in t.rules))
    console.print(table)
    console.print("Rules change: confirm them with your certifying body before you rely on them. "
                  "Each template lists its sources: peertrack cert templates --json")
    console.print(f"Your own templates (JSON files shaped like the built-in ones) go in: {own_folder}")


def deadlines_table(deadlines: list[Deadline], today: dt.date) -> None:
    console = _console()
    if not deadlines:
        console.print("No deadlines. Add one with: peertrack deadline add --help")
        return
    table = _table(console)
    for column in ("No.", "Due", "When", "What", "Certification", "Done"):
        table.add_column(column, overflow="fold")
    for d in deadlines:
        table.add_row(str(d.id) if d.id is not None else "-", d.due.isoformat(),
                      fmt.days_from_now((d.due - today).days), d.title, d.cert_id or "",
                      d.done_on.isoformat() if d.done_on else "")
    console.print(table)
    if any(d.id is None for d in deadlines):
        console.print("Rows without a number follow from your certifications' own dates; "
                      "they move when you renew.")
