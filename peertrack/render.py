"""The only module that knows Rich: the dashboard, tables and messages people read.

Data goes to stdout and messages to stderr. Colour always comes with a word or a symbol,
and with NO_COLOR or when stdout is not a terminal the output is plain text.
"""

from __future__ import annotations

import datetime as dt
import sys

from rich.console import Console, Group
from rich.progress_bar import ProgressBar
from rich.table import Table
from rich.text import Text

from peertrack import formatting as fmt
from peertrack.cycles import months_words
from peertrack.models import Certification, Course, Progress

LEVEL_LOOKS = {
    "ok": ("✓", "on track", "green"),
    "due-soon": ("!", "due soon", "yellow"),
    "urgent": ("‼", "urgent", "bold red"),
    "overdue": ("✗", "overdue", "bold red"),
}


def _console(stderr: bool = False) -> Console:
    console = Console(stderr=stderr, highlight=False)
    if not console.is_terminal or console.no_color:
        console = Console(stderr=stderr, highlight=False, no_color=True, emoji=False,
                          color_system=None, safe_box=True, soft_wrap=True)
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
    console.print("To start, add a certification, for example:")
    console.print('  peertrack cert add "Medi-Cal Peer Support Specialist" --id ca-pss \\\n'
                  "      --expires 2027-06-30 --cycle 2y --hours 20 --require ethics=6", soft_wrap=True)
    console.print()
    console.print("Or see what peertrack does with example data (your own records are not touched):")
    console.print("  peertrack demo")


def dashboard(items: list[Progress], today: dt.date) -> None:
    console = _console()
    console.print(Text(f"Your certifications on {fmt.day(today)}", style="bold"))
    if not items:
        console.print("You have no certifications yet. Add one with: peertrack cert add --help")
        return
    for item in items:
        console.print()
        console.print(_progress_block(item, plain=_plain(console)))


def _progress_block(item: Progress, plain: bool) -> Group:
    cert = item.cert
    heading = Text(cert.name, style="bold")
    heading.append(f"  ({cert.id})", style="dim")
    if cert.number:
        heading.append(f"  no. {cert.number}")
    lines: list = [heading]

    status = Text("  ")
    status.append_text(level_text(item.level))
    verb = "expired" if item.days_left < 0 else "expires"
    status.append(f"  {verb} {fmt.day_with_distance(cert.expires, item.today)}")
    lines.append(status)

    required = cert.cycle.required_minutes
    bar = Table.grid(padding=(0, 1))
    bar.add_row(
        Text("  Hours"),
        ProgressBar(total=max(required, 1), completed=min(item.earned_minutes, required), width=24,
                    complete_style="none" if plain else LEVEL_LOOKS[item.level][2], finished_style="green"),
        Text(f"{fmt.hours(item.earned_minutes)} of {fmt.hours(required)} hours"
             f" ({_percent(item.earned_minutes, required)})"),
    )
    lines.append(bar)
    for category in item.categories:
        mark, style = ("✓", "green") if category.met else ("✗", "red")
        line = Text(f"    {mark} ", style=style)
        line.append(f"{category.name}: {fmt.hours(category.earned_minutes)} of "
                    f"{fmt.hours(category.required_minutes)} hours")
        if not category.met:
            line.append(f", {fmt.hours_words(category.missing_minutes)} to go")
        lines.append(line)

    if item.missing_minutes and item.days_left >= 0:
        pace = fmt.pace(item.minutes_per_month, item.missing_minutes, item.days_left)
        lines.append(Text(f"  Still needed: {fmt.hours_words(item.missing_minutes)}, {pace}."))
    elif item.days_left >= 0:
        lines.append(Text("  All the hours this cycle needs are in. Well done.", style="green"))
    else:
        lines.append(Text("  This certification has expired: contact your certifying body about renewing.",
                          style="red"))
    return Group(*lines)


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


def courses_table(courses: list[Course], total_minutes: int) -> None:
    console = _console()
    if not courses:
        console.print("No courses match.")
        return
    table = Table(box=None if _plain(console) else _simple_box(), header_style="bold", pad_edge=False)
    for column, justify in (("No.", "right"), ("Date", "left"), ("Title", "left"), ("Provider", "left"),
                            ("Hours", "right"), ("Category", "left"), ("Counts toward", "left")):
        table.add_column(column, justify=justify, overflow="fold")
    for course in courses:
        table.add_row(str(course.id), course.date.isoformat(), course.title, course.provider or "",
                      fmt.hours(course.minutes), fmt.category_text(course) if course.allocations else "",
                      ", ".join(course.cert_ids))
    console.print(table)
    count = "1 course" if len(courses) == 1 else f"{len(courses)} courses"
    console.print(f"{count}, {fmt.hours_words(total_minutes)} in all.")


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
        ("Counts toward", ", ".join(course.cert_ids) or "no certification"),
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
    table = Table(box=None if _plain(console) else _simple_box(), header_style="bold", pad_edge=False)
    for column in ("Id", "Name", "Number", "Expires", "Hours", "Level"):
        table.add_column(column, overflow="fold")
    for item in items:
        cert = item.cert
        table.add_row(cert.id, cert.name, cert.number or "", cert.expires.isoformat(),
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
        ("Certifying body", cert.body),
        ("Number", cert.number),
        ("Issued", fmt.day(cert.issued) if cert.issued else None),
        ("Renewal cycle", f"every {months_words(cert.cycle_months)}"),
        ("Current cycle", f"{fmt.day(cert.cycle.starts)} to {fmt.day(cert.cycle.ends)}"),
        ("Hours a cycle", fmt.hours(cert.cycle.required_minutes)),
        ("Category minimums", ", ".join(f"{r.category} {fmt.hours(r.minutes)}" for r in cert.requirements)),
    ]
    for label, value in rows:
        if value:
            table.add_row(label, Text(value))
    console.print(table)
    console.print()
    console.print(_progress_block(item, plain=_plain(console)))


def _simple_box():
    from rich import box

    return box.SIMPLE_HEAD


def cert_summary(cert: Certification, verb: str) -> None:
    text = Text(f"✓ {verb} ", style="green")
    text.append(f"{cert.name} ({cert.id})", style="bold")
    text.append(f": cycle {fmt.day(cert.cycle.starts)} to {fmt.day(cert.cycle.ends)}, "
                f"{fmt.hours_words(cert.cycle.required_minutes)} of CE")
    if cert.requirements:
        text.append(" (" + ", ".join(f"at least {fmt.hours(r.minutes)} {r.category}"
                                     for r in cert.requirements) + ")")
    text.append(".")
    _console().print(text)


def stdout_is_terminal() -> bool:
    return sys.stdout.isatty()
