"""peertrack remind ...: wellness-plan reminders that come round again, gently, and stay private."""

import datetime as dt
from typing import Annotated, Optional

import typer

from peertrack.commands import completers
from peertrack.commands.common import (
    JsonOption,
    YesOption,
    open_db,
    open_existing,
    reads_day_first,
    remove_after_asking,
)
from peertrack.domain.errors import Conflict, InvalidInput
from peertrack.domain.models import Reminder
from peertrack.domain.parsing import optional_text, parse_date, parse_number, parse_text
from peertrack.domain.record_types import replace
from peertrack.domain.reminder_input import Rule, build_reminder, checked, raise_until_twice, rule_from, start_day
from peertrack.services import clock
from peertrack.storage.database import transaction
from peertrack.storage.reminders import (
    delete_reminder,
    find_reminder_titled,
    insert_reminder,
    load_reminder,
    load_reminder_log,
    load_reminders,
    log_reminder,
    snooze_reminder,
    unknown_reminder,
    update_reminder,
)

app = typer.Typer(help="Your wellness-plan reminders: check-ins, meetings, supervision, self-care.",
                  no_args_is_help=True)

ReminderArgument = Annotated[int, typer.Argument(
    parser=lambda text: parse_number(text, "The reminder number"), metavar="NUMBER",
    help="The reminder's number, shown by remind list.", show_default=False, autocompletion=completers.reminder_ids)]
EveryOption = Annotated[Optional[str], typer.Option(
    "--every", help="How often: day, weekday, week, 2 weeks, month, 3 months or year.", show_default=False)]
OnOption = Annotated[Optional[str], typer.Option(
    "--on", help="Which days: mon,thu for a week; 1, 15, last or 2nd tue for a month.", show_default=False)]
AtOption = Annotated[Optional[str], typer.Option(
    "--at", help="A time of day, like 18:30, for your calendar.", show_default=False)]
StartOption = Annotated[Optional[str], typer.Option(
    "--start", help="The first day it may come round. Default: today.", show_default=False)]
UntilOption = Annotated[Optional[str], typer.Option(
    "--until", help="The last day it may come round. Default: no end.", show_default=False)]
NoteOption = Annotated[Optional[str], typer.Option(
    "--note", help="A private note; it stays out of every export unless you ask.", show_default=False)]
RruleOption = Annotated[Optional[str], typer.Option(
    "--rrule", help="Instead of --every: a calendar rule (RFC 5545), like 'FREQ=WEEKLY;BYDAY=TU'.",
    show_default=False)]


@app.command("add")
def add(
    ctx: typer.Context,
    title: Annotated[Optional[str], typer.Argument(
        help='What to do, e.g. "Self-care hour". With --starter it may be left out.', show_default=False)] = None,
    every: EveryOption = None,
    on: OnOption = None,
    at: AtOption = None,
    start: StartOption = None,
    until: UntilOption = None,
    note: NoteOption = None,
    rrule: RruleOption = None,
    starter: Annotated[Optional[str], typer.Option(
        "--starter", help="Start from a ready one, e.g. weekly-self-care (see: peertrack remind starters).",
        show_default=False, autocompletion=completers.starter_keys)] = None,
) -> None:
    """Add a reminder to your wellness plan: something you come back to again and again.

    Say how often with --every and which days with --on, or start from a ready one with
    --starter. A reminder you miss is shown once, however long it has waited.

    \b
    Examples:
      peertrack remind add "Recovery meeting" --every week --on thu --at 19:00
      peertrack remind add "Supervision" --every "2 weeks" --on mon --start 2026-11-09
      peertrack remind add "Wellness plan review" --every month --on last
      peertrack remind add --starter weekly-self-care
    """
    from peertrack.domain import recurrence

    today = clock.today()
    if starter is not None:
        from peertrack.domain.starters import find_starter

        ready = find_starter(starter)
        title = ready.title if title is None else title
        if every is None and rrule is None:
            every, on = ready.every, ready.on if on is None else on
    if title is None:
        raise InvalidInput("TITLE", "", 'give the reminder a name, like "Self-care hour", or start from a ready '
                           "one with --starter", problem="is missing")
    reminder = build_reminder(today, title=title, every=every, on=on, rrule=rrule, start=start, until=until,
                              at=at, note=note, day_first=reads_day_first(ctx))
    conn = open_db(ctx)
    with transaction(conn):
        _refuse_same_title(conn, reminder.title)
        reminder = replace(reminder, id=insert_reminder(conn, reminder))
    from peertrack.output.reminders import reminder_saved

    reminder_saved(recurrence.state(reminder, today), "Added", today)


