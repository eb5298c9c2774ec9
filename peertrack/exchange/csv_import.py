"""Reads the course spreadsheets people really keep (as CSV) into courses, row by row, with reasons for the rest.

Pure: it takes the file's bytes and `today`, and touches neither the disk nor the database.
"""

from __future__ import annotations

import codecs
import csv
import datetime as dt
import io
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from functools import lru_cache
from itertools import islice

from peertrack.domain.errors import InvalidInput
from peertrack.domain.formatting import joined
from peertrack.domain.models import FORMATS, Allocation, Course
from peertrack.domain.parsing import allocate, normalise_category, parse_category, parse_date, parse_format, parse_hours
from peertrack.domain.record_types import dataclass, replace
from peertrack.domain.transfer import ImportPlan, SheetRow
from peertrack.exchange.csv_export import FORMULA_STARTS

FIELDS = ("date", "title", "hours", "provider", "category", "format", "approval_no", "note")
REQUIRED = ("date", "title", "hours")
IGNORE = "ignore"
FIELDS_ACCEPTED = "the fields are date, title, hours, provider, category, format, approval-no and note, or ignore"
MAP_EXAMPLE = '--map "Course Name=title"'

# Header names as people write them, after tidying (see _header_key); earlier ones win a tie.
SYNONYMS: dict[str, tuple[str, ...]] = {
    "date": ("date", "date completed", "completion date", "completed", "date of completion", "completed on",
             "course date", "training date", "date attended", "date taken", "date of training", "event date",
             "session date", "date earned", "when"),
    "title": ("title", "course title", "course", "course name", "training title", "training", "training name",
              "name of course", "name of training", "workshop", "workshop title", "class", "class title",
              "session", "session title", "event", "event title", "ce title", "program", "description", "topic"),
    "hours": ("hours", "ce hours", "ceu hours", "ce hrs", "hrs", "credit hours", "credits", "ce credits",
              "credits earned", "ceus", "ceu", "ces", "contact hours", "clock hours", "hours earned",
              "ce hours earned", "hours completed", "number of hours", "no of hours", "total hours", "duration"),
    "provider": ("provider", "sponsor", "provided by", "course provider", "training provider", "ce provider",
                 "sponsoring organization", "organization", "organisation", "offered by", "host", "agency",
                 "vendor"),
    "category": ("category", "categories", "ce category", "course category", "content area", "topic area",
                 "subject area", "domain", "competency", "type of ce"),
    "format": ("format", "delivery", "delivery method", "delivery format", "course format", "training format",
               "modality", "mode", "method"),
    "approval_no": ("approval number", "approval no", "approval", "approval code", "approval id",
                    "ce approval number", "ceu approval number", "course number", "course no", "course approval"),
    "note": ("note", "notes", "comment", "comments", "remarks", "memo"),
}
_FIELD_WORDS = {
    "date": "the date", "title": "the title", "hours": "the hours", "provider": "the provider",
    "category": "the category", "format": "the format", "approval_no": "the approval number", "note": "the note",
}
_FORMAT_ALIASES = {
    "virtual": "online", "webinar": "online", "live webinar": "online", "zoom": "online", "remote": "online",
    "web": "online", "web-based": "online", "e-learning": "online", "elearning": "online", "internet": "online",
    "live online": "online", "in person": "in-person", "classroom": "in-person", "face to face": "in-person",
    "face-to-face": "in-person", "onsite": "in-person", "on-site": "in-person", "self study": "self-study",
    "self-paced": "self-study", "self paced": "self-study", "home study": "self-study", "on demand": "self-study",
    "on-demand": "self-study", "recorded": "self-study", "correspondence": "self-study",
}
_DELIMITERS = (",", ";", "\t", "|")
_HEADER_SEARCH_ROWS = 10
_NUMERIC_DATE = re.compile(r"(\d{1,2})[/-](\d{1,2})[/-](\d{2}|\d{4})")
_TIME_PART = re.compile(r"[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:\s?[ap]\.?m\.?)?(?:Z|[+-]\d{2}:?\d{2})?", re.I)
# Matched against the cell with its spaces tidied: runs of spaces in a pattern take quadratic time.
_TOTAL = re.compile(r"(grand )?totals?( hours)? ?:?", re.I)
_AMOUNT = re.compile(r"\d+(?:[.,]\d+)?\s*m?")
_ZIP_MAGIC = b"PK\x03\x04"
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


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
            notes.append(f"Columns are separated by {_delimiter_words(self.delimiter)}.")
        if self.day_first:
            notes.append("Dates are read as day/month/year, since some of them can only be read that way.")
        return tuple(notes)


