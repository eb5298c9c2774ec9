"""Hours are whole seconds: exact at any precision a certificate uses, and summed without loss."""

from __future__ import annotations

import csv
import io
import json
import shutil
import sqlite3
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from peertrack.domain.errors import InvalidInput
from peertrack.domain.formatting import hours, hours_decimal, hours_number
from peertrack.domain.parsing import parse_hours
from peertrack.storage import dump
from peertrack.storage.database import SCHEMA_VERSION

FIXTURE = Path(__file__).parent / "fixtures" / "schema-4.db"


def test_eight_courses_of_an_eighth_of_an_hour_make_exactly_one_hour(ok, make_cert, status_json, tmp_path):
    make_cert()
    for day in range(1, 9):
        ok("log-ceu", f"Short module {day}", "--hours", "0.125", "--date", f"2026-10-0{day}")
    item = status_json()["certifications"][0]
    assert item["hours_earned"] == 1 and item["hours_logged"] == 1 and item["hours_missing"] == 19
    assert "Hours: 1 of 20 hours (5%)" in ok("--plain", "status").stdout
    courses = json.loads(ok("ceu", "list", "--json").stdout)
    assert [course["hours"] for course in courses] == [0.125] * 8
    assert "8 courses, 1 hour in all." in ok("--plain", "ceu", "list").stdout
    rows = list(csv.reader(io.StringIO(ok("export", "csv", "--cert", "ca-pss").stdout)))
    assert [row[3] for row in rows[1:]] == ["0.125"] * 8
    assert sum(Decimal(row[3]) for row in rows[1:]) == 1


@pytest.mark.parametrize("text, shown", [
    ("0.25", "0.25"), ("0.1", "0.1"), ("0.125", "0.125"), ("0.01", "0.01"), ("45m", "0.75"), ("7.5m", "0.125"),
    ("1h15m", "1.25"), ("2.375", "2.375"), ("0.0025", "0.0025"),
])
def test_hours_are_shown_exactly(ok, make_cert, text, shown):
    make_cert()
    ok("log-ceu", "Module", "--hours", text, "--date", "2026-10-01")
    assert json.loads(ok("ceu", "show", "1", "--json").stdout)["hours"] == float(shown)
    assert f"Hours          {shown} " in ok("--plain", "ceu", "show", "1").stdout


def test_a_third_of_an_hour_is_kept_exactly_and_shown_to_the_hundredth(ok, make_cert, status_json):
    make_cert()
    for day in (1, 2, 3):
        ok("log-ceu", f"Twenty minutes {day}", "--hours", "20m", "--date", f"2026-10-0{day}")
    assert [c["hours"] for c in json.loads(ok("ceu", "list", "--json").stdout)] == [0.33] * 3
    assert status_json()["certifications"][0]["hours_earned"] == 1  # three thirds, not 0.99


@pytest.mark.parametrize("text", ["0.0001", "1.00001", "0.001m", "1.333333"])
def test_hours_finer_than_a_second_are_refused_and_nothing_is_written(run, ok, make_cert, snapshot, text):
    make_cert()
    before = snapshot()
    result = run("log-ceu", "Too fine", "--hours", text)
    assert result.exit_code == InvalidInput.EXIT_CODE == 2
    sentence, next_step = result.stderr.splitlines()
    assert "is more exact than a second" in sentence
    assert next_step == "See what it takes, with examples: peertrack log-ceu --help"
    assert "round it to at most two decimals" in result.stderr
    assert snapshot() == before


amounts = st.one_of(
    st.integers(1, 4000).map(lambda n: Decimal(n) / 100),   # hundredths (and so tenths and quarters)
    st.integers(1, 800).map(lambda n: Decimal(n) / 8),      # eighths
    st.integers(1, 100).map(lambda n: Decimal(n)),          # whole hours
)


