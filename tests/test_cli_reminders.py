# ruff: noqa: E501 - one row per case reads best as one line
"""Wellness-plan reminders through the real command line: add, list, done, skip, snooze, log, edit, rm."""

import datetime as dt
import json
import sqlite3
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from peertrack.commands.app import app
from peertrack.domain.errors import Conflict, InvalidInput, NeedsConfirmation, NotFound
from peertrack.storage.database import connect, transaction
from peertrack.storage.reminders import (
    delete_reminder,
    find_reminder_titled,
    insert_reminder,
    load_reminder,
    load_reminder_log,
    log_reminder,
)

D = dt.date


@pytest.fixture
def reminders(ok):
    """The reminders as `remind list --json` shows them, by title."""

    def read() -> dict:
        return {item["title"]: item for item in json.loads(ok("remind", "list", "--json").stdout)}

    return read


@pytest.fixture
def on_day(monkeypatch):
    """Move peertrack's today (2026-11-02, a Monday, to begin with)."""

    def move(day: str) -> None:
        monkeypatch.setenv("PEERTRACK_TODAY", day)

    return move


def test_add_shows_the_rule_in_words_and_the_next_date(ok, reminders):
    added = ok("remind", "add", "Recovery meeting", "--every", "week", "--on", "thu", "--at", "7pm")
    assert "Added reminder 1: Recovery meeting, every week on Thursday at 19:00." in added.stderr
    assert "Next: Thu 5 Nov 2026 (in 3 days)." in added.stderr
    ok("remind", "add", "Supervision", "--every", "2 weeks", "--on", "mon", "--start", "2026-11-04")
    ok("remind", "add", "Plan review", "--every", "month", "--on", "31", "--until", "2027-06-30", "--note", "triggers")
    ok("remind", "add", "Team retreat", "--rrule", "FREQ=YEARLY;BYMONTH=3;BYDAY=2TU")
    got = reminders()
    assert got["Recovery meeting"] | {} == {
        "id": 1, "title": "Recovery meeting", "every": "every week on Thursday", "rrule": "FREQ=WEEKLY;BYDAY=TH",
        "starts": "2026-11-05", "at": "19:00", "until": None, "note": None, "snoozed_until": None,
        "next": "2026-11-05", "due": False, "due_since": None, "days_overdue": None, "missed": 0, "snoozed": False,
    }
    assert (got["Supervision"]["every"], got["Supervision"]["next"]) == ("every 2 weeks on Monday", "2026-11-09")
    assert (got["Plan review"]["rrule"], got["Plan review"]["next"], got["Plan review"]["until"]) == (
        "FREQ=MONTHLY;BYMONTHDAY=-1", "2026-11-30", "2027-06-30")
    assert (got["Team retreat"]["every"], got["Team retreat"]["next"]) == (
        "every year on the second Tuesday of March", "2027-03-09")
    table = ok("remind", "list").stdout
    assert "every month on the last day, until Wed 30 Jun 2027" in table
    assert "4 reminders, none due now." in table


def test_starters_are_ready_to_add(ok, run, reminders):
    listed = json.loads(ok("remind", "starters", "--json").stdout)
    assert [s["key"] for s in listed] == ["daily-check-in", "weekly-recovery-meeting", "biweekly-supervision",
                                          "weekly-self-care", "monthly-plan-review"]
    assert "weekly-self-care" in ok("remind", "starters").stdout
    ok("remind", "add", "--starter", "weekly-self-care")
    ok("remind", "add", "--starter", "biweekly-supervision", "--on", "thu")
    ok("remind", "add", "Evening check-in", "--starter", "daily-check-in", "--at", "21:00")
    ok("remind", "add", "--starter", "Monthly-Plan-Review", "--every", "month", "--on", "last")
    got = reminders()
    assert got["Self-care hour"]["every"] == "every week on Monday"
    assert got["Supervision"]["every"] == "every 2 weeks on Thursday"
    assert (got["Evening check-in"]["every"], got["Evening check-in"]["at"]) == ("every day", "21:00")
    assert got["Wellness plan review"]["every"] == "every month on the last day"


