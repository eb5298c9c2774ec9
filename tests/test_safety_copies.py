"""Safety copies kept by kind, failed copies on a full disk, private folders and log, and true words."""

from __future__ import annotations

import contextlib
import os
import sqlite3
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from peertrack.commands.app import app


@contextlib.contextmanager
def umask(value: int):
    earlier = os.umask(value)
    try:
        yield
    finally:
        os.umask(earlier)


@pytest.fixture
def small_disk(tmp_path: Path):
    """A 1 MB filesystem of its own, to fill up; skipped where this machine may not mount one."""
    place = tmp_path / "disk"
    place.mkdir()
    if os.name != "posix" or os.geteuid() != 0:
        pytest.skip("mounting a small filesystem needs the superuser")
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", str(place)], capture_output=True)
    if done.returncode != 0:
        pytest.skip(f"this machine cannot mount a small filesystem: {done.stderr.decode(errors='replace')}")
    try:
        yield place
    finally:
        subprocess.run(["umount", "-l", str(place)], check=False)


def fill(place: Path) -> None:
    """Write until the disk says it is full."""
    fd = os.open(place / "filler", os.O_CREAT | os.O_WRONLY, 0o600)
    try:
        with contextlib.suppress(OSError):
            while True:
                os.write(fd, b"\0" * 4096)
    finally:
        os.close(fd)


def copies(db_path: Path, ending: str = "") -> list[Path]:
    folder = db_path.parent / "backups"
    return sorted(folder.glob(f"*{ending}.db")) if folder.exists() else []


def test_removals_never_push_out_the_copy_kept_before_a_restore(ok, make_cert, db_path, tmp_path):
    make_cert()
    for number in range(8):
        ok("log-ceu", f"Course {number}", "--hours", "1")
    ok("backup", "-o", str(tmp_path / "b.db"))
    ok("restore", str(tmp_path / "b.db"), "--yes")
    before_restore = copies(db_path, "before-restore")
    assert len(before_restore) == 1
    for number in range(1, 8):
        ok("ceu", "rm", str(number), "--yes")
    assert copies(db_path, "before-restore") == before_restore  # seven removals later, still there
    assert len(copies(db_path, "before-ceu-rm")) == 5  # the newest five removals


def test_empty_files_in_the_backups_folder_never_count_as_copies(ok, make_cert, db_path):
    make_cert()
    for number in range(3):
        ok("log-ceu", f"Course {number}", "--hours", "1")
    ok("ceu", "rm", "1", "--yes")
    real = copies(db_path)
    assert len(real) == 1
    folder = db_path.parent / "backups"
    for second in range(6):  # what failed copies on a full disk left behind before
        (folder / f"{db_path.stem}-20991231-00000{second}-000000-before-ceu-rm.db").touch()  # named newest
    ok("ceu", "rm", "2", "--yes")
    assert set(real) <= set(copies(db_path))  # the real copy is kept; five empty files do not push it out


def test_a_full_disk_leaves_no_partial_copy_and_keeps_every_real_one(small_disk, monkeypatch):
    db_path = small_disk / "data" / "peertrack.db"
    monkeypatch.setenv("PEERTRACK_DB", str(db_path))
    runner = CliRunner()

    def run(*args: str):
        return runner.invoke(app, list(args))

    assert run("cert", "add", "CPS", "--id", "cps", "--expires", "2027-06-30", "--hours", "20").exit_code == 0
    for number in range(8):
        assert run("log-ceu", f"Course {number}", "--hours", "1").exit_code == 0
    assert run("ceu", "rm", "1", "--yes").exit_code == 0
    assert run("ceu", "rm", "2", "--yes").exit_code == 0
    real = copies(db_path)
    assert len(real) == 2
    fill(small_disk)
    for number in range(3, 9):
        result = run("ceu", "rm", str(number), "--yes")
        assert result.exit_code == 1, result.stderr
        assert "The disk is full" in result.stderr
        assert "did not expect" not in result.stderr and "Traceback" not in result.stderr
    assert copies(db_path) == real  # no empty or partial copy left; both real ones kept
    (small_disk / "filler").unlink()
    conn = sqlite3.connect(db_path)
    try:
        assert conn.execute("SELECT count(*) FROM ceus").fetchone()[0] == 6  # nothing removed without a copy
    finally:
        conn.close()


def test_folders_on_the_way_to_the_data_folder_are_private_whatever_the_umask(tmp_path, monkeypatch):
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.delenv("PEERTRACK_DB")
    monkeypatch.delenv("XDG_DATA_HOME", raising=False)
    monkeypatch.setenv("HOME", str(home))
    with umask(0o000):
        result = CliRunner().invoke(app, ["cert", "add", "CPS", "--id", "cps", "--expires", "2027-06-30",
                                          "--hours", "20"])
    assert result.exit_code == 0, result.stderr
    databases = list(home.rglob("peertrack.db"))
    assert len(databases) == 1
    place = databases[0].parent
    while place != home:  # ~/.local, ~/.local/share, ~/.local/share/peertrack
        assert stat.S_IMODE(place.stat().st_mode) == 0o700, place
        place = place.parent
    assert stat.S_IMODE(databases[0].stat().st_mode) == 0o600


