"""Reading and writing courses (CE entries), their categories and the certifications they count toward."""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Iterable, Iterator

from peertrack.domain.errors import NotFound
from peertrack.domain.models import Allocation, Course
from peertrack.storage.database import new_id, now

_BATCH = 500  # courses read at a time when they stream
_COURSE_COLUMNS = "c.id, c.date, c.title, c.seconds, c.provider, c.format, c.approval_no, c.note, c.credit_chosen"


def insert_course(conn: sqlite3.Connection, course: Course) -> int:
    cursor = conn.execute(
        "INSERT INTO ceus (date, title, provider, seconds, format, approval_no, note, credit_chosen, created_at)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (course.date.isoformat(), course.title, course.provider, course.seconds, course.format,
         course.approval_no, course.note, course.credit_chosen, now()),
    )
    course_id = new_id(cursor)
    _write_course_links(conn, course_id, course)
    return course_id


def insert_courses(conn: sqlite3.Connection, courses: list[Course]) -> list[int]:
    """Many courses at once (an import): numbered in order, after the highest number ever given."""
    row = conn.execute("SELECT seq FROM sqlite_sequence WHERE name = 'ceus'").fetchone()
    first = max(row[0] if row else 0, conn.execute("SELECT coalesce(max(id), 0) FROM ceus").fetchone()[0]) + 1
    ids = list(range(first, first + len(courses)))
    stamp = now()
    _insert_rows(conn, "ceus (id, date, title, provider, seconds, format, approval_no, note, credit_chosen,"
                 " created_at)",
                 [(course_id, c.date.isoformat(), c.title, c.provider, c.seconds, c.format, c.approval_no, c.note,
                   c.credit_chosen, stamp) for course_id, c in zip(ids, courses, strict=True)])
    _insert_rows(conn, "ceu_allocations (ceu_id, category, seconds)",
                 [(course_id, a.category, a.seconds) for course_id, c in zip(ids, courses, strict=True)
                  for a in c.allocations])
    _insert_rows(conn, "ceu_credits (ceu_id, cert_id, seconds)",
                 [(course_id, cert_id, dict(c.overrides).get(cert_id) if c.overrides else None)
                  for course_id, c in zip(ids, courses, strict=True) if c.credit_chosen for cert_id in c.cert_ids])
    return ids


def _insert_rows(conn: sqlite3.Connection, into: str, rows: list[tuple]) -> None:
    """Rows inserted into `into` ("table (column, ...)"), many to a statement: a statement for each row
    costs more than the row. At most 999 values to a statement, the fewest any SQLite takes."""
    if not rows:
        return
    width = len(rows[0])
    per_statement = 999 // width
    marks = f"({', '.join('?' * width)})"
    for start in range(0, len(rows), per_statement):
        chunk = rows[start:start + per_statement]
        conn.execute(f"INSERT INTO {into} VALUES {', '.join([marks] * len(chunk))}",
                     [value for row in chunk for value in row])


def recorded_keys(conn: sqlite3.Connection, keys: Iterable[tuple[dt.date, str, int]]) -> dict[tuple, int]:
    """Which of these courses, as (date, title in any case, seconds), are recorded already: each -> its number.

    Looked up a batch of days at a time through the date index, so the cost follows the courses
    kept on the days asked about, never the whole history: an import reads the same into any database.
    """
    wanted: dict[dt.date, set[tuple]] = {}
    for key in keys:
        wanted.setdefault(key[0], set()).add(key)
    days = {day.isoformat(): day for day in wanted}
    named = list(days)
    found: dict[tuple, int] = {}
    for start in range(0, len(named), _BATCH):
        chosen = named[start:start + _BATCH]
        for course_id, day, title, seconds in conn.execute(
                f"SELECT id, date, title, seconds FROM ceus WHERE date IN ({', '.join('?' * len(chosen))})", chosen):
            key = (days[day], title.casefold(), seconds)
            if key in wanted[key[0]] and course_id > found.get(key, 0):
                found[key] = course_id  # the latest of several alike, as it always was
    return found


def update_course(conn: sqlite3.Connection, course: Course) -> None:
    conn.execute(
        "UPDATE ceus SET date = ?, title = ?, provider = ?, seconds = ?, format = ?, approval_no = ?,"
        " note = ?, credit_chosen = ? WHERE id = ?",
        (course.date.isoformat(), course.title, course.provider, course.seconds, course.format,
         course.approval_no, course.note, course.credit_chosen, course.id),
    )
    assert course.id is not None, "only a stored course can be changed"
    conn.execute("DELETE FROM ceu_allocations WHERE ceu_id = ?", (course.id,))
    conn.execute("DELETE FROM ceu_credits WHERE ceu_id = ?", (course.id,))
    _write_course_links(conn, course.id, course)