def read_sheet(data: bytes, name: str, maps: Sequence[str] = ()) -> Sheet:
    """The file's layout, or one sentence on why it cannot be read (empty, not text, columns missing)."""
    text = _decode(data, name)
    lines = _first_lines(text, 1)
    delimiter = None
    hint = re.fullmatch(r'"?sep=(.)"?', lines[0].strip()) if lines else None  # Excel's own hint on the first line
    if hint:
        delimiter = hint.group(1)
        text = text.split("\n", 1)[1] if "\n" in text else ""
    overrides = [_parse_map(item) for item in maps]
    delimiter = delimiter or _sniff(text, overrides)
    rows = _rows(text, delimiter, name)
    if not any(_filled(cells) for _, cells in rows):
        raise InvalidInput("FILE", name, "give a CSV file with a row of column names and a row for each course",
                           problem="is empty")
    header_at, fields = _header(rows, overrides, name)
    header = tuple(cell.strip() for cell in rows[header_at][1])
    records = tuple((number, cells) for number, cells in rows[header_at + 1:] if _filled(cells))
    sheet = Sheet(name=name, header=header, fields=fields, records=records, delimiter=delimiter)
    dates = {_cell(cells, fields["date"]) for _, cells in records}  # each date once: a sheet repeats them
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


# Reading the file


def _decode(data: bytes, name: str) -> str:
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8):]
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            raise _not_text(name) from None
    if not data.strip():
        raise InvalidInput("FILE", name, "give a CSV file with a row of column names and a row for each course",
                           problem="is empty")
    if data.startswith((_ZIP_MAGIC, _OLE_MAGIC)):
        raise InvalidInput("FILE", name, "open it in your spreadsheet program and save it as CSV "
                           "(File, Save As, CSV UTF-8), then import that file", problem="is a workbook, not CSV")
    if b"\x00" in data[:8192]:
        raise _not_text(name)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        # Excel on Windows saves "CSV" in the Windows-1252 code page.
        text = data.decode("cp1252", errors="replace")
    sample = text[:8192]
    controls = sum(1 for char in sample if ord(char) < 32 and char not in "\t\r\n\f")
    if controls > max(2, len(sample) // 100):
        raise _not_text(name)
    return text


def _not_text(name: str) -> InvalidInput:
    return InvalidInput("FILE", name, "give a CSV file, as a spreadsheet program saves one",
                        problem="is not a text file")


def _rows(text: str, delimiter: str, name: str) -> list[tuple[int, tuple[str, ...]]]:
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, skipinitialspace=True)
    try:
        return [(number, tuple(cells)) for number, cells in enumerate(reader, start=1)]
    except csv.Error as error:
        raise InvalidInput("FILE", name, "save it again as CSV from your spreadsheet program",
                           problem=f"cannot be read as CSV (record {reader.line_num}: {error})") from None


def _sniff(text: str, overrides: list[tuple[str, str]]) -> str:
    """The delimiter that makes the most sense of the first lines: most known columns, then most columns."""
    sample = "\n".join(_first_lines(text, _HEADER_SEARCH_ROWS + 1))
    best, best_score = ",", (-1, -1, -1)
    for delimiter in _DELIMITERS:
        try:
            rows = list(csv.reader(io.StringIO(sample, newline=""), delimiter=delimiter, skipinitialspace=True))
        except csv.Error:
            continue
        found = max((_found_fields(row, overrides) for row in rows), key=lambda f: (len(set(f) & set(REQUIRED)),
                                                                                 len(f)), default={})
        widest = max((len(row) for row in rows), default=0)
        score = (len(set(found) & set(REQUIRED)), len(found), widest)
        if score > best_score:
            best, best_score = delimiter, score
    return best


def _header(rows: list[tuple[int, tuple[str, ...]]], overrides: list[tuple[str, str]],
            name: str) -> tuple[int, dict[str, int]]:
    """The row of column names (a title or a blank line may come first) and the field of each column."""
    filled = ((index, cells) for index, (_, cells) in enumerate(rows) if _filled(cells))
    candidates = list(islice(filled, _HEADER_SEARCH_ROWS))
    best_index, best = candidates[0][0], _found_fields(candidates[0][1], overrides)
    for index, cells in candidates:
        found = _found_fields(cells, overrides)
        if set(REQUIRED) <= set(found):
            best_index, best = index, found
            break
        if len(set(found) & set(REQUIRED)) > len(set(best) & set(REQUIRED)):
            best_index, best = index, found
    header = [cell.strip() for cell in rows[best_index][1]]
    _check_overrides(header, overrides, name)
    missing = [field for field in REQUIRED if field not in best]
    if missing:
        columns = ", ".join(f'"{cell}"' for cell in header if cell) or "none"
        raise InvalidInput(
            "FILE", name,
            f"its columns are {columns}; say which column holds {_FIELD_WORDS[missing[0]]} with "
            f'--map "COLUMN={missing[0]}", like {MAP_EXAMPLE}',
            problem="has no column for " + joined((_FIELD_WORDS[field] for field in missing), "or"),
        )
    return best_index, best


