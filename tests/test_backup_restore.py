"""Backups taken while the database is in use, and restores that check first and never lose the current records."""

import json
import os
import shutil
import sqlite3
import stat
import threading
import time
from pathlib import Path

import pytest

from peertrack.domain.errors import DatabaseProblem, InvalidInput, NeedsConfirmation
from peertrack.storage.database import SCHEMA_VERSION

FIXTURE = Path(__file__).parent / "fixtures" / "schema-1.db"


@pytest.fixture
def with_data(ok, make_cert):
    make_cert(number="PSS-1")
    ok("log-ceu", "Trauma-Informed Care", "--hours", "3", "--date", "2026-10-01", "--category", "ethics")
    ok("log-ceu", "WRAP refresher", "--hours", "1.5", "--date", "2026-10-02")


def titles(ok) -> list[str]:
    return [course["title"] for course in json.loads(ok("ceu", "list", "--json").stdout)]


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.startswith(".peertrack"))


# Backup


def test_backup_writes_a_private_self_contained_copy(ok, with_data, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = ok("backup")
    target = tmp_path / "peertrack-backup-2026-11-02.db"
    assert f"Backed up 1 certification and 2 courses to {target.name}" in result.stderr
    assert stat.S_IMODE(os.stat(target).st_mode) == 0o600
    conn = sqlite3.connect(target)
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"  # one file, no log beside it
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert conn.execute("SELECT title FROM ceus ORDER BY id").fetchall() == [("Trauma-Informed Care",),
                                                                            ("WRAP refresher",)]
    conn.close()
    ok("backup")
    assert (tmp_path / "peertrack-backup-2026-11-02-2.db").exists()  # never over an earlier one
    assert leftovers(tmp_path) == []


def test_backup_to_a_file_or_a_folder(ok, with_data, tmp_path):
    target = tmp_path / "usb" / "peertrack.db"
    target.parent.mkdir()
    target.write_text("last week's copy")
    ok("backup", "-o", str(target), "--yes")  # replacing last week's copy is asked about first
    assert sqlite3.connect(target).execute("SELECT count(*) FROM ceus").fetchone()[0] == 2
    ok("backup", "-o", str(target.parent))
    assert (target.parent / "peertrack-backup-2026-11-02.db").exists()


def test_backup_mentions_the_certificate_folder(ok, with_data, tmp_path):
    certificate = tmp_path / "c.pdf"
    certificate.write_bytes(b"%PDF-1.4 certificate")
    ok("ceu", "attach", "1", str(certificate))
    result = ok("backup", "-o", str(tmp_path / "b.db"))
    assert "Certificate files are kept apart" in result.stderr


@pytest.mark.parametrize("args, words", [
    (["-o", "{db}"], ['--output "{db}" is the database itself']),
    (["-o", "{tmp}/no/such/folder/b.db"], ["Could not write"]),
])
def test_bad_backup_targets(run, with_data, snapshot, db_path, tmp_path, args, words):
    before = snapshot()
    result = run("backup", *[a.format(db=db_path, tmp=tmp_path) for a in args])
    assert result.exit_code in (1, 2)
    for word in words:
        assert word.format(db=db_path) in result.stderr
    assert snapshot() == before


def test_backup_without_a_database(run, db_path):
    result = run("backup")
    assert result.exit_code == 1
    assert "nothing to back up" in result.stderr
    assert not db_path.exists()


def test_a_backup_taken_while_another_connection_writes_is_consistent(ok, make_cert, db_path, tmp_path):
    make_cert()
    stop = threading.Event()
    written = []

    def write_courses():
        conn = sqlite3.connect(db_path, timeout=30, isolation_level=None)
        number = 0
        while not stop.is_set():
            number += 1
            conn.execute("BEGIN IMMEDIATE")
            cursor = conn.execute("INSERT INTO ceus (date, title, seconds, created_at)"
                                  " VALUES ('2026-10-01', ?, 60, 'now')", (f"Course {number}",))
            # Half a course is never a course: its category goes in the same transaction.
            conn.execute("INSERT INTO ceu_allocations (ceu_id, category, seconds) VALUES (?, 'ethics', 60)",
                         (cursor.lastrowid,))
            conn.execute("COMMIT")
            written.append(number)
        conn.close()

    writer = threading.Thread(target=write_courses)
    writer.start()
    try:
        waited = 0.0
        while len(written) < 20 and waited < 30:
            time.sleep(0.01)
            waited += 0.01
        copies = []
        for number in range(5):
            target = tmp_path / f"during-{number}.db"
            ok("backup", "-o", str(target))
            copies.append(target)
    finally:
        stop.set()
        writer.join()
    counts = []
    for target in copies:
        conn = sqlite3.connect(target)
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        count, allocated = conn.execute(
            "SELECT count(*), (SELECT count(*) FROM ceu_allocations) FROM ceus").fetchone()
        assert count == allocated
        assert [row[0] for row in conn.execute("SELECT title FROM ceus ORDER BY id")] == [
            f"Course {n}" for n in range(1, count + 1)]
        counts.append(count)
        conn.close()
    assert counts == sorted(counts) and counts[0] >= 20 and counts[-1] <= len(written)


# Restore


def test_restore_puts_a_backup_back_and_keeps_the_current_records(ok, with_data, db_path, tmp_path):
    backup = tmp_path / "before.db"
    ok("backup", "-o", str(backup))
    ok("ceu", "rm", "1", "--yes")
    ok("log-ceu", "Logged after the backup", "--hours", "1")
    result = ok("restore", str(backup), "--yes")
    assert f"{backup} holds:" in result.stdout
    assert "Certifications: Medi-Cal Peer Support Specialist (ca-pss)" in result.stdout
    assert "Courses: 2 courses, from Thu 1 Oct 2026 to Fri 2 Oct 2026" in result.stdout
    assert f"Your database now ({db_path}) holds:" in result.stdout
    assert "Restored your records" in result.stderr
    assert titles(ok) == ["Trauma-Informed Care", "WRAP refresher"]

    kept = next((db_path.parent / "backups").glob("*-before-restore.db"))
    assert str(kept) in result.stderr
    conn = sqlite3.connect(kept)
    assert [row[0] for row in conn.execute("SELECT title FROM ceus ORDER BY id")] == [
        "WRAP refresher", "Logged after the backup"]
    conn.close()

    assert stat.S_IMODE(os.stat(db_path).st_mode) == 0o600
    conn = sqlite3.connect(db_path)
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    conn.close()
    assert leftovers(db_path.parent) == []
    assert sqlite3.connect(backup).execute("SELECT count(*) FROM ceus").fetchone()[0] == 2  # only read


def test_restore_undoes_itself_with_the_copy_it_kept(ok, with_data, db_path, tmp_path):
    backup = tmp_path / "old.db"
    ok("backup", "-o", str(backup))
    ok("log-ceu", "Newer course", "--hours", "1")
    ok("restore", str(backup), "--yes")
    kept = next((db_path.parent / "backups").glob("*-before-restore.db"))
    ok("restore", str(kept), "--yes")
    assert "Newer course" in titles(ok)


def test_an_unsaved_log_of_the_old_database_is_not_replayed_into_the_restored_one(ok, with_data, db_path,
                                                                                   tmp_path):
    backup = tmp_path / "old.db"
    ok("backup", "-o", str(backup))
    # Another program keeps the database open with changes still in its write-ahead log.
    other = sqlite3.connect(db_path, isolation_level=None)
    other.execute("PRAGMA wal_autocheckpoint = 0")
    other.execute("INSERT INTO ceus (date, title, seconds, created_at) VALUES ('2026-10-03', 'In the log', 60, 'x')")
    assert Path(f"{db_path}-wal").stat().st_size > 0
    try:
        ok("restore", str(backup), "--yes")
        assert titles(ok) == ["Trauma-Informed Care", "WRAP refresher"]
    finally:
        other.close()
    assert titles(ok) == ["Trauma-Informed Care", "WRAP refresher"]
    kept = next((db_path.parent / "backups").glob("*-before-restore.db"))
    assert "In the log" in [row[0] for row in sqlite3.connect(kept).execute("SELECT title FROM ceus")]


def test_restore_asks_first(run, with_data, snapshot, tmp_path, ok):
    backup = tmp_path / "b.db"
    ok("backup", "-o", str(backup))
    before = snapshot()
    result = run("restore", str(backup))
    assert result.exit_code == NeedsConfirmation.EXIT_CODE
    assert "Add --yes to go ahead" in result.stderr
    assert snapshot() == before


def test_restore_on_a_new_computer(ok, with_data, db_path, tmp_path, monkeypatch):
    backup = tmp_path / "b.db"
    ok("backup", "-o", str(backup))
    fresh = tmp_path / "new-computer" / "data" / "peertrack.db"
    monkeypatch.setenv("PEERTRACK_DB", str(fresh))
    result = ok("restore", str(backup), "--yes")
    assert "Your database now" not in result.stdout
    assert titles(ok) == ["Trauma-Informed Care", "WRAP refresher"]
    assert stat.S_IMODE(os.stat(fresh).st_mode) == 0o600


def test_restore_replaces_a_damaged_database_and_keeps_its_bytes(ok, with_data, db_path, tmp_path):
    backup = tmp_path / "b.db"
    ok("backup", "-o", str(backup))
    for suffix in ("-wal", "-shm"):
        Path(f"{db_path}{suffix}").unlink(missing_ok=True)
    db_path.write_bytes(b"scrambled by a bad disk" * 100)
    result = ok("restore", str(backup), "--yes")
    assert "cannot be read; it will be kept as it is" in result.stderr
    assert titles(ok) == ["Trauma-Informed Care", "WRAP refresher"]
    kept = next((db_path.parent / "backups").glob("*-before-restore.db"))
    assert kept.read_bytes() == b"scrambled by a bad disk" * 100


def test_restore_brings_an_older_backup_up_to_date(ok, db_path):
    result = ok("restore", str(FIXTURE), "--yes")
    assert "Courses: 5 courses" in result.stdout
    assert len(titles(ok)) == 5
    conn = sqlite3.connect(db_path)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    conn.close()


def test_automatic_backups_keep_the_last_few(ok, with_data, db_path, tmp_path):
    backup = tmp_path / "b.db"
    ok("backup", "-o", str(backup))
    for _ in range(7):
        ok("restore", str(backup), "--yes")
    assert len(list((db_path.parent / "backups").glob("*.db"))) == 5


def _other_programs_database(path: Path) -> Path:
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE photos (id INTEGER)")
    conn.close()
    return path


def _newer_backup(path: Path) -> Path:
    shutil.copy(FIXTURE, path)
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.close()
    return path


def _truncated_backup(path: Path) -> Path:
    path.write_bytes(FIXTURE.read_bytes()[:6000])
    return path


def _write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


@pytest.mark.parametrize("make, error, words", [
    (lambda tmp: tmp / "nowhere.db", InvalidInput, ['FILE "{file}" is not a file that exists']),
    (lambda tmp: tmp, InvalidInput, ['is a folder, not a file']),
    (lambda tmp: _write(tmp / "empty.db", b""), InvalidInput, ['is empty']),
    (lambda tmp: _write(tmp / "notes.txt", b"my shopping list\n" * 50), DatabaseProblem,
     ["{file} is not a peertrack database that can be restored: it is not a database."]),
    (lambda tmp: _write(tmp / "export.json", b'{"format": "peertrack"}'), DatabaseProblem,
     ["{file} is a JSON export, not a database backup.", "peertrack import json FILE"]),
    (lambda tmp: _other_programs_database(tmp / "photos.db"), DatabaseProblem,
     ["{file} is an SQLite database of another program, not a peertrack database."]),
    (lambda tmp: _newer_backup(tmp / "newer.db"), DatabaseProblem,
     ["{file} was written by a newer version of peertrack", "so nothing was changed"]),
    (lambda tmp: _truncated_backup(tmp / "cut.db"), DatabaseProblem,
     ["{file} is not a peertrack database that can be restored: it is damaged."]),
])
def test_a_bad_restore_changes_nothing(run, with_data, snapshot, db_path, tmp_path, make, error, words):
    before = snapshot()
    source = make(tmp_path)
    original = source.read_bytes() if source.is_file() else None
    result = run("restore", str(source), "--yes")
    assert result.exit_code == error.EXIT_CODE == 2
    assert result.stderr.startswith("Error: ")
    assert "Traceback" not in result.stderr
    for word in words:
        assert word.format(file=source) in result.stderr
    assert snapshot() == before
    assert leftovers(db_path.parent) == []
    assert not (db_path.parent / "backups").exists()
    if original is not None:
        assert source.read_bytes() == original  # the file given is only ever read


def test_restoring_the_database_onto_itself_is_refused(run, with_data, db_path, snapshot):
    before = snapshot()
    result = run("restore", str(db_path), "--yes")
    assert result.exit_code == 2
    assert "is the database in use" in result.stderr
    assert snapshot() == before


def test_removing_a_deadline_keeps_a_backup(ok, db_path):
    ok("deadline", "add", "Fee", "--due", "2027-01-01")
    assert "A copy from just before is in" in ok("deadline", "rm", "1", "--yes").stderr


def test_a_backup_never_replaces_a_file_without_asking(run, ok, make_cert, tmp_path):
    make_cert()
    precious = tmp_path / "precious.db"
    precious.write_text("my other work")
    refused = run("backup", "-o", str(precious))
    assert refused.exit_code == 2 and "--yes" in refused.stderr
    assert precious.read_text() == "my other work"
    ok("backup", "-o", str(precious), "--yes")
    assert precious.read_bytes().startswith(b"SQLite format 3")