def _write_course_links(conn: sqlite3.Connection, course_id: int, course: Course) -> None:
    """The course's categories, and the certifications it counts toward when the holder chose them:
    otherwise those are worked out from the dates when read, and nothing about them is stored."""
    conn.executemany(
        "INSERT INTO ceu_allocations (ceu_id, category, seconds) VALUES (?, ?, ?)",
        [(course_id, a.category, a.seconds) for a in course.allocations],
    )
    if not course.credit_chosen:
        return
    overrides = dict(course.overrides)
    conn.executemany(
        "INSERT INTO ceu_credits (ceu_id, cert_id, seconds) VALUES (?, ?, ?)",
        [(course_id, cert_id, overrides.get(cert_id)) for cert_id in course.cert_ids],
    )


def delete_course(conn: sqlite3.Connection, course_id: int) -> None:
    conn.execute("DELETE FROM ceus WHERE id = ?", (course_id,))


def load_course(conn: sqlite3.Connection, course_id: int) -> Course:
    found = list(_courses(conn, "c.id = ?", [course_id]))
    if not found:
        raise NotFound("course with the number", course_id, topic="course-number")
    return found[0]


def find_courses(conn: sqlite3.Connection, *, cert_id: str | None = None, start: dt.date | None = None,
                 end: dt.date | None = None, category: str | None = None, title: str | None = None,
                 with_credits: bool = True) -> list[Course]:
    """Courses matching every filter given, oldest first; `with_credits=False` skips which
    certifications each counts toward, for a list that does not show them (the CSV)."""
    return list(stream_courses(conn, cert_id=cert_id, start=start, end=end, category=category, title=title,
                               with_credits=with_credits))


def stream_courses(conn: sqlite3.Connection, *, cert_id: str | None = None, start: dt.date | None = None,
                   end: dt.date | None = None, category: str | None = None, title: str | None = None,
                   with_credits: bool = True) -> Iterator[Course]:
    """The courses find_courses gives, one at a time as they are read: never all of them at once.

    Run it inside storage.reading(conn) when the rows must all come from one moment.
    """
    where, params = _filters(conn, cert_id, start, end, category, title)
    return _courses(conn, where, params, with_credits)


def newest_courses(conn: sqlite3.Connection, count: int, *, cert_id: str | None = None,
                   start: dt.date | None = None, end: dt.date | None = None,
                   category: str | None = None) -> tuple[list[Course], int, int]:
    """The newest `count` matching courses (oldest first), with how many match and their seconds in all."""
    where, params = _filters(conn, cert_id, start, end, category, None)
    condition = f" WHERE {where}" if where else ""
    matching, seconds = course_totals(conn, cert_id=cert_id, start=start, end=end, category=category)
    page = f"c.id IN (SELECT c.id FROM ceus c{condition} ORDER BY c.date DESC, c.id DESC LIMIT ?)"
    return list(_courses(conn, page, [*params, count])), matching, seconds


def course_totals(conn: sqlite3.Connection, *, cert_id: str | None = None, start: dt.date | None = None,
                  end: dt.date | None = None, category: str | None = None) -> tuple[int, int]:
    """How many courses match, and their seconds in all."""
    where, params = _filters(conn, cert_id, start, end, category, None)
    condition = f" WHERE {where}" if where else ""
    matching, seconds = conn.execute(f"SELECT count(*), coalesce(sum(c.seconds), 0) FROM ceus c{condition}",
                                     params).fetchone()
    return matching, seconds


def _filters(conn: sqlite3.Connection, cert_id: str | None, start: dt.date | None, end: dt.date | None,
             category: str | None, title: str | None) -> tuple[str, list]:
    where: list[str] = []
    params: list = []
    if cert_id is not None:
        first, last = credit_spans(conn).get(cert_id, (dt.date.max, dt.date.min))
        where.append(f"({_COUNTS_TOWARD})")
        params += [first.isoformat(), last.isoformat(), cert_id]
    if start is not None:
        where.append("c.date >= ?")
        params.append(start.isoformat())
    if end is not None:
        where.append("c.date <= ?")
        params.append(end.isoformat())
    if category is not None:
        where.append("EXISTS (SELECT 1 FROM ceu_allocations a WHERE a.ceu_id = c.id AND a.category = ?)")
        params.append(category)
    if title is not None:
        where.append("c.title = ? COLLATE NOCASE")
        params.append(title)
    return " AND ".join(where), params


# A course counts toward a certification when the holder chose it for that one, or chose none and
# its date falls within the certification's cycles (the two dates, then the certification's id).
_COUNTS_TOWARD = ("(c.credit_chosen = 0 AND c.date BETWEEN ? AND ?)"
                  " OR EXISTS (SELECT 1 FROM ceu_credits k WHERE k.ceu_id = c.id AND k.cert_id = ?)")


def credit_spans(conn: sqlite3.Connection) -> dict[str, tuple[dt.date, dt.date]]:
    """Each certification's first and last day that a course, by its date alone, counts toward it:
    from the first day of its first cycle to the last day of its current one (domain/credit.py)."""
    from peertrack.domain.credit import credit_windows
    from peertrack.domain.models import Cycle

    cycles: dict[str, list[Cycle]] = {}
    for cert_id, cycle_id, starts, ends in conn.execute("SELECT cert_id, id, starts, ends FROM cycles"):
        cycles.setdefault(cert_id, []).append(
            Cycle(id=cycle_id, starts=dt.date.fromisoformat(starts), ends=dt.date.fromisoformat(ends),
                  required_seconds=0))
    spans = {}
    for cert_id, own in cycles.items():
        windows = credit_windows(own)
        spans[cert_id] = (windows[0].starts, windows[-1].ends)
    return spans