def test_missed_times_are_shown_once_and_kindly(ok, on_day, reminders):
    ok("remind", "add", "Self-care hour", "--every", "week")  # Mondays, from today
    assert reminders()["Self-care hour"]["due_since"] == "2026-11-02"
    on_day("2026-11-11")
    item = reminders()["Self-care hour"]
    assert (item["due"], item["due_since"], item["days_overdue"], item["missed"]) == (True, "2026-11-02", 9, 2)
    table = ok("remind", "list").stdout
    assert table.count("Self-care hour") == 1
    assert "it's been 9 days" in table
    assert "1 reminder, 1 due now." in table
    done = ok("remind", "done", "1")
    assert 'Well done: "Self-care hour" done for Mon 9 Nov 2026.' in done.stderr
    assert "Next: Mon 16 Nov 2026 (in 5 days)." in done.stderr
    assert reminders()["Self-care hour"]["due"] is False


def test_done_skip_and_snooze_move_the_next_date(ok, on_day, reminders):
    ok("remind", "add", "Recovery meeting", "--every", "week", "--on", "mon")
    assert reminders()["Recovery meeting"]["next"] == "2026-11-02"
    ok("remind", "done", "1")
    assert reminders()["Recovery meeting"]["next"] == "2026-11-09"
    skipped = ok("remind", "skip", "1", "--note", "travelling")
    assert 'Skipped "Recovery meeting" for Mon 9 Nov 2026. That\'s all right.' in skipped.stderr
    assert reminders()["Recovery meeting"]["next"] == "2026-11-16"
    snoozed = ok("remind", "snooze", "1", "--until", "2026-11-18")
    assert 'Snoozed "Recovery meeting" until Wed 18 Nov 2026.' in snoozed.stderr
    item = reminders()["Recovery meeting"]
    assert (item["next"], item["snoozed"], item["snoozed_until"]) == ("2026-11-18", True, "2026-11-18")
    on_day("2026-11-17")
    assert reminders()["Recovery meeting"]["due"] is False  # still snoozed
    on_day("2026-11-19")
    item = reminders()["Recovery meeting"]
    assert (item["due"], item["due_since"], item["days_overdue"]) == (True, "2026-11-18", 1)
    ok("remind", "done", "1", "--on", "yesterday")
    item = reminders()["Recovery meeting"]
    assert (item["due"], item["next"], item["snoozed_until"]) == (False, "2026-11-23", None)


def test_done_early_counts_for_the_next_time(ok, reminders):
    ok("remind", "add", "Supervision", "--every", "2 weeks", "--on", "thu")
    early = ok("remind", "done", "1")
    assert 'done ahead of Thu 5 Nov 2026' in early.stderr
    assert reminders()["Supervision"]["next"] == "2026-11-19"


def test_filling_in_history_keeps_the_next_date(ok, on_day, reminders):
    ok("remind", "add", "Daily check-in", "--every", "day", "--start", "2026-11-02")
    on_day("2026-11-05")
    ok("remind", "done", "1")
    ok("remind", "done", "1", "--on", "2026-11-03", "--note", "forgot to log it")
    assert reminders()["Daily check-in"]["next"] == "2026-11-06"
    history = json.loads(ok("remind", "log", "1", "--json").stdout)["reminders"][0]
    assert [(e["occurrence"], e["action"], e["on"], e["note"]) for e in history["entries"]] == [
        ("2026-11-05", "done", "2026-11-05", None), ("2026-11-03", "done", "2026-11-03", "forgot to log it")]
    assert history["streak"] == 1  # 4 Nov was missed


def test_log_and_streak(ok, on_day):
    ok("remind", "add", "Recovery meeting", "--every", "week")
    ok("remind", "add", "Plan review", "--every", "month")
    for day in ("2026-11-02", "2026-11-09", "2026-11-16"):
        on_day(day)
        ok("remind", "done", "1")
    on_day("2026-11-23")
    ok("remind", "skip", "1", "--note", "sick")
    on_day("2026-11-30")
    ok("remind", "done", "1", "--note", "good talk")
    data = json.loads(ok("remind", "log", "--json").stdout)
    assert data["today"] == "2026-11-30"
    meeting, review = data["reminders"]
    assert meeting["streak"] == 4 and review["streak"] == 0
    assert [e["action"] for e in meeting["entries"]] == ["done", "skipped", "done", "done", "done"]
    assert meeting["entries"][0]["note"] == "good talk"
    text = ok("remind", "log").stdout
    assert "Recovery meeting" in text and "Done 4 times in a row." in text
    assert "– skipped  Mon 23 Nov 2026: sick" in text
    assert "Plan review" not in text  # nothing logged for it yet
    assert "Nothing logged yet" in ok("remind", "log", "2").stdout


