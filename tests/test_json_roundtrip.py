"""The JSON export holds every record, and loads into an empty database exactly as it was."""

import json
import os
import sqlite3
import stat
from pathlib import Path

import pytest

from peertrack.domain.errors import Conflict, DatabaseProblem, InvalidInput, NeedsConfirmation
from peertrack.storage import dump
from peertrack.storage.database import SCHEMA_VERSION, connect


@pytest.fixture
def everything(ok, make_cert, tmp_path):
    """A database with a record in every kind of table peertrack has."""
    make_cert(body="CalMHSA", number="PSS-1", issued="2023-07-01", require=["ethics=6"])
    make_cert("ga-cps", "Certified Peer Specialist", expires="2026-12-31", cycle="1y", hours="12")
    certificate = tmp_path / "certificate.pdf"
    certificate.write_bytes(b"%PDF-1.4 certificate")
    ok("log-ceu", "Café humility 🌱 שלום", "--hours", "2.5", "--category", "ethics:1", "--category", "cultural:1.5",
       "--provider", "=cmd", "--format", "self-study", "--approval-no", "A-9", "--note", "private\nnote",
       "--date", "2026-10-01", "--certificate", str(certificate))
    ok("log-ceu", "Second course", "--hours", "0.1", "--date", "2026-10-02", "--cert", "ga-cps")
    ok("log-ceu", "Removed later", "--hours", "1", "--date", "2026-10-03")
    ok("ceu", "rm", "3", "--yes")
    ok("config", "set", "name", "Jordan Rivera")
    ok("deadline", "add", "Renewal fee ($80)", "--due", "2027-06-01", "--cert", "ca-pss")
    ok("remind", "add", "Recovery meeting", "--every", "week", "--on", "thu", "--at", "19:00", "--note", "n")
    ok("remind", "done", "1", "--note", "walked by the river")
    ok("log-work", "--hours", "6.25", "--date", "2026-10-05", "--setting", "crisis line", "--note", "long day")
    ok("log-supervision", "--hours", "1", "--date", "2026-10-06", "--supervisor", "Dana Reyes, LCSW", "--group")


def export(ok, *args: str) -> dict:
    return json.loads(ok("export", "json", *args).stdout)


def test_export_import_export_is_lossless(ok, everything, tmp_path, monkeypatch, db_path):
    first = export(ok)
    assert first["format"] == "peertrack" and first["schema"] == SCHEMA_VERSION
    assert "T" in first["exported"]
    tables = first["tables"]
    assert "_sqlite_migrations" not in tables and not any(name.startswith("sqlite_") for name in tables)
    assert {name for name, rows in tables.items() if rows} >= {
        "certifications", "cycles", "requirements", "ceus", "ceu_allocations", "ceu_credits", "attachments",
        "settings", "deadlines", "reminders", "reminder_log",
        "work_entries", "supervision_entries"}
    assert tables["ceus"][0]["note"] == "private\nnote"
    assert tables["attachments"][0]["sha256"] == tables["attachments"][0]["sha256"].lower()
    assert [course["id"] for course in tables["ceus"]] == [1, 2]
    assert tables["work_entries"][0]["seconds"] == 22500
    before = {args: ok(*args).stdout for args in (("ceu", "list", "--json"), ("status", "--json"),
                                                  ("work", "list", "--json"), ("supervision", "list", "--json"),
                                                  ("deadline", "list"), ("remind", "list"))}

    saved = tmp_path / "everything.json"
    ok("export", "json", "-o", str(saved))
    assert stat.S_IMODE(os.stat(saved).st_mode) == 0o600
    new = tmp_path / "new-computer" / "peertrack.db"
    monkeypatch.setenv("PEERTRACK_DB", str(new))
    result = ok("import", "json", str(saved), "--yes")
    assert "2 certifications, 2 courses" in result.stdout
    assert "Loaded the records" in result.stderr
    assert "1 certificate file is not in" in result.stderr  # the files travel separately

    again = export(ok)
    assert again["tables"] == tables
    assert again["sequences"] == first["sequences"] and first["sequences"]["ceus"] == 3
    for args, text in before.items():
        assert ok(*args).stdout == text
    ok("log-ceu", "After the move", "--hours", "1")
    assert json.loads(ok("ceu", "show", "4", "--json").stdout)["title"] == "After the move"  # ids never reused


