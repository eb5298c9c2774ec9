"""Honest standing: the cases where status and due used to tell a holder something untrue.

Today is 2026-11-02 (conftest.TODAY); every expected number below is worked out by hand.
"""

from __future__ import annotations

import json

import pytest


def test_the_best_legal_choice_does_not_depend_on_the_order_of_the_dates(ok, make_cert, status_json):
    # 10 online hours count at most; 6 must be ethics. The online general course is the older one.
    make_cert(hours="20", cap=["online=10"], require=["ethics=6"])
    ok("log-ceu", "General online", "--hours", "10", "--format", "online", "--date", "2026-01-10")
    ok("log-ceu", "Ethics online", "--hours", "6", "--format", "online", "--category", "ethics",
       "--date", "2026-03-10")
    data = status_json()["certifications"][0]
    # Count the 6 ethics hours and 4 of the general ones: ethics is met, 10 of 20 hours are missing.
    assert data["categories"] == [{"name": "ethics", "dimension": "category", "required": 6, "earned": 6,
                                   "met": True}]
    assert data["hours_earned"] == 10
    assert data["hours_missing"] == 10
    assert data["uncounted"] == [{"name": "online", "dimension": "format", "cap": 10, "logged": 16,
                                  "counted": 10, "not_counted": 6}]
    text = ok("status").stdout
    assert "✓ ethics: 6 of 6 hours" in text
    assert "6 of your 16 online hours do not count: at most 10 count" in text
    assert "ethics" not in text.split("Still needed")[1].split("\n")[0]


def test_zero_hours_with_106_days_left_is_behind_not_on_track(run, make_cert, status_json):
    make_cert(expires="2027-02-16", cycle="2y", hours="36")  # 106 days from 2026-11-02
    data = status_json()["certifications"][0]
    assert data["level"] == "behind"
    assert data["days_left"] == 106
    text = run("status").stdout
    assert "↓ behind" in text and "on track" not in text
    # More than 90 days left: the dashboard says so; `due` is for the last 90 days.
    assert run("due").exit_code == 0


def test_due_lists_a_certification_behind_in_its_last_90_days_without_exit_1(run, make_cert):
    make_cert(expires="2027-01-21", cycle="2y", hours="36")  # 80 days left, 0 hours
    result = run("due")
    assert result.exit_code == 0
    assert result.stdout.startswith("↓ behind  Medi-Cal Peer Support Specialist (ca-pss): 36 hours still needed")
    data = json.loads(run("due", "--json").stdout)
    assert data["needs_action"] is False
    assert [(item["level"], item["ref"]) for item in data["items"]] == [("behind", "ca-pss")]


@pytest.mark.parametrize(("hours", "level"), [
    # Cycle 1 Jul 2025 to 30 Jun 2027 (730 days); by 2 Nov 2026, 490 days have gone: a straight
    # line reaches 20 * 490 / 730 = 13.42 hours, so under 6.71 hours counted is behind.
    ("6.7", "behind"), ("6.75", "ok"),
])
def test_behind_at_half_the_straight_line(ok, make_cert, status_json, hours, level):
    make_cert()
    ok("log-ceu", "Course", "--hours", hours, "--date", "2026-05-01")
    data = status_json()["certifications"][0]
    assert data["level"] == level
    assert data["hours_expected_by_now"] == 13.42


def test_a_pace_over_six_hours_a_month_is_behind(ok, make_cert, status_json):
    # Cycle 1 Feb 2026 to 31 Jan 2027: a straight line is at 40 * 275 / 365 = 30.14 hours, so 16
    # hours are on schedule; but the 24 missing over the 90 days left are 8.1 hours a month.
    make_cert(expires="2027-01-31", cycle="1y", hours="40")
    ok("log-ceu", "Course", "--hours", "16", "--date", "2026-10-01")
    data = status_json()["certifications"][0]
    assert (data["level"], data["behind_because"], data["hours_per_month_needed"]) == ("behind", "pace", 8.25)
    ok("log-ceu", "Another", "--hours", "6.3", "--date", "2026-10-02")  # 17.7 over 90 days: 5.99 a month
    data = status_json()["certifications"][0]
    assert (data["level"], data["behind_because"]) == ("due-soon", None)
