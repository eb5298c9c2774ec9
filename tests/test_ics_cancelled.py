"""The calendar file as calendar apps read it over time: done and removed events cancelled, UIDs per database."""

from __future__ import annotations

import datetime as dt
import re
import sqlite3

import icalendar


def export(ok, path, *args: str, db: str | None = None) -> dict:
    ok(*(["--db", db] if db else []), "export", "ics", "-o", str(path), *args)
    return {str(event["UID"]): event for event in icalendar.Calendar.from_ical(path.read_bytes()).walk("VEVENT")}


def by_summary(events: dict) -> dict:
    return {str(event["SUMMARY"]): event for event in events.values()}


def test_a_deadline_marked_done_is_sent_as_cancelled_under_the_same_uid(ok, make_cert, tmp_path):
    make_cert()
    ok("deadline", "add", "Background check", "--due", "2026-12-01")
    before = by_summary(export(ok, tmp_path / "before.ics"))["Background check"]
    assert "STATUS" not in before and len(before.walk("VALARM")) == 2
    ok("deadline", "done", "1")
    after = by_summary(export(ok, tmp_path / "after.ics"))["Background check"]
    assert str(after["UID"]) == str(before["UID"])
    assert str(after["STATUS"]) == "CANCELLED"
    assert int(after["SEQUENCE"]) > int(before.get("SEQUENCE", 0))  # the newer version for a calendar
    assert after.walk("VALARM") == []  # no alarm for something done
    assert after.decoded("DTSTART") == dt.date(2026, 12, 1)


def test_removed_deadlines_and_reminders_are_remembered_and_sent_as_cancelled(ok, make_cert, tmp_path):
    make_cert()
    ok("deadline", "add", "Renewal fee", "--due", "2027-05-01")
    ok("remind", "add", "Recovery meeting", "--every", "week", "--on", "thu")
    first = by_summary(export(ok, tmp_path / "first.ics"))
    ok("deadline", "rm", "1", "--yes")
    ok("remind", "rm", "1", "--yes")
    later = by_summary(export(ok, tmp_path / "later.ics"))
    for title in ("Renewal fee", "Recovery meeting"):
        assert str(later[title]["UID"]) == str(first[title]["UID"])
        assert str(later[title]["STATUS"]) == "CANCELLED"
        assert later[title].walk("VALARM") == [] and "RRULE" not in later[title]
    assert later["Renewal fee"].decoded("DTSTART") == dt.date(2027, 5, 1)
    only_reminders = by_summary(export(ok, tmp_path / "reminders.ics", "--only", "reminders"))
    assert set(only_reminders) == {"Recovery meeting"}


def test_a_removed_certification_takes_its_deadlines_out_of_the_calendar_too(ok, make_cert, tmp_path):
    make_cert()
    ok("deadline", "add", "Fee", "--due", "2027-05-01", "--cert", "ca-pss")
    ok("cert", "rm", "ca-pss", "--yes")
    fee = by_summary(export(ok, tmp_path / "after.ics"))["Fee"]
    assert str(fee["STATUS"]) == "CANCELLED"


def test_two_databases_never_share_a_uid_and_one_database_keeps_its_own(ok, make_cert, tmp_path):
    other = str(tmp_path / "other" / "peertrack.db")
    for db in (None, other):
        prefix = ["--db", db] if db else []
        ok(*prefix, "cert", "add", "Medi-Cal Peer Support Specialist", "--id", "ca-pss", "--expires", "2027-06-30",
           "--hours", "20")
        ok(*prefix, "deadline", "add", "Renewal fee", "--due", "2027-05-01")
        ok(*prefix, "remind", "add", "Walk", "--every", "day")
    mine = export(ok, tmp_path / "mine.ics")
    theirs = export(ok, tmp_path / "theirs.ics", db=other)
    assert len(mine) == len(theirs) == 3
    assert not set(mine) & set(theirs)
    assert set(export(ok, tmp_path / "mine-again.ics")) == set(mine)
    parts = {re.fullmatch(r"[a-z0-9-]+@([0-9a-f]{16})\.peertrack", uid).group(1) for uid in mine}
    assert len(parts) == 1


def test_the_uid_part_travels_with_the_records(ok, make_cert, tmp_path, db_path):
    make_cert()
    ok("deadline", "add", "Renewal fee", "--due", "2027-05-01")
    mine = export(ok, tmp_path / "mine.ics")
    ok("export", "json", "-o", str(tmp_path / "all.json"))
    moved = str(tmp_path / "new-computer" / "peertrack.db")
    ok("--db", moved, "import", "json", str(tmp_path / "all.json"), "--yes")
    assert set(export(ok, tmp_path / "moved.ics", db=moved)) == set(mine)
    with sqlite3.connect(db_path) as conn:
        stored = conn.execute("SELECT value FROM settings WHERE key = 'calendar-id'").fetchone()[0]
    assert all(uid.endswith(f"@{stored}.peertrack") for uid in mine)


