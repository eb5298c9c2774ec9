"""RFC 5545 rules: checked before they are kept (only safe, readable parts), split and joined."""

from __future__ import annotations

import datetime as dt
import re

from peertrack.domain.errors import InvalidInput

RRULE_ACCEPTED = "write an RFC 5545 rule like FREQ=WEEKLY;BYDAY=TU or FREQ=MONTHLY;BYMONTHDAY=1"


MAX_INTERVAL = 999


MAX_COUNT = 10_000


DAY_CODES = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")


FREQ_UNITS = {"DAILY": "day", "WEEKLY": "week", "MONTHLY": "month", "YEARLY": "year"}


# The parts of an RFC 5545 rule that peertrack keeps, in the order it writes them.
_RULE_KEYS = ("FREQ", "INTERVAL", "COUNT", "BYMONTH", "BYWEEKNO", "BYYEARDAY", "BYMONTHDAY", "BYDAY",
              "BYSETPOS", "WKST")


_RULE_CHARACTERS = r"[A-Za-z0-9=;,+\-]+"


BYDAY_ITEM = r"([+-]?\d{1,2})?(MO|TU|WE|TH|FR|SA|SU)"


def check_rrule(text: str, field: str = "--rrule") -> tuple[str, dt.date | None]:
    """A typed RFC 5545 rule, checked and tidied; an UNTIL in it is handed back as a date.

    Only rules a calendar app can read and that come round by the day are kept: no times of
    day (that is --at), no start (that is --start), no dateutil-only parts, no COUNT=0.
    """
    text = " ".join(text.split())  # shown in one line if it is refused
    cleaned = text.replace(" ", "")
    if cleaned.upper().startswith("RRULE:"):
        cleaned = cleaned[len("RRULE:"):]
    if not cleaned or len(cleaned) > 300 or not re.fullmatch(_RULE_CHARACTERS, cleaned):
        raise InvalidInput(field, text, RRULE_ACCEPTED, problem="is not a rule I can read")
    parts: dict[str, str] = {}
    for piece in cleaned.upper().split(";"):
        key, sep, value = piece.partition("=")
        if not sep or not key or not value:
            raise InvalidInput(field, text, RRULE_ACCEPTED, problem="is not a rule I can read")
        if key in parts:
            raise InvalidInput(field, text, "give each part of the rule once", problem=f"gives {key} twice")
        parts[key] = value
    _check_keys(parts, text, field)
    until = _until_date(parts.pop("UNTIL"), text, field) if "UNTIL" in parts else None
    if until is not None and "COUNT" in parts:
        raise InvalidInput(field, text, "end a rule with COUNT or with UNTIL, not both", problem="has both")
    _check_values(parts, text, field)
    rule = join_rule({key: parts[key] for key in _RULE_KEYS if key in parts})
    from dateutil.rrule import rrulestr

    try:
        rrulestr(rule, dtstart=dt.datetime(2000, 1, 1))
    except (ValueError, TypeError, OverflowError) as error:
        raise InvalidInput(field, text, RRULE_ACCEPTED, problem=f"is not a rule I can use ({error})") from None
    return rule, until


def _check_keys(parts: dict[str, str], text: str, field: str) -> None:
    for key in parts:
        if key in ("BYHOUR", "BYMINUTE", "BYSECOND"):
            raise InvalidInput(field, text, "give the time of day with --at instead", problem=f"has {key}")
        if key == "DTSTART":
            raise InvalidInput(field, text, "give the first day with --start instead", problem="has DTSTART")
        if key not in _RULE_KEYS and key != "UNTIL":
            raise InvalidInput(field, text, RRULE_ACCEPTED, problem=f"has a part I cannot use ({key})")
    if "FREQ" not in parts:
        raise InvalidInput(field, text, RRULE_ACCEPTED, problem="has no FREQ")
    if parts["FREQ"] in ("SECONDLY", "MINUTELY", "HOURLY"):
        raise InvalidInput(field, text, "reminders come round by the day: use FREQ=DAILY, WEEKLY, MONTHLY or "
                           "YEARLY, and --at for the time", problem="repeats within a day")
    if parts["FREQ"] not in FREQ_UNITS:
        raise InvalidInput(field, text, "FREQ is DAILY, WEEKLY, MONTHLY or YEARLY", problem="has an unknown FREQ")