def test_log_without_anything(ok, db_path):
    assert "Nothing logged yet" in ok("remind", "log").stdout
    assert json.loads(ok("remind", "log", "--json").stdout) == {"today": "2026-11-02", "reminders": []}
    assert not db_path.exists()


def test_edit_changes_only_what_is_given_and_keeps_history(ok, reminders):
    ok("remind", "add", "Self-care hour", "--every", "week", "--at", "17:00", "--note", "a walk")
    ok("remind", "done", "1")
    changed = ok("remind", "edit", "1", "--every", "week", "--on", "fri", "--title", "Self-care time")
    assert "Changed reminder 1: Self-care time, every week on Friday at 17:00." in changed.stderr
    item = reminders()["Self-care time"]
    assert (item["rrule"], item["starts"], item["next"], item["note"]) == ("FREQ=WEEKLY;BYDAY=FR", "2026-11-06", "2026-11-06", "a walk")
    ok("remind", "edit", "1", "--at", "", "--note", "", "--until", "2027-01-01")
    item = reminders()["Self-care time"]
    assert (item["at"], item["note"], item["until"]) == (None, None, "2027-01-01")
    ok("remind", "edit", "1", "--rrule", "FREQ=MONTHLY;BYDAY=1FR", "--until", "")
    item = reminders()["Self-care time"]
    assert (item["every"], item["until"], item["next"]) == ("every month on the first Friday", None, "2026-11-06")
    assert len(json.loads(ok("remind", "log", "1", "--json").stdout)["reminders"][0]["entries"]) == 1
    assert "Nothing to change" in ok("remind", "edit", "1").stderr


def test_rm_asks_keeps_a_backup_and_takes_the_history(run, ok, db_path, reminders):
    ok("remind", "add", "Recovery meeting", "--every", "week")
    ok("remind", "done", "1")
    refused = run("remind", "rm", "1")
    assert refused.exit_code == NeedsConfirmation.EXIT_CODE
    assert "--yes" in refused.stderr
    assert "Recovery meeting" in reminders()
    removed = ok("remind", "rm", "1", "--yes")
    assert 'Removed reminder 1, "Recovery meeting"' in removed.stderr
    assert reminders() == {}
    conn = sqlite3.connect(db_path)
    assert conn.execute("SELECT count(*) FROM reminder_log").fetchone()[0] == 0
    conn.close()
    backups = list((db_path.parent / "backups").glob("*before-remind-rm.db"))
    assert len(backups) == 1
    conn = sqlite3.connect(backups[0])
    assert conn.execute("SELECT title FROM reminders").fetchall() == [("Recovery meeting",)]
    conn.close()


def test_an_ended_reminder_cannot_be_marked(run, ok, on_day, snapshot):
    ok("remind", "add", "Short course", "--every", "week", "--until", "2026-11-10")
    ok("remind", "done", "1")
    ok("remind", "done", "1")  # the one on 9 Nov, early
    on_day("2026-11-20")
    before = snapshot()
    result = run("remind", "done", "1")
    assert result.exit_code == Conflict.EXIT_CODE
    assert 'Reminder 1, "Short course", has no more dates' in result.stderr
    assert "peertrack remind edit 1 --until DATE" in result.stderr
    assert snapshot() == before
    assert "no more dates" in ok("remind", "list").stdout


def test_commands_about_one_reminder_create_no_file(run, db_path):
    for args in (("remind", "done", "1"), ("remind", "log", "1"), ("remind", "rm", "1", "--yes")):
        result = run(*args)
        assert result.exit_code == NotFound.EXIT_CODE
        assert 'There is no reminder with the number "1"' in result.stderr
    assert json.loads(run("remind", "list", "--json").stdout) == []
    assert "You have no reminders yet" in run("remind", "list").stdout
    assert not db_path.exists()


@pytest.fixture
def with_reminder(ok):
    ok("remind", "add", "Recovery meeting", "--every", "week", "--on", "thu")


