"""ceu list on a screen shows the newest page of courses and says how to see them all; --json stays complete."""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from pathlib import Path

import pytest

from peertrack.storage.database import connect


@pytest.fixture
def courses_53(db_path: Path) -> Path:
    """53 courses of one hour (5,400 s for the oldest), one a day from 2 January 2026, logged straight into the file."""
    connect(db_path).close()
    conn = sqlite3.connect(db_path)
    conn.executemany("INSERT INTO ceus (id, date, title, seconds, created_at) VALUES (?, ?, ?, ?, ?)",
                     ((i, (dt.date(2026, 1, 1) + dt.timedelta(days=i)).isoformat(), f"Course {i:03d}",
                       5400 if i == 1 else 3600, "2026-01-01T00:00:00+00:00") for i in range(1, 54)))
    conn.commit()
    conn.close()
    return db_path


def test_on_a_screen_the_newest_50_show_and_the_rest_are_counted(courses_53, ok, monkeypatch) -> None:
    monkeypatch.setenv("TTY_COMPATIBLE", "1")  # as on a terminal
    result = ok("ceu", "list")
    shown = [n for n in range(1, 54) if f"Course {n:03d}" in result.stdout]
    assert shown == list(range(4, 54))  # the newest 50: courses 4 to 53
    # The totals are those of all 53: 52 hours and the oldest's 1.5.
    assert "53 courses, 53.5 hours in all." in result.stdout
    assert "3 older courses not shown" in result.stderr
    assert "See them all with: peertrack ceu list --all" in " ".join(result.stderr.split())
    assert result.stdout.index("Course 004") < result.stdout.index("Course 053")  # still oldest first


def test_all_shows_every_course_on_a_screen(courses_53, ok, monkeypatch) -> None:
    monkeypatch.setenv("TTY_COMPATIBLE", "1")
    result = ok("ceu", "list", "--all")
    assert all(f"Course {n:03d}" in result.stdout for n in range(1, 54))
    assert "53 courses, 53.5 hours in all." in result.stdout
    assert "not shown" not in result.stderr


def test_fifty_courses_fit_one_page_and_nothing_is_hidden(courses_53, ok, monkeypatch, db_path) -> None:
    conn = sqlite3.connect(db_path)
    conn.execute("DELETE FROM ceus WHERE id > 50")
    conn.commit()
    conn.close()
    monkeypatch.setenv("TTY_COMPATIBLE", "1")
    result = ok("ceu", "list")
    assert all(f"Course {n:03d}" in result.stdout for n in range(1, 51))
    assert "50 courses, 50.5 hours in all." in result.stdout
    assert "not shown" not in result.stderr


def test_sent_to_a_program_every_course_shows(courses_53, ok) -> None:
    result = ok("ceu", "list")
    assert all(f"Course {n:03d}" in result.stdout for n in range(1, 54))
    assert "not shown" not in result.stderr


def test_json_is_complete_even_on_a_screen(courses_53, ok, monkeypatch) -> None:
    monkeypatch.setenv("TTY_COMPATIBLE", "1")
    courses = json.loads(ok("ceu", "list", "--json").stdout)
    assert [course["id"] for course in courses] == list(range(1, 54))
    assert courses[0]["hours"] == 1.5


def test_the_page_follows_the_filters(courses_53, ok, monkeypatch) -> None:
    monkeypatch.setenv("TTY_COMPATIBLE", "1")
    # From 10 February 2026 (course 40) on: 14 courses, all on the page.
    result = ok("ceu", "list", "--from", "2026-02-10")
    assert [n for n in range(1, 54) if f"Course {n:03d}" in result.stdout] == list(range(40, 54))
    assert "14 courses, 14 hours in all." in result.stdout
    assert "not shown" not in result.stderr


def test_an_empty_list_on_a_screen(ok, monkeypatch) -> None:
    monkeypatch.setenv("TTY_COMPATIBLE", "1")
    ok("ceu", "list")  # no database yet: nothing to show, and no error


@pytest.mark.parametrize("screen", [True, False])
def test_every_course_is_drawn_a_piece_at_a_time_and_reads_as_one_table(courses_53, ok, monkeypatch, screen):
    from peertrack.output import long_table

    if screen:
        monkeypatch.setenv("TTY_COMPATIBLE", "1")
    whole = ok("ceu", "list", "--all").stdout  # 53 rows: one piece of 500
    monkeypatch.setattr(long_table, "PIECE", 10)
    pieces = ok("ceu", "list", "--all").stdout  # six pieces, the last of 3
    assert pieces == whole
    assert [n for n in range(1, 54) if f"Course {n:03d}" in pieces] == list(range(1, 54))
    assert pieces.count("Title") == 1  # one header
    assert "53 courses, 53.5 hours in all." in pieces


def test_every_course_follows_the_filters(courses_53, ok) -> None:
    result = ok("ceu", "list", "--from", "2026-02-10", "--to", "2026-02-12")  # courses 40 to 42
    assert [n for n in range(1, 54) if f"Course {n:03d}" in result.stdout] == [40, 41, 42]
    assert "3 courses, 3 hours in all." in result.stdout
    assert "No courses match." in ok("ceu", "list", "--from", "2027-01-01", "--all").stdout
