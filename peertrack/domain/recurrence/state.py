"""A reminder's state: what is due (once, however long it waited), what a done or skip settles, snoozes and streaks."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from peertrack.domain.models import DueReminder, Reminder, ReminderLogEntry, ReminderState
from peertrack.domain.recurrence.occurrences import occurrence_on_or_after, occurrence_on_or_before, occurrences

# Streaks look this far back at most, so a years-old daily reminder stays quick.
STREAK_WINDOW_DAYS = 4000


def owed_from(reminder: Reminder) -> dt.date:
    """The first day an occurrence can still be owed: after the last one marked done or
    skipped, and never before the reminder was added (so an old start date adds no pile)."""
    boundary = max(reminder.starts, reminder.added_on)
    if reminder.handled_through is not None:
        boundary = max(boundary, reminder.handled_through + dt.timedelta(days=1))
    return boundary


def open_occurrence(reminder: Reminder) -> dt.date | None:
    """The oldest occurrence not yet done or skipped; None once the reminder has no more dates."""
    return occurrence_on_or_after(reminder.rrule, reminder.starts, owed_from(reminder), reminder.until)


def due(reminder: Reminder, today: dt.date) -> DueReminder | None:
    """The reminder if it is due today or overdue, as one item however many times it was missed."""
    first = open_occurrence(reminder)
    if first is None or first > today:
        return None
    snooze = reminder.snoozed_until
    if snooze is not None and today < snooze:
        return None
    since = max(first, snooze) if snooze is not None else first
    waiting = occurrences(reminder.rrule, reminder.starts, since, today, reminder.until)
    return DueReminder(reminder=reminder, oldest_missed=first, due_since=since, missed=max(1, len(waiting)),
                       days_overdue=(today - since).days)


def state(reminder: Reminder, today: dt.date) -> ReminderState:
    """Due now (and since when), or the next day the reminder asks; snoozes push that day on."""
    item = due(reminder, today)
    if item is not None:
        return ReminderState(reminder=reminder, next_on=item.due_since, due=item)
    first = open_occurrence(reminder)
    snooze = reminder.snoozed_until
    if first is not None and snooze is not None and today < snooze and snooze > first:
        return ReminderState(reminder=reminder, next_on=snooze, snoozed=True)
    return ReminderState(reminder=reminder, next_on=first)


def covered_occurrence(reminder: Reminder, day: dt.date, handled: Iterable[dt.date]) -> dt.date | None:
    """The occurrence that done or skip on `day` settles.

    Missed occurrences collapse: the latest one up to `day` settles them all. With nothing
    open yet, it is the next one (done early). A `day` before the last one settled fills in
    history instead, if that occurrence is still open.
    """
    boundary = owed_from(reminder)
    if day >= boundary:
        waiting = occurrences(reminder.rrule, reminder.starts, boundary, day, reminder.until)
        if waiting:
            return waiting[-1]
        return open_occurrence(reminder)
    latest = occurrence_on_or_before(reminder.rrule, reminder.starts, day, reminder.until)
    if latest is not None and latest not in set(handled):
        return latest
    return open_occurrence(reminder)


def handled_occurrences(entries: Iterable[ReminderLogEntry]) -> set[dt.date]:
    return {entry.occurrence for entry in entries if entry.action in ("done", "skipped")}


def streak(reminder: Reminder, entries: Iterable[ReminderLogEntry], today: dt.date) -> int:
    """How many of the latest occurrences were done in a row.

    A skip neither counts nor breaks it (choosing to rest is part of a plan); an occurrence
    still to come, or today's, does not break it; one missed in the past does.
    """
    entries = list(entries)
    done = {entry.occurrence for entry in entries if entry.action == "done"}
    skipped = {entry.occurrence for entry in entries if entry.action == "skipped"}
    end = max([today, *done, *skipped])
    first = max(reminder.starts, end - dt.timedelta(days=STREAK_WINDOW_DAYS))
    days = set(occurrences(reminder.rrule, reminder.starts, first, end, reminder.until)) | done | skipped
    count = 0
    for day in sorted(days, reverse=True):
        if day in done:
            count += 1
        elif day in skipped or day >= today:
            continue
        else:
            break
    return count
