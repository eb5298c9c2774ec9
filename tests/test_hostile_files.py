"""Backups and exports that carry SQL of their own, miss tables, or hold values no command can use."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from peertrack.domain.errors import InvalidInput


@pytest.fixture
def with_data(ok, make_cert):
    make_cert()
    ok("log-ceu", "Trauma-Informed Care", "--hours", "3", "--date", "2026-10-01")
    ok("log-ceu", "Ethics", "--hours", "2", "--date", "2026-10-02")
    ok("remind", "add", "Recovery meeting", "--every", "week", "--on", "thu")


@pytest.fixture
def backup_file(ok, with_data, tmp_path) -> Path:
    target = tmp_path / "backup.db"
    ok("backup", "-o", str(target))
    return target


def alter(path: Path, *statements: str) -> None:
    conn = sqlite3.connect(path)
    try:
        for statement in statements:
            conn.execute(statement)
        conn.commit()
    finally:
        conn.close()


def count(db_path: Path, table: str) -> int:
    conn = sqlite3.connect(db_path)
    try:
        return conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
    finally:
        conn.close()


def objects(db_path: Path, kind: str) -> list[str]:
    conn = sqlite3.connect(db_path)
    try:
        return [row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = ?", (kind,))]
    finally:
        conn.close()


def test_a_trigger_in_a_backup_is_left_out_and_named(ok, backup_file, db_path):
    alter(backup_file, "CREATE TRIGGER wipe AFTER UPDATE ON certifications BEGIN DELETE FROM ceus; END",
          "CREATE VIEW everything AS SELECT * FROM ceus")
    result = ok("restore", str(backup_file), "--yes")
    assert 'trigger "wipe"' in result.stderr and 'view "everything"' in result.stderr
    assert "wipe" not in objects(db_path, "trigger") and objects(db_path, "view") == []
    ok("cert", "edit", "ca-pss", "--name", "Renamed")
    assert count(db_path, "ceus") == 2  # the trigger would have deleted both


def test_a_trigger_brought_in_by_an_older_file_never_runs(ok, with_data, db_path):
    conn = sqlite3.connect(db_path)
    conn.execute("CREATE TRIGGER wipe AFTER INSERT ON ceus BEGIN DELETE FROM ceus WHERE id <> NEW.id; END")
    conn.execute("PRAGMA user_version = 1")  # as an older peertrack left it: the next command upgrades it
    conn.close()
    ok("log-ceu", "Another", "--hours", "1")
    assert count(db_path, "ceus") == 3
    assert "wipe" not in objects(db_path, "trigger")


def test_check_names_what_the_schema_does_not_define(run, ok, with_data, db_path):
    assert ok("check").exit_code == 0
    alter(db_path, "CREATE TRIGGER wipe AFTER UPDATE ON certifications BEGIN DELETE FROM ceus; END")
    result = run("check")
    assert result.exit_code == 1
    assert 'trigger "wipe"' in result.stdout
    report = json.loads(run("check", "--json").stdout)
    assert report["foreign_objects"] == ['trigger "wipe"'] and report["ok"] is False


@pytest.mark.parametrize("statement, words", [
    ("DROP TABLE deadlines", 'has no "deadlines" table'),
    ("ALTER TABLE ceus DROP COLUMN note", 'has a "ceus" table of another shape'),
    ("UPDATE ceus SET seconds = 'abc'", 'seconds "abc" is not a whole number'),
    ("UPDATE ceus SET seconds = 1e300", 'is not a whole number'),
    ("UPDATE ceus SET date = 'next tuesday'", 'date "next tuesday" is not a date written as YYYY-MM-DD'),
    ("UPDATE ceus SET date = '0001-01-01'", 'is not a date between 1900 and 2199'),
    ("UPDATE reminders SET rrule = 'FREQ=SECONDLY'", 'is not a rule peertrack can use'),
    ("UPDATE reminders SET rrule = 'FREQ=DAILY;INTERVAL=0'", 'is not a rule peertrack can use'),
])
def test_a_hostile_backup_is_refused_and_changes_nothing(run, ok, backup_file, snapshot, statement, words):
    alter(backup_file, statement)
    before = snapshot()
    result = run("restore", str(backup_file), "--yes")
    assert result.exit_code == InvalidInput.EXIT_CODE, result.stderr
    assert words in result.stderr
    assert "Traceback" not in result.stderr and "did not expect" not in result.stderr
    assert snapshot() == before
    ok("status")  # every later command still works
    ok("due")


@pytest.fixture
def export(ok, with_data, tmp_path) -> dict:
    target = tmp_path / "all.json"
    ok("export", "json", "-o", str(target))
    return json.loads(target.read_text())


@pytest.mark.parametrize("table, column, value, words", [
    ("ceus", "seconds", "180", 'seconds "180" is not a whole number'),
    ("ceus", "seconds", 1.5, 'seconds "1.5" is not a whole number'),
    ("ceus", "seconds", "1e400", 'is not a whole number'),
    ("ceus", "date", "next tuesday", 'date "next tuesday" is not a date written as YYYY-MM-DD'),
    ("ceus", "date", "9999-12-31", "is not a date between 1900 and 2199"),
    ("ceus", "id", 2**63, "is not a record number peertrack uses"),
    ("reminders", "rrule", "FREQ=SECONDLY", "is not a rule peertrack can use"),
    ("reminders", "rrule", "not a rule at all", "is not a rule peertrack can use"),
])
def test_an_export_with_values_no_command_can_use_is_refused(run, export, tmp_path, table, column, value, words):
    export["tables"][table][0][column] = value
    text = json.dumps(export)
    if value == "1e400":
        text = text.replace('"1e400"', "1e400")  # a number too large for any float: read as infinity
    source = tmp_path / "hostile.json"
    source.write_text(text)
    fresh = tmp_path / "fresh.db"
    result = run("--db", str(fresh), "import", "json", str(source), "--yes")
    assert result.exit_code == InvalidInput.EXIT_CODE, result.stderr
    assert words in result.stderr
    assert "did not expect" not in result.stderr
    assert not fresh.exists()  # nothing written: the new file is taken away again


def test_an_export_nested_very_deep_is_refused_in_words(run, tmp_path):
    source = tmp_path / "deep.json"
    source.write_text("[" * 100_000 + "]" * 100_000)
    result = run("--db", str(tmp_path / "fresh.db"), "import", "json", str(source), "--yes")
    assert result.exit_code == InvalidInput.EXIT_CODE
    assert "nested too deeply" in result.stderr