def test_tables_and_columns_added_later_travel_without_changes(ok, make_cert, tmp_path, monkeypatch, db_path):
    """Stands in for tables other parts of peertrack add: every kind of value, and awkward shapes."""
    future = [
        "ALTER TABLE ceus ADD COLUMN mood TEXT",
        "ALTER TABLE ceus ADD COLUMN score REAL",
        "CREATE TABLE future_things (id INTEGER PRIMARY KEY, parent INTEGER REFERENCES future_things(id),"
        " ceu_id INTEGER REFERENCES ceus(id) ON DELETE CASCADE, blob BLOB, big INTEGER, ratio REAL, text TEXT,"
        " doubled INTEGER GENERATED ALWAYS AS (big * 2) VIRTUAL)",
        "CREATE TABLE \"odd name\" (\"key\" TEXT NOT NULL, \"the value\" TEXT, PRIMARY KEY (\"key\")) WITHOUT ROWID",
    ]
    make_cert()
    ok("log-ceu", "A course", "--hours", "1", "--date", "2026-10-01")
    conn = connect(db_path)
    for statement in future:
        conn.execute(statement)
    conn.execute("UPDATE ceus SET mood = 'calm', score = 0.1")
    rows = [(1, None, 1, b"\x00\xff\x10binary", 2**62, 1e-300, "שלום 🌱"),
            (2, 1, None, None, -5, float("inf"), ""),
            (3, 2, 1, b"", 0, -0.5, "line\nbreak")]
    conn.executemany("INSERT INTO future_things (id, parent, ceu_id, blob, big, ratio, text)"
                     " VALUES (?, ?, ?, ?, ?, ?, ?)", rows)
    conn.executemany("INSERT INTO \"odd name\" VALUES (?, ?)", [("b", "2"), ("a", None)])
    conn.close()
    saved = tmp_path / "all.json"
    ok("export", "json", "-o", str(saved))
    first = json.loads(saved.read_text())["tables"]
    assert first["future_things"][0]["blob"] == {"base64": "AP8QYmluYXJ5"}
    assert "doubled" not in first["future_things"][0]

    new = tmp_path / "new" / "peertrack.db"
    conn = connect(new)
    for statement in future:
        conn.execute(statement)
    conn.close()
    monkeypatch.setenv("PEERTRACK_DB", str(new))
    ok("import", "json", str(saved), "--yes")
    assert export(ok)["tables"] == first
    conn = sqlite3.connect(new)
    assert conn.execute("SELECT blob, big, ratio, doubled FROM future_things ORDER BY id").fetchall() == [
        (b"\x00\xff\x10binary", 2**62, 1e-300, 2**63), (None, -5, float("inf"), -10), (b"", 0, -0.5, 0)]
    conn.close()


def test_starting_rows_of_a_new_database_do_not_count_as_records(ok, make_cert, tmp_path, monkeypatch):
    make_cert()
    saved = tmp_path / "all.json"
    ok("export", "json", "-o", str(saved))
    seeded = {"settings": [{"key": "seeded", "value": "yes"}]}
    monkeypatch.setattr(dump, "_fresh_tables", lambda: seeded)
    new = tmp_path / "new" / "peertrack.db"
    conn = connect(new)
    conn.execute("INSERT INTO settings VALUES ('seeded', 'yes')")
    conn.close()
    monkeypatch.setenv("PEERTRACK_DB", str(new))
    ok("import", "json", str(saved), "--yes")
    assert export(ok)["tables"] == json.loads(saved.read_text())["tables"]


def test_export_json_without_a_database(ok, db_path):
    data = export(ok)
    assert data["tables"] == {} and data["schema"] == SCHEMA_VERSION
    assert not db_path.exists()


def test_import_json_only_into_an_empty_database(run, ok, everything, snapshot, tmp_path):
    saved = tmp_path / "all.json"
    ok("export", "json", "-o", str(saved))
    before = snapshot()
    result = run("import", "json", str(saved), "--yes")
    assert result.exit_code == Conflict.EXIT_CODE == 2
    assert "already holds records (2 certifications, 2 courses, " in result.stderr
    assert "1 deadline" in result.stderr and "1 wellness reminder" in result.stderr
    assert "peertrack --db NEW.db import json FILE" in result.stderr
    assert snapshot() == before