@app.command("list")
def list_(ctx: typer.Context, json: JsonOption = False) -> None:
    """List your reminders: how often each comes round, and when it next asks.

    \b
    Examples:
      peertrack remind list
      peertrack remind list --json
    """
    from peertrack.domain import recurrence

    today = clock.today()
    conn = open_existing(ctx)
    reminders = load_reminders(conn) if conn else []
    states = sorted((recurrence.state(r, today) for r in reminders),
                    key=lambda s: (s.next_on is None, s.next_on or today, s.reminder.id))
    if json:
        from peertrack.output import porcelain

        porcelain.emit([porcelain.reminder_state(item) for item in states])
        return
    from peertrack.output.reminders import reminders_table

    reminders_table(states, today)


@app.command("done")
def done(
    ctx: typer.Context,
    reminder_id: ReminderArgument,
    on: Annotated[Optional[str], typer.Option(
        "--on", help="The day you did it, if not today: 2026-11-02, yesterday.", show_default=False)] = None,
    note: NoteOption = None,
) -> None:
    """Mark a reminder done. If it waited a while, this settles it all at once.

    Done before its day, it counts for the next time it comes round.

    \b
    Examples:
      peertrack remind done 2
      peertrack remind done 2 --on yesterday --note "walked by the river"
    """
    today = clock.today()
    day = parse_date(on, "--on", today, day_first=reads_day_first(ctx)) if on is not None else today
    if day > today:
        raise InvalidInput("--on", on, "mark it done on the day you did it, or after", problem="is in the future")
    _settle(ctx, reminder_id, "done", day, optional_text(note), today)


@app.command("skip")
def skip(ctx: typer.Context, reminder_id: ReminderArgument, note: NoteOption = None) -> None:
    """Let this time go, and move on to the next. That's all right: rest is part of the plan.

    \b
    Examples:
      peertrack remind skip 3
      peertrack remind skip 3 --note "sick today"
    """
    today = clock.today()
    _settle(ctx, reminder_id, "skipped", today, optional_text(note), today)


@app.command("snooze")
def snooze(
    ctx: typer.Context,
    reminder_id: ReminderArgument,
    until: Annotated[str, typer.Option("--until", help="The day it should ask again: a date, or tomorrow.",
                                       show_default=False)],
) -> None:
    """Put a reminder off until a later day; it asks again then.

    \b
    Examples:
      peertrack remind snooze 2 --until tomorrow
      peertrack remind snooze 2 --until 2026-11-09
    """
    from peertrack.domain import recurrence
    from peertrack.domain.models import ReminderLogEntry

    today = clock.today()
    day = parse_date(until, "--until", today, day_first=reads_day_first(ctx))
    if day <= today:
        raise InvalidInput("--until", until, "snooze until a day after today, like tomorrow or "
                           f"{today + dt.timedelta(days=7):%Y-%m-%d}", problem="is not after today")
    conn = _existing(ctx, reminder_id)
    with transaction(conn):
        reminder = load_reminder(conn, reminder_id)
        first = recurrence.open_occurrence(reminder)
        if first is None:
            raise _ended(reminder)
        log_reminder(conn, ReminderLogEntry(reminder_id, first, "snoozed", today))
        snooze_reminder(conn, reminder_id, day)
        reminder = load_reminder(conn, reminder_id)
    from peertrack.output.reminders import reminder_marked

    reminder_marked(recurrence.state(reminder, today), "snoozed", first, today, snoozed_until=day)