def _check_values(parts: dict[str, str], text: str, field: str) -> None:
    """The checks dateutil leaves out: it loops for ever on INTERVAL=0 and searches for
    years on days that never come; RFC 5545 forbids some pairings outright."""
    freq = parts["FREQ"]

    def bad(problem: str, accepted: str = RRULE_ACCEPTED) -> InvalidInput:
        return InvalidInput(field, text, accepted, problem=problem)

    def numbers(key: str, low: int, high: int, signed: bool = True) -> list[int]:
        values = []
        for item in parts[key].split(","):
            if not re.fullmatch(r"[+-]?\d{1,5}" if signed else r"\d{1,5}", item):
                raise bad(f"has {key}={parts[key]}, which is not a list of numbers")
            value = int(item)
            if value == 0 or not low <= abs(value) <= high:
                raise bad(f"has {key}={parts[key]}", f"{key} goes from 1 to {high}"
                          + (f" (or -1 to -{high} from the end)" if signed else ""))
            values.append(value)
        return values

    def whole(key: str, high: int) -> str:
        value = parts[key]
        if not re.fullmatch(r"\d{1,9}", value) or not 1 <= int(value) <= high:
            raise bad(f"has {key}={value}", f"{key} is a whole number from 1 to {high}")
        return str(int(value))

    if "INTERVAL" in parts:
        parts["INTERVAL"] = whole("INTERVAL", MAX_INTERVAL)
        if parts["INTERVAL"] == "1":
            del parts["INTERVAL"]
    if "COUNT" in parts:
        parts["COUNT"] = whole("COUNT", MAX_COUNT)
    months = numbers("BYMONTH", 1, 12, signed=False) if "BYMONTH" in parts else []
    month_days = numbers("BYMONTHDAY", 1, 31) if "BYMONTHDAY" in parts else []
    for key, high in (("BYWEEKNO", 53), ("BYYEARDAY", 366), ("BYSETPOS", 366)):
        if key in parts:
            numbers(key, 1, high)
    if ("BYWEEKNO" in parts or "BYYEARDAY" in parts) and freq != "YEARLY":
        raise bad("has BYWEEKNO or BYYEARDAY", "those go only with FREQ=YEARLY")
    if month_days and freq == "WEEKLY":
        raise bad("has BYMONTHDAY with FREQ=WEEKLY", "use BYDAY for a weekly rule")
    if "BYSETPOS" in parts:
        if freq == "DAILY" or not any(key.startswith("BY") and key != "BYSETPOS" for key in parts):
            raise bad("has BYSETPOS", "BYSETPOS picks among the days of another BY part, in a week, month or year")
        most = {"WEEKLY": 7, "MONTHLY": 31, "YEARLY": 366}[freq]
        if any(abs(int(item)) > most for item in parts["BYSETPOS"].split(",")):
            raise bad(f"has BYSETPOS={parts['BYSETPOS']}", f"with FREQ={freq}, BYSETPOS goes up to {most}")
    if months and month_days and not any(abs(day) <= longest_month(month) for month in months for day in month_days):
        raise bad("asks for a day those months never have", "check BYMONTH and BYMONTHDAY")
    if "BYDAY" in parts:
        parts["BYDAY"] = _check_by_day(parts, freq, months, bad)
    if "WKST" in parts and parts["WKST"] not in DAY_CODES:
        raise bad(f"has WKST={parts['WKST']}", "WKST is a day code like MO or SU")
    for key in ("BYMONTH", "BYWEEKNO", "BYYEARDAY", "BYMONTHDAY", "BYSETPOS"):
        if key in parts:
            parts[key] = ",".join(str(int(item)) for item in parts[key].split(","))


def _check_by_day(parts: dict[str, str], freq: str, months: list[int], bad) -> str:
    items = []
    for item in parts["BYDAY"].split(","):
        match = re.fullmatch(BYDAY_ITEM, item)
        if not match:
            raise bad(f"has BYDAY={parts['BYDAY']}", "BYDAY holds day codes like MO,TH or 2TU or -1FR")
        if match.group(1):
            position = int(match.group(1))
            if freq not in ("MONTHLY", "YEARLY") or "BYWEEKNO" in parts:
                raise bad(f"has BYDAY={parts['BYDAY']}",
                          "a numbered day like 2TU goes only with FREQ=MONTHLY or FREQ=YEARLY")
            high = 5 if freq == "MONTHLY" or months else 53
            if position == 0 or abs(position) > high:
                raise bad(f"has BYDAY={parts['BYDAY']}", f"the number before the day goes from 1 to {high}, "
                          "or -1 for the last")
            items.append(f"{position}{match.group(2)}")
        else:
            items.append(match.group(2))
    return ",".join(dict.fromkeys(items))


def longest_month(month: int) -> int:
    """The most days the month ever has (February: 29)."""
    return 29 if month == 2 else 30 if month in (4, 6, 9, 11) else 31


def _until_date(value: str, text: str, field: str) -> dt.date:
    match = re.fullmatch(r"(\d{4})(\d{2})(\d{2})(?:T\d{6}Z?)?", value)
    try:
        if match:
            return dt.date(*(int(part) for part in match.groups()))
    except ValueError:
        pass
    raise InvalidInput(field, text, "write UNTIL as a date like 20271231", problem=f"has UNTIL={value}")


def split_rule(rule: str) -> dict[str, str]:
    """An RRULE's parts by name: "FREQ=WEEKLY;BYDAY=MO" is {"FREQ": "WEEKLY", "BYDAY": "MO"}."""
    return dict(piece.split("=", 1) for piece in rule.split(";") if "=" in piece)


def join_rule(parts: dict[str, str]) -> str:
    return ";".join(f"{key}={value}" for key, value in parts.items())