BAD = [
    (["remind", "add", "X", "--every", "fortnite"], InvalidInput, ['--every "fortnite" is not a repeat I know', "2 weeks"]),
    (["remind", "add", "X", "--every", "week", "--on", "funday"], InvalidInput, ['--on "funday" is not a day name I know', "mon,thu"]),
    (["remind", "add", "X", "--every", "month", "--on", "32"], InvalidInput, ['--on "32" is not a day of the month']),
    (["remind", "add", "X", "--every", "month", "--on", "tue"], InvalidInput, ['--on "tue" does not say which one in the month']),
    (["remind", "add", "X", "--every", "day", "--on", "mon"], InvalidInput, ['--on "mon" does not go with day']),
    (["remind", "add", "X", "--every", "week", "--at", "25:00"], InvalidInput, ['--at "25:00" is not a time of day', "18:30"]),
    (["remind", "add", "X", "--every", "week", "--at", "half past"], InvalidInput, ['--at "half past"']),
    (["remind", "add", "X", "--every", "week", "--start", "2026-12-01", "--until", "2026-11-30"], InvalidInput, ['--until "2026-11-30" is before the start', "2026-12-01"]),
    (["remind", "add", "X", "--every", "month", "--on", "15", "--start", "2026-11-20", "--until", "2026-12-01"], InvalidInput, ["comes before the reminder's first date", "2026-12-15"]),
    (["remind", "add", "X", "--every", "week", "--start", "someday"], InvalidInput, ['--start "someday"', "11/02/2026"]),
    (["remind", "add", "X", "--every", "week", "--until", "2027-02-30"], InvalidInput, ['--until "2027-02-30" is not a real date']),
    (["remind", "add", "X", "--every", "day", "--start", "1901-01-01"], InvalidInput, ['--start "1901-01-01" is too far from today', "within 50 years"]),
    (["remind", "add", "X", "--rrule", "FREQ=WEEKLY;COUNT=0"], InvalidInput, ['--rrule "FREQ=WEEKLY;COUNT=0" has COUNT=0']),
    (["remind", "add", "X", "--rrule", "FREQ=WEEKLY;BYDAY=XX"], InvalidInput, ['--rrule "FREQ=WEEKLY;BYDAY=XX"']),
    (["remind", "add", "X", "--rrule", "FREQ=HOURLY"], InvalidInput, ["repeats within a day", "--at"]),
    (["remind", "add", "X", "--rrule", "FREQ=SOMETIMES"], InvalidInput, ["has an unknown FREQ"]),
    (["remind", "add", "X", "--rrule", "FREQ=MONTHLY;BYMONTHDAY=31;BYDAY=2MO"], InvalidInput, ["never comes round"]),
    (["remind", "add", "X", "--rrule", "FREQ=WEEKLY;COUNT=3", "--until", "2027-01-01"], InvalidInput, ["cannot go with COUNT"]),
    (["remind", "add", "X", "--rrule", "FREQ=WEEKLY;UNTIL=20270101", "--until", "2027-01-01"], InvalidInput, ["is given twice"]),
    (["remind", "add", "X", "--rrule", "FREQ=WEEKLY", "--every", "week"], InvalidInput, ["cannot go with --every or --on"]),
    (["remind", "add", "X"], InvalidInput, ['--every is missing', "--starter"]),
    (["remind", "add", "X", "--on", "mon"], InvalidInput, ['--on "mon" needs --every']),
    (["remind", "add", "--every", "week"], InvalidInput, ['TITLE is missing', "--starter"]),
    (["remind", "add", "  ", "--every", "week"], InvalidInput, ['TITLE "  " is empty']),
    (["remind", "add", "recovery MEETING", "--every", "day"], Conflict, ['You already have a reminder called "Recovery meeting" (number 1)']),
    (["remind", "add", "--starter", "weekly-selfcare"], NotFound, ['There is no wellness-plan starter called "weekly-selfcare"', 'Did you mean "weekly-self-care"?']),
    (["remind", "done", "9"], NotFound, ['There is no reminder with the number "9"', "peertrack remind list"]),
    (["remind", "done", "1", "--on", "tomorrow"], InvalidInput, ['--on "tomorrow" is in the future']),
    (["remind", "done", "1", "--on", "last week"], InvalidInput, ['--on "last week"']),
    (["remind", "skip", "9"], NotFound, ["There is no reminder"]),
    (["remind", "snooze", "1", "--until", "today"], InvalidInput, ['--until "today" is not after today', "tomorrow"]),
    (["remind", "snooze", "1", "--until", "2026-02-30"], InvalidInput, ['--until "2026-02-30" is not a real date']),
    (["remind", "snooze", "9", "--until", "tomorrow"], NotFound, ["There is no reminder"]),
    (["remind", "rm", "9", "--yes"], NotFound, ["There is no reminder"]),
    (["remind", "log", "9"], NotFound, ["There is no reminder"]),
    (["remind", "edit", "9", "--title", "x"], NotFound, ["There is no reminder"]),
    (["remind", "edit", "1", "--every", "fortnite"], InvalidInput, ['--every "fortnite"']),
    (["remind", "edit", "1", "--on", "someday"], InvalidInput, ['--on "someday"']),
    (["remind", "edit", "1", "--until", "2020-01-01"], InvalidInput, ['--until "2020-01-01" is before the start']),
    (["remind", "edit", "1", "--at", "7 oclock"], InvalidInput, ['--at "7 oclock" is not a time of day']),
    (["remind", "edit", "1", "--title", "  "], InvalidInput, ['--title "  " is empty']),
    (["remind", "edit", "1", "--rrule", "FREQ=DAILY;BYHOUR=9"], InvalidInput, ["has BYHOUR", "--at"]),
]