@app.command("rm")
def rm(ctx: typer.Context, reminder_id: ReminderArgument, yes: YesOption = False) -> None:
    """Remove a reminder and its history. A backup is taken first.

    \b
    Examples:
      peertrack remind rm 4
      peertrack remind rm 4 --yes
    """
    from peertrack.output.screen import say

    conn = _existing(ctx, reminder_id)
    reminder = load_reminder(conn, reminder_id)
    backup = remove_after_asking(ctx, conn, f'Remove reminder {reminder.id}, "{reminder.title}", and its history?',
                                 yes, "before-remind-rm", lambda db: delete_reminder(db, reminder_id))
    say(f'✓ Removed reminder {reminder.id}, "{reminder.title}". A copy from just before is in {backup}')


@app.command("log")
def log(
    ctx: typer.Context,
    reminder_id: Annotated[Optional[int], typer.Argument(
        help="One reminder's number; without it, every reminder.", show_default=False,
        autocompletion=completers.reminder_ids)] = None,
    json: JsonOption = False,
) -> None:
    """Look back: what you did and skipped, and how many times in a row you kept it up.

    \b
    Examples:
      peertrack remind log
      peertrack remind log 2
      peertrack remind log --json
    """
    from peertrack.domain import recurrence
    from peertrack.domain.models import ReminderHistory

    today = clock.today()
    conn = _existing(ctx, reminder_id) if reminder_id is not None else open_existing(ctx)
    histories = []
    if conn is not None:
        reminders = [load_reminder(conn, reminder_id)] if reminder_id is not None else \
            load_reminders(conn)
        entries = load_reminder_log(conn, reminder_id)
        for reminder in reminders:
            mine = tuple(entry for entry in entries if entry.reminder_id == reminder.id)
            histories.append(ReminderHistory(reminder, recurrence.streak(reminder, mine, today), mine))
    if json:
        from peertrack.output import porcelain

        porcelain.emit({"today": today.isoformat(),
                        "reminders": [porcelain.reminder_history(item) for item in histories]})
        return
    from peertrack.output.reminders import reminder_histories

    reminder_histories(histories if reminder_id is not None else [h for h in histories if h.entries],
                       today)


@app.command("edit")
def edit(
    ctx: typer.Context,
    reminder_id: ReminderArgument,
    title: Annotated[Optional[str], typer.Option("--title", help="A new title.", show_default=False)] = None,
    every: EveryOption = None,
    on: OnOption = None,
    rrule: RruleOption = None,
    at: Annotated[Optional[str], typer.Option(
        "--at", help='A new time of day; --at "" removes it.', show_default=False)] = None,
    start: StartOption = None,
    until: Annotated[Optional[str], typer.Option(
        "--until", help='A new last day; --until "" removes it.', show_default=False)] = None,
    note: Annotated[Optional[str], typer.Option(
        "--note", help='A new private note; --note "" removes it.', show_default=False)] = None,
) -> None:
    """Change a reminder: only what you give changes. Its history stays.

    \b
    Examples:
      peertrack remind edit 2 --every "2 weeks" --on mon,thu
      peertrack remind edit 2 --at 18:30 --title "Self-care hour (walk)"
      peertrack remind edit 2 --until 2027-06-30
    """
    from peertrack.domain import recurrence

    today = clock.today()
    if all(value is None for value in (title, every, on, rrule, at, start, until, note)):
        from peertrack.output.reminders import reminder_saved
        from peertrack.output.screen import say

        say("Nothing to change: give what should change, like --every, --at or --title.")
        return
    new_title = parse_text(title, "--title") if title is not None else None
    new_at = recurrence.parse_at(at) if at else None
    day_first = reads_day_first(ctx)
    start_on = start_day(start, today, day_first) if start else None
    until_on = parse_date(until, "--until", today, day_first=day_first) if until else None
    conn = _existing(ctx, reminder_id)
    with transaction(conn):
        old = load_reminder(conn, reminder_id)
        base = start_on or old.starts
        if on is not None and every is None and rrule is None:
            every = recurrence.every_of(old.rrule)  # keeps how often it comes round; --on moves the days
        if every is not None or on is not None or rrule is not None:
            rule = rule_from(every, on, rrule, base)
        else:
            rule = Rule(old.rrule, None, "--start", start or old.starts.isoformat())
        if until is not None and rule.until is not None:
            raise_until_twice(until)
        if until is not None:
            ends = until_on
        else:
            ends = rule.until if rule.until is not None else old.until
        reminder = checked(replace(
            old, title=new_title or old.title, rrule=rule.text, starts=base,
            at=old.at if at is None else new_at, until=ends,
            note=old.note if note is None else optional_text(note),
        ), rule, until_given=until)
        if new_title is not None and new_title.lower() != old.title.lower():
            _refuse_same_title(conn, new_title)
        update_reminder(conn, reminder)
    from peertrack.output.reminders import reminder_saved
    from peertrack.output.screen import say

    reminder_saved(recurrence.state(reminder, today), "Changed", today)


