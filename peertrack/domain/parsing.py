"""Turns what people type (dates, hours, cycle lengths, categories) into exact values."""

from __future__ import annotations

import re

from peertrack.domain.dates import parse_date
from peertrack.domain.errors import InvalidInput
from peertrack.domain.limits import MAX_DAYS, MAX_NAME
from peertrack.domain.models import FORMATS, HOUR, Allocation, Requirement

TYPE_CHECKING = False  # as typing.TYPE_CHECKING, without importing typing at start-up
if TYPE_CHECKING:
    from decimal import Decimal

HOURS_ACCEPTED = "use a number of hours like 1.5, 2 hrs or 1h30m, or minutes like 90m or 90 minutes"
MAX_SECONDS_PER_COURSE = 100 * HOUR
BELIEVABLE_HOURS = 100_000

__all__ = ["parse_date"]  # the one date reader lives in domain/dates.py; parse_date is read from here too


def parse_hours(text: str, field: str = "--hours", *, allow_zero: bool = False,
                limit: int | None = MAX_SECONDS_PER_COURSE) -> int:
    """Hours as exact whole seconds: "1.5" is 5400, "0.125" is 450, "90m", "1h30m" and "1.5 hrs" are 5400.

    The one reader of hours: the command line, init and a spreadsheet's cells all take the same words.
    Any number of hours that is a whole number of seconds is kept exactly (quarters, tenths,
    eighths, hundredths, minutes); anything finer is refused rather than rounded.
    """
    cleaned = hours_text(text)
    seconds = _seconds_from(cleaned)
    if seconds is None:
        raise InvalidInput(field, text, HOURS_ACCEPTED, problem="is not a number of hours")
    if not isinstance(seconds, int):  # a Decimal: between two seconds
        from decimal import ROUND_HALF_UP, Decimal

        rounded = f"{max(Decimal('0.01'), (seconds / HOUR).quantize(Decimal('0.01'), ROUND_HALF_UP)).normalize():f}"
        raise InvalidInput(field, text, f"round it to at most two decimals, like {rounded}, or give minutes like 90m",
                           problem="is more exact than a second")
    if seconds < 0 or (seconds == 0 and not allow_zero):
        raise InvalidInput(field, text, "use a number above zero, like 1.5 or 0.25, or minutes like 90m",
                           problem="is not a positive number of hours")
    if limit is not None and seconds > limit:
        if limit == MAX_SECONDS_PER_COURSE:
            raise InvalidInput(field, text, f"one entry can hold at most {limit // HOUR} hours",
                               problem="is more hours than one course can hold")
        raise InvalidInput(field, text, f"use at most {limit // HOUR} hours", problem="is too many hours")
    if seconds > BELIEVABLE_HOURS * HOUR:
        raise InvalidInput(field, text, f"use at most {BELIEVABLE_HOURS} hours", problem="is too many hours")
    return seconds


_HOUR_WORDS = r"\s*(contact hours|credit hours|ce hours|ceus|ceu|ces|credits|credit|hours|hour|hrs|hr)\.?"
_MINUTE_WORDS = r"\s*(minutes|minute|mins|min)\.?"


def hours_text(text: str) -> str:
    """Hours as people write them, tidied to the short form: "2 hrs" -> "2h", "1:30" -> "90m", "1,5" -> "1.5"."""
    cleaned = text.strip().lower()
    clock = re.fullmatch(r"(\d+):(\d{2})(?::00)?", cleaned)
    if clock:
        return f"{int(clock.group(1)) * 60 + int(clock.group(2))}m"
    cleaned = re.sub(r"^(\d*),(\d+)", r"\1.\2", cleaned)  # a decimal comma
    cleaned = re.sub(_HOUR_WORDS, "h", cleaned)
    cleaned = re.sub(_MINUTE_WORDS, "m", cleaned)
    return cleaned.replace(" ", "")


_HOURS_MINUTES_SECONDS = r"(?:(\d+(?:\.\d+)?)h)?(?:(\d+(?:\.\d+)?)m(?:in)?)?(?:(\d+)s)?"


