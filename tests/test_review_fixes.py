"""Things a careful review and a newcomer's first run found, each held by a test."""

import csv
import datetime as dt
import io
import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from peertrack.domain.cycles import anchor_day_of, cycle_start, next_end


def test_brackets_in_titles_are_text_not_markup(ok, make_cert):
    make_cert()
    ok("deadline", "add", "Fee [/]x [bold]", "--due", "2027-01-01")
    ok("log-ceu", "Ethics [part 1] [/]", "--hours", "1")
    assert "Fee [/]x [bold]" in ok("deadline", "list").stdout
    assert "Ethics [part 1] [/]" in ok("ceu", "list").stdout
    assert 'Removed course 1, "Ethics [part 1] [/]"' in ok("ceu", "rm", "1", "--yes").stderr


def test_a_category_covering_part_of_a_course_keeps_its_hours_in_the_csv(ok, make_cert):
    make_cert(require=["ethics=6"])
    ok("log-ceu", "Mixed", "--hours", "3", "--category", "ethics:1")
    rows = list(csv.reader(io.StringIO(ok("export", "csv").stdout)))
    assert rows[1][4] == "ethics: 1"
    assert json.loads(ok("status", "--json").stdout)["certifications"][0]["categories"][0]["earned"] == 1


@pytest.mark.parametrize("expires, months, start", [
    (dt.date(2027, 6, 30), 6, dt.date(2027, 1, 1)),
    (dt.date(2029, 2, 28), 12, dt.date(2028, 3, 1)),
    (dt.date(2027, 9, 30), 1, dt.date(2027, 9, 1)),
])
def test_month_end_cycles_start_on_a_first(expires, months, start):
    assert cycle_start(expires, months) == start


@given(st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2080, 12, 31)), st.sampled_from([1, 6, 12, 24, 36]))
def test_each_cycle_starts_the_day_after_the_one_before_ends(ends, months):
    anchor = anchor_day_of(ends)
    following = next_end(ends, months, anchor)
    assert cycle_start(following, months, anchor_day=anchor) == ends + dt.timedelta(days=1)


def test_a_lapsed_certification_is_trouble_in_due(run, make_cert):
    make_cert("old", "Old credential", expires="2026-08-31", cycle="1y", hours="10", grace_days="30")
    result = run("due")
    assert result.exit_code == 1
    assert "lapsed: contact" in result.stdout and "peertrack cert rm old" in result.stdout


def test_a_bodys_csv_shows_the_hours_it_credits(ok, make_cert):
    make_cert()
    make_cert("la-pss", "Louisiana PSS", expires="2027-03-31", cycle="1y", hours="10")
    ok("log-ceu", "SOAR Online Course", "--hours", "20", "--category", "soar", "--cert", "ca-pss",
       "--cert", "la-pss=10", "--date", "2026-05-01")
    la = list(csv.reader(io.StringIO(ok("export", "csv", "--cert", "la-pss").stdout)))
    ca = list(csv.reader(io.StringIO(ok("export", "csv", "--cert", "ca-pss").stdout)))
    assert (la[1][3], la[1][4]) == ("10", "soar")
    assert ca[1][3] == "20"


def test_changing_a_split_courses_hours_keeps_its_proportions(ok, make_cert):
    make_cert()
    ok("log-ceu", "Split", "--hours", "3", "--category", "ethics:2", "--category", "general:1")
    ok("ceu", "edit", "1", "--hours", "1.5")
    course = json.loads(ok("ceu", "show", "1", "--json").stdout)
    assert course["categories"] == [{"name": "ethics", "hours": 1}, {"name": "general", "hours": 0.5}]


def test_a_template_with_a_choice_of_cycles_asks_for_one(run):
    result = run("cert", "add", "--template", "ny-cps", "--expires", "2027-03-31")
    assert result.exit_code == 2
    assert "--cycle is missing" in result.stderr and "1y or 2y" in result.stderr


