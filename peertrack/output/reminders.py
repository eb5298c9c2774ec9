"""Wellness-plan reminders: the list, what done/skip/snooze did, the log, the starters.

Reminders are kind: one line per reminder however long it waited, and no red.
"""

from __future__ import annotations

import datetime as dt

from rich.text import Text

from peertrack.domain import formatting as fmt
from peertrack.output.screen import add_columns, make_console, make_table


def reminders_table(states, today: dt.date) -> None:
    """Every reminder (ReminderState records): how often it comes round and when it next asks."""
    console = make_console()
    if not states:
        console.print("You have no reminders yet. Add one with: peertrack remind add --help\n"
                      "Or start from a ready one: peertrack remind starters")
        return
    table = make_table(console)
    with_notes = any(state.reminder.note for state in states)
    add_columns(table, ("No.", "Reminder", "Repeats", "Next") + (("Note",) if with_notes else ()), right=("No.",))
    for state in states:
        reminder = state.reminder
        row: list[str | Text] = [str(reminder.id), Text(reminder.title), Text(_repeats(reminder)),
                                 _next_text(state, today)]
        if with_notes:
            row.append(Text(reminder.note or ""))
        table.add_row(*row)
    console.print(table)
    waiting = sum(1 for state in states if state.due)
    count = fmt.counted(len(states), "reminder")
    console.print(f"{count}, {waiting} due now." if waiting else f"{count}, none due now.")


def _repeats(reminder) -> str:
    """ "every week on Monday at 18:30, until Thu 31 Dec 2026"."""
    from peertrack.domain.recurrence.phrases import at_text
    from peertrack.domain.recurrence.words import describe

    words = describe(reminder.rrule, reminder.starts)
    if reminder.at is not None:
        words += f" at {at_text(reminder.at)}"
    if reminder.until is not None:
        words += f", until {fmt.day(reminder.until)}"
    return words


def _next_text(state, today: dt.date) -> Text:
    from peertrack.domain.recurrence.words import due_words

    if state.due is not None:
        mark, style = ("•", "cyan") if state.due.days_overdue <= 0 else ("○", "yellow")
        return Text(f"{mark} {due_words(state.due)}", style=style)
    if state.next_on is None:
        return Text("no more dates", style="dim")
    text = fmt.day_with_distance(state.next_on, today)
    return Text(f"snoozed to {text}" if state.snoozed else text)


def _next_sentence(state, today: dt.date) -> str:
    from peertrack.domain.recurrence.words import due_words

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
    console = make_console(stderr=True)  # a confirmation: a message, not data
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
    console = make_console(stderr=True)  # a confirmation: a message, not data
    console.print(text)
    console.print(_next_sentence(state, today))


_LOG_LOOKS = {"done": ("✓", "green"), "skipped": ("–", "cyan"), "snoozed": ("→", "dim")}


def reminder_histories(histories, today: dt.date) -> None:
    """Each reminder's log (ReminderHistory records), newest first, with its streak."""
    from peertrack.domain.recurrence.words import describe

    console = make_console()
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
            times = fmt.counted(history.streak, "time")
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
    console = make_console()
    table = make_table(console)
    for column in ("Starter", "Reminder", "Repeats", "What it is for"):
        table.add_column(column, overflow="fold")
    for starter in starters:
        repeats = f"every {starter.every}" + (f" on {starter.on}" if starter.on else "")
        table.add_row(starter.key, starter.title, repeats, starter.about)
    console.print(table)
    console.print("Add one with, for example: peertrack remind add --starter weekly-self-care --on fri\n"
                  "The day comes from --on or --start (today if you leave both out); add a time with --at.")