def test_backups_and_attachment_folders_are_private_whatever_the_umask(ok, make_cert, db_path):
    with umask(0o000):
        make_cert()
        ok("log-ceu", "Course", "--hours", "1")
        ok("ceu", "rm", "1", "--yes")
    folder = db_path.parent / "backups"
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    assert all(stat.S_IMODE(copy.stat().st_mode) == 0o600 for copy in folder.iterdir())


def test_the_error_log_is_never_readable_by_others(tmp_path, monkeypatch):
    from peertrack.commands.crash_log import log_crash

    monkeypatch.setenv("TMPDIR", str(tmp_path / "tmp"))
    (tmp_path / "tmp").mkdir()
    import tempfile

    monkeypatch.setattr(tempfile, "tempdir", None)
    blocked = tmp_path / "a-file"
    blocked.write_text("")
    with umask(0o000):
        beside = log_crash(ValueError("boom"), tmp_path / "data" / "peertrack.db")
        elsewhere = log_crash(ValueError("boom"), blocked / "peertrack.db")  # its folder cannot be made
    assert beside == tmp_path / "data" / "peertrack-errors.log"
    assert stat.S_IMODE(beside.stat().st_mode) == 0o600
    assert stat.S_IMODE(beside.parent.stat().st_mode) == 0o700
    assert elsewhere is not None and elsewhere.parent == tmp_path / "tmp"
    assert stat.S_IMODE(elsewhere.stat().st_mode) == 0o600
    assert "boom" in elsewhere.read_text()


@pytest.mark.parametrize("lane", ["command tree", "fast lane"])
def test_a_screen_that_cannot_show_a_symbol_does_not_fail_a_saved_change(run, make_cert, db_path, monkeypatch, capsys,
                                                                          lane):
    make_cert()
    from peertrack.commands import course_entry

    shown = course_entry.tell

    def cannot_show(message: str) -> None:
        if "✓" in message:  # as a terminal that cannot show the symbol does
            raise UnicodeEncodeError("ascii", message, 0, 1, "ordinal not in range(128)")
        shown(message)

    monkeypatch.setattr(course_entry, "tell", cannot_show)
    args = ["log-ceu", "Trauma-Informed Care", "--hours", "3"]
    if lane == "command tree":
        result = run(*args)
        code, stderr = result.exit_code, result.stderr
    else:
        from peertrack.cli import main

        capsys.readouterr()
        monkeypatch.setattr(sys, "argv", ["peertrack", *args])
        with pytest.raises(SystemExit) as stopped:
            main()
        code, stderr = stopped.value.code, capsys.readouterr().err
    assert code == 0, stderr
    assert "safe" not in stderr and "did not expect" not in stderr
    assert "Saved." in stderr
    conn = sqlite3.connect(db_path)
    try:
        assert conn.execute("SELECT title FROM ceus").fetchall() == [("Trauma-Informed Care",)]
    finally:
        conn.close()


def test_an_unexpected_error_after_a_commit_does_not_say_nothing_changed(run, make_cert, monkeypatch):
    make_cert()
    from peertrack.domain import needs

    def broken(*args, **kwargs):
        raise ValueError("a view that fell over")

    monkeypatch.setattr(needs, "recorded_lines", broken)
    result = run("log-ceu", "Trauma-Informed Care", "--hours", "3")
    assert result.exit_code == 1
    assert "saved before this happened" in result.stderr
    assert "safe" not in result.stderr and "Nothing was changed" not in result.stderr


def test_a_full_disk_at_opening_is_not_called_damage(small_disk, monkeypatch):
    db_path = small_disk / "peertrack.db"
    monkeypatch.setenv("PEERTRACK_DB", str(db_path))
    runner = CliRunner()
    assert runner.invoke(app, ["cert", "add", "CPS", "--id", "cps", "--expires", "2027-06-30",
                               "--hours", "20"]).exit_code == 0
    conn = sqlite3.connect(db_path)
    conn.execute("PRAGMA user_version = 1")  # an older schema: opening it must upgrade, and copy first
    conn.close()
    fill(small_disk)
    result = runner.invoke(app, ["status"])
    assert result.exit_code != 0
    assert "The disk is full" in result.stderr
    assert "damaged" not in result.stderr and "put it back" not in result.stderr


def test_a_read_only_disk_is_told_as_such_not_as_damage(small_disk, monkeypatch):
    db_path = small_disk / "peertrack.db"
    monkeypatch.setenv("PEERTRACK_DB", str(db_path))
    runner = CliRunner()
    assert runner.invoke(app, ["cert", "add", "CPS", "--id", "cps", "--expires", "2027-06-30",
                               "--hours", "20"]).exit_code == 0
    done = subprocess.run(["mount", "-o", "remount,ro", str(small_disk)], capture_output=True)
    if done.returncode != 0:
        pytest.skip("this machine cannot make the small filesystem read-only")
    result = runner.invoke(app, ["log-ceu", "Course", "--hours", "1"])
    assert result.exit_code == 2
    assert "is on a read-only disk" in result.stderr
    assert "damaged" not in result.stderr and "did not expect" not in result.stderr
