"""Reads the course spreadsheets people really keep (as CSV) into courses, row by row, with reasons for the rest.

Pure: it takes the file's bytes and `today`, and touches neither the disk nor the database. Finding the
sheet's layout (its text, the character between columns, the header row, which column holds which field)
is csv_layout.py's; reading each row's cells into a course is this module's.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from functools import lru_cache

from peertrack.domain.errors import InvalidInput
from peertrack.domain.models import FORMATS, Allocation, Course
from peertrack.domain.parsing import allocate, normalise_category, parse_category, parse_date, parse_format, parse_hours
from peertrack.domain.record_types import dataclass, replace
from peertrack.domain.transfer import ImportPlan, SheetRow
from peertrack.exchange.csv_export import FORMULA_STARTS
from peertrack.exchange.csv_layout import (
    FIELD_WORDS,
    any_filled,
    cell_at,
    decoded,
    delimiter_words,
    first_lines,
    header_row,
    parse_map,
    sheet_rows,
    sniff,
)

_FORMAT_ALIASES = {
    "virtual": "online", "webinar": "online", "live webinar": "online", "zoom": "online", "remote": "online",
    "web": "online", "web-based": "online", "e-learning": "online", "elearning": "online", "internet": "online",
    "live online": "online", "in person": "in-person", "classroom": "in-person", "face to face": "in-person",
    "face-to-face": "in-person", "onsite": "in-person", "on-site": "in-person", "self study": "self-study",
    "self-paced": "self-study", "self paced": "self-study", "home study": "self-study", "on demand": "self-study",
    "on-demand": "self-study", "recorded": "self-study", "correspondence": "self-study",
}
_NUMERIC_DATE = re.compile(r"(\d{1,2})[/-](\d{1,2})[/-](\d{2}|\d{4})")
_TIME_PART = re.compile(r"[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:\s?[ap]\.?m\.?)?(?:Z|[+-]\d{2}:?\d{2})?", re.I)
# Matched against the cell with its spaces tidied: runs of spaces in a pattern take quadratic time.
_TOTAL = re.compile(r"(grand )?totals?( hours)? ?:?", re.I)
_AMOUNT = re.compile(r"\d+(?:[.,]\d+)?\s*m?")


@dataclass(frozen=True)
class Sheet:
    """A spreadsheet's layout once read: its columns, which field each fills, and its rows of cells."""

    name: str
    header: tuple[str, ...]
    fields: Mapping[str, int]  # field -> column index
    records: tuple[tuple[int, tuple[str, ...]], ...]  # (row number as a spreadsheet shows it, cells)
    delimiter: str = ","
    day_first: bool = False

    @property
    def columns(self) -> tuple[tuple[str, str], ...]:
        return tuple((self.header[index], field) for field, index in sorted(self.fields.items(), key=lambda i: i[1]))

    @property
    def ignored(self) -> tuple[str, ...]:
        used = set(self.fields.values())
        return tuple(name for index, name in enumerate(self.header) if index not in used and name)

    @property
    def notes(self) -> tuple[str, ...]:
        notes = []
        if self.delimiter != ",":
            notes.append(f"Columns are separated by {delimiter_words(self.delimiter)}.")
        if self.day_first:
            notes.append("Dates are read as day/month/year, since some of them can only be read that way.")
        return tuple(notes)


def read_sheet(data: bytes, name: str, maps: Sequence[str] = ()) -> Sheet:
    """The file's layout, or one sentence on why it cannot be read (empty, not text, columns missing)."""
    text = decoded(data, name)
    lines = first_lines(text, 1)
    delimiter = None
    hint = re.fullmatch(r'"?sep=(.)"?', lines[0].strip()) if lines else None  # Excel's own hint on the first line
    if hint:
        delimiter = hint.group(1)
        text = text.split("\n", 1)[1] if "\n" in text else ""
    overrides = [parse_map(item) for item in maps]
    delimiter = delimiter or sniff(text, overrides)
    rows = sheet_rows(text, delimiter, name)
    if not any(any_filled(cells) for _, cells in rows):
        raise InvalidInput("FILE", name, "give a CSV file with a row of column names and a row for each course",
                           problem="is empty")
    header_at, fields = header_row(rows, overrides, name)
    header = tuple(cell.strip() for cell in rows[header_at][1])
    records = tuple((number, cells) for number, cells in rows[header_at + 1:] if any_filled(cells))
    sheet = Sheet(name=name, header=header, fields=fields, records=records, delimiter=delimiter)
    dates = {cell_at(cells, fields["date"]) for _, cells in records}  # each date once: a sheet repeats them
    return replace(sheet, day_first=_day_first(dates))


