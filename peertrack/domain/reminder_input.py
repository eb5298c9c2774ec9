"""A reminder from what was typed: its rule (from --every and --on, or --rrule), its first date and its end,
every part checked and no record written. Shared by `remind add` and `edit`, `init` and `demo`.

Fields are named as the command line names them, as in domain.parsing.
"""

from __future__ import annotations

import datetime as dt

from peertrack.domain.errors import InvalidInput
from peertrack.domain.models import Reminder
from peertrack.domain.parsing import optional_text, parse_date, parse_text
from peertrack.domain.record_types import dataclass, replace

START_WITHIN_DAYS = 50 * 365


@dataclass(frozen=True)
class Rule:
    """A checked rule, with the option it came from (for messages) and an UNTIL it held."""

    text: str
    until: dt.date | None
    field: str
    given: str


def build_reminder(today: dt.date, *, title: str, every: str | None, on: str | None = None,
                   rrule: str | None = None, start: str | None = None, until: str | None = None,
                   at: str | None = None, note: str | None = None, day_first: bool = False) -> Reminder:
    """A new reminder from what was typed, every part checked; nothing is written."""
    from peertrack.domain import recurrence

    start_on = start_day(start, today, day_first) if start is not None else today
    rule = rule_from(every, on, rrule, start_on)
    return checked(Reminder(
        title=parse_text(title, "TITLE"), rrule=rule.text, starts=start_on, added_on=today,
        at=recurrence.parse_at(at) if at else None,
        until=_until(until, rule, today, day_first), note=optional_text(note),
    ), rule, until_given=until)


def rule_from(every: str | None, on: str | None, rrule: str | None, start: dt.date) -> Rule:
    from peertrack.domain import recurrence

    if rrule is not None:
        if every is not None or on is not None:
            raise InvalidInput("--rrule", rrule, "give --every (with --on) or --rrule, not both",
                               problem="cannot go with --every or --on")
        text, until = recurrence.check_rrule(rrule)
        return Rule(text, until, "--rrule", rrule)
    if every is None:
        if on is not None:
            raise InvalidInput("--on", on, "say how often too, like --every week --on mon,thu", problem="needs --every")
        raise InvalidInput("--every", "", "say how often, like --every week, or give --rrule or --starter",
                           problem="is missing")
    return Rule(recurrence.rule_from_spec(every, on, start), None, "--every", every)


def start_day(text: str, today: dt.date, day_first: bool = False) -> dt.date:
    """The first day, within fifty years of today: further off is surely a typing slip, and
    working out decades of a daily reminder would make every command slow."""
    day = parse_date(text, "--start", today, day_first=day_first)
    if abs((day - today).days) > START_WITHIN_DAYS:
        raise InvalidInput("--start", text, "give a day within 50 years of today", problem="is too far from today")
    return day


def _until(text: str | None, rule: Rule, today: dt.date, day_first: bool) -> dt.date | None:
    if not text:
        return rule.until
    if rule.until is not None:
        raise_until_twice(text)
    return parse_date(text, "--until", today, day_first=day_first)


def raise_until_twice(text: str) -> None:
    raise InvalidInput("--until", text, "give the last day once: with --until, or as UNTIL in --rrule",
                       problem="is given twice")


def checked(reminder: Reminder, rule: Rule, until_given: str | None = None) -> Reminder:
    """The reminder with its start moved to its first date; every check of the dates together."""
    from peertrack.domain import recurrence

    shown_until = until_given or (reminder.until.isoformat() if reminder.until else "")
    if reminder.until is not None and "COUNT=" in reminder.rrule:
        raise InvalidInput("--until", shown_until, "a rule with COUNT ends by itself: leave out --until or COUNT",
                           problem="cannot go with COUNT")
    if reminder.until is not None and reminder.until < reminder.starts:
        raise InvalidInput("--until", shown_until, f"give a day on or after the start, {reminder.starts.isoformat()}",
                           problem="is before the start")
    first = recurrence.align_start(reminder.rrule, reminder.starts, reminder.until, field=rule.field,
                                   given=rule.given)
    return replace(reminder, starts=first)
