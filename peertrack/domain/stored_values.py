"""What a stored value may be, column by column: the rules a backup or an export must meet before it is used.

A value no command could use (hours as text or 1e400, a date in words, a rule that repeats every
second) is refused before it reaches the database, instead of failing or hanging a later command.
The rules follow the column's declared type and the shape of its name, so columns that later
migrations add are checked too.
"""

from __future__ import annotations

import datetime as dt

from peertrack.domain import limits

# Columns that hold a day (YYYY-MM-DD), beyond those named *_on or *_date.
DAY_COLUMNS = frozenset({"date", "issued", "starts", "ends", "due", "until", "occurrence", "expires"})
# Columns that hold a moment (an ISO date and time).
MOMENT_COLUMNS = frozenset({"created_at", "added_at", "updated_at", "removed_at"})


def value_problem(column: str, declared: str, value: object) -> str | None:
    """Why `value` cannot be kept in `column` (of SQL type `declared`), or None when it can."""
    if value is None:
        return None
    kind = declared.upper()
    if isinstance(value, bool):
        return "is true or false, not a number or text"
    if "INT" in kind:
        return _whole_number_problem(column, value)
    if isinstance(value, float):
        return None  # no column of peertrack's own holds one; a later one may hold any
    if "BLOB" in kind:
        return None if isinstance(value, bytes) else "is not a file's contents"
    if not isinstance(value, str):
        return "is not text" if kind.startswith("TEXT") or "CHAR" in kind else None
    if len(value) > limits.MAX_STORED_TEXT:
        return f"is longer than {limits.MAX_STORED_TEXT:,} characters"
    if "\x00" in value:
        return "holds a null character"
    if _is_day_column(column):
        return _day_problem(value)
    if column in MOMENT_COLUMNS:
        try:
            dt.datetime.fromisoformat(value)
        except ValueError:
            return "is not a date and time"
        return None
    if column == "rrule":
        return _rule_problem(value)
    if column == "at":
        try:
            dt.time.fromisoformat(value)
        except ValueError:
            return "is not a time of day"
    return None


def _is_day_column(column: str) -> bool:
    return column in DAY_COLUMNS or column.endswith(("_on", "_date", "_until"))


def _whole_number_problem(column: str, value: object) -> str | None:
    if not isinstance(value, int):
        return "is not a whole number"
    if column == "id" or column.endswith("_id"):
        return None if 1 <= value <= limits.MAX_RECORD_NUMBER else "is not a record number peertrack uses"
    if column.endswith(("minutes", "seconds")) or column == "size":
        return None if 0 <= value <= limits.MAX_STORED_AMOUNT else "is out of range"
    return None


def _day_problem(value: str) -> str | None:
    try:
        day = dt.date.fromisoformat(value)
    except ValueError:
        return "is not a date written as YYYY-MM-DD"
    if len(value) != 10 or not limits.FIRST_YEAR <= day.year <= limits.LAST_YEAR:
        return f"is not a date between {limits.FIRST_YEAR} and {limits.LAST_YEAR}"
    return None


def _rule_problem(value: str) -> str | None:
    from peertrack.domain.errors import InvalidInput
    from peertrack.domain.recurrence import check_rrule

    try:
        check_rrule(value, "rule")
    except InvalidInput as error:
        return f"is not a rule peertrack can use ({error.message.rstrip('.')})"
    return None