def read_rows(sheet: Sheet, today: dt.date) -> Iterator[SheetRow]:
    """Each row as a course, or as the reason it cannot be one."""
    columns = _column_names(sheet)
    fields = tuple(sheet.fields.items())
    for number, cells in sheet.records:
        width = len(cells)
        values = {field: cells[index] if index < width else "" for field, index in fields}
        try:
            yield SheetRow(number, _course(values, columns, today, sheet.day_first))
        except InvalidInput as problem:
            yield SheetRow(number, problem=problem.message)


def _column_names(sheet: Sheet) -> dict[str, str]:
    return {field: sheet.header[index] or field for field, index in sheet.fields.items()}


def plan(sheet: Sheet, rows: Sequence[SheetRow], recorded: Mapping[tuple, int]) -> ImportPlan:
    """Sort the rows into new, already recorded (in the database or earlier in the file) and unreadable.

    A course is the same when its date, title (in any case) and hours are: so importing a
    file twice adds nothing the second time.
    """
    new, known, unreadable = [], [], []
    seen: dict[tuple, int] = {}
    for row in rows:
        if row.course is None:
            unreadable.append(row)
            continue
        key = course_key(row.course)
        if key in recorded:
            known.append(replace(row, problem=f"already recorded as course {recorded[key]}"))
        elif key in seen:
            known.append(replace(row, problem=f"the same course as row {seen[key]}"))
        else:
            seen[key] = row.number
            new.append(row)
    return ImportPlan(new=tuple(new), known=tuple(known), unreadable=tuple(unreadable), columns=sheet.columns,
                      ignored=sheet.ignored, notes=sheet.notes)


def course_key(course: Course) -> tuple:
    return course.date, course.title.casefold(), course.seconds


def undo_safe_cell(text: str) -> str:
    """A cell as it was before an export made it safe for spreadsheets: "'=1+1" is "=1+1" again."""
    if text.startswith("'") and text[1:2] and text[1] in FORMULA_STARTS:
        return text[1:]
    return text


def _course(values: Mapping[str, str], columns: Mapping[str, str], today: dt.date, day_first: bool) -> Course:
    date_text, title_text, hours_text = values["date"].strip(), values["title"].strip(), values["hours"].strip()
    if "tal" in date_text.lower() or "tal" in title_text.lower():  # only then can the row be a total
        _refuse_total(values, columns, date_text, title_text)
    if not (date_text and title_text and hours_text):
        _refuse_empty(columns, date_text, title_text, hours_text)
    day = _date(date_text, columns["date"], today, day_first)
    seconds = _hours(hours_text, columns["hours"])
    category = _undo(values.get("category", "")).strip()
    form = _undo(values.get("format", "")).strip()
    return Course(
        date=day,
        title=_tidy(title_text),
        seconds=seconds,
        provider=_tidy_repeated(values.get("provider", "")) or None,
        format=_format(form, columns["format"]) if form else None,
        approval_no=_tidy_repeated(values.get("approval_no", "")) or None,
        note=_tidy_repeated(values.get("note", "")) or None,
        allocations=_allocations(category, seconds, columns.get("category", "category")) if category else (),
    )


def _refuse_total(values: Mapping[str, str], columns: Mapping[str, str], date_text: str, title_text: str) -> None:
    for field, other in (("date", title_text), ("title", date_text)):
        if "tal" in values[field].lower() and _TOTAL.fullmatch(" ".join(_undo(values[field]).split())) and (
                field == "date" or not other):
            raise InvalidInput(columns[field], _undo(values[field]).strip(), "only rows of courses are read",
                               problem="looks like a total, not a course")


