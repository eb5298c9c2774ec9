"""The database file: created private, migrated once, refused when it is not ours or is newer."""

import json
import os
import shutil
import sqlite3
import stat
from pathlib import Path

import pytest

from peertrack.domain.errors import DatabaseProblem
from peertrack.storage import migrations
from peertrack.storage.certs import delete_cert, insert_cert, load_cert
from peertrack.storage.courses import count_courses, delete_course, insert_course, load_course
from peertrack.storage.database import SCHEMA_VERSION, connect, transaction


def test_new_database_is_private_versioned_and_in_wal_mode(ok, make_cert, db_path):
    make_cert()
    assert stat.S_IMODE(os.stat(db_path).st_mode) == 0o600
    assert stat.S_IMODE(os.stat(db_path.parent).st_mode) == 0o700
    conn = sqlite3.connect(db_path)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    conn.close()


def test_schema_version_matches_the_migration_steps():
    assert SCHEMA_VERSION == len(migrations.steps._migrations)


def test_migrating_twice_changes_nothing(db_path):
    connect(db_path).close()
    conn = sqlite3.connect(db_path)
    schema = conn.execute("SELECT sql FROM sqlite_master ORDER BY name").fetchall()
    conn.close()
    again = connect(db_path)
    migrations.upgrade(again, db_path, SCHEMA_VERSION)
    again.close()
    conn = sqlite3.connect(db_path)
    assert conn.execute("SELECT sql FROM sqlite_master ORDER BY name").fetchall() == schema
    assert conn.execute("SELECT count(*) FROM _sqlite_migrations").fetchone()[0] == SCHEMA_VERSION
    conn.close()


def test_a_newer_database_is_refused_and_left_untouched(run, make_cert, db_path):
    make_cert()
    conn = sqlite3.connect(db_path)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    before = db_path.read_bytes()
    result = run("status")
    assert result.exit_code == DatabaseProblem.EXIT_CODE
    assert "newer version of peertrack" in result.stderr
    assert db_path.read_bytes() == before


def test_a_file_that_is_not_a_database_is_refused(run, db_path):
    db_path.parent.mkdir(parents=True)
    db_path.write_text("my shopping list\n" * 100)
    result = run("status")
    assert result.exit_code == 2
    assert "is not a peertrack database, or it is damaged" in result.stderr
    assert "peertrack restore" in result.stderr
    assert db_path.read_text() == "my shopping list\n" * 100


def test_another_programs_database_is_refused(run, db_path):
    db_path.parent.mkdir(parents=True)
    conn = sqlite3.connect(db_path)
    conn.execute("CREATE TABLE photos (id INTEGER)")
    conn.close()
    result = run("log-ceu", "X", "--hours", "1")
    assert result.exit_code == 2
    assert "another program" in result.stderr


def test_a_folder_where_the_file_should_be(run, db_path):
    db_path.mkdir(parents=True)
    result = run("status")
    assert result.exit_code == 2
    assert "is a folder" in result.stderr


def test_a_failed_write_leaves_nothing_behind(make_cert, db_path):
    make_cert()
    conn = connect(db_path)
    with pytest.raises(RuntimeError):
        with transaction(conn):
            conn.execute("INSERT INTO ceus (date, title, seconds, created_at) VALUES ('2026-01-01', 'x', 60, 'now')")
            raise RuntimeError("power cut")
    assert count_courses(conn) == 0
    conn.close()


def test_every_record_round_trips(ok, make_cert, db_path):
    make_cert(body="CalMHSA", number="N-1", issued="2023-07-01", require=["ethics=6", "cultural=1.5"])
    ok("log-ceu", "Split course", "--hours", "2.5", "--category", "ethics:1", "--category", "cultural:1.5",
       "--provider", "P", "--format", "self-study", "--approval-no", "A-9", "--note", "n", "--date", "2026-10-01")
    conn = connect(db_path)
    cert = load_cert(conn, "ca-pss")
    course = load_course(conn, 1)
    with transaction(conn):
        delete_course(conn, 1)
        delete_cert(conn, "ca-pss")
        insert_cert(conn, cert)
        insert_course(conn, course)
    assert load_cert(conn, "ca-pss") == cert
    assert load_course(conn, 2) == type(course)(**{**course.__dict__, "id": 2})
    conn.close()
    assert json.loads(ok("ceu", "show", "2", "--json").stdout)["certs"] == ["ca-pss"]


def test_an_unexpected_error_is_one_line_and_a_log(run, make_cert, db_path, monkeypatch):
    make_cert()

    def broken(*args, **kwargs):
        raise ZeroDivisionError("boom")

    monkeypatch.setattr("peertrack.services.standing.load_certs", broken)
    result = run("status")
    assert result.exit_code == 1
    assert "Traceback" not in result.stderr
    assert "did not expect" in result.stderr
    log = db_path.parent / "peertrack-errors.log"
    assert str(log) in result.stderr
    assert "ZeroDivisionError: boom" in log.read_text()


FIXTURE = Path(__file__).parent / "fixtures" / "schema-1.db"


def test_a_database_from_the_first_schema_opens_with_every_row(ok, db_path):
    db_path.parent.mkdir(parents=True)
    shutil.copy(FIXTURE, db_path)
    courses = json.loads(ok("ceu", "list", "--json").stdout)
    assert [(c["id"], c["date"], c["title"], c["hours"], c["category"], c["certs"]) for c in courses] == [
        (5, "2024-03-01", "Old course", 2, None, ["ca-pss"]),
        (1, "2025-09-10", "Law and Ethics for Peer Support", 3, "ethics", ["ca-pss"]),
        (2, "2026-02-01", 'Ethics, "boundaries" and you', 3.5, "ethics: 2; general: 1.5", ["ca-pss", "ga-cps"]),
        (3, "2026-10-01", "Café humility 🌱 שלום", 0.1, None, ["ga-cps"]),
        (4, "2026-10-15", "=Formula title", 1.5, None, ["ca-pss", "ga-cps"]),
    ]
    assert courses[2]["note"] == "private note"
    certs = {c["id"]: c for c in json.loads(ok("status", "--json").stdout)["certifications"]}
    assert certs["ca-pss"]["hours_earned"] == 8
    assert [(r["category"], r["hours"]) for r in certs["ca-pss"]["requirements"]] == [("ethics", 6), ("cultural", 2)]
    assert certs["ga-cps"]["hours_earned"] == 5.1
    conn = sqlite3.connect(db_path)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    conn.close()
