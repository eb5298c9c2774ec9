"""The wellness plan in the dashboard and in `due`, and deadlines in the calendar file."""

import datetime as dt
import json
import re

import icalendar


def test_the_dashboard_has_a_wellness_panel_below_the_certifications(ok, make_cert, monkeypatch):
    make_cert()
    ok("remind", "add", "Self-care hour", "--every", "week")
    monkeypatch.setenv("PEERTRACK_TODAY", "2026-11-11")
    text = ok("status").stdout
    assert text.index("Medi-Cal Peer Support Specialist") < text.index("Wellness plan")
    assert "Self-care hour: it's been 9 days" in text
    data = json.loads(ok("status", "--json").stdout)
    assert [(r["title"], r["days_overdue"]) for r in data["reminders"]] == [("Self-care hour", 9)]
    assert "Wellness plan" not in ok("status", "--cert", "ca-pss").stdout


def test_reminders_alone_show_the_dashboard_not_the_welcome(ok):
    ok("remind", "add", "--starter", "daily-check-in")
    text = ok("status").stdout
    assert "Welcome to peertrack" not in text
    assert "Daily check-in" in text


def test_due_lists_reminders_kindly_and_they_are_never_trouble(run, ok, make_cert, monkeypatch):
    make_cert(expires="2028-06-30")
    ok("remind", "add", "Recovery meeting", "--every", "week", "--on", "thu")
    monkeypatch.setenv("PEERTRACK_TODAY", "2026-11-20")
    result = run("due")
    assert result.exit_code == 0
    assert "○ wellness plan  Recovery meeting: " in result.stdout
    data = json.loads(run("due", "--json").stdout)
    assert data["needs_action"] is False
    assert [(i["kind"], i["level"]) for i in data["items"]] == [("reminder", "wellness")]


def test_deadlines_and_renewal_windows_in_the_calendar(ok, make_cert, tmp_path):
    make_cert(expires="2027-06-30", opens_days="90", submit_days="45", grace_days="30")
    ok("deadline", "add", "Renewal fee", "--due", "2027-05-01", "--cert", "ca-pss", "--note", "card ending 4242")
    ok("deadline", "add", "Done already", "--due", "2026-11-20")
    ok("deadline", "done", "2")
    target = tmp_path / "plan.ics"
    ok("export", "ics", "--only", "deadlines", "-o", str(target))
    events = {re.sub(r"@[0-9a-f]{16}\.peertrack$", "@peertrack", str(e["UID"])): e
              for e in icalendar.Calendar.from_ical(target.read_bytes()).walk("VEVENT")}
    assert set(events) == {"deadline-1@peertrack", "deadline-2@peertrack", "cert-ca-pss-renewal-window@peertrack",
                           "ca-pss-submit@peertrack", "ca-pss-late@peertrack"}
    assert str(events["deadline-2@peertrack"]["STATUS"]) == "CANCELLED"  # done: a calendar drops it
    window = events["cert-ca-pss-renewal-window@peertrack"]
    assert window.decoded("DTSTART") == dt.date(2027, 4, 1)
    assert window.decoded("DTEND") == dt.date(2027, 7, 1)  # the expiry day is the window's last day
    assert events["ca-pss-submit@peertrack"].decoded("DTSTART") == dt.date(2027, 5, 16)
    assert events["ca-pss-late@peertrack"].decoded("DTSTART") == dt.date(2027, 7, 30)
    fee = events["deadline-1@peertrack"]
    assert [a.decoded("TRIGGER") for a in fee.walk("VALARM")] == [dt.timedelta(days=-7), dt.timedelta(days=-1)]
    assert "4242" not in target.read_text()
    ok("export", "ics", "--only", "deadlines", "--notes", "-o", str(target))
    assert "card ending 4242" in target.read_text()
    everything = tmp_path / "all.ics"
    result = ok("export", "ics", "-o", str(everything))
    assert "1 certification expiry, 4 deadlines and 1 event marked cancelled (done or removed)" in result.stderr
