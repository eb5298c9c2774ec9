"""Never lose a record: concurrent writers, damaged files, privacy, hostile input."""

import json
import os
import socket
import sqlite3
import stat
from concurrent.futures import ThreadPoolExecutor

import pytest

from peertrack.domain.errors import DatabaseProblem, StorageTrouble


def test_many_processes_logging_at_once_all_land(tmp_path, process):
    db_path = tmp_path / "shared.db"  # new: the first writers also race to create it

    def writer(number):
        env = {"PEERTRACK_DB": str(db_path)}
        results = [process("log-ceu", f"Course {number}-{i}", "--hours", "1", env=env) for i in range(3)]
        results.append(process("due", env=env))
        return results

    with ThreadPoolExecutor(max_workers=8) as pool:
        outcomes = [r for batch in pool.map(writer, range(8)) for r in batch]
    assert all(r.returncode == 0 for r in outcomes), [r.stderr for r in outcomes if r.returncode]
    conn = sqlite3.connect(db_path)
    titles = {row[0] for row in conn.execute("SELECT title FROM ceus")}
    assert titles == {f"Course {n}-{i}" for n in range(8) for i in range(3)}
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    conn.close()


def test_a_truncated_database_is_reported_not_overwritten(run, make_cert, ok, db_path):
    make_cert()
    for i in range(40):
        ok("log-ceu", f"Course {i} " + "x" * 200, "--hours", "1")
    conn = sqlite3.connect(db_path)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.execute("PRAGMA journal_mode = DELETE")
    conn.close()
    data = db_path.read_bytes()
    db_path.write_bytes(data[: len(data) // 2])
    before = db_path.read_bytes()
    result = run("ceu", "list")
    assert result.exit_code == DatabaseProblem.EXIT_CODE
    assert "damaged" in result.stderr and "peertrack restore" in result.stderr
    assert "Traceback" not in result.stderr
    assert db_path.read_bytes() == before


def test_garbage_inside_a_database_is_reported(run, make_cert, db_path):
    make_cert()
    conn = sqlite3.connect(db_path)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    data = bytearray(db_path.read_bytes())
    data[100:] = b"\x99" * (len(data) - 100)  # everything after the header, the schema included
    db_path.write_bytes(bytes(data))
    result = run("status")
    assert result.exit_code == 2
    assert "damaged" in result.stderr
    assert "Traceback" not in result.stderr
    assert "did not expect" not in result.stderr


@pytest.mark.parametrize("message, error, words", [
    ("database or disk is full", StorageTrouble, "The disk is full, so nothing was saved"),
    ("attempt to write a readonly database", DatabaseProblem, "is read-only"),
    ("database is locked", StorageTrouble, "is busy"),
])
def test_storage_failures_are_one_clear_sentence(run, make_cert, snapshot, monkeypatch, message, error, words):
    make_cert()
    before = snapshot()

    def failing(*args, **kwargs):
        raise sqlite3.OperationalError(message)

    monkeypatch.setattr("peertrack.commands.course_entry.insert_course", failing)
    result = run("log-ceu", "Trauma-Informed Care", "--hours", "3")
    assert result.exit_code == error.EXIT_CODE
    assert words in result.stderr
    assert "Traceback" not in result.stderr
    assert snapshot() == before


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="the superuser can write to read-only files")
def test_a_read_only_database_file(run, make_cert, db_path, snapshot):
    make_cert()
    before = snapshot()
    db_path.chmod(0o400)
    result = run("log-ceu", "X", "--hours", "1")
    assert result.exit_code == 2
    assert "read-only" in result.stderr
    db_path.chmod(0o600)
    assert snapshot() == before


@pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")
def test_files_are_private_and_loose_permissions_are_pointed_out(ok, make_cert, db_path):
    make_cert()
    ok("ceu", "list")
    ok("log-ceu", "A course", "--hours", "1")
    ok("ceu", "rm", "1", "--yes")
    for backup in (db_path.parent / "backups").iterdir():
        assert stat.S_IMODE(backup.stat().st_mode) == 0o600
    assert stat.S_IMODE((db_path.parent / "backups").stat().st_mode) == 0o700
    assert "other people" not in ok("status").stderr
    db_path.chmod(0o644)
    warned = ok("status").stderr
    assert "other people on this computer can read" in warned and "chmod 600" in warned
    for command in (["ceu", "list"], ["ceu", "list", "--json"], ["export", "csv"]):
        assert ok(*command).stderr.count("other people on this computer can read") == 1, command  # said once


def test_nothing_reaches_the_network(ok, make_cert, monkeypatch, tmp_path):
    def refuse(*args, **kwargs):
        raise AssertionError("peertrack tried to open a network connection")

    monkeypatch.setattr(socket, "socket", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    make_cert()
    ok("log-ceu", "Trauma-Informed Care", "--hours", "3", "--category", "ethics")
    ok("status")
    ok("due")
    ok("export", "csv", "-o", str(tmp_path / "out.csv"))
    ok("demo")


def test_the_sql_is_parameterised(ok, make_cert, status_json):
    make_cert()
    hostile = "x'); DROP TABLE ceus; --"
    ok("log-ceu", hostile, "--hours", "1", "--provider", "Robert'); DROP TABLE certifications;--")
    assert status_json()["certifications"][0]["hours_earned"] == 1
    ok("ceu", "list", "--category", "'; DELETE FROM ceus; --")
    course = json.loads(ok("ceu", "show", "1", "--json").stdout)
    assert (course["title"], course["provider"]) == (hostile, "Robert'); DROP TABLE certifications;--")
