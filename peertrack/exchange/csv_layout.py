"""Finds a course spreadsheet's layout: its text (whatever the encoding), the character between its columns,
its header row, and which column holds which field (with the holder's --map).

Pure: it takes the file's bytes and touches neither the disk nor the database (csv_import.py reads the rows).
"""

from __future__ import annotations

import codecs
import csv
import io
import re
from collections.abc import Sequence
from itertools import islice

from peertrack.domain.errors import InvalidInput
from peertrack.domain.formatting import joined

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
FIELD_WORDS = {
    "date": "the date", "title": "the title", "hours": "the hours", "provider": "the provider",
    "category": "the category", "format": "the format", "approval_no": "the approval number", "note": "the note",
}
_DELIMITERS = (",", ";", "\t", "|")
_HEADER_SEARCH_ROWS = 10
_ZIP_MAGIC = b"PK\x03\x04"
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def decoded(data: bytes, name: str) -> str:
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


def sheet_rows(text: str, delimiter: str, name: str) -> list[tuple[int, tuple[str, ...]]]:
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, skipinitialspace=True)
    try:
        return [(number, tuple(cells)) for number, cells in enumerate(reader, start=1)]
    except csv.Error as error:
        raise InvalidInput("FILE", name, "save it again as CSV from your spreadsheet program",
                           problem=f"cannot be read as CSV (record {reader.line_num}: {error})") from None


def sniff(text: str, overrides: list[tuple[str, str]]) -> str:
    """The delimiter that makes the most sense of the first lines: most known columns, then most columns."""
    sample = "\n".join(first_lines(text, _HEADER_SEARCH_ROWS + 1))
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


def header_row(rows: list[tuple[int, tuple[str, ...]]], overrides: list[tuple[str, str]],
            name: str) -> tuple[int, dict[str, int]]:
    """The row of column names (a title or a blank line may come first) and the field of each column."""
    filled = ((index, cells) for index, (_, cells) in enumerate(rows) if any_filled(cells))
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
            f"its columns are {columns}; say which column holds {FIELD_WORDS[missing[0]]} with "
            f'--map "COLUMN={missing[0]}", like {MAP_EXAMPLE}',
            problem="has no column for " + joined((FIELD_WORDS[field] for field in missing), "or"),
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


def parse_map(text: str) -> tuple[str, str]:
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
                               problem=f'gives {FIELD_WORDS[field]} a second column (after "{given[field]}")')
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


def first_lines(text: str, count: int) -> list[str]:
    """text.splitlines()[:count], without splitting the rest of a long file."""
    head = text[:HEAD]
    lines = head.splitlines()
    # The last line of the head may go on past it: then only the lines before it are surely whole.
    return lines[:count] if len(lines) > count or len(head) == len(text) else text.splitlines()[:count]


HEAD = 65536  # characters: the first lines of any sheet people keep, many times over


def any_filled(cells: Sequence[str]) -> bool:
    """Whether a row has a cell with more than spaces in it (joined first: one strip a row, not one a cell)."""
    return bool("".join(cells).strip())


def cell_at(cells: Sequence[str], index: int) -> str:
    return cells[index] if index < len(cells) else ""


def delimiter_words(delimiter: str) -> str:
    return {";": "semicolons", "\t": "tabs", "|": "bars", ",": "commas"}.get(delimiter, f'"{delimiter}"')
