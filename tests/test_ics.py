"""The calendar file, read back by a real iCalendar parser the way a calendar app reads it."""

import datetime as dt
import re

import icalendar
import pytest
from dateutil.rrule import rrulestr
from hypothesis import given, settings
from hypothesis import strategies as st

from peertrack.domain import recurrence
from peertrack.domain.errors import InvalidInput
from peertrack.exchange import ics

D = dt.date
STAMP = dt.datetime(2026, 11, 2, 12, 0, tzinfo=dt.timezone.utc)
OWN = "0123456789abcdef"  # a database's own part of every UID


@pytest.fixture
def records(ok, make_cert):
    make_cert(body="CalMHSA", number="PSS-01234")
    make_cert("ga-cps", "Certified Peer Specialist", expires="2026-12-31", cycle="1y", hours="12")
    ok("remind", "add", "Recovery meeting", "--every", "week", "--on", "thu", "--at", "19:00",
       "--note", "Dr Quill; room 4, \\ upstairs")
    ok("remind", "add", "Plan review", "--every", "month", "--on", "31", "--until", "2027-06-30")
    ok("remind", "add", "Five calm mornings", "--rrule", "FREQ=DAILY;COUNT=5")


def export(ok, tmp_path, *args, name="peertrack.ics") -> bytes:
    target = tmp_path / name
    ok("export", "ics", "-o", str(target), *args)
    return target.read_bytes()


def events(raw: bytes) -> dict:
    calendar = icalendar.Calendar.from_ical(raw)
    return {key(event): event for event in calendar.walk("VEVENT")}


def key(event) -> str:
    """An event's UID without the database's own random part: "reminder-1@peertrack"."""
    uid = str(event["UID"])
    assert re.fullmatch(r"[^@]+@[0-9a-f]{16}\.peertrack", uid), uid
    return re.sub(r"@[0-9a-f]{16}\.peertrack$", "@peertrack", uid)


def test_the_calendar_reads_back_event_by_event(ok, tmp_path, records):
    raw = export(ok, tmp_path)
    calendar = icalendar.Calendar.from_ical(raw)
    assert str(calendar["VERSION"]) == "2.0"
    assert str(calendar["PRODID"]).startswith("-//peertrack//")
    found = events(raw)
    assert set(found) == {"cert-ca-pss-expiry@peertrack", "cert-ga-cps-expiry@peertrack",
                          "reminder-1@peertrack", "reminder-2@peertrack", "reminder-3@peertrack"}

    expiry = found["cert-ca-pss-expiry@peertrack"]
    assert str(expiry["SUMMARY"]) == "Medi-Cal Peer Support Specialist expires"
    assert expiry.decoded("DTSTART") == D(2027, 6, 30)
    assert not isinstance(expiry.decoded("DTSTART"), dt.datetime)  # all day
    assert expiry.decoded("DTEND") == D(2027, 7, 1)
    assert "RRULE" not in expiry
    assert "CalMHSA" in str(expiry["DESCRIPTION"])
    assert "PSS-01234" not in raw.decode()
    assert [a.decoded("TRIGGER") for a in expiry.walk("VALARM")] == [
        dt.timedelta(days=-90), dt.timedelta(days=-30), dt.timedelta(days=-7)]
    assert {str(a["ACTION"]) for a in expiry.walk("VALARM")} == {"DISPLAY"}
    assert found["cert-ga-cps-expiry@peertrack"].decoded("DTSTART") == D(2026, 12, 31)

    meeting = found["reminder-1@peertrack"]
    assert str(meeting["SUMMARY"]) == "Recovery meeting"
    assert meeting.decoded("DTSTART") == dt.datetime(2026, 11, 5, 19, 0)  # floating local time
    assert meeting.decoded("DTEND") == dt.datetime(2026, 11, 5, 19, 30)
    assert dict(meeting["RRULE"]) == {"FREQ": ["WEEKLY"], "BYDAY": ["TH"]}
    assert [a.decoded("TRIGGER") for a in meeting.walk("VALARM")] == [dt.timedelta(0)]
    assert str(meeting["DESCRIPTION"]) == ("Your wellness plan: every week on Thursday.\n"
                                           "When it is done: peertrack remind done 1")
    assert [str(c) for c in meeting["CATEGORIES"].cats] == ["Wellness plan"]

    review = found["reminder-2@peertrack"]
    assert review.decoded("DTSTART") == D(2026, 11, 30)
    assert dict(review["RRULE"]) == {"FREQ": ["MONTHLY"], "BYMONTHDAY": [-1], "UNTIL": [D(2027, 6, 30)]}
    assert [a.decoded("TRIGGER") for a in review.walk("VALARM")] == [dt.timedelta(hours=9)]
    assert dict(found["reminder-3@peertrack"]["RRULE"]) == {"FREQ": ["DAILY"], "COUNT": [5]}


