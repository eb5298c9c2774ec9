"""Working toward a first certification: entry requirements, progress toward applying, becoming certified."""

import json
import sqlite3

import pytest
from sqlite_utils import Database

from peertrack.domain.errors import InvalidInput, NotFound
from peertrack.storage.database import SCHEMA_VERSION, connect


def in_progress(status_json) -> list[dict]:
    return status_json()["in_progress"]


def start_tx(ok, *extra: str):
    return ok("cert", "add", "Peer Specialist", "--id", "tx-peer", "--in-progress", "--require", "service=250",
              "--require", "supervision=10", "--require", "training=40", "--exam", "2027-01-15", *extra)


def test_progress_toward_applying_counts_every_entry(ok, status_json):
    ok("log-work", "--hours", "8", "--date", "2026-09-01")
    result = start_tx(ok)
    assert "before applying you need 250 hours of supervised work; 10 hours of supervision; 40 hours of " \
           "training." in result.stderr
    ok("log-ceu", "Core training", "--hours", "24", "--date", "2025-08-30")  # logged after, dated long before
    ok("log-supervision", "--hours", "1.5", "--date", "2026-10-01", "--supervisor", "Dana Reyes, LCSW")
    [pursuit] = in_progress(status_json)
    assert pursuit["exam_on"] == "2027-01-15" and pursuit["days_to_exam"] == 74 and pursuit["started"] is None
    assert [(r["kind"], r["required"], r["done"], r["missing"], r["met"]) for r in pursuit["requirements"]] == [
        ("service", 250, 8, 242, False), ("supervision", 10, 1.5, 8.5, False), ("training", 40, 24, 16, False)]
    assert pursuit["ready_to_apply"] is False
    screen = ok("status").stdout
    assert "Working toward: Peer Specialist  (tx-peer)" in screen
    assert "✗ Supervised work: 8 of 250 hours, 242 hours to go" in screen
    assert "• Exam: Fri 15 Jan 2027 (in 74 days)" in screen
    assert status_json()["certifications"] == []


def test_since_counts_from_that_day_on_included(ok, status_json):
    ok("log-work", "--hours", "8", "--date", "2026-08-31")
    ok("log-work", "--hours", "4", "--date", "2026-09-01")
    start_tx(ok, "--since", "2026-09-01")
    [pursuit] = in_progress(status_json)
    assert pursuit["started"] == "2026-09-01" and pursuit["requirements"][0]["done"] == 4


def test_ready_to_apply_once_every_hour_is_in(ok, status_json):
    ok("cert", "add", "Peer Specialist", "--id", "tx-peer", "--in-progress", "--require", "service=24.5")
    ok("log-work", "--hours", "24", "--date", "2026-10-01")
    assert in_progress(status_json)[0]["ready_to_apply"] is False  # half an hour short
    ok("log-work", "--hours", "30m", "--date", "2026-10-02")
    assert in_progress(status_json)[0]["ready_to_apply"] is True
    assert "Every hour is in: you can apply." in ok("status").stdout


def test_certify_makes_an_ordinary_certification_keeping_every_entry(ok, status_json):
    start_tx(ok)
    ok("log-work", "--hours", "8", "--date", "2026-09-01")
    ok("log-supervision", "--hours", "1", "--date", "2026-09-02", "--supervisor", "Dana Reyes, LCSW")
    ok("log-ceu", "Core training", "--hours", "40", "--date", "2026-08-01")
    before = {group: ok(group, "list", "--json").stdout for group in ("work", "supervision", "ceu")}
    result = ok("cert", "certify", "tx-peer", "--number", "MHPS-1234", "--issued", "2026-11-01", "--hours", "20")
    # Issued 1 Nov 2026 for the default two years: the day before the anniversary, 31 Oct 2028.
    assert "Certified Peer Specialist (tx-peer): cycle Sun 1 Nov 2026 to Tue 31 Oct 2028" in result.stderr
    data = status_json()
    assert data["in_progress"] == []
    [cert] = data["certifications"]
    assert (cert["id"], cert["number"], cert["issued"], cert["expires"], cert["hours_required"]) == (
        "tx-peer", "MHPS-1234", "2026-11-01", "2028-10-31", 20)
    assert {group: ok(group, "list", "--json").stdout for group in ("work", "supervision", "ceu")} == before
    tables = json.loads(ok("export", "json").stdout)["tables"]
    assert tables["pursuits"][0]["certified_on"] == "2026-11-01"  # the history stays
    assert [r["kind"] for r in tables["pursuit_requirements"]] == ["service", "supervision", "training"]


