"""What was read from certificates: one certificate's proposal, and the preview of a folder's import."""

from __future__ import annotations

from rich.text import Text

from peertrack.domain import formatting as fmt
from peertrack.domain.certificate_text import FIELD_WORDS, Proposal, hours_text
from peertrack.output import screen


def proposal_value(proposal: Proposal, name: str, dates: str = "iso") -> str:
    value = getattr(proposal, name)
    if value is None:
        return ""
    if name == "date":
        return fmt.bare_day(value, dates)
    if name == "hours":
        return hours_text(value)
    return str(value)


def proposal(read: Proposal, source: str, given: dict[str, str], dates: str = "iso") -> None:
    """What a certificate says, field by field: the value, the words it came from, and any doubt (on stderr)."""
    console = screen.make_console(stderr=True)
    console.print(Text(f"Read from {source}:", style="bold"))
    table = screen.make_table(console)
    for column in ("", "Field", "Value", "Read from"):
        table.add_column(column, overflow="fold")
    for name in ("title", "date", "hours", "provider", "approval_no"):
        value = proposal_value(read, name, dates)
        if name in given:
            mark, how = Text("•", style="cyan"), "as you typed it"
            value = given[name]
        elif value == "":
            mark, how = Text("✗", style="red"), "not found"
        elif name in read.unsure:
            mark, how = Text("?", style="yellow"), f'"{read.found.get(name, "")}": unsure, {read.unsure[name]}'
        else:
            mark, how = Text("✓", style="green"), f'"{read.found.get(name, "")}"'
        table.add_row(mark, FIELD_WORDS[name].capitalize(), value, how)
    console.print(table)
    if read.holder:
        console.print(f"Made out to: {read.holder}")


def folder_preview(rows, folder: str, dates: str = "iso") -> None:
    """What importing a folder of certificates would add, what it skips and what it cannot read (on stdout)."""
    console = screen.make_console()
    console.print(Text(f"From {folder}", style="bold"))
    new = [row for row in rows if row.course is not None and not row.known]
    if new:
        seconds = sum(row.course.seconds for row in new)
        count = fmt.counted(len(new), "course")
        console.print(Text(f"To add: {count}, {fmt.hours_words(seconds)}", style="bold"))
        table = screen.make_table(console)
        screen.add_columns(table, ("File", "Date", "Title", "Provider", "Hours", "Unsure"), right=("Hours",))
        for row in new:
            course = row.course
            table.add_row(row.name, fmt.bare_day(course.date, dates), course.title, course.provider or "",
                          fmt.hours(course.seconds), ", ".join(FIELD_WORDS[n] for n in row.unsure))
        console.print(table)
    else:
        console.print(Text("Nothing new to add.", style="bold"))
    known = [row for row in rows if row.known]
    if known:
        console.print()
        console.print(Text(f"Already recorded, so left out: {len(known)}", style="bold"))
        for row in known:
            console.print(f"  • {row.name}: {row.known}")
    unreadable = [row for row in rows if row.course is None and not row.known]
    if unreadable:
        console.print()
        console.print(Text(f"Cannot read fully, so left out: {len(unreadable)}", style="bold"))
        for row in unreadable:
            line = Text("  ✗ ", style="red")
            line.append(f"{row.name}: {row.problem}")
            console.print(line)