def _seconds_from(text: str) -> int | Decimal | None:
    """Whole seconds; a Decimal when the amount falls between two seconds; None when it is no amount."""
    from decimal import localcontext  # read only when hours are read: most runs read none

    with localcontext() as exact:
        exact.prec = 28 + len(text)  # enough digits that no product below is ever rounded
        return _exact_seconds(text)


def _exact_seconds(text: str) -> int | Decimal | None:
    from decimal import Decimal, InvalidOperation

    match = re.fullmatch(_HOURS_MINUTES_SECONDS, text) if text[-1:] in ("h", "m", "n", "s") else None
    if match and any(match.groups()):
        hours_part, minutes_part, seconds_part = match.groups()
        total = Decimal(hours_part or 0) * HOUR + Decimal(minutes_part or 0) * 60 + int(seconds_part or 0)
    else:
        if "_" in text:
            return None  # Decimal would read "1_0" as ten
        try:
            number = Decimal(text.rstrip("h"))
        except InvalidOperation:
            return None
        if not number.is_finite():
            return None
        if abs(number) > BELIEVABLE_HOURS:
            return int(BELIEVABLE_HOURS * HOUR + 1)  # far past any limit; exact arithmetic would overflow
        total = number * HOUR
    if abs(total) > BELIEVABLE_HOURS * HOUR:
        return int(BELIEVABLE_HOURS * HOUR + 1)
    return int(total) if total == total.to_integral_value() else total


def parse_cycle(text: str, field: str = "--cycle") -> int:
    """A cycle length in whole months: "2y", "2 years", "18m", "1y6m", "12 months"."""
    cleaned = text.strip().lower().replace(" ", "")
    match = re.fullmatch(r"(?:(\d+)y(?:ears?|rs?)?)?(?:(\d+)m(?:onths?|os?)?)?", cleaned)
    accepted = "use a length like 1y, 2y, 3y or 18m"
    if not cleaned or not match or not any(match.groups()):
        raise InvalidInput(field, text, accepted, problem="is not a cycle length")
    months = int(match.group(1) or 0) * 12 + int(match.group(2) or 0)
    if not 1 <= months <= 120:
        raise InvalidInput(field, text, "a cycle is between 1 month and 10 years",
                           problem="is not a possible cycle length")
    return months


def parse_days(text: str, field: str = "--within") -> int:
    """A span in days: "30d", "30", "2w", "3m" (a month is 30 days here), "1y"."""
    cleaned = text.strip().lower().replace(" ", "")
    match = re.fullmatch(r"(\d+)(d|days?|w|weeks?|m|months?|y|years?)?", cleaned)
    if not match:
        raise InvalidInput(field, text, "use a span like 30d, 2w or 3m")
    digits, unit = match.group(1).lstrip("0") or "0", (match.group(2) or "d")[0]
    days = int(digits) * {"d": 1, "w": 7, "m": 30, "y": 365}[unit] if len(digits) <= 6 else MAX_DAYS + 1
    if days > MAX_DAYS:
        raise InvalidInput(field, text, f"use at most {MAX_DAYS:,} days (100 years)", problem="is too long a span")
    return days


def parse_require(text: str, field: str = "--require", kind: str = "min") -> Requirement:
    """A minimum or a cap, NAME=HOURS: "ethics=6", "online=10" (a format), "provider:GMHCN=6"."""
    name, sep, amount = text.partition("=")
    accepted = "write it as CATEGORY=HOURS, like ethics=6 (or format:online=10, provider:GMHCN=6)"
    what = "a category minimum" if kind == "min" else "a cap"
    if not sep or not name.strip() or not amount.strip():
        raise InvalidInput(field, text, accepted, problem=f"is not {what}")
    try:
        seconds = parse_hours(amount, field, allow_zero=kind == "max", limit=None)
    except InvalidInput:
        raise InvalidInput(field, text, accepted, problem="does not give a number of hours") from None
    dimension, colon, value = name.partition(":")
    dimension = dimension.strip().lower()
    if not colon:
        value = dimension
        dimension = "format" if value.replace(" ", "-") in FORMATS else "category"
    if dimension not in ("category", "format", "provider") or not value.strip():
        raise InvalidInput(field, text, accepted, problem=f"is not {what}")
    if dimension == "format":
        value = parse_format(value, field)
    elif dimension == "category":
        value = normalise_category(value)
    else:
        value = " ".join(value.split())
    return Requirement(value, seconds, kind, dimension)