@pytest.mark.parametrize("args, error, words", BAD, ids=[" ".join(a)[:70] for a, _, _ in BAD])
def test_bad_reminder_input_is_refused_plainly_and_changes_nothing(refused, with_reminder, args, error, words):
    assert error.EXIT_CODE == 2
    refused(args, error, words)


def test_a_missing_snooze_day_is_a_usage_error(run, with_reminder):
    result = run("remind", "snooze", "1")
    assert result.exit_code == 2
    assert "--until" in result.stderr


def test_reminders_and_their_log_never_reach_the_csv_export(ok, make_cert, tmp_path):
    make_cert()
    ok("log-ceu", "Trauma-Informed Care", "--hours", "3")
    ok("remind", "add", "Therapy appointment", "--every", "week", "--note", "Dr Quill, room 4")
    ok("remind", "done", "1", "--note", "hard session about my relapse")
    ok("remind", "skip", "1", "--note", "panic attack")
    for args in (("export", "csv"), ("export", "csv", "--notes"), ("export", "csv", "--cert", "ca-pss")):
        text = ok(*args).stdout
        assert "Trauma-Informed Care" in text
        for private in ("Therapy", "Quill", "relapse", "panic", "FREQ=", "skipped"):
            assert private not in text
    target = tmp_path / "renewal.csv"
    ok("export", "csv", "--notes", "-o", str(target))
    assert "Therapy" not in target.read_text(encoding="utf-8-sig")


# --- what the dashboard and `due` use ------------------------------------------------------------


def test_due_reminders_the_wellness_panel_and_their_json(ok, on_day, db_path, capsys):
    from peertrack.output import porcelain
    from peertrack.output.dashboard import wellness_lines
    from peertrack.output.show_lines import show
    from peertrack.services.overview import due_reminders

    ok("remind", "add", "Self-care hour", "--every", "week")
    ok("remind", "add", "Daily check-in", "--every", "day", "--at", "9:00")
    ok("remind", "add", "Plan review", "--every", "month", "--on", "last")
    conn = connect(db_path)
    today = D(2026, 11, 11)
    items = due_reminders(conn, today)
    conn.close()
    assert [(i.reminder.title, i.due_since, i.days_overdue, i.missed) for i in items] == [
        ("Daily check-in", D(2026, 11, 2), 9, 10), ("Self-care hour", D(2026, 11, 2), 9, 2)]
    assert porcelain.due_reminder(items[1]) == {
        "id": 1, "title": "Self-care hour", "every": "every week on Monday", "at": None, "due_since": "2026-11-02",
        "oldest_missed": "2026-11-02", "days_overdue": 9, "missed": 2, "words": "it's been 9 days"}
    capsys.readouterr()
    show(wellness_lines(items, today))
    shown = capsys.readouterr().out
    assert "Wellness plan" in shown
    assert "Self-care hour: it's been 9 days" in shown and "(no. 1)" in shown
    assert shown.count("Daily check-in") == 1
    assert "peertrack remind done NUMBER" in shown
    show(wellness_lines([], today))
    assert capsys.readouterr().out == ""


