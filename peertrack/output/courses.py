"""CE courses: the list with totals, one in detail, and the certificate files kept with it."""

from __future__ import annotations

import datetime as dt

from rich.table import Table
from rich.text import Text

from peertrack.domain import formatting as fmt
from peertrack.output.plain_table import COURSE_COLUMNS, COURSE_RIGHT, course_cells, credits_text
from peertrack.output.screen import add_columns, make_console, make_table, say
from peertrack.output.words import file_size

TYPE_CHECKING = False  # as typing.TYPE_CHECKING, without importing typing at start-up
if TYPE_CHECKING:
    from collections.abc import Callable, Iterable

    from rich.console import Console

    from peertrack.domain.models import Course
    from peertrack.domain.transfer import Attachment




def courses_table(courses: list[Course], total_seconds: int, dates: str = "iso",
                  matching: int | None = None) -> None:
    """The courses as a table; `matching`, when more match than are shown, counts them all (the newest page)."""
    console = make_console()
    if not courses:
        console.print("No courses match.")
        return
    table = _table(console)
    for course in courses:
        table.add_row(*course_cells(course, dates))
    console.print(table)
    _totals(console, len(courses) if matching is None else matching, total_seconds)
    hidden = 0 if matching is None else matching - len(courses)
    if hidden:
        say(f"Showing the newest {len(courses)}; {fmt.counted(hidden, 'older course')} not shown. "
            "See them all with: peertrack ceu list --all")


def every_course_table(courses: Callable[[], Iterable[Course]], count: int, total_seconds: int,
                       dates: str = "iso") -> None:
    """Every course as one table, however many: drawn a piece at a time, so never all held at once.

    `courses` is read twice (see long_table); read both times inside one storage.reading.
    """
    console = make_console()
    if not count:
        console.print("No courses match.")
        return
    from peertrack.output.long_table import long_table

    long_table(console, lambda: _table(console), lambda: (course_cells(course, dates) for course in courses()))
    _totals(console, count, total_seconds)


def _table(console: Console) -> Table:
    table = make_table(console)
    add_columns(table, COURSE_COLUMNS, right=COURSE_RIGHT)
    return table





def _totals(console: Console, count: int, total_seconds: int) -> None:
    console.print(f"{fmt.counted(count, 'course')}, {fmt.hours_words(total_seconds)} in all.")


def course_detail(course: Course) -> None:
    console = make_console()
    table = Table.grid(padding=(0, 2))
    table.add_column(style="bold")
    table.add_column()
    rows = [
        ("Course", str(course.id)),
        ("Title", course.title),
        ("Date", fmt.day(course.date)),
        ("Hours", fmt.hours(course.seconds)),
        ("Provider", course.provider),
        ("Category", fmt.category_text(course) if course.allocations else None),
        ("Format", course.format),
        ("Approval no.", course.approval_no),
        ("Counts toward", credits_text(course) or "no certification"),
        ("Note", course.note),
    ]
    for label, value in rows:
        if value:
            table.add_row(label, Text(value))
    console.print(table)


_MEDIA_WORDS = {"application/pdf": "PDF", "image/png": "PNG image", "image/jpeg": "JPEG image",
                "image/gif": "GIF image", "image/tiff": "TIFF image", "image/webp": "WebP image",
                "image/heic": "HEIC photo"}


def _attachment_text(attachment: Attachment) -> Text:
    kind = _MEDIA_WORDS.get(attachment.media_type or "", "file")
    kept = f", kept {fmt.day(dt.date.fromisoformat(attachment.added_at[:10]))}" if attachment.added_at else ""
    return Text(f"{attachment.original_name} ({kind}, {file_size(attachment.size)}{kept})")


def attachments_list(attachments: list[Attachment], course_id: int | None = None) -> None:
    """The certificates kept with a course, under its details in `ceu show`."""
    console = make_console()
    if not attachments:
        hint = f": keep one with peertrack ceu attach {course_id} FILE" if course_id is not None else ""
        console.print(f"No certificate kept yet{hint}")
        return
    console.print(Text("Certificates", style="bold"))
    for attachment in attachments:
        line = Text("  ✓ ", style="green")
        line.append_text(_attachment_text(attachment))
        console.print(line)
    if course_id is not None:
        console.print(f"Open with: peertrack ceu open {course_id}")
