"""The one date reader: every date people type or a spreadsheet holds becomes a calendar day here."""

from __future__ import annotations

import datetime as dt
import re

from peertrack.domain.errors import InvalidInput
from peertrack.domain.limits import FIRST_YEAR, LAST_YEAR

DATE_ACCEPTED = "use a date like 2026-11-02 or 11/02/2026, or today or yesterday"
DAY_FIRST_ACCEPTED = "use a date like 2026-11-02 or 02/11/2026 (day first), or today or yesterday"
SETTING_HINT = "peertrack config set date-format day-first"

_ISO = r"(\d{4})-(\d{1,2})-(\d{1,2})"
_SLASHED_ISO = r"(\d{4})/(\d{1,2})/(\d{1,2})"
_NUMERIC = r"(\d{1,2})[/-](\d{1,2})[/-](\d{2}|\d{4})"
_DOTTED = r"(\d{1,2})\.(\d{1,2})\.(\d{2}|\d{4})"  # always day first: 31.12.2026
_WORD_DAYS = {"today": 0, "yesterday": -1, "tomorrow": 1}
_MONTH_FORMATS = ("%B %d, %Y", "%b %d, %Y", "%B %d %Y", "%b %d %Y", "%d %B %Y", "%d %b %Y", "%d-%b-%Y",
                  "%d-%b-%y", "%b-%d-%Y")


def parse_date(text: str, field: str, today: dt.date, *, day_first: bool = False) -> dt.date:
    """A date people can mean: between FIRST_YEAR and LAST_YEAR (see _read_date for the ways to write one)."""
    read = _read_date(text, field, today, day_first=day_first)
    if not FIRST_YEAR <= read.year <= LAST_YEAR:
        raise InvalidInput(field, text, f"give a date between {FIRST_YEAR} and {LAST_YEAR}",
                           problem="is too far from today to be a real date")
    return read


def _read_date(text: str, field: str, today: dt.date, *, day_first: bool = False) -> dt.date:
    """A date as ISO (2026-11-02), numbers (11/02/2026, month first unless `day_first`; 31.12.2026),
    a month's name (13 Jan 2026, January 13, 2026) or a word (today, yesterday, tomorrow).

    A date that cannot be read in the order asked for but can in the other is refused with
    that reading offered, never silently swapped.
    """
    cleaned = " ".join(text.strip().lower().split())
    if cleaned in _WORD_DAYS:
        return today + dt.timedelta(days=_WORD_DAYS[cleaned])
    accepted = DAY_FIRST_ACCEPTED if day_first else DATE_ACCEPTED
    year_first = re.fullmatch(_ISO, cleaned) or re.fullmatch(_SLASHED_ISO, cleaned)
    if year_first:
        return _real(field, text, accepted, *(int(part) for part in year_first.groups()))
    dotted = re.fullmatch(_DOTTED, cleaned)
    found = re.fullmatch(_NUMERIC, cleaned) or dotted
    if found:
        first, second, year = (int(part) for part in found.groups())
        if len(found.group(3)) == 2:
            year += 2000 if 2000 + year <= today.year + 20 else 1900
        if dotted or day_first:
            first, second = second, first  # now month, day
        read = _date_or_none(year, first, second)
        if read is not None:
            return read
        other = _date_or_none(year, second, first)
        if other is not None and not dotted:
            raise _other_order(field, text, first, day_first, other)
        raise InvalidInput(field, text, accepted, problem="is not a real date")
    named = _named_month(cleaned)
    if named is not None:
        return named
    raise InvalidInput(field, text, accepted)


def _real(field: str, text: str, accepted: str, year: int, month: int, day: int) -> dt.date:
    read = _date_or_none(year, month, day)
    if read is None:
        raise InvalidInput(field, text, accepted, problem="is not a real date")
    return read


def _date_or_none(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _other_order(field: str, text: str, month: int, day_first: bool, other: dt.date) -> InvalidInput:
    """The refusal of a date that only the other order can read: say which order we read, and offer the day."""
    spelled = f"{other.day} {other:%B %Y}"
    if day_first:
        return InvalidInput(field, text, f"your date-format setting reads dates day first. Did you mean {spelled}? "
                            f"Write {other.isoformat()}", problem=f"has no month {month}")
    return InvalidInput(field, text, f"peertrack reads dates month first. Did you mean {spelled}? "
                        f"Write {other.isoformat()}, or, if you always write the day first, run: {SETTING_HINT}",
                        problem=f"has no month {month}")


def _named_month(text: str) -> dt.date | None:
    """ "13 Jan 2026", "January 13, 2026", "Tue, 13th Jan 2026", "13-Jan-26"."""
    if not any(character.isalpha() for character in text):
        return None
    cleaned = re.sub(r"^(mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+", "", text)
    cleaned = re.sub(r"(\d)(st|nd|rd|th)\b", r"\1", cleaned)
    cleaned = re.sub(r"\bsept\b", "sep", cleaned).replace(".", "")
    for pattern in _MONTH_FORMATS:
        try:
            return dt.datetime.strptime(cleaned, pattern).date()
        except ValueError:
            continue
    return None
