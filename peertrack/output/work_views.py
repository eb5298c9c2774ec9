"""The work log as people read it: tables and details of service hours and supervision sessions."""

from __future__ import annotations

from rich.table import Table
from rich.text import Text

from peertrack.domain import formatting as fmt
from peertrack.domain.work import SupervisionEntry, WorkEntry, hours_text, hours_words
from peertrack.output.screen import make_console, make_table


def work_table(entries: list[WorkEntry], dates: str = "iso") -> None:
    console = make_console()
    if not entries:
        console.print("No work entries match.")
        return
    table = make_table(console)
    for column, justify in (("No.", "right"), ("Date", "left"), ("Hours", "right"), ("Setting", "left")):
        table.add_column(column, justify=justify, overflow="fold")
    for entry in entries:
        table.add_row(str(entry.id), fmt.bare_day(entry.date, dates), hours_text(entry.seconds), entry.setting or "")
    console.print(table)
    count = "1 entry" if len(entries) == 1 else f"{len(entries)} entries"
    console.print(f"{count}, {hours_words(sum(e.seconds for e in entries))} of peer service in all.")


def supervision_table(entries: list[SupervisionEntry], dates: str = "iso") -> None:
    console = make_console()
    if not entries:
        console.print("No supervision sessions match.")
        return
    table = make_table(console)
    for column, justify in (("No.", "right"), ("Date", "left"), ("Hours", "right"), ("Supervisor", "left"),
                            ("Kind", "left"), ("Topic", "left")):
        table.add_column(column, justify=justify, overflow="fold")
    for entry in entries:
        table.add_row(str(entry.id), fmt.bare_day(entry.date, dates), hours_text(entry.seconds),
                      entry.supervisor_text, "group" if entry.group else "individual", entry.topic or "")
    console.print(table)
    count = "1 session" if len(entries) == 1 else f"{len(entries)} sessions"
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