def _found_fields(cells: Sequence[str], overrides: list[tuple[str, str]]) -> dict[str, int]:
    """Which field each column fills: --map first, then the best-ranked synonym."""
    keys = [_header_key(cell) for cell in cells]
    fields: dict[str, int] = {}
    taken: set[int] = set()
    for column, field in overrides:
        for index, key in enumerate(keys):
            if key == _header_key(column):
                taken.add(index)
                if field != IGNORE:
                    fields[field] = index
    for field, names in SYNONYMS.items():
        if field in fields:
            continue
        ranked = [(names.index(key), index) for index, key in enumerate(keys) if key in names and index not in taken]
        if ranked:
            index = min(ranked)[1]
            fields[field] = index
            taken.add(index)
    return fields


def _parse_map(text: str) -> tuple[str, str]:
    column, sep, field = text.rpartition("=")
    if not sep or not column.strip() or not field.strip():
        raise InvalidInput("--map", text, f"write it as COLUMN=FIELD, like {MAP_EXAMPLE}",
                           problem="is not COLUMN=FIELD")
    key = " ".join(field.strip().lower().replace("-", " ").replace("_", " ").split())
    aliases = {"approval no": "approval_no", "approval number": "approval_no", "approval": "approval_no",
               "notes": "note", "skip": IGNORE, "none": IGNORE}
    chosen = aliases.get(key, key)
    if chosen not in FIELDS and chosen != IGNORE:
        raise InvalidInput("--map", text, FIELDS_ACCEPTED, problem=f'names a field ("{field.strip()}") '
                           "peertrack does not know")
    return column.strip(), chosen


def _check_overrides(header: list[str], overrides: list[tuple[str, str]], name: str) -> None:
    keys = [_header_key(cell) for cell in header]
    given: dict[str, str] = {}
    for column, field in overrides:
        if _header_key(column) not in keys:
            shown = ", ".join(f'"{cell}"' for cell in header if cell) or "none"
            raise InvalidInput("--map", f"{column}={field}", f"the columns of {name} are {shown}",
                               problem="names a column the file does not have")
        if field != IGNORE and field in given and given[field] != _header_key(column):
            raise InvalidInput("--map", f"{column}={field}", "give each field one column",
                               problem=f'gives {_FIELD_WORDS[field]} a second column (after "{given[field]}")')
        given[field] = _header_key(column)


def _header_key(cell: str) -> str:
    """A column name tidied for matching: "CE Hours (total)" is "ce hours", "Approval #" is "approval number"."""
    key = _without_brackets(cell.strip().lstrip("\ufeff").lower())
    key = key.replace("#", " number ")
    key = re.sub(r"[^\w]+|_", " ", key)
    return " ".join(key.split())


def _without_brackets(text: str) -> str:
    """Each "(...)" or "[...]" within a line as one space, in one pass: many "(" and no ")" stay quick."""
    if "\n" in text:
        return "\n".join(_without_brackets(line) for line in text.split("\n"))
    closing = {"(": ")", "[": "]"}
    unclosed: set[str] = set()  # once a "(" has no ")" after it, no later one has either
    kept, at = [], 0
    while at < len(text):
        char = text[at]
        if char in closing and char not in unclosed:
            end = text.find(closing[char], at + 1)
            if end >= 0:
                kept.append(" ")
                at = end + 1
                continue
            unclosed.add(char)
        kept.append(char)
        at += 1
    return "".join(kept)


# Reading one row


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
            problem.message = f"{columns[field]} is empty: every course needs {_FIELD_WORDS[field]}."
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


def _first_lines(text: str, count: int) -> list[str]:
    """text.splitlines()[:count], without splitting the rest of a long file."""
    head = text[:_HEAD]
    lines = head.splitlines()
    # The last line of the head may go on past it: then only the lines before it are surely whole.
    return lines[:count] if len(lines) > count or len(head) == len(text) else text.splitlines()[:count]


_HEAD = 65536  # characters: the first lines of any sheet people keep, many times over


def _filled(cells: Sequence[str]) -> bool:
    """Whether a row has a cell with more than spaces in it (joined first: one strip a row, not one a cell)."""
    return bool("".join(cells).strip())


def _cell(cells: Sequence[str], index: int) -> str:
    return cells[index] if index < len(cells) else ""


def _as_given(problem: InvalidInput, cleaned: str, text: str) -> InvalidInput:
    """The same refusal, naming the cell as the spreadsheet shows it rather than as it was tidied for reading."""
    problem.message = problem.message.replace(f'"{cleaned}"', f'"{text}"', 1)
    return problem


def _delimiter_words(delimiter: str) -> str:
    return {";": "semicolons", "\t": "tabs", "|": "bars", ",": "commas"}.get(delimiter, f'"{delimiter}"')
