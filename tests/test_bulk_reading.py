"""The quick ways of reading courses in bulk give what the plain ways give, on random records.

stream_courses reads each course's categories joined onto its row, recorded_keys asks about
a batch of days at once, insert_courses writes many rows to a statement and import csv splits only
the first lines of a sheet into lines; each is held here to the plain way.
"""

from __future__ import annotations

import datetime as dt
import random
import sqlite3
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from peertrack.domain.models import Allocation, Course
from peertrack.exchange import csv_layout
from peertrack.storage.courses import credit_spans, find_courses, insert_courses, recorded_keys, stream_courses
from peertrack.storage.database import connect, transaction

CATEGORIES = ("ethics", "general", "skills", "trauma")


def _random_database(path: Path, seed: int, count: int) -> sqlite3.Connection:
    """Two certifications with cycles, and `count` courses: some in no category, some split over several,
    some chosen for one certification or both (with a different number of hours for one), some alike."""
    rng = random.Random(seed)
    conn = connect(path)
    made = "2026-01-01T00:00:00+00:00"
    for cert_id, starts, ends in (("ca-pss", "2025-07-01", "2027-06-30"), ("ga-cps", "2024-01-01", "2025-12-31")):
        conn.execute("INSERT INTO certifications (id, name, cycle_months, required_seconds, created_at)"
                     " VALUES (?, ?, 24, 72000, ?)", (cert_id, cert_id.upper(), made))
        conn.execute("INSERT INTO cycles (cert_id, starts, ends, required_seconds) VALUES (?, ?, ?, 72000)",
                     (cert_id, starts, ends))
    for number in range(1, count + 1):
        day = dt.date(2023, 6, 1) + dt.timedelta(days=rng.randrange(1200))
        seconds = rng.choice((1800, 3600, 5400, 7200))
        chosen = rng.random() < 0.4
        title = rng.choice(("Ethics", "ETHICS", "Boundaries", f"Course {number}"))
        conn.execute("INSERT INTO ceus (id, date, title, provider, seconds, format, approval_no, note,"
                     " credit_chosen, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                     (number, day.isoformat(), title, rng.choice((None, "NAMI")), seconds,
                      rng.choice((None, "online")), rng.choice((None, "A-1")), rng.choice((None, "a note")),
                      int(chosen), made))
        for category in rng.sample(CATEGORIES, rng.randrange(4)):
            conn.execute("INSERT INTO ceu_allocations (ceu_id, category, seconds) VALUES (?, ?, ?)",
                         (number, category, rng.choice((900, 1800))))
        if chosen:
            for cert_id in rng.sample(("ca-pss", "ga-cps"), rng.randrange(3)):
                conn.execute("INSERT INTO ceu_credits (ceu_id, cert_id, seconds) VALUES (?, ?, ?)",
                             (number, cert_id, rng.choice((None, 900))))
    return conn


def _plainly(conn: sqlite3.Connection, where: str = "", params: tuple = ()) -> list[Course]:
    """Every course as a query for each one's categories and one for its credits would read it."""
    spans = credit_spans(conn)
    courses = []
    for row in conn.execute(f"SELECT * FROM ceus c {where} ORDER BY date, id", params).fetchall():
        day = dt.date.fromisoformat(row["date"])
        shares = tuple(Allocation(category, seconds) for category, seconds in conn.execute(
            "SELECT category, seconds FROM ceu_allocations WHERE ceu_id = ? ORDER BY category", (row["id"],)))
        if row["credit_chosen"]:
            links = conn.execute("SELECT cert_id, seconds FROM ceu_credits WHERE ceu_id = ? ORDER BY cert_id",
                                 (row["id"],)).fetchall()
        else:
            links = [(cert, None) for cert, (first, last) in sorted(spans.items()) if first <= day <= last]
        courses.append(Course(
            id=row["id"], date=day, title=row["title"], seconds=row["seconds"], provider=row["provider"],
            format=row["format"], approval_no=row["approval_no"], note=row["note"], allocations=shares,
            cert_ids=tuple(cert for cert, _ in links), credit_chosen=bool(row["credit_chosen"]),
            overrides=tuple((cert, amount) for cert, amount in links if amount is not None)))
    return courses


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_streamed_courses_are_those_read_one_at_a_time(tmp_path: Path, seed: int) -> None:
    conn = _random_database(tmp_path / "random.db", seed, 1203)  # more than two batches, and a part one
    expected = _plainly(conn)
    assert len(expected) == 1203
    assert any(len(course.allocations) > 1 for course in expected)
    assert any(not course.allocations for course in expected)
    assert list(stream_courses(conn)) == expected
    without = [Course(**{**vars(course), "cert_ids": (), "overrides": ()}) for course in expected]
    assert list(stream_courses(conn, with_credits=False)) == without
    ethics = "WHERE EXISTS (SELECT 1 FROM ceu_allocations a WHERE a.ceu_id = c.id AND a.category = 'ethics')"
    assert find_courses(conn, category="ethics") == _plainly(conn, ethics)
    start, end = dt.date(2024, 2, 1), dt.date(2025, 3, 31)
    assert find_courses(conn, start=start, end=end) == _plainly(conn, "WHERE date BETWEEN ? AND ?",
                                                               (start.isoformat(), end.isoformat()))