def test_a_calendar_app_gets_the_same_dates_as_peertrack(ok, tmp_path, records, db_path):
    from peertrack.storage.database import connect
    from peertrack.storage.reminders import load_reminders

    found = events(export(ok, tmp_path))
    conn = connect(db_path)
    for reminder in load_reminders(conn):
        event = found[f"reminder-{reminder.id}@peertrack"]
        start = event.decoded("DTSTART")
        moment = start if isinstance(start, dt.datetime) else dt.datetime(start.year, start.month, start.day)
        theirs = [d.date() for d in rrulestr(event["RRULE"].to_ical().decode(), dtstart=moment)[:8]]
        ours = recurrence.occurrences(reminder.rrule, reminder.starts, reminder.starts, D(2028, 12, 31),
                                      reminder.until)[:8]
        assert theirs == ours
    conn.close()


def test_notes_only_when_asked(ok, tmp_path, records):
    plain = export(ok, tmp_path)
    assert b"Quill" not in plain
    with_notes = events(export(ok, tmp_path, "--notes", name="with-notes.ics"))
    assert str(with_notes["reminder-1@peertrack"]["DESCRIPTION"]).endswith("\n\nDr Quill; room 4, \\ upstairs")
    assert "Dr Quill" not in str(with_notes["reminder-2@peertrack"]["DESCRIPTION"])


def test_uids_stay_the_same_so_a_new_import_updates(ok, tmp_path, records):
    first = export(ok, tmp_path, name="one.ics")
    second = export(ok, tmp_path, name="two.ics")

    def without_stamps(raw: bytes) -> bytes:
        return re.sub(rb"DTSTAMP:\d{8}T\d{6}Z", b"DTSTAMP:-", raw)

    assert without_stamps(first) == without_stamps(second)
    ok("remind", "edit", "1", "--title", "Peer recovery meeting", "--every", "week", "--on", "fri")
    ok("cert", "edit", "ca-pss", "--expires", "2027-07-31")
    changed = events(export(ok, tmp_path, name="three.ics"))
    assert set(changed) == set(events(first))
    assert str(changed["reminder-1@peertrack"]["SUMMARY"]) == "Peer recovery meeting"
    assert dict(changed["reminder-1@peertrack"]["RRULE"])["BYDAY"] == ["FR"]
    assert changed["cert-ca-pss-expiry@peertrack"].decoded("DTSTART") == D(2027, 7, 31)


def test_lines_end_in_crlf_and_fold_at_75_octets(ok, tmp_path, make_cert):
    long_name = "Certificación Estatal de Especialista de Apoyo entre Pares 🌱 — salud mental y recuperación"
    make_cert("es-cert", long_name, expires="2027-03-31")
    raw = export(ok, tmp_path)
    assert raw.endswith(b"END:VCALENDAR\r\n")
    assert b"\n" not in raw.replace(b"\r\n", b"")
    for line in raw.split(b"\r\n"):
        assert len(line) <= 75
        line.decode("utf-8")  # never split inside a character
    assert any(line.startswith(b" ") for line in raw.split(b"\r\n"))
    assert str(events(raw)["cert-es-cert-expiry@peertrack"]["SUMMARY"]) == f"{long_name} expires"


def test_the_screen_gets_the_same_calendar_as_the_file(ok, tmp_path, records):
    on_screen = ok("export", "ics").stdout_bytes
    in_file = export(ok, tmp_path)
    assert re.sub(rb"DTSTAMP:\S+", b"", on_screen) == re.sub(rb"DTSTAMP:\S+", b"", in_file)
    assert b"\r\n" in on_screen


def test_only_one_kind(ok, tmp_path, records):
    certs = events(export(ok, tmp_path, "--only", "certs", name="c.ics"))
    assert set(certs) == {"cert-ca-pss-expiry@peertrack", "cert-ga-cps-expiry@peertrack"}
    wellness = events(export(ok, tmp_path, "--only", "reminders", name="r.ics"))
    assert set(wellness) == {"reminder-1@peertrack", "reminder-2@peertrack", "reminder-3@peertrack"}
    assert events(ok("export", "ics", "--only", "deadlines").stdout_bytes) == {}  # none of those yet


def test_file_messages(ok, tmp_path, records):
    result = ok("export", "ics", "-o", str(tmp_path / "mine.ics"))
    assert "Wrote 2 certification expiries and 3 reminders to" in result.stderr
    assert "updates these events instead of adding copies" in result.stderr
    result = ok("export", "ics", "--only", "deadlines", "-o", str(tmp_path / "d.ics"))
    assert "with no events yet: there are no deadlines to put in it" in result.stderr


def test_no_database_is_an_empty_calendar_and_no_file(ok, db_path):
    raw = ok("export", "ics").stdout_bytes
    assert icalendar.Calendar.from_ical(raw).walk("VEVENT") == []
    assert not db_path.exists()