def test_alarm_words_never_say_in_1_days(ok, make_cert, tmp_path):
    make_cert()
    ok("deadline", "add", "Renewal fee", "--due", "2027-05-01")
    raw = (tmp_path / "plan.ics")
    events = export(ok, raw)
    texts = [str(alarm["DESCRIPTION"]) for event in events.values() for alarm in event.walk("VALARM")]
    assert "Renewal fee: in 1 day" in texts and "Renewal fee: in 7 days" in texts
    assert "Medi-Cal Peer Support Specialist expires in 7 days" in texts
    assert not [text for text in texts if re.search(r"\b1 days\b", text)]


def test_a_removed_certification_cancels_its_expiry_and_renewal_dates(ok, make_cert, tmp_path):
    make_cert(expires="2027-06-30", opens_days="90", submit_days="45")
    make_cert("ga-cps", "Certified Peer Specialist", expires="2027-12-31")
    before = export(ok, tmp_path / "before.ics")
    mine = {uid: event for uid, event in before.items() if "ca-pss" in uid}
    assert len(mine) == 3  # the expiry, the renewal window, the application's due day
    ok("cert", "rm", "ca-pss", "--yes")
    after = export(ok, tmp_path / "after.ics")
    for uid, event in mine.items():
        assert str(after[uid]["STATUS"]) == "CANCELLED"
        assert after[uid].decoded("DTSTART") == event.decoded("DTSTART")
    assert "STATUS" not in next(event for uid, event in after.items() if "ga-cps" in uid)
    only_certs = export(ok, tmp_path / "certs.ics", "--only", "certs")
    assert [str(e["SUMMARY"]) for e in only_certs.values() if "STATUS" in e] == [
        "Medi-Cal Peer Support Specialist expires"]
    make_cert(expires="2029-06-30")  # the same id again: its new events are live, not cancelled
    again = export(ok, tmp_path / "again.ics")
    expiry = next(uid for uid in again if uid.startswith("cert-ca-pss-expiry@"))
    assert "STATUS" not in again[expiry]


def test_each_late_stage_has_its_day_in_the_calendar_and_leaves_it_when_removed(ok, tmp_path):
    # Georgia: expiry 31 Dec 2026; no late fee until 15 Jan 2027; with the $26 fee until 31 Jan; inactive after.
    ok("cert", "add", "--template", "ga-cps", "--issued", "2024-03-01")
    before = export(ok, tmp_path / "before.ics")
    late = sorted((event.decoded("DTSTART"), str(event["SUMMARY"]), uid.split("@")[0]) for uid, event in before.items()
                  if uid.startswith("ga-cps-late"))
    assert late == [
        (dt.date(2027, 1, 15), "Last day without a late fee: Certified Peer Specialist (CPS-MH)", "ga-cps-late-grace"),
        # The last day keeps the identity of the one "renew late" event calendars were given before.
        (dt.date(2027, 1, 31), "Last day to renew with the $26 late fee: Certified Peer Specialist (CPS-MH)",
         "ga-cps-late")]
    ok("cert", "rm", "ga-cps", "--yes")
    after = export(ok, tmp_path / "after.ics")
    for uid in before:
        if uid.startswith("ga-cps-late"):
            assert str(after[uid]["STATUS"]) == "CANCELLED"


def test_a_late_stage_with_no_day_after_an_edit_is_sent_cancelled(ok, tmp_path):
    ok("cert", "add", "--template", "ga-cps", "--issued", "2024-03-01")
    assert {uid.split("@")[0] for uid in export(ok, tmp_path / "before.ics") if "-late" in uid} == {
        "ga-cps-late-grace", "ga-cps-late"}
    # Expiring on 20 Jan 2027: no late fee until the next 15 January (2028); the fee window would end on
    # 31 Jan 2027, before that, so it has no day left. Its event is sent cancelled, not left behind.
    ok("cert", "edit", "ga-cps", "--expires", "2027-01-20")
    after = {uid.split("@")[0]: event for uid, event in export(ok, tmp_path / "after.ics").items() if "-late" in uid}
    assert set(after) == {"ga-cps-late-grace", "ga-cps-late"}
    assert after["ga-cps-late-grace"].decoded("DTSTART") == dt.date(2028, 1, 15)
    assert "STATUS" not in after["ga-cps-late-grace"]
    assert str(after["ga-cps-late"]["STATUS"]) == "CANCELLED"
