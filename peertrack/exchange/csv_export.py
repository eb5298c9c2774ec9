"""Exports for other programs: the CSV a certifying body's spreadsheet opens cleanly."""

from __future__ import annotations

import csv
from collections.abc import Iterable, Iterator

from peertrack.domain.formatting import category_text, hours
from peertrack.domain.models import Course

CSV_COLUMNS = ("Date", "Title", "Provider", "Hours", "Category", "Format", "Approval number")
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def courses_csv(courses: Iterable[Course], *, notes: bool = False) -> str:
    """One row per course, a header first; text that a spreadsheet would run is made inert."""
    return "".join(csv_lines(courses, notes=notes))


def csv_lines(courses: Iterable[Course], *, notes: bool = False) -> Iterator[str]:
    """The same CSV a line at a time, the header first, each written as its course arrives: never the
    whole file in memory."""
    writer = csv.writer(_LineText(), lineterminator="\r\n")
    yield writer.writerow(CSV_COLUMNS + (("Note",) if notes else ()))
    for course in courses:
        row = [
            course.date.isoformat(),
            safe_cell(course.title),
            safe_cell(course.provider),
            hours(course.seconds),
            safe_cell(category_text(course) if course.allocations else ""),
            safe_cell(course.format),
            safe_cell(course.approval_no),
        ]
        if notes:
            row.append(safe_cell(course.note))
        yield writer.writerow(row)


class _LineText:
    """What csv.writer writes into: it hands each line back, as writerow returns what `write` returns."""

    @staticmethod
    def write(line: str) -> str:
        return line


def safe_cell(text: str | None) -> str:
    """Text as a spreadsheet shows it, never as a formula it would run: '=1+1 becomes '=1+1."""
    if not text:
        return ""
    return "'" + text if text.startswith(FORMULA_STARTS) else text