@pytest.mark.parametrize("seed", [1, 2])
def test_recorded_courses_are_found_as_day_by_day(tmp_path: Path, seed: int) -> None:
    conn = _random_database(tmp_path / "random.db", seed, 1500)
    rng = random.Random(seed)
    stored = conn.execute("SELECT id, date, title, seconds FROM ceus").fetchall()
    asked = {(dt.date.fromisoformat(day), title.casefold(), seconds) for _, day, title, seconds in stored
             if rng.random() < 0.5}
    asked |= {(dt.date(2023, 6, 1) + dt.timedelta(days=rng.randrange(1300)), "ethics", 3600) for _ in range(700)}
    expected: dict[tuple, int] = {}
    for key in asked:
        for course_id, title, seconds in conn.execute(
                "SELECT id, title, seconds FROM ceus WHERE date = ? ORDER BY id", (key[0].isoformat(),)):
            if (key[0], title.casefold(), seconds) == key:
                expected[key] = course_id  # the latest of several alike
    assert len({key[0] for key in asked}) > 500  # more days than one batch asks about
    assert recorded_keys(conn, iter(asked)) == expected
    alike = [key for key in expected if sum(1 for _, day, title, seconds in stored
                                            if (dt.date.fromisoformat(day), title.casefold(), seconds) == key) > 1]
    assert alike, "some courses are recorded twice alike, and the newest one is named"


def test_courses_added_many_to_a_statement_are_each_stored_whole(tmp_path: Path) -> None:
    conn = _random_database(tmp_path / "random.db", 4, 0)
    rng = random.Random(4)
    courses = [Course(date=dt.date(2025, 1, 1) + dt.timedelta(days=n // 3), title=f"Course {n}", seconds=3600,
                      provider=rng.choice((None, "NAMI")), note=rng.choice((None, "a note")),
                      allocations=tuple(Allocation(c, 1800) for c in sorted(rng.sample(CATEGORIES, rng.randrange(3)))),
                      cert_ids=tuple(sorted(rng.sample(("ca-pss", "ga-cps"), rng.randrange(3)))),
                      credit_chosen=n % 2 == 0)
               for n in range(437)]  # several statements of each table, the last ones part full
    courses = [Course(**{**vars(c), "overrides": ((c.cert_ids[0], 900),) if c.cert_ids and c.credit_chosen else ()})
               for c in courses]
    with transaction(conn):
        ids = insert_courses(conn, courses)
    assert ids == list(range(1, 438))
    stored = {course.id: course for course in stream_courses(conn)}
    for number, course in zip(ids, courses, strict=True):
        kept = stored[number]
        assert (kept.date, kept.title, kept.provider, kept.note, kept.allocations, kept.credit_chosen) == \
               (course.date, course.title, course.provider, course.note, course.allocations, course.credit_chosen)
        if course.credit_chosen:
            assert (kept.cert_ids, kept.overrides) == (course.cert_ids, course.overrides)


@given(st.text(alphabet="ab ,\r\n\x0b\x1c\u2028", max_size=40), st.integers(1, 12), st.integers(1, 16))
def test_the_first_lines_of_a_sheet_are_those_of_the_whole_text(text: str, count: int, head: int) -> None:
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(csv_layout, "HEAD", head)  # a short head, so lines run past it
        assert csv_layout.first_lines(text, count) == text.splitlines()[:count]


def test_the_cycle_collector_pauses_for_many_records_and_comes_back() -> None:
    import gc

    from peertrack.services.course_import import many_records

    assert gc.isenabled()
    with pytest.raises(KeyError), many_records():
        assert not gc.isenabled()
        raise KeyError("a failure half-way")
    assert gc.isenabled()
    gc.disable()
    try:
        with many_records():
            pass
        assert not gc.isenabled()  # paused by someone else: left so
    finally:
        gc.enable()
