"""Deadlines: the table of dates to meet, stored and those that follow from certifications."""

from __future__ import annotations

import datetime as dt

from peertrack.domain import formatting as fmt
from peertrack.domain.deadlines import is_task
from peertrack.output.screen import make_console, make_table

TYPE_CHECKING = False  # as typing.TYPE_CHECKING, without importing typing at start-up
if TYPE_CHECKING:
    from peertrack.domain.models import Deadline


def deadlines_table(deadlines: list[Deadline], today: dt.date, dates: str = "iso") -> None:
    console = make_console()
    if not deadlines:
        console.print("No deadlines. Add one with: peertrack deadline add --help")
        return
    table = make_table(console)
    for column in ("No.", "Due", "When", "What", "Certification", "Done"):
        table.add_column(column, overflow="fold")
    for d in deadlines:
        table.add_row(str(d.id) if d.id is not None else d.key if is_task(d) else "-", fmt.bare_day(d.due, dates),
                      fmt.days_from_now((d.due - today).days), d.title, d.cert_id or "",
                      fmt.bare_day(d.done_on, dates) if d.done_on else "")
    console.print(table)
    if any(d.id is None and not is_task(d) for d in deadlines):
        console.print("Rows without a number follow from your certifications' own dates; "
                      "they move when you renew.")
    task = next((d for d in deadlines if is_task(d) and d.done_on is None), None)
    if task is not None:
        console.print("Renewal tasks (named like tx-peer:task:fee) come from your certification's template and "
                      f"move with its dates; mark one done with: peertrack deadline done {task.key}")