def test_bad_only_and_unwritable_files(run, tmp_path, records, snapshot):
    before = snapshot()
    result = run("export", "ics", "--only", "everything", "-o", str(tmp_path / "x.ics"))
    assert result.exit_code == InvalidInput.EXIT_CODE
    assert '--only "everything" is not a kind of event: use certs, deadlines or reminders.' in result.stderr
    assert not (tmp_path / "x.ics").exists()
    assert snapshot() == before
    missing = run("export", "ics", "-o", str(tmp_path / "no" / "such" / "folder.ics"))
    assert missing.exit_code == 1
    assert "Could not write" in missing.stderr and "Traceback" not in missing.stderr


# --- the writer on its own -----------------------------------------------------------------------


@pytest.mark.parametrize("text, escaped", [
    ("plain", "plain"),
    ("a;b,c\\d", "a\\;b\\,c\\\\d"),
    ("line one\nline two", "line one\\nline two"),
    ("windows\r\nline", "windows\\nline"),
    ("bell\x07 and tab\t", "bell and tab\t"),
])
def test_escape(text, escaped):
    assert ics.escape(text) == escaped


@pytest.mark.parametrize("delta, text", [
    (dt.timedelta(days=-90), "-P90D"), (dt.timedelta(hours=9), "PT9H"), (dt.timedelta(0), "PT0S"),
    (dt.timedelta(minutes=-15), "-PT15M"), (dt.timedelta(days=1, hours=2, seconds=5), "P1DT2H5S"),
])
def test_duration(delta, text):
    assert ics.duration(delta) == text


def test_fold_never_splits_a_character():
    line = "SUMMARY:" + "é" * 100
    folded = ics.fold(line)
    parts = folded.split("\r\n ")
    assert all(len(part.encode()) <= 74 for part in parts[1:]) and len(parts[0].encode()) <= 75
    assert "".join(parts) == line
    assert ics.fold("SHORT:x") == "SHORT:x"


def test_other_kinds_of_events_fit_the_same_writer():
    window = ics.Event(uid=ics.uid("cert", "ca-pss", "renewal-window"), summary="Renewal opens: ca-pss",
                       start=D(2027, 4, 1), end=D(2027, 6, 30), categories=("Certification", "Deadline"))
    deadline = ics.Event(uid=ics.uid("deadline", "7"), summary="Background check, fee $25",
                         start=dt.datetime(2027, 5, 3, 10, 0), end=dt.datetime(2027, 5, 3, 11, 0),
                         alarms=(ics.Alarm(-dt.timedelta(days=1), "Background check tomorrow"),))
    found = events(ics.calendar_text([window, deadline], STAMP, OWN).encode())
    opened = found["cert-ca-pss-renewal-window@peertrack"]
    assert (opened.decoded("DTSTART"), opened.decoded("DTEND")) == (D(2027, 4, 1), D(2027, 7, 1))
    assert [str(c) for c in opened["CATEGORIES"].cats] == ["Certification", "Deadline"]
    check = found["deadline-7@peertrack"]
    assert str(check["SUMMARY"]) == "Background check, fee $25"
    assert check.decoded("DTSTAMP") == STAMP
    assert [a.decoded("TRIGGER") for a in check.walk("VALARM")] == [dt.timedelta(days=-1)]
    with pytest.raises(ValueError, match="share a UID"):
        ics.calendar_text([deadline, deadline], STAMP, OWN)


@given(st.text(st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=200))
@settings(max_examples=200, deadline=None)
def test_any_text_survives_the_trip(text):
    event = ics.Event(uid=ics.uid("test", "1"), summary=text, start=D(2027, 1, 1), description=text)
    raw = ics.calendar_text([event], STAMP, OWN).encode()
    assert all(len(line) <= 75 for line in raw.split(b"\r\n"))
    read = events(raw)["test-1@peertrack"]
    expected = re.sub(r"[\x00-\x08\x0b-\x1f\x7f]", "", text.replace("\r\n", "\n").replace("\r", "\n"))
    assert str(read["SUMMARY"]) == expected
    assert str(read["DESCRIPTION"]) == expected


def test_a_timed_reminder_ends_with_a_local_time_too():
    from peertrack.domain.models import Reminder

    item = Reminder(title="Self-care hour", rrule="FREQ=WEEKLY;BYDAY=FR", starts=D(2026, 11, 6),
                    added_on=D(2026, 11, 2), at=dt.time(16, 0), until=D(2027, 6, 30), note="a walk", id=4)
    event = events(ics.calendar_text(ics.reminder_events([item]), STAMP, OWN).encode())["reminder-4@peertrack"]
    assert event.decoded("DTSTART") == dt.datetime(2026, 11, 6, 16, 0)
    assert dict(event["RRULE"])["UNTIL"] == [dt.datetime(2027, 6, 30, 23, 59, 59)]
    assert "a walk" not in str(event["DESCRIPTION"])