@given(st.lists(amounts, min_size=1, max_size=40))
def test_sums_of_decimal_hours_are_exact(values):
    seconds = [parse_hours(f"{value}") for value in values]
    assert sum(seconds) == sum(values) * 3600
    assert hours_decimal(sum(seconds)) == sum(values)
    assert Decimal(hours(sum(seconds))) == sum(values)
    assert Decimal(str(hours_number(sum(seconds)))) == sum(values)


@given(st.integers(1, 6000))
def test_whole_minutes_are_whole_seconds(minutes):
    assert parse_hours(f"{minutes}m") == minutes * 60
    assert parse_hours(f"{minutes // 60}h{minutes % 60}m") == minutes * 60


def test_a_database_of_schema_4_keeps_every_row_and_every_hour(ok, db_path, status_json):
    db_path.parent.mkdir(parents=True)
    shutil.copy(FIXTURE, db_path)
    courses = json.loads(ok("ceu", "list", "--json").stdout)
    assert [(c["id"], c["hours"]) for c in courses] == [
        (1, 2), (2, 20), (3, 6), (4, 2), (5, 3.5), (6, 1.25), (7, 0.1), (8, 20), (9, 1.75), (10, 0.25)]
    assert courses[7]["credits"] == [{"cert": "ca-pss", "hours": 15}, {"cert": "ga-cps", "hours": 20}]
    assert courses[4]["categories"] == [{"name": "ethics", "hours": 2}, {"name": "general", "hours": 1.5}]
    conn = sqlite3.connect(db_path)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert conn.execute("SELECT seconds FROM ceus WHERE id = 7").fetchone()[0] == 360
    # The 5 hours carried when the renewal was recorded stay, as a record beside the cap the old cycle closed
    # with (the certification's rule); status works them out again from the courses: 28 of 20, capped at 5.
    assert conn.execute("SELECT carried_when_renewed_seconds FROM cycles WHERE closed_on IS NULL"
                        " AND cert_id = 'ca-pss'").fetchone()[0] == 5 * 3600
    assert conn.execute("SELECT carry_cap_seconds FROM cycles WHERE cert_id = 'ca-pss' ORDER BY starts"
                        ).fetchall() == [(5 * 3600,), (5 * 3600,)]
    assert conn.execute("SELECT count(*) FROM reminder_log").fetchone()[0] == 1
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    conn.close()
    certs = {c["id"]: c for c in status_json()["certifications"]}
    assert certs["ca-pss"]["hours_required"] == 20 and certs["ca-pss"]["carry_over_hours"] == 5
    assert certs["ca-pss"]["hours_carried_over"] == 5
    assert [(r["category"], r["hours"]) for r in certs["ca-pss"]["requirements"]] == [("ethics", 6)]
    assert [(c["name"], c["hours"]) for c in certs["ca-pss"]["caps"]] == [("online", 10)]
    assert certs["ga-cps"]["hours_required"] == 12


def test_an_export_of_schema_4_in_minutes_still_imports(ok, db_path, tmp_path):
    """An export written before hours became seconds (schema 4, amounts in minutes) loads with every hour."""
    conn = sqlite3.connect(FIXTURE)
    old = {"format": "peertrack", "schema": 4, "exported": "2026-11-02T10:00:00+00:00",
           "tables": dump.dump_tables(conn), "sequences": dump.sequences(conn)}
    conn.close()
    assert old["tables"]["ceus"][6]["minutes"] == 6
    source = tmp_path / "old.json"
    source.write_text(json.dumps(old))
    ok("import", "json", str(source), "--yes")
    imported = json.loads(ok("ceu", "list", "--json").stdout)
    reference = tmp_path / "reference.db"
    shutil.copy(FIXTURE, reference)
    assert imported == json.loads(ok("--db", str(reference), "ceu", "list", "--json").stdout)
    conn = sqlite3.connect(db_path)
    assert conn.execute("SELECT seconds FROM ceus WHERE id = 7").fetchone()[0] == 360
    conn.close()