def test_renewing_keeps_a_backup_and_refuses_a_cycle_not_yet_started(run, ok, make_cert, db_path, monkeypatch):
    make_cert(expires="2026-12-31", cycle="1y", hours="0")
    monkeypatch.setenv("PEERTRACK_TODAY", "2026-12-20")
    ok("cert", "renew", "ca-pss")
    assert any("before-cert-renew" in p.name for p in (db_path.parent / "backups").iterdir())
    again = run("cert", "renew", "ca-pss")
    assert again.exit_code == 2 and "is not after the day the current cycle starts" in again.stderr


def test_removing_a_deadline_keeps_a_backup(ok, db_path):
    ok("deadline", "add", "Fee", "--due", "2027-01-01")
    assert "A copy from just before is in" in ok("deadline", "rm", "1", "--yes").stderr


@pytest.mark.parametrize("args", [
    ["cert", "show", "ca-pss"], ["cert", "rm", "ca-pss", "--yes"], ["cert", "renew", "ca-pss", "--yes"],
    ["cert", "edit", "ca-pss", "--hours", "3"], ["ceu", "show", "1"], ["ceu", "rm", "1", "--yes"],
    ["ceu", "edit", "1", "--hours", "2"], ["ceu", "open", "1"], ["deadline", "done", "1"],
    ["deadline", "rm", "1", "--yes"],
])
def test_looking_for_a_record_never_creates_the_database(run, db_path, args):
    result = run(*args)
    assert result.exit_code == 2
    assert "There is no" in result.stderr
    assert not db_path.exists() and not db_path.parent.exists()


@pytest.mark.parametrize("args, words", [
    (["log-ceu", "X", "--hours", "1_0"], '--hours "1_0" is not a number of hours'),
    (["log-ceu", "X", "--hours", "1", "--category", "ethics=2"], '--category "ethics=2" is not a category'),
    (["log-ceu", "X", "--hours", "1", "--category", "a;b"], '--category "a;b" is not a category'),
])
def test_more_bad_input(run, args, words):
    result = run(*args)
    assert result.exit_code == 2 and words in result.stderr


def test_the_previous_cycle_is_the_one_on_record(ok, make_cert, monkeypatch):
    make_cert(issued="2026-01-15", expires="2026-12-31", cycle="1y", hours="1")
    ok("log-ceu", "Before certification", "--hours", "40", "--date", "2025-09-01", "--cert", "ca-pss")
    ok("log-ceu", "In the first cycle", "--hours", "2", "--date", "2026-03-01")
    assert ok("export", "csv", "--cert", "ca-pss", "--cycle", "previous").stdout.count("\n") == 1  # header only
    monkeypatch.setenv("PEERTRACK_TODAY", "2026-12-30")
    ok("cert", "renew", "ca-pss")
    previous = ok("export", "csv", "--cert", "ca-pss", "--cycle", "previous").stdout
    assert "In the first cycle" in previous and "Before certification" not in previous


@pytest.mark.parametrize("args, words", [
    (["ceu", "show", "abc"], 'The course number "abc" is not a number'),
    (["ceu", "rm", "0", "--yes"], 'The course number "0" is not a number'),
    (["remind", "done", "Walk"], 'The reminder number "Walk" is not a number'),
])
def test_record_numbers_are_explained_in_plain_words(run, make_cert, args, words):
    make_cert()
    result = run(*args)
    assert result.exit_code == 2
    assert words in result.stderr and "valid int" not in result.stderr


def test_a_backup_never_replaces_a_file_without_asking(run, ok, make_cert, tmp_path):
    make_cert()
    precious = tmp_path / "precious.db"
    precious.write_text("my other work")
    refused = run("backup", "-o", str(precious))
    assert refused.exit_code == 2 and "--yes" in refused.stderr
    assert precious.read_text() == "my other work"
    ok("backup", "-o", str(precious), "--yes")
    assert precious.read_bytes().startswith(b"SQLite format 3")
