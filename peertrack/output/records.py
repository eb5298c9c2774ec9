"""Records in and out: what an import would add, what `check` found, what a database or file holds."""

from __future__ import annotations

from rich.text import Text

from peertrack.domain import formatting as fmt
from peertrack.output.screen import add_columns, make_console, make_table
from peertrack.output.words import table_words

TYPE_CHECKING = False  # as typing.TYPE_CHECKING, without importing typing at start-up
if TYPE_CHECKING:
    from peertrack.domain.transfer import CheckReport, DatabaseSummary, ImportPlan


_FIELD_WORDS = {"approval_no": "approval number"}


def import_preview(plan: ImportPlan, source: str, limit: int = 40, dates: str = "iso") -> None:
    """What an import would add, what it skips as already recorded, and every row it cannot read."""
    console = make_console()
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
        seconds = sum(row.read.seconds for row in plan.new)
        count = fmt.counted(len(plan.new), "course")
        console.print(Text(f"To add: {count}, {fmt.hours_words(seconds)}", style="bold"))
        table = make_table(console)
        add_columns(table, ("Row", "Date", "Title", "Provider", "Hours", "Category"), right=("Row", "Hours"))
        for row in plan.new[:limit]:
            course = row.read
            table.add_row(str(row.number), fmt.bare_day(course.date, dates), course.title, course.provider or "",
                          fmt.hours(course.seconds), fmt.category_text(course) if course.allocations else "")
        console.print(table)
        if len(plan.new) > limit:
            console.print(f"… and {len(plan.new) - limit} more.")
    else:
        console.print(Text("Nothing new to add.", style="bold"))
    if plan.known:
        console.print()
        console.print(Text(f"Already recorded, so left out: {len(plan.known)}", style="bold"))
        for row in plan.known[:limit]:
            console.print(f'  • row {row.number}: "{row.read.title}" on {fmt.bare_day(row.read.date, dates)}, '
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
    console = make_console()
    if report.database_ok:
        console.print(Text("✓ ", style="green").append("The database file is whole."))
    else:
        console.print(Text("✗ ", style="bold red").append("The database file is damaged. Put a backup back with: "
                                                         "peertrack restore FILE"))
    if report.foreign:
        console.print(Text("✗ ", style="bold red").append(
            f"The database holds things peertrack did not put there: {', '.join(report.foreign)}. "
            "They may change or delete records; put back a backup you trust with: peertrack restore FILE"))
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
    count = fmt.counted(len(report.unattached), "course") + (" has" if len(report.unattached) == 1 else " have")
    console.print(Text("• ", style="yellow").append(f"{count} no certificate yet:"))
    table = make_table(console)
    add_columns(table, ("No.", "Date", "Title", "Hours"), right=("No.", "Hours"))
    for course in report.unattached:
        table.add_row(str(course.id), fmt.bare_day(course.date, dates), course.title, fmt.hours(course.seconds))
    console.print(table)
    console.print("Keep one with: peertrack ceu attach NUMBER FILE")


def database_summary(heading: str, summary: DatabaseSummary) -> None:
    """What a database holds, before a restore replaces one with another."""
    console = make_console()
    console.print(Text(heading, style="bold"))
    certs = ", ".join(summary.certifications) if summary.certifications else "none"
    console.print(f"  Certifications: {certs}")
    courses = fmt.counted(summary.courses, "course")
    if summary.first_course and summary.last_course:
        courses += f", from {fmt.day(summary.first_course)} to {fmt.day(summary.last_course)}"
    console.print(f"  Courses: {courses}")
    if summary.counts:
        console.print("  Also: " + ", ".join(table_words(name, count) for name, count in summary.counts))


def records_count(heading: str, counts: list[tuple[str, int]]) -> None:
    """How many records of each kind a file holds: "2 certifications, 35 courses, ..."."""
    console = make_console()
    console.print(Text(heading, style="bold"))
    shown = [table_words(name, count) for name, count in counts if count]
    console.print("  " + (", ".join(shown) if shown else "no records"))


def left_out(dropped: list[tuple[str, str]]) -> str:
    """The objects a restore left out of a backup, named."""
    from peertrack.domain.terminal_text import escaped

    named = ", ".join(f'{kind} "{escaped(name)}"' for kind, name in dropped)
    return (f"Left out of the backup: {named}. peertrack's own records do not have them, "
            "and they could have changed or deleted records.")