def test_certify_with_an_expiry_given(ok, status_json):
    start_tx(ok)
    ok("cert", "certify", "tx-peer", "--number", "1", "--issued", "2026-10-15", "--expires", "2028-10-31",
       "--cycle", "2y", "--hours", "20")
    assert status_json()["certifications"][0]["expires"] == "2028-10-31"


@pytest.mark.parametrize(("args", "words"), [
    (("--expires", "2027-01-01"), '--expires "2027-01-01" cannot go with --in-progress'),
    (("--number", "A1"), '--number "A1" cannot go with --in-progress'),
    (("--require", "ethics=6"), '--require "ethics=6" is not an entry requirement'),
    (("--require", "service=10", "--require", "service=20"), "repeats a requirement"),
    (("--exam", "someday"), '--exam "someday"'),
])
def test_bad_in_progress_input(run, args, words, db_path):
    result = run("cert", "add", "X", "--id", "x", "--in-progress", *(args if "--require" in args else
                                                                       ("--require", "service=5", *args)))
    assert result.exit_code == InvalidInput.EXIT_CODE and words in result.stderr
    assert not db_path.exists()


def test_certify_what_is_not_in_progress(ok, run, make_cert):
    make_cert()
    result = run("cert", "certify", "ca-pss", "--number", "1", "--issued", "2026-01-01", "--hours", "20")
    assert result.exit_code == NotFound.EXIT_CODE
    assert 'no certification in progress with the id "ca-pss"' in result.stderr
    start_tx(ok)
    ok("cert", "certify", "tx-peer", "--number", "1", "--issued", "2026-10-15", "--hours", "20")
    again = run("cert", "certify", "tx-peer", "--number", "1", "--issued", "2026-10-15", "--hours", "20")
    assert again.exit_code == NotFound.EXIT_CODE


def test_an_id_already_held_is_refused(ok, run, make_cert):
    make_cert()
    result = run("cert", "add", "X", "--id", "ca-pss", "--in-progress", "--require", "service=5")
    assert result.exit_code == 2 and 'already a certification with the id "ca-pss"' in result.stderr


def test_the_rebuild_migration_keeps_pursuits_and_their_requirements(tmp_path):
    from peertrack.storage import migrations

    path = tmp_path / "old.db"
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA foreign_keys = ON")
    migrations.steps.apply(Database(conn), stop_before="0006-pursuits-count-every-entry")
    conn.execute("PRAGMA user_version = 5")
    conn.execute("INSERT INTO pursuits (id, name, started, created_at) VALUES ('tx', 'Peer', '2026-01-01', 'x')")
    conn.execute("INSERT INTO pursuit_requirements (pursuit_id, kind, seconds) VALUES ('tx', 'service', 900000)")
    conn.close()
    conn = connect(path)
    conn.row_factory = None
    assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert conn.execute("SELECT id, started FROM pursuits").fetchall() == [("tx", "2026-01-01")]
    assert conn.execute("SELECT pursuit_id, kind, seconds FROM pursuit_requirements").fetchall() == [
        ("tx", "service", 900000)]
    conn.execute("INSERT INTO pursuits (id, name, created_at) VALUES ('il', 'CRSS', 'x')")  # no start day now
    conn.execute("DELETE FROM pursuits WHERE id = 'tx'")
    assert conn.execute("SELECT count(*) FROM pursuit_requirements").fetchone()[0] == 0  # still cascades
    assert conn.execute("PRAGMA foreign_key_check").fetchall() == []


def test_cert_rm_removes_one_in_progress_keeping_the_entries(ok, run, status_json, db_path):
    start_tx(ok)
    ok("log-work", "--hours", "8", "--date", "2026-09-01")
    assert run("cert", "rm", "tx-peer").exit_code == 2  # no terminal to ask on, no --yes
    assert len(in_progress(status_json)) == 1
    result = ok("cert", "rm", "tx-peer", "--yes")
    assert "Removed Peer Specialist (tx-peer)" in result.stderr
    assert in_progress(status_json) == []
    assert len(json.loads(ok("work", "list", "--json").stdout)) == 1
    assert list((db_path.parent / "backups").glob("*before-cert-rm.db"))
    tables = json.loads(ok("export", "json").stdout)["tables"]
    assert tables["pursuits"] == [] and tables["pursuit_requirements"] == []