def parse_category(text: str, field: str = "--category") -> tuple[str, int | None]:
    """A category, optionally with its share of the hours: "ethics" or "ethics:2"."""
    name, sep, amount = text.partition(":")
    if not name.strip():
        raise InvalidInput(field, text, "give a category name, like ethics or ethics:2")
    if "=" in name or ";" in name:
        raise InvalidInput(field, text, "write a category alone, like ethics, or with its hours, like ethics:2",
                           problem="is not a category")
    if not sep:
        return normalise_category(name), None
    return normalise_category(name), parse_hours(amount, field)


def parse_format(text: str, field: str = "--format") -> str:
    cleaned = text.strip().lower().replace("_", "-").replace(" ", "-")
    aliases = {"inperson": "in-person", "live": "in-person", "selfstudy": "self-study"}
    cleaned = aliases.get(cleaned, cleaned)
    if cleaned not in FORMATS:
        raise InvalidInput(field, text, "use one of " + ", ".join(FORMATS),
                           problem="is not a course format")
    return cleaned


def parse_slug(text: str, field: str = "--id") -> str:
    cleaned = text.strip().lower()
    if not re.fullmatch(r"[a-z0-9][a-z0-9._-]{0,39}", cleaned):
        raise InvalidInput(field, text, "use letters, digits and dashes, like ca-pss",
                           problem="is not a usable id")
    return cleaned


LARGEST_ROW_NUMBER = 2**63 - 1  # SQLite's largest row number: no record has a larger one


def parse_number(text: str, field: str) -> int:
    """A record's number as shown by a list: a whole number from 1."""
    cleaned = text.strip().lstrip("#")
    if not (cleaned.isascii() and cleaned.isdigit()) or int(cleaned) < 1:
        raise InvalidInput(field, text, "use the number shown in the list, like 12", problem="is not a number")
    if int(cleaned) > LARGEST_ROW_NUMBER:  # more than any record number the database can hold
        raise InvalidInput(field, text, "use the number shown in the list, like 12", problem="is too large")
    return int(cleaned)


def optional_text(text: str | None) -> str | None:
    """A detail that may be left out: spaces trimmed, and nothing at all when empty."""
    cleaned = (text or "").strip()
    return cleaned or None


def parse_text(value: str, field: str) -> str:
    """A title or name: spaces tidied, never empty."""
    cleaned = " ".join(value.split())
    if not cleaned:
        raise InvalidInput(field, value, "give it some words", problem="is empty")
    if len(cleaned) > MAX_NAME:
        raise InvalidInput(field, value, f"use at most {MAX_NAME} characters; put longer words in a --note",
                           problem="is too long")
    return cleaned


def normalise_category(text: str) -> str:
    return " ".join(text.strip().lower().split())


def allocate(categories: list[tuple[str, int | None]], seconds: int,
             field: str = "--category") -> tuple[Allocation, ...]:
    """Split a course's seconds over its categories.

    One category without hours takes them all; in a split, one category may leave its
    hours out and take what the others leave.
    """
    names = [name for name, _ in categories]
    if len(set(names)) != len(names):
        repeated = next(name for name in names if names.count(name) > 1)
        raise InvalidInput(field, repeated, "give each category once", problem="is given twice")
    open_ended = [name for name, amount in categories if amount is None]
    if len(categories) > 1 and len(open_ended) > 1:
        raise InvalidInput(field, ", ".join(open_ended),
                           "in a split give each category its hours, like ethics:2 general:1.5",
                           problem="leaves the hours out of more than one category")
    given = sum(amount for _, amount in categories if amount is not None)
    if given > seconds:
        from peertrack.domain.formatting import hours

        raise InvalidInput(field, " ".join(f"{n}:{hours(a)}" for n, a in categories if a is not None),
                           f"the parts may add up to at most the course's {hours(seconds)} hours",
                           problem="adds up to more hours than the course")
    rest = seconds - given
    return tuple(Allocation(name, amount if amount is not None else rest)
                 for name, amount in categories if amount is not None or rest > 0)
