"""Wellness-plan reminders that come round again: rules, the dates they give, and what is due.

Split by job: phrases (--every and --on), rules (RFC 5545 checks), occurrences (dates), state (what
is due, streaks) and words (plain English). New code imports the part it needs by name
(`from peertrack.domain.recurrence.words import due_words`); the names below are the whole API.
"""

from peertrack.domain.recurrence.occurrences import (
    PROBE_DAYS,
    align_start,
    midnight,
    next_occurrence,
    occurrence_on_or_after,
    occurrence_on_or_before,
    occurrences,
)
from peertrack.domain.recurrence.state import (
    STREAK_WINDOW_DAYS,
    covered_occurrence,
    due,
    handled_occurrences,
    open_occurrence,
    owed_from,
    state,
    streak,
)

TYPE_CHECKING = False  # as typing.TYPE_CHECKING, without importing typing at start-up
if TYPE_CHECKING:
    from peertrack.domain.recurrence.phrases import (
        AT_ACCEPTED,
        EVERY_ACCEPTED,
        MONTH_ON_ACCEPTED,
        WEEK_ON_ACCEPTED,
        WEEKDAYS,
        at_text,
        every_of,
        parse_at,
        parse_every,
        parse_month_days,
        parse_week_days,
        rule_from_spec,
    )
    from peertrack.domain.recurrence.rules import (
        BYDAY_ITEM,
        DAY_CODES,
        FREQ_UNITS,
        MAX_COUNT,
        MAX_INTERVAL,
        RRULE_ACCEPTED,
        check_rrule,
        join_rule,
        longest_month,
        split_rule,
    )
    from peertrack.domain.recurrence.words import (
        DAY_NAMES,
        describe,
        due_words,
    )

# Reading and describing rules need the regular expressions and dateutil; working out what is due does
# not: those parts are loaded on first use of one of their names.
_LAZY = {
    "phrases": ("AT_ACCEPTED", "EVERY_ACCEPTED", "MONTH_ON_ACCEPTED", "WEEK_ON_ACCEPTED", "WEEKDAYS", "at_text",
                "every_of", "parse_at", "parse_every", "parse_month_days", "parse_week_days", "rule_from_spec"),
    "rules": ("BYDAY_ITEM", "DAY_CODES", "FREQ_UNITS", "MAX_COUNT", "MAX_INTERVAL", "RRULE_ACCEPTED", "check_rrule",
              "join_rule", "longest_month", "split_rule"),
    "words": ("DAY_NAMES", "describe", "due_words"),
}
_PART_OF = {name: part for part, names in _LAZY.items() for name in names}


def __getattr__(name: str):
    part = _PART_OF.get(name)
    if part is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    from importlib import import_module

    value = getattr(import_module(f"{__name__}.{part}"), name)
    globals()[name] = value
    return value


__all__ = [
    "every_of",
    "AT_ACCEPTED",
    "BYDAY_ITEM",
    "DAY_CODES",
    "DAY_NAMES",
    "EVERY_ACCEPTED",
    "FREQ_UNITS",
    "MAX_COUNT",
    "MAX_INTERVAL",
    "MONTH_ON_ACCEPTED",
    "PROBE_DAYS",
    "RRULE_ACCEPTED",
    "STREAK_WINDOW_DAYS",
    "WEEKDAYS",
    "WEEK_ON_ACCEPTED",
    "align_start",
    "at_text",
    "check_rrule",
    "covered_occurrence",
    "describe",
    "due",
    "due_words",
    "handled_occurrences",
    "join_rule",
    "longest_month",
    "midnight",
    "next_occurrence",
    "occurrence_on_or_after",
    "occurrence_on_or_before",
    "occurrences",
    "open_occurrence",
    "owed_from",
    "parse_at",
    "parse_every",
    "parse_month_days",
    "parse_week_days",
    "rule_from_spec",
    "split_rule",
    "state",
    "streak",
]