def _refuse_empty(columns: Mapping[str, str], date_text: str, title_text: str, hours_text: str) -> None:
    for field, text in (("date", date_text), ("title", title_text), ("hours", hours_text)):
        if not text:
            problem = InvalidInput(columns[field], "", "")
            problem.message = f"{columns[field]} is empty: every course needs {FIELD_WORDS[field]}."
            raise problem


_STRICT_ISO = re.compile(r"\d{4}-\d{2}-\d{2}")


@lru_cache(maxsize=8192)  # a sheet repeats its dates, hours and categories a lot
def _date(text: str, column: str, today: dt.date, day_first: bool) -> dt.date:
    if _STRICT_ISO.fullmatch(text):  # the common case, and the way peertrack itself writes dates
        try:
            day = dt.date.fromisoformat(text)
        except ValueError:
            day = None
        if day is not None and day <= today:
            return day
    cleaned = _TIME_PART.sub("", text.strip(), count=1).strip()
    try:
        day = parse_date(cleaned, column, today, day_first=day_first)
    except InvalidInput as problem:
        raise _as_given(problem, cleaned, text) from None
    if day > today:
        raise InvalidInput(column, text, "only courses already taken can be imported", problem="is in the future")
    return day


def _day_first(cells: Iterable[str]) -> bool:
    """Whether a column's numeric dates are day/month/year: some can only be read so, none only the US way."""
    firsts, seconds = [], []
    for cell in cells:
        match = _NUMERIC_DATE.fullmatch(_TIME_PART.sub("", cell.strip(), count=1).strip())
        if match:
            firsts.append(int(match.group(1)))
            seconds.append(int(match.group(2)))
    return any(value > 12 for value in firsts) and not any(value > 12 for value in seconds)


@lru_cache(maxsize=8192)  # a sheet repeats its dates, hours and categories a lot
def _hours(text: str, column: str) -> int:
    return parse_hours(text, column)


@lru_cache(maxsize=8192)  # a sheet repeats its dates, hours and categories a lot
def _format(text: str, column: str) -> str:
    if text in FORMATS:
        return text
    key = " ".join(text.lower().split())
    try:
        return parse_format(_FORMAT_ALIASES.get(key, key), column)
    except InvalidInput:
        raise InvalidInput(column, text, "use online, in-person or self-study, or leave it empty",
                           problem="is not a course format") from None


def _name_and_amount(part: str) -> tuple[str, str] | None:
    """("ethics", "2") from "ethics: 2", split at the last colon (a pattern would take quadratic time on spaces)."""
    name, colon, amount = part.rpartition(":")
    amount = amount.strip()
    if not colon or not name or not _AMOUNT.fullmatch(amount):
        return None
    return name.rstrip() or name, amount


@lru_cache(maxsize=8192)  # a sheet repeats its dates, hours and categories a lot
def _allocations(text: str, seconds: int, column: str):
    """The category cell: one name ("ethics"), or a split as peertrack writes it ("ethics: 2; general: 1.5")."""
    if ";" not in text and ":" not in text:  # one category, the usual case
        return (Allocation(normalise_category(text), seconds),)
    parts = [part.strip() for part in text.split(";") if part.strip()]
    split = [_name_and_amount(part) for part in parts]
    if len(parts) == 1 and not split[0]:
        return allocate([(normalise_category(parts[0]), None)], seconds, column)
    categories = [
        parse_category(f"{found[0]}:{found[1].replace(',', '.')}", column) if found
        else (normalise_category(part), None)
        for part, found in zip(parts, split, strict=True)
    ]
    return allocate(categories, seconds, column)


def _tidy(text: str) -> str:
    return " ".join(_undo(text).split()) if text else ""


_tidy_repeated = lru_cache(maxsize=8192)(_tidy)  # providers and approval numbers: a sheet repeats them


def _undo(text: str) -> str:
    text = text.strip()
    return undo_safe_cell(text) if text[:1] == "'" else text


def _as_given(problem: InvalidInput, cleaned: str, text: str) -> InvalidInput:
    """The same refusal, naming the cell as the spreadsheet shows it rather than as it was tidied for reading."""
    problem.message = problem.message.replace(f'"{cleaned}"', f'"{text}"', 1)
    return problem
