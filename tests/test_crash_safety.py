"""A writer killed mid-import (SIGKILL: no clean-up at all) leaves the database as it was before."""

import csv
import json
import os
import signal
import sqlite3
import subprocess
import sys
import time

import pytest


def write_sheet(path, rows):
    with open(path, "w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["Date", "Title", "Hours", "Category"])
        for i in range(rows):
            writer.writerow([f"2026-{1 + i % 10:02d}-{1 + i % 28:02d}", f"Imported course {i}", "1", "general"])


@pytest.mark.skipif(os.name != "posix", reason="SIGKILL")
def test_a_writer_killed_mid_import_leaves_the_database_as_it_was(ok, make_cert, db_path, tmp_path):
    make_cert()
    ok("log-ceu", "Before the import", "--hours", "2")
    wal = db_path.with_name(db_path.name + "-wal")
    sheet = tmp_path / "big.csv"
    caught = False
    for rows in (150_000, 300_000):
        write_sheet(sheet, rows)
        conn = sqlite3.connect(db_path)
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        conn.close()
        baseline = wal.stat().st_size if wal.exists() else 0
        env = {**os.environ, "PEERTRACK_DB": str(db_path)}
        writer = subprocess.Popen([sys.executable, "-m", "peertrack", "import", "csv", str(sheet), "--yes"],
                                  env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.monotonic() + 120
        while writer.poll() is None and time.monotonic() < deadline:
            if wal.exists() and wal.stat().st_size > baseline + 1_000_000:  # the import is writing
                writer.send_signal(signal.SIGKILL)
                caught = True
                break
            time.sleep(0.005)
        writer.wait()
        if caught:
            break
        conn = sqlite3.connect(db_path)  # it finished first: undo it, and try again with more rows
        conn.execute("DELETE FROM ceus WHERE title LIKE 'Imported course %'")
        conn.commit()
        conn.close()
    assert caught, "the import finished before it could be stopped: give it more rows"
    conn = sqlite3.connect(db_path)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert conn.execute("SELECT title FROM ceus").fetchall() == [("Before the import",)]
    assert conn.execute("SELECT count(*) FROM ceu_allocations").fetchone()[0] == 0
    conn.close()
    assert [c["title"] for c in json.loads(ok("ceu", "list", "--json").stdout)] == ["Before the import"]