def test_every_reminder_round_trips_through_storage(ok, db_path):
    ok("remind", "add", "Supervision", "--every", "2 weeks", "--on", "mon,thu", "--at", "08:05", "--until",
       "2027-03-31", "--note", "bring notes")
    ok("remind", "snooze", "1", "--until", "2026-11-20")
    conn = connect(db_path)
    item = load_reminder(conn, 1)
    assert (item.rrule, item.starts, item.added_on, item.at, item.until, item.note, item.snoozed_until) == (
        "FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,TH", D(2026, 11, 2), D(2026, 11, 2), dt.time(8, 5), D(2027, 3, 31),
        "bring notes", D(2026, 11, 20))
    with transaction(conn):
        delete_reminder(conn, 1)
        new_id = insert_reminder(conn, item)
    assert load_reminder(conn, new_id) == type(item)(**{**item.__dict__, "id": new_id})
    assert find_reminder_titled(conn, "SUPERVISION").id == new_id
    conn.close()


def test_a_settled_occurrence_cannot_be_logged_twice(ok, db_path):
    from peertrack.domain.models import ReminderLogEntry

    ok("remind", "add", "Recovery meeting", "--every", "week")
    ok("remind", "done", "1")
    conn = connect(db_path)
    with pytest.raises(sqlite3.IntegrityError):
        with transaction(conn):
            log_reminder(conn, ReminderLogEntry(1, D(2026, 11, 2), "skipped", D(2026, 11, 2)))
    assert len(load_reminder_log(conn, 1)) == 1
    conn.close()


words = st.text(alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"), max_size=30)
specs = st.one_of(words, st.sampled_from(["day", "weekday", "week", "2 weeks", "month", "3 months", "year", "0 days"]))
days_on = st.one_of(words, st.sampled_from(["mon,thu", "1", "15", "29", "30", "31", "last", "2nd tue", "last fri"]))
rules = st.one_of(words, st.sampled_from(["FREQ=WEEKLY;BYDAY=TU", "FREQ=MONTHLY;BYDAY=-1FR", "FREQ=DAILY;COUNT=2",
                                          "FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=29", "FREQ=WEEKLY;INTERVAL=0"]))
day_texts = st.one_of(words, st.dates().map(lambda d: d.isoformat()), st.sampled_from(["today", "tomorrow", "yesterday"]))
numbers = st.one_of(words, st.integers(-5, 5).map(str))
remind_commands = st.one_of(
    st.tuples(st.just("add"), words, st.just("--every"), specs, st.just("--on"), days_on, st.just("--at"), words,
              st.just("--start"), day_texts, st.just("--until"), day_texts),
    st.tuples(st.just("add"), words, st.just("--rrule"), rules, st.just("--start"), day_texts),
    st.tuples(st.just("add"), st.just("--starter"), words),
    st.tuples(st.just("done"), numbers, st.just("--on"), day_texts, st.just("--note"), words),
    st.tuples(st.just("skip"), numbers),
    st.tuples(st.just("snooze"), numbers, st.just("--until"), day_texts),
    st.tuples(st.just("edit"), numbers, st.just("--every"), specs, st.just("--on"), days_on, st.just("--until"),
              day_texts),
    st.tuples(st.just("rm"), numbers, st.just("--yes")),
    st.tuples(st.just("log"), numbers),
    st.tuples(st.just("list")),
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(remind_commands, min_size=1, max_size=6))
def test_random_input_never_breaks_the_reminders(batch):
    runner = CliRunner()
    with tempfile.TemporaryDirectory() as folder:
        env = {"PEERTRACK_DB": str(Path(folder) / "fuzz.db"), "PEERTRACK_TODAY": "2026-11-02"}
        runner.invoke(app, ["remind", "add", "Recovery meeting", "--every", "week"], env=env)
        for args in [("remind", *command) for command in batch] + [("export", "ics"), ("remind", "log")]:
            result = runner.invoke(app, list(args), env=env)
            assert result.exit_code in (0, 1, 2), (args, result.stdout, result.stderr)
            assert "Traceback" not in result.stdout + result.stderr
            assert "did not expect" not in result.stderr, (args, result.stderr)