def test_import_json_asks_first(run, ok, everything, tmp_path, monkeypatch):
    saved = tmp_path / "all.json"
    ok("export", "json", "-o", str(saved))
    new = tmp_path / "new" / "peertrack.db"
    monkeypatch.setenv("PEERTRACK_DB", str(new))
    result = run("import", "json", str(saved))
    assert result.exit_code == NeedsConfirmation.EXIT_CODE
    assert not new.exists()


def _document(**changes) -> dict:
    base = {"format": "peertrack", "schema": 1, "exported": "2026-11-02T10:00:00+00:00",
            "tables": {"certifications": [], "ceus": []}}
    return base | changes


COURSE = {"id": 1, "date": "2026-10-01", "title": "T", "provider": None, "minutes": 60, "format": None,
          "approval_no": None, "note": None, "created_at": "2026-10-01T09:00:00+00:00"}


@pytest.mark.parametrize("content, error, words", [
    (b"", InvalidInput, ['is empty']),
    (b"\x89PNG\r\n\x1a\n\x00\x00", InvalidInput, ['FILE "all.json" is not a JSON file']),
    (b"Date,Title,Hours\n", InvalidInput, ['FILE "all.json" is not a JSON file']),
    (b'{"format": "peertrack", "schema": 1, "tables": {', InvalidInput, ["is not a JSON file"]),
    (json.dumps([1, 2, 3]).encode(), InvalidInput, ['FILE "all.json" is not a peertrack export: give a file']),
    (json.dumps({"version": 2, "todos": []}).encode(), InvalidInput, ["is not a peertrack export"]),
    (json.dumps(_document(schema="one")).encode(), InvalidInput, ["does not say which version of peertrack"]),
    (json.dumps(_document(schema=99)).encode(), DatabaseProblem,
     ["all.json was written by a newer version of peertrack (schema 99", "nothing was imported"]),
    (json.dumps(_document(tables=[])).encode(), InvalidInput, ["is damaged or incomplete"]),
    (json.dumps(_document(tables={"ceus": [["not", "a", "row"]]})).encode(), InvalidInput, ["is damaged"]),
    (json.dumps(_document(tables={"ceus": [{"title": {"nested": 1}}]})).encode(), InvalidInput, ["is damaged"]),
    (json.dumps(_document(tables={"ceus": [{"title": {"base64": "%%%"}}]})).encode(), InvalidInput,
     ["is damaged"]),
    (json.dumps(_document(tables={"photos": [{"id": 1}]})).encode(), InvalidInput,
     ['holds a kind of record ("photos") this version of peertrack does not know']),
    (json.dumps(_document(tables={"ceus": [COURSE | {"colour": "red"}]})).encode(), InvalidInput,
     ['holds a detail ("ceus.colour") this version does not know']),
    (json.dumps(_document(tables={"ceus": [COURSE | {"minutes": 0}]})).encode(), InvalidInput,
     ["holds records that do not fit together"]),
    (json.dumps(_document(tables={"ceus": [COURSE], "ceu_credits": [{"ceu_id": 1, "cert_id": "gone"}]})).encode(),
     InvalidInput, ["holds records that refer to missing ones"]),
])
def test_a_bad_json_file_changes_nothing(run, db_path, tmp_path, content, error, words):
    source = tmp_path / "all.json"
    source.write_bytes(content)
    result = run("import", "json", str(source), "--yes")
    assert result.exit_code == error.EXIT_CODE == 2
    assert result.stderr.startswith("Error: ") and "Traceback" not in result.stderr
    for word in words:
        assert word in result.stderr
    assert not db_path.exists()  # not even an empty database is left behind
    assert not any(Path(f"{db_path}{suffix}").exists() for suffix in ("-wal", "-shm", "-journal"))


def test_a_bad_json_file_leaves_an_existing_empty_database_as_it_was(run, db_path, snapshot, tmp_path):
    connect(db_path).close()
    before = snapshot()
    source = tmp_path / "all.json"
    source.write_text(json.dumps(_document(tables={"ceus": [COURSE | {"minutes": -1}]})))
    assert run("import", "json", str(source), "--yes").exit_code == 2
    assert db_path.exists() and snapshot() == before
