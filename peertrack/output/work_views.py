"""The work log as people read it: tables and details of service hours and supervision sessions."""

from __future__ import annotations

from rich.table import Table
from rich.text import Text

from peertrack.domain import formatting as fmt
from peertrack.domain.formatting import hours_words
from peertrack.domain.work import SupervisionEntry, WorkEntry, hours_text
from peertrack.output.screen import add_columns, make_console, make_table


def work_table(entries: list[WorkEntry], dates: str = "iso") -> None:
    console = make_console()
    if not entries:
        console.print("No work entries match.")
        return
    table = make_table(console)
    add_columns(table, ("No.", "Date", "Hours", "Setting"), right=("No.", "Hours"))
    for entry in entries:
        table.add_row(str(entry.id), fmt.bare_day(entry.date, dates), hours_text(entry.seconds), entry.setting or "")
    console.print(table)
    count = fmt.counted(len(entries), "entry")
    console.print(f"{count}, {hours_words(sum(e.seconds for e in entries))} of peer service in all.")


def supervision_table(entries: list[SupervisionEntry], dates: str = "iso") -> None:
    console = make_console()
    if not entries:
        console.print("No supervision sessions match.")
        return
    table = make_table(console)
    add_columns(table, ("No.", "Date", "Hours", "Supervisor", "Kind", "Topic"), right=("No.", "Hours"))
    for entry in entries:
        table.add_row(str(entry.id), fmt.bare_day(entry.date, dates), hours_text(entry.seconds),
                      entry.supervisor_text, "group" if entry.group else "individual", entry.topic or "")
    console.print(table)
    count = fmt.counted(len(entries), "session")
    console.print(f"{count}, {hours_words(sum(e.seconds for e in entries))} of supervision in all.")


def work_detail(entry: WorkEntry) -> None:
    _details([("Work entry", str(entry.id)), ("Date", fmt.day(entry.date)), ("Hours", hours_text(entry.seconds)),
              ("Setting", entry.setting), ("Note", entry.note)])


def supervision_detail(entry: SupervisionEntry) -> None:
    _details([("Supervision", str(entry.id)), ("Date", fmt.day(entry.date)), ("Hours", hours_text(entry.seconds)),
              ("Supervisor", entry.supervisor_text), ("Kind", "group" if entry.group else "individual"),
              ("Topic", entry.topic), ("Note", entry.note)])


def _details(rows: list[tuple[str, str | None]]) -> None:
    table = Table.grid(padding=(0, 2))
    table.add_column(style="bold")
    table.add_column()
    for label, value in rows:
        if value:
            table.add_row(label, Text(value))
    make_console().print(table)


def work_panel(items, today) -> None:
    """Each certification's rules on service and supervision (output.work_lines)."""
    from peertrack.output.show_lines import show
    from peertrack.output.work_lines import work_lines

    show(work_lines(items, today))


def pursuits_panel(items, console=None) -> None:
    """Certifications in progress: each entry requirement with how far along it is, the exam, what to do next."""
    from rich.progress_bar import ProgressBar

    from peertrack.domain.pursuits import ENTRY_KINDS
    from peertrack.output.screen import is_plain

    console = console or make_console()
    plain = is_plain(console)
    for item in items:
        p = item.pursuit
        console.print()
        heading = Text(f"Working toward: {p.name}", style="bold")
        heading.append(f"  ({p.id})", style="dim")
        console.print(heading)
        for s in item.standings:
            mark, style = ("✓", "green") if not s.missing else ("✗", "yellow")
            words = (f"{ENTRY_KINDS[s.rule.kind].capitalize()}: {hours_text(s.done)} of "
                     f"{hours_words(s.rule.seconds)}" + (f", {hours_words(s.missing)} to go" if s.missing else ""))
            line = Table.grid(padding=(0, 1))
            if plain:
                line.add_row(Text(f"    {mark}", style=style), Text(words))
            else:
                line.add_row(Text(f"    {mark}", style=style),
                             ProgressBar(total=s.rule.seconds, completed=min(s.done, s.rule.seconds), width=16,
                                         complete_style="yellow", finished_style="green"), Text(words))
            console.print(line)
        if p.exam_on is not None:
            days = item.days_to_exam
            console.print(f"    • Exam: {fmt.day_with_distance(p.exam_on, item.today)}" if days >= 0
                          else f"    • Exam was on {fmt.day(p.exam_on)}")
        if item.ready:
            console.print(Text("  ✓ Every hour is in: you can apply. When you are certified, record it with: "
                               f"peertrack cert certify {p.id} --number NUMBER --issued DATE", style="green"))
        elif p.started is not None:
            console.print(f"  Counting hours logged from {fmt.day(p.started)} on.")
