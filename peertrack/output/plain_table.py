"""Tables as plain lines, for output that is not a terminal, written without loading Rich.

It writes exactly what Rich draws for the plain table (output.screen.make_table: no box, two
spaces between columns, numbers aligned right, each cell padded to its column) when every cell is
plain printable ASCII (or a level's symbol) and the table fits the plain width unfolded. Anything else (a word in
another alphabet, an emoji, a control character, a table too wide) goes to Rich (long_table.py),
which knows how wide each character is and how to fold. A test holds the two to the same bytes.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Collection, Iterable, Sequence

from peertrack.domain import formatting as fmt

PLAIN_WIDTH = 200  # as output.screen.make_console gives output that is not a terminal
# The level words' symbols (formatting.LEVEL_WORDS): one cell each, as the screen library counts them.
_ONE_CELL = frozenset("✓!↓‼✗•○")
COURSE_COLUMNS = ("No.", "Date", "Title", "Provider", "Hours", "Category", "Counts toward")
COURSE_RIGHT = ("No.", "Hours")
_FORCED = ("FORCE_COLOR", "TTY_COMPATIBLE", "TTY_INTERACTIVE")  # what makes Rich draw as on a terminal


def piped() -> bool:
    """Whether standard output is not a terminal, and nothing tells Rich to draw as if it were."""
    return not sys.stdout.isatty() and not any(os.environ.get(name) for name in _FORCED)


def credits_text(course) -> str:
    """The certifications a course counts toward, with the hours one credits when they differ."""
    overrides = dict(course.overrides)
    return ", ".join(f"{cert_id} ({fmt.hours(overrides[cert_id])} h)" if cert_id in overrides else cert_id
                     for cert_id in course.cert_ids)


def course_cells(course, dates: str) -> tuple[str, ...]:
    """One course as the list's cells."""
    return (str(course.id), fmt.bare_day(course.date, dates), course.title, course.provider or "",
            fmt.hours(course.seconds), fmt.category_text(course) if course.allocations else "", credits_text(course))


def write_plain(headers: Sequence[str], right: Collection[str], rows: Callable[[], Iterable[Sequence[str]]],
                width: int = PLAIN_WIDTH) -> bool:
    """Write the table, reading `rows` twice (widths, then lines); False, having written nothing, when
    Rich must draw it instead."""
    widths = [len(name) for name in headers]
    for cells in rows():
        for index, cell in enumerate(cells):
            if not (cell.isprintable() and (cell.isascii() or all(c.isascii() or c in _ONE_CELL for c in cell))):
                return False
            widths[index] = max(widths[index], len(cell))
    if sum(widths) + 2 * (len(widths) - 1) > width:
        return False
    aligned = [name in right for name in headers]

    def line(cells: Sequence[str]) -> str:
        return "  ".join(cell.rjust(size) if to_right else cell.ljust(size)
                         for cell, size, to_right in zip(cells, widths, aligned, strict=True)) + "\n"

    write = sys.stdout.write
    write(line(headers))
    for cells in rows():
        write(line(cells))
    return True


CERT_COLUMNS = ("Id", "Name", "Number", "Expires", "Hours", "Level")


def cert_cells(item, dates: str) -> tuple[str, ...]:
    """One certification as the list's cells, as they read when the list is not on a terminal."""
    cert = item.cert
    name = f"{cert.name} (endorsement of {cert.endorsement_of})" if cert.endorsement_of else cert.name
    hours = f"{fmt.hours(item.toward_seconds)} of {fmt.hours(cert.cycle.required_seconds)}"
    return cert.id, name, cert.number or "", fmt.bare_day(cert.expires, dates), hours, fmt.LEVEL_WORDS[item.level]
