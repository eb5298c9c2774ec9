"""Limits with clear words, input patterns in linear time, escaped control characters, and -o that keeps links."""

from __future__ import annotations

import os
import sqlite3
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from peertrack.domain.errors import InvalidInput

# Each of these made one pattern of the CSV import take minutes (quadratic time) on the old code;
# read in linear time, each takes well under a second. The bound is generous: a slow machine passes.
CRAFTED = {
    "a header of brackets never closed": "Date,Title,Hours," + "(" * 60_000 + "\n2026-10-01,Course,2,x\n",
    "a title that looks like a total": "Date,Title,Hours\n2026-10-01,total" + " " * 60_000 + "x,2\n",
    "a category split with spaces": "Date,Title,Hours,Category\n2026-10-01,Course,2,a" + " " * 60_000 + "b;c\n",
}


@pytest.mark.parametrize("name", sorted(CRAFTED))
def test_crafted_csv_files_are_read_in_linear_time(tmp_path, name):
    source = tmp_path / "crafted.csv"
    source.write_text(CRAFTED[name])
    env = os.environ | {"PYTHONPATH": str(Path(__file__).parent.parent)}
    try:
        done = subprocess.run([sys.executable, "-m", "peertrack", "import", "csv", str(source), "--dry-run"],
                              capture_output=True, text=True, env=env, timeout=30)
    except subprocess.TimeoutExpired:
        pytest.fail(f"{name}: still reading after 30 seconds")
    assert done.returncode in (0, 2), done.stderr
    assert "did not expect" not in done.stderr


@pytest.mark.parametrize("args, words", [
    (["cert", "add", "CPS", "--id", "cps", "--expires", "9999-12-31", "--hours", "20"],
     "give a date between 1900 and 2199"),
    (["cert", "add", "CPS", "--id", "cps", "--expires", "0001-01-01", "--hours", "20"],
     "give a date between 1900 and 2199"),
    (["log-ceu", "Course", "--hours", "1", "--date", "0001-01-01"], "give a date between 1900 and 2199"),
    (["deadline", "add", "Fee", "--due", "9999-12-31"], "give a date between 1900 and 2199"),
    (["due", "--within", "9" * 5000], "use at most 36,600 days"),
    (["due", "--within", "999999999d"], "use at most 36,600 days"),
    (["log-ceu", "T" * 501, "--hours", "1"], "use at most 500 characters"),
    (["log-ceu", "Course", "--hours", "9" * 5000], "--hours"),
    (["ceu", "show", str(2**64)], "too large"),
    (["log-ceu", "Course", "--hours", "1", "--certificate", "ü" * 130 + ".pdf"], "is too long"),
])
def test_values_past_the_limits_get_one_clear_sentence(run, make_cert, snapshot, args, words):
    make_cert()
    before = snapshot()
    result = run(*args)
    assert result.exit_code == InvalidInput.EXIT_CODE, result.stderr
    assert words in result.stderr
    assert "did not expect" not in result.stderr and "Traceback" not in result.stderr
    assert len(result.stderr) < 600  # a value of thousands of characters is not repeated whole
    assert snapshot() == before


def test_control_characters_in_titles_are_shown_as_codes(run, ok, make_cert, db_path):
    make_cert()
    title = "Evil\x1b[2J\x1b]0;pwned\x07course"
    ok("log-ceu", title, "--hours", "2", "--note", "red\x1b[31m note")
    conn = sqlite3.connect(db_path)
    assert conn.execute("SELECT title FROM ceus").fetchone()[0] == title  # kept as given: the control run
    conn.close()
    for args in (["log-ceu", title + " again", "--hours", "1"], ["ceu", "list"], ["ceu", "show", "1"],
                 ["status"]):
        result = run(*args)
        assert result.exit_code == 0, result.stderr
        shown = result.stdout + result.stderr
        assert "\x1b" not in shown and "\x07" not in shown, args
    assert "Evil\\x1b[2J" in run("ceu", "list").stdout


def test_output_over_a_symbolic_link_keeps_the_link(ok, make_cert, tmp_path):
    make_cert()
    ok("log-ceu", "Course", "--hours", "2", "--date", "2026-10-01")
    real = tmp_path / "real.csv"
    real.write_text("old")
    link = tmp_path / "link.csv"
    link.symlink_to(real)
    ok("export", "csv", "--cert", "ca-pss", "-o", str(link))
    assert link.is_symlink()
    assert "Course" in real.read_text()


def test_output_to_a_device_writes_into_it_and_keeps_it(ok, make_cert, tmp_path):
    make_cert()
    device = tmp_path / "null"
    try:
        os.mknod(device, stat.S_IFCHR | 0o666, os.makedev(1, 3))  # a second /dev/null
    except (PermissionError, AttributeError, OSError):
        pytest.skip("this machine does not allow making a device file")
    ok("export", "csv", "--cert", "ca-pss", "-o", str(device))
    assert stat.S_ISCHR(device.lstat().st_mode)
