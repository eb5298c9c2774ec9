"""The work log: hours of peer service and supervision sessions, logged, listed, changed and removed."""

import json
import sqlite3

import pytest

from peertrack.domain.errors import InvalidInput, NotFound


def listed(ok, group: str, *args: str) -> list[dict]:
    return json.loads(ok(group, "list", "--json", *args).stdout)


def test_log_work_keeps_exact_seconds_and_says_what_was_logged(ok, db_path):
    result = ok("log-work", "--hours", "3.5", "--date", "2026-10-30", "--setting", "crisis line")
    assert result.stderr == "✓ Logged 3.5 hours of peer service on Fri 30 Oct 2026 (work entry 1).\n"
    ok("log-work", "--hours", "20m")  # today, 2026-11-02
    ok("log-work", "--hours", "0.1", "--date", "yesterday", "--note", "covered a shift")
    entries = listed(ok, "work")
    assert [(e["id"], e["date"], e["seconds"], e["hours"]) for e in entries] == [
        (1, "2026-10-30", 12600, 3.5), (3, "2026-11-01", 360, 0.1), (2, "2026-11-02", 1200, 0.33)]
    assert entries[0]["setting"] == "crisis line" and entries[1]["note"] == "covered a shift"
    stored = sqlite3.connect(db_path).execute("SELECT seconds FROM work_entries ORDER BY id").fetchall()
    assert stored == [(12600,), (1200,), (360,)]
    table = ok("work", "list").stdout
    assert "3 entries, 3.93 hours of peer service in all." in table  # 12600 + 1200 + 360 s = 3.9333 h
    assert "crisis line" in table


def test_nothing_about_people_served_has_a_place(db_path, ok):
    ok("log-work", "--hours", "1")
    columns = {row[1] for row in sqlite3.connect(db_path).execute("PRAGMA table_info(work_entries)")}
    assert columns == {"id", "date", "seconds", "setting", "note", "created_at"}


def test_log_supervision_with_name_and_credential(ok):
    result = ok("log-supervision", "--hours", "1.5", "--supervisor", "  Dana   Reyes ,  LCSW ", "--group",
                "--topic", "boundaries", "--date", "2026-10-28", "--json")
    session = json.loads(result.stdout)["supervision"]
    assert session == {"id": 1, "date": "2026-10-28", "hours": 1.5, "seconds": 5400, "supervisor": "Dana Reyes",
                       "credential": "LCSW", "group": True, "topic": "boundaries", "note": None}
    ok("log-supervision", "--hours", "1", "--supervisor", "Reyes, Dana, LCSW")  # the credential follows the last comma
    assert listed(ok, "supervision")[1]["supervisor"] == "Reyes, Dana"
    assert "individual" in ok("supervision", "show", "2").stdout


@pytest.mark.parametrize(("args", "words"), [
    (("log-work", "--hours", "0"), '--hours "0" is not a positive number of hours'),
    (("log-work", "--hours", "24.01"), '--hours "24.01" is more hours than a day holds'),
    (("log-work", "--hours", "2", "--date", "tomorrow"), '--date "tomorrow" is in the future'),
    (("log-work", "--hours", "lots"), '--hours "lots" is not a number of hours'),
    (("log-supervision", "--hours", "1", "--supervisor", "Dana Reyes"), "needs a name and a credential"),
    (("log-supervision", "--hours", "1", "--supervisor", ", LCSW"), "needs a name and a credential"),
])
def test_bad_input_is_one_sentence_exit_2_and_nothing_written(refused, args, words, db_path):
    refused(args, InvalidInput, [words])
    assert not db_path.exists()


def test_a_whole_day_is_accepted(ok):
    ok("log-work", "--hours", "24")
    assert listed(ok, "work")[0]["seconds"] == 86400


def test_list_between_two_days_includes_both(ok):
    for day in ("2026-09-30", "2026-10-01", "2026-10-31", "2026-11-01"):
        ok("log-work", "--hours", "1", "--date", day)
        ok("log-supervision", "--hours", "1", "--date", day, "--supervisor", "Dana Reyes, LCSW")
    for group in ("work", "supervision"):
        days = [e["date"] for e in listed(ok, group, "--from", "2026-10-01", "--to", "2026-10-31")]
        assert days == ["2026-10-01", "2026-10-31"]


def test_edit_changes_only_what_is_given(ok):
    ok("log-work", "--hours", "4", "--date", "2026-10-01", "--setting", "clinic", "--note", "n")
    ok("work", "edit", "1", "--hours", "4.25")
    assert listed(ok, "work")[0] == {"id": 1, "date": "2026-10-01", "hours": 4.25, "seconds": 15300,
                                     "setting": "clinic", "note": "n"}
    ok("log-supervision", "--hours", "1", "--supervisor", "Dana Reyes, LCSW", "--group", "--date", "2026-10-02")
    ok("supervision", "edit", "1", "--supervisor", "Sam Ortiz, CPRS", "--individual")
    session = listed(ok, "supervision")[0]
    assert (session["supervisor"], session["credential"], session["group"], session["seconds"], session["date"]) == (
        "Sam Ortiz", "CPRS", False, 3600, "2026-10-02")


def test_edit_with_bad_hours_changes_nothing(ok, run):
    ok("log-work", "--hours", "4")
    assert run("work", "edit", "1", "--hours", "30").exit_code == 2
    assert listed(ok, "work")[0]["seconds"] == 14400


def test_rm_asks_keeps_a_backup_and_removes(ok, run, db_path):
    ok("log-work", "--hours", "4")
    ok("log-supervision", "--hours", "1", "--supervisor", "Dana Reyes, LCSW")
    refused = run("work", "rm", "1")  # no terminal to ask on, no --yes
    assert refused.exit_code == 2 and "--yes" in refused.stderr
    assert len(listed(ok, "work")) == 1
    removed = ok("work", "rm", "1", "--yes")
    assert "Removed work entry 1" in removed.stderr
    assert listed(ok, "work") == []
    backups = list((db_path.parent / "backups").glob("*before-work-rm.db"))
    assert len(backups) == 1
    assert sqlite3.connect(backups[0]).execute("SELECT seconds FROM work_entries").fetchall() == [(14400,)]
    ok("supervision", "rm", "1", "--yes")
    assert listed(ok, "supervision") == []
    assert list((db_path.parent / "backups").glob("*before-supervision-rm.db"))


def test_unknown_numbers_are_named(ok, run):
    ok("log-work", "--hours", "1")
    for args in (("work", "show", "9"), ("work", "rm", "9", "--yes"), ("supervision", "edit", "9", "--hours", "1")):
        result = run(*args)
        assert result.exit_code == NotFound.EXIT_CODE and 'number "9"' in result.stderr


def test_listing_without_a_database_creates_none(ok, db_path):
    assert listed(ok, "work") == [] and listed(ok, "supervision") == []
    assert "No supervision sessions match." in ok("supervision", "list").stdout
    assert not db_path.exists()