def credited_courses(conn: sqlite3.Connection, cert_id: str, start: dt.date, end: dt.date) -> list[Course]:
    """The courses that count toward one certification between two dates (a window of its cycles, from
    domain/credit.py), with only what progress needs.

    The dashboard's query: it walks the date index, so its cost follows the courses inside
    the cycle, not a whole history of them.
    """
    rows = conn.execute(
        "SELECT c.id, c.date, c.title, c.seconds, c.format, c.provider, k.seconds AS credited,"
        " a.category, a.seconds AS share"
        " FROM ceus c LEFT JOIN ceu_credits k ON k.ceu_id = c.id AND k.cert_id = ?"
        " LEFT JOIN ceu_allocations a ON a.ceu_id = c.id"
        " WHERE c.date BETWEEN ? AND ? AND (c.credit_chosen = 0 OR k.ceu_id IS NOT NULL) ORDER BY c.date, c.id",
        (cert_id, start.isoformat(), end.isoformat()),
    )
    courses: list[Course] = []
    current: sqlite3.Row | None = None
    shares: list[Allocation] = []
    for row in rows:
        if current is None or row["id"] != current["id"]:
            if current is not None:
                courses.append(_lean_course(current, shares, cert_id))
            current, shares = row, []
        if row["category"] is not None:
            shares.append(Allocation(row["category"], row["share"]))
    if current is not None:
        courses.append(_lean_course(current, shares, cert_id))
    return courses


def _lean_course(row: sqlite3.Row, shares: list[Allocation], cert_id: str) -> Course:
    return Course(
        id=row["id"], date=dt.date.fromisoformat(row["date"]), title=row["title"], seconds=row["seconds"],
        format=row["format"], provider=row["provider"], allocations=tuple(shares), cert_ids=(cert_id,),
        overrides=((cert_id, row["credited"]),) if row["credited"] is not None else (),
    )


def count_courses(conn: sqlite3.Connection) -> int:
    return conn.execute("SELECT count(*) FROM ceus").fetchone()[0]


def _courses(conn: sqlite3.Connection, where: str, params: list, with_credits: bool = True) -> Iterator[Course]:
    """Courses matching `where` (SQL over `c`, the ceus table), each with its categories and credits.

    The courses come from one cursor with their categories joined on, one row per category; the
    credits of each batch come in one plain query, so memory stays that of one batch at any size.
    """
    condition = f" WHERE {where}" if where else ""
    spans = credit_spans(conn) if with_credits else {}
    rows = conn.execute(f"SELECT {_COURSE_COLUMNS}, a.category, a.seconds FROM ceus c"
                        f" LEFT JOIN ceu_allocations a ON a.ceu_id = c.id{condition} ORDER BY c.date, c.id, a.category",
                        params)
    batch: list[tuple[sqlite3.Row, list[Allocation]]] = []  # each course's row with its categories
    for row in rows:
        if not batch or row[0] != batch[-1][0][0]:
            if len(batch) == _BATCH:
                yield from _with_credits(conn, batch, with_credits, spans)
                batch = []
            batch.append((row, []))
        if row[-2] is not None:
            batch[-1][1].append(Allocation(row[-2], row[-1]))
    yield from _with_credits(conn, batch, with_credits, spans)


def _with_credits(conn: sqlite3.Connection, batch: list[tuple[sqlite3.Row, list[Allocation]]],
                  with_credits: bool, spans: dict[str, tuple[dt.date, dt.date]]) -> Iterator[Course]:
    credits: dict[int, list[tuple[str, int | None]]] = {}
    if with_credits and batch:
        ids = [row[0] for row, _ in batch]
        for ceu_id, cert_id, seconds in conn.execute(
                f"SELECT ceu_id, cert_id, seconds FROM ceu_credits WHERE ceu_id IN ({', '.join('?' * len(ids))})"
                " ORDER BY ceu_id, cert_id", ids):
            credits.setdefault(ceu_id, []).append((cert_id, seconds))
    none: list = []
    for (course_id, day, title, seconds, provider, form, approval_no, note, chosen, _, _), shares in batch:
        date = dt.date.fromisoformat(day)
        links = credits.get(course_id, none) if chosen else \
            [(cert, None) for cert, (first, last) in sorted(spans.items()) if first <= date <= last]
        yield Course(
            id=course_id, date=date, title=title, seconds=seconds, provider=provider,
            format=form, approval_no=approval_no, note=note, allocations=tuple(shares),
            cert_ids=tuple(cert for cert, _ in links) if links else (), credit_chosen=bool(chosen),
            overrides=tuple((cert, amount) for cert, amount in links if amount is not None) if links else (),
        )