@app.command("starters")
def starters(json: JsonOption = False) -> None:
    """List the ready wellness-plan reminders you can start from.

    They follow common practice in peer support; change any of them after adding it.

    \b
    Examples:
      peertrack remind starters
      peertrack remind add --starter weekly-self-care --on fri --at 16:00
    """
    from peertrack.domain.starters import STARTERS

    if json:
        from peertrack.output import porcelain

        porcelain.emit([porcelain.starter(item) for item in STARTERS])
        return
    from peertrack.output.reminders import starters_table

    starters_table(list(STARTERS))


def _settle(ctx: typer.Context, reminder_id: int, action: str, day: dt.date, note: Optional[str],
            today: dt.date) -> None:
    """Done or skipped: the occurrence it settles is logged, and a snooze with nothing left to hide ends."""
    from peertrack.domain import recurrence
    from peertrack.domain.models import ReminderLogEntry

    conn = _existing(ctx, reminder_id)
    with transaction(conn):
        reminder = load_reminder(conn, reminder_id)
        handled = recurrence.handled_occurrences(load_reminder_log(conn, reminder.id))
        occurrence = recurrence.covered_occurrence(reminder, day, handled)
        if occurrence is None:
            raise _ended(reminder)
        log_reminder(conn, ReminderLogEntry(reminder_id, occurrence, action, day, note))
        reminder = load_reminder(conn, reminder_id)
        # A snooze has done its job once nothing waits; one still waiting stays snoozed.
        if reminder.snoozed_until is not None and \
                recurrence.due(replace(reminder, snoozed_until=None), today) is None:
            snooze_reminder(conn, reminder_id, None)
            reminder = replace(reminder, snoozed_until=None)
    from peertrack.output.reminders import reminder_marked

    reminder_marked(recurrence.state(reminder, today), action, occurrence, today, acted_on=day)


def _existing(ctx: typer.Context, reminder_id: int):
    """The database, for a command about one reminder; a missing file means no such reminder."""
    conn = open_existing(ctx)
    if conn is None:
        raise unknown_reminder(reminder_id)
    return conn


def _ended(reminder: Reminder) -> Conflict:
    return Conflict(f'Reminder {reminder.id}, "{reminder.title}", has no more dates: its last one has passed.',
                    f"Give it a later last day with: peertrack remind edit {reminder.id} --until DATE")


def _refuse_same_title(conn, title: str) -> None:
    twin = find_reminder_titled(conn, title)
    if twin is not None:
        raise Conflict(f'You already have a reminder called "{twin.title}" (number {twin.id}).',
                       f"Give this one another name, or change that one with: peertrack remind edit {twin.id}")

