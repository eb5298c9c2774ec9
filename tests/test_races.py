"""Two peertracks at once: a second process writes at the moment the first one asks its question.

Each test replaces the prompt with a function that runs another peertrack, then checks the
first one looked again inside its own write and lost nothing.
"""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from peertrack.domain.errors import Conflict, StorageTrouble
from peertrack.storage.database import connect


def peertrack(*args: str) -> subprocess.CompletedProcess:
    """peertrack in a process of its own, on the same database (PEERTRACK_DB is set for each test)."""
    done = subprocess.run([sys.executable, "-m", "peertrack", *args], capture_output=True, text=True,
                          env=os.environ | {"PYTHONPATH": str(Path(__file__).parent.parent)})
    assert done.returncode == 0, done.stderr
    return done


def answer_yes_after(monkeypatch, module: str, *commands: tuple[str, ...]) -> None:
    """The question in `module` is answered yes, but only after the commands ran in another process."""

    def asked(question: str, yes: bool) -> bool:
        for command in commands:
            peertrack(*command)
        return True

    monkeypatch.setattr(f"peertrack.commands.{module}.confirm", asked)


def rows(db_path: Path, sql: str) -> list[tuple]:
    conn = sqlite3.connect(db_path)
    try:
        return conn.execute(sql).fetchall()
    finally:
        conn.close()


def test_a_course_logged_while_restore_asks_is_never_lost(run, ok, make_cert, db_path, tmp_path, monkeypatch):
    make_cert()
    ok("log-ceu", "Before the backup", "--hours", "1")
    ok("backup", "-o", str(tmp_path / "b.db"))
    answer_yes_after(monkeypatch, "backups", ("log-ceu", "Logged meanwhile", "--hours", "2"))
    result = run("restore", str(tmp_path / "b.db"))
    assert result.exit_code == Conflict.EXIT_CODE, result.stderr
    assert "changed while you were deciding" in result.stderr
    assert ("Logged meanwhile",) in rows(db_path, "SELECT title FROM ceus")


def test_restore_refuses_while_another_program_writes(run, ok, make_cert, db_path, tmp_path, snapshot):
    make_cert()
    ok("backup", "-o", str(tmp_path / "b.db"))
    ok("log-ceu", "After the backup", "--hours", "1")
    before = snapshot()
    writer = sqlite3.connect(db_path, isolation_level=None)
    writer.execute("BEGIN IMMEDIATE")  # holds the write lock, as a long import would
    try:
        result = run("restore", str(tmp_path / "b.db"), "--yes")
    finally:
        writer.execute("ROLLBACK")
        writer.close()
    assert result.exit_code == StorageTrouble.EXIT_CODE, result.stderr
    assert "is writing to" in result.stderr and "nothing was restored" in result.stderr
    assert snapshot() == before


def test_a_course_logged_while_import_json_asks_is_never_deleted(run, ok, make_cert, db_path, tmp_path,
                                                                  monkeypatch):
    make_cert()
    ok("log-ceu", "From the old computer", "--hours", "1")
    ok("export", "json", "-o", str(tmp_path / "all.json"))
    fresh = tmp_path / "new" / "peertrack.db"
    connect(fresh).close()
    monkeypatch.setenv("PEERTRACK_DB", str(fresh))
    answer_yes_after(monkeypatch, "imports", ("cert", "add", "CPS", "--id", "cps", "--expires", "2027-06-30",
                                              "--hours", "20"),
                     ("log-ceu", "Logged meanwhile", "--hours", "2"))
    result = run("import", "json", str(tmp_path / "all.json"))
    assert result.exit_code == Conflict.EXIT_CODE, result.stderr
    assert "while you were deciding" in result.stderr
    assert rows(fresh, "SELECT title FROM ceus") == [("Logged meanwhile",)]


def test_two_renewals_at_once_leave_one_open_cycle(run, make_cert, db_path, monkeypatch):
    make_cert()  # no courses yet: renewing asks "still needs 20 hours. Renew anyway?"
    answer_yes_after(monkeypatch, "cert_changes", ("cert", "renew", "ca-pss", "--yes"))
    result = run("cert", "renew", "ca-pss")
    assert result.exit_code == Conflict.EXIT_CODE, result.stderr
    assert "was renewed by another peertrack while you were deciding" in result.stderr
    assert rows(db_path, "SELECT count(*) FROM cycles WHERE closed_on IS NULL") == [(1,)]
    assert rows(db_path, "SELECT count(*) FROM cycles") == [(2,)]


def test_a_certification_removed_while_renew_asks_is_not_renewed(run, make_cert, db_path, monkeypatch):
    make_cert()
    answer_yes_after(monkeypatch, "cert_changes", ("cert", "rm", "ca-pss", "--yes"))
    result = run("cert", "renew", "ca-pss")
    assert result.exit_code == 2, result.stderr
    assert 'There is no certification with the id "ca-pss"' in result.stderr
    assert rows(db_path, "SELECT count(*) FROM cycles") == [(0,)]


def test_the_schema_itself_allows_one_open_cycle(make_cert, db_path):
    make_cert()
    conn = sqlite3.connect(db_path)
    try:
        with pytest.raises(sqlite3.IntegrityError):
            conn.execute("INSERT INTO cycles (cert_id, starts, ends, required_seconds) "
                         "SELECT cert_id, starts, ends, required_seconds FROM cycles")
    finally:
        conn.close()


def test_an_export_is_one_moment_even_while_courses_are_logged(ok, make_cert, db_path, tmp_path, monkeypatch):
    make_cert()
    ok("log-ceu", "First", "--hours", "1")
    from peertrack.storage import dump

    read_table = dump._rows

    def slow_reader(conn, name):
        found = read_table(conn, name)
        if name == "ceus":  # its courses are read; their credits are not yet
            peertrack("log-ceu", "Logged meanwhile", "--hours", "2")
        return found

    monkeypatch.setattr(dump, "_rows", slow_reader)
    ok("export", "json", "-o", str(tmp_path / "all.json"))
    tables = json.loads((tmp_path / "all.json").read_text())["tables"]
    courses = {row["id"] for row in tables["ceus"]}
    assert courses == {1}
    assert {row["ceu_id"] for row in tables["ceu_credits"]} <= courses
    monkeypatch.undo()
    monkeypatch.setenv("PEERTRACK_DB", str(tmp_path / "new.db"))
    ok("import", "json", str(tmp_path / "all.json"), "--yes")  # an export that can be imported
