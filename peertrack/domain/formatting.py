"""Plain-text wording shared by every output: hours, dates, pace. No colour, no I/O."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from functools import lru_cache

from peertrack.domain.models import HOUR, Course

TYPE_CHECKING = False  # as typing.TYPE_CHECKING, without importing typing at start-up
if TYPE_CHECKING:
    from decimal import Decimal


@lru_cache(maxsize=4096)  # a long export repeats the same few amounts
def hours_decimal(seconds: int) -> Decimal:
    """Seconds as hours, exact whenever four decimals hold them: 5400 -> 1.5, 450 -> 0.125, 36 -> 0.01.

    Other amounts (a third of an hour, 1200 seconds) have no exact decimal; they are shown to the hundredth.
    """
    from decimal import ROUND_HALF_UP, Decimal  # here: `due` often shows no hours at all

    value = Decimal(seconds) / HOUR
    if seconds % 9:  # only multiples of 9 seconds end within four decimals (3600 = 2^4 * 3^2 * 5^2)
        value = value.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    return value.normalize() if value else Decimal(0)


@lru_cache(maxsize=4096)
def hours(seconds: int) -> str:
    """Seconds as a short number of hours for people and spreadsheets: "1.5", "20", "0.125"."""
    return f"{hours_decimal(seconds):f}"


def hours_number(seconds: int) -> int | float:
    """Seconds as a JSON number of hours: 72000 is 20, 5400 is 1.5, 450 is 0.125."""
    value = hours_decimal(seconds)
    return int(value) if value == value.to_integral_value() else float(value)


def counted(count: int, noun: str, plural: str | None = None) -> str:
    """A number with its noun, in the right form: "1 course", "2 courses", "0 days", "1 entry", "3 entries".

    `plural` for a noun whose plural is not made by the usual endings ("1 person", "2 people").
    """
    if count == 1:
        return f"{count} {noun}"
    if plural is None:
        if noun.endswith("y") and noun[-2:-1] not in ("a", "e", "o", "u"):
            plural = noun[:-1] + "ies"
        elif noun.endswith(("s", "x", "ch", "sh")):
            plural = noun + "es"
        else:
            plural = noun + "s"
    return f"{count} {plural}"


def hours_words(seconds: int) -> str:
    amount = hours(seconds)
    return f"{amount} hour" if amount == "1" else f"{amount} hours"


def day(date: dt.date) -> str:
    """A date people read at a glance: "Mon 30 Jun 2027"."""
    return f"{date:%a} {date.day} {date:%b %Y}"


def bare_day(date: dt.date, style: str = "iso") -> str:
    """A date in a table or a short message: "2027-06-30", "06/30/2027" (us) or "30/06/2027" (day-first)."""
    if style == "us":
        return f"{date:%m/%d/%Y}"
    return f"{date:%d/%m/%Y}" if style == "day-first" else date.isoformat()


def days_from_now(days: int) -> str:
    if days == 0:
        return "today"
    if days == 1:
        return "tomorrow"
    if days == -1:
        return "yesterday"
    return f"in {counted(days, 'day')}" if days > 0 else f"{counted(-days, 'day')} ago"


def day_with_distance(date: dt.date, today: dt.date) -> str:
    """ "Mon 30 Jun 2027 (in 219 days)"."""
    return f"{day(date)} ({days_from_now((date - today).days)})"


def pace(seconds_per_month: int | None, missing_seconds: int, days_left: int) -> str | None:
    """How fast the missing hours must come: "about 1.5 hours a month"."""
    if missing_seconds <= 0 or days_left < 0:
        return None
    if days_left == 0:
        return f"{hours_words(missing_seconds)} today"
    if days_left < 31 or seconds_per_month is None:
        return f"{hours_words(missing_seconds)} in the next {counted(days_left, 'day')}"
    return f"about {hours_words(seconds_per_month)} a month"


def category_text(course: Course) -> str:
    """The category as one text: "ethics" for the whole course, "ethics: 1" for part of it,
    "ethics: 2; general: 1.5" for a split; a CSV import reads each back the same."""
    if len(course.allocations) == 1 and course.allocations[0].seconds == course.seconds:
        return course.allocations[0].category
    return "; ".join(f"{a.category}: {hours(a.seconds)}" for a in course.allocations)


# Every level, and every kind of item `due` lists, as a symbol and words: the meaning never rests on colour.
LEVEL_WORDS = {"ok": "✓ on track", "due-soon": "! due soon", "behind": "↓ behind", "urgent": "‼ urgent",
               "overdue": "✗ overdue",
               "lapsed": "✗ lapsed", "upcoming": "• coming up", "wellness": "○ wellness plan"}


def months_words(months: int) -> str:
    """A cycle length in words: 24 -> "2 years", 18 -> "18 months"."""
    if months % 12 == 0:
        years = months // 12
        return counted(years, "year")
    return counted(months, "month")


def cycle_text(months: int) -> str:
    """A cycle length as --cycle takes it: 24 -> "2y", 18 -> "18m"."""
    return f"{months // 12}y" if months % 12 == 0 else f"{months}m"


def joined(words: Iterable[str], last: str = "and") -> str:
    """Words in a list as people write one: "a", "a and b", "a, b and c" (or "... or c")."""
    items = list(words)
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + f" {last} " + items[-1]
