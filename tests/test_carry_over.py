"""Carried-over hours are worked out when read: late courses, removed courses and corrected caps count at once."""

import json
import shutil
import sqlite3
from pathlib import Path

import pytest

FIXTURE = Path(__file__).parent / "fixtures" / "schema-4.db"


def carried(status_json) -> float:
    return status_json()["certifications"][0]["hours_carried_over"]


def past_cycles(ok) -> list[tuple]:
    data = json.loads(ok("cert", "show", "ca-pss", "--json").stdout)
    return [(c["starts"], c["hours_earned"], c["hours_carried_over"], c["carry_over_cap_hours"],
             c["hours_carried_when_renewed"]) for c in data["cycles"]]


@pytest.fixture
def renewed(ok, make_cert, monkeypatch):
    """ca-pss, 20 hours a cycle from 1 Jul 2025 to 30 Jun 2027, with 30 hours earned, renewed on its expiry day:
    the new cycle runs 1 Jul 2027 to 30 Jun 2029. Returns a function that sets it up with a carry-over cap."""

    def make(cap: str) -> None:
        make_cert(carry_over=cap)
        ok("log-ceu", "Core training", "--hours", "20", "--date", "2026-01-10")  # course 1
        ok("log-ceu", "Ethics day", "--hours", "10", "--date", "2026-05-01")  # course 2
        monkeypatch.setenv("PEERTRACK_TODAY", "2027-06-30")
        ok("cert", "renew", "ca-pss")
        monkeypatch.setenv("PEERTRACK_TODAY", "2027-08-01")

    return make


def test_a_late_course_counts_up_to_the_cap(renewed, ok, status_json):
    # 30 earned of 20 required: 10 extra, capped at 5 -> 5 carried.
    renewed("5")
    assert carried(status_json) == 5
    assert status_json()["certifications"][0]["hours_earned"] == 5
    # A 3-hour course of the old cycle logged after the renewal: 33 - 20 = 13 extra, still capped at 5.
    ok("log-ceu", "Late certificate", "--hours", "3", "--date", "2027-03-01")
    assert carried(status_json) == 5


def test_a_late_course_raises_what_a_wider_cap_carries(renewed, ok, status_json):
    # Cap 15: 30 - 20 = 10 carried; with the late 3 hours, 33 - 20 = 13 (under 15) carried.
    renewed("15")
    assert carried(status_json) == 10
    ok("log-ceu", "Late certificate", "--hours", "3", "--date", "2027-03-01")
    assert carried(status_json) == 13
    assert "+ 13 hours carried over from the last cycle" in ok("status").stdout
    assert json.loads(ok("cert", "list", "--json").stdout)[0]["hours_carried_over"] == 13
    assert "(13 carried in)" in ok("cert", "show", "ca-pss", "--cycles").stdout
    # Removing the 10-hour course of the old cycle: 23 - 20 = 3 carried.
    ok("ceu", "rm", "2", "--yes")
    assert carried(status_json) == 3
    # The record of the renewal day keeps what was worked out then: 10.
    assert past_cycles(ok) == [("2025-07-01", 23, 0, 15, None), ("2027-07-01", 3, 3, 15, 10)]


def test_a_cap_of_ten_stays_ten_with_the_late_course(renewed, ok, status_json):
    # Cap 10: 30 - 20 = 10 carried; with 3 more, 13 extra, capped at 10.
    renewed("10")
    assert carried(status_json) == 10
    ok("log-ceu", "Late certificate", "--hours", "3", "--date", "2027-03-01")
    assert carried(status_json) == 10
    # The 20-hour course edited down to 12: 12 + 10 + 3 = 25 earned, 5 extra, under the cap: 5 carried.
    ok("ceu", "edit", "1", "--hours", "12")
    assert carried(status_json) == 5


def test_a_short_cycle_carries_nothing(ok, make_cert, monkeypatch, status_json):
    # 15 earned of 20: 0 extra, whatever the cap.
    make_cert(carry_over="5")
    ok("log-ceu", "Core training", "--hours", "15", "--date", "2026-01-10")
    monkeypatch.setenv("PEERTRACK_TODAY", "2027-06-30")
    ok("cert", "renew", "ca-pss", "--yes")
    assert carried(status_json) == 0
    # Two late hours: 17 of 20, still short.
    ok("log-ceu", "Late certificate", "--hours", "2", "--date", "2027-03-01")
    assert carried(status_json) == 0


def test_correcting_the_previous_cycles_cap_changes_only_that(renewed, ok, status_json):
    renewed("5")
    result = ok("cert", "edit", "ca-pss", "--cycle", "previous", "--carry-over", "8")
    assert "Up to 8 hours carry over to the cycle after it" in result.stderr
    # 30 - 20 = 10 extra, now capped at 8; the rule for the current and later cycles stays 5.
    data = status_json()["certifications"][0]
    assert (data["hours_carried_over"], data["carry_over_hours"], data["carry_over_hours_this_cycle"]) == (8, 5, 5)
    assert [row[3] for row in past_cycles(ok)] == [8, 5]
    assert "carry-over up to 8" in ok("cert", "show", "ca-pss", "--cycles").stdout


def test_a_new_rule_applies_to_the_current_cycle_and_later_ones(renewed, ok, status_json, monkeypatch):
    renewed("5")
    result = ok("cert", "edit", "ca-pss", "--carry-over", "2")
    assert "now applies to the current cycle (Thu 1 Jul 2027 to Sat 30 Jun 2029)" in result.stderr
    assert "keeps its own (up to 5 hours)" in result.stderr and "--cycle previous --carry-over" in result.stderr
    # The closed cycle still passes on 5; the current one will pass on at most 2.
    data = status_json()["certifications"][0]
    assert (data["hours_carried_over"], data["carry_over_hours"], data["carry_over_hours_this_cycle"]) == (5, 2, 2)
    # 25 hours in the current cycle: 5 carried + 25 own; at renewal it passes on 25 - 20 = 5, capped at 2.
    monkeypatch.setenv("PEERTRACK_TODAY", "2027-10-01")
    ok("log-ceu", "Big course", "--hours", "25", "--date", "2027-09-01")
    monkeypatch.setenv("PEERTRACK_TODAY", "2029-06-30")
    ok("cert", "renew", "ca-pss")
    assert carried(status_json) == 2
    # Hours earned count what was carried in: 30 own; 5 + 25; 2 + none yet.
    assert [row[1:4] for row in past_cycles(ok)] == [(30, 0, 5), (30, 5, 2), (2, 2, 2)]


def test_no_carry_over_with_the_cycle_option_is_refused_without_a_number(renewed, run):
    renewed("5")
    result = run("cert", "edit", "ca-pss", "--cycle", "previous", "--carry-over", "lots")
    assert result.exit_code == 2 and "--carry-over" in result.stderr


def _old_database(db_path: Path, rule_minutes: int | None, extra: str = "") -> None:
    """The schema-4 fixture: ca-pss's first cycle (1 Jul 2023 to 31 May 2025, renewed 1 Jun 2025) has 28 hours
    of 20 (courses 1, 2, 3: 2 + 20 + 6); 5 hours were stored as carried into the second, under a 5-hour rule."""
    db_path.parent.mkdir(parents=True)
    shutil.copy(FIXTURE, db_path)
    conn = sqlite3.connect(db_path)
    conn.execute("UPDATE certifications SET carry_over_minutes = ? WHERE id = 'ca-pss'", (rule_minutes,))
    if extra:
        conn.execute(extra)
    conn.commit()
    conn.close()


def test_migrating_keeps_what_a_lowered_rule_would_take_away(ok, db_path, status_json):
    # The rule was lowered to 2 hours after the renewal: the stored 5 shows the old cycle closed with at least 5.
    _old_database(db_path, 120)
    item = {c["id"]: c for c in status_json()["certifications"]}["ca-pss"]
    assert (item["hours_carried_over"], item["carry_over_hours"], item["carry_over_hours_this_cycle"]) == (5, 2, 2)
    assert [row[2:] for row in past_cycles(ok)] == [(0, 5, None), (5, 2, 5)]


def test_migrating_a_removed_rule_keeps_the_hours_carried(ok, db_path, status_json):
    _old_database(db_path, None)
    item = {c["id"]: c for c in status_json()["certifications"]}["ca-pss"]
    assert (item["hours_carried_over"], item["carry_over_hours"], item["carry_over_hours_this_cycle"]) == (5, 0, 0)


def test_migrating_makes_up_no_hours_for_a_cycle_that_passed_nothing_on(ok, db_path, status_json):
    # The renewal carried nothing (no rule then), and a 5-hour rule was added later. The first cycle's 28 of 20
    # would carry 5 under that rule, but it closed under none: nothing is carried; the open cycle takes the rule.
    _old_database(db_path, 300, "UPDATE cycles SET carried_minutes = 0")
    item = {c["id"]: c for c in status_json()["certifications"]}["ca-pss"]
    assert (item["hours_carried_over"], item["carry_over_hours_this_cycle"]) == (0, 5)
    assert [row[2:] for row in past_cycles(ok)] == [(0, 0, None), (0, 5, 0)]  # no cap is shown as 0
    ok("cert", "edit", "ca-pss", "--cycle", "previous", "--carry-over", "5")  # the holder knows it had one
    assert {c["id"]: c for c in status_json()["certifications"]}["ca-pss"]["hours_carried_over"] == 5


def test_migrating_follows_the_courses_when_they_changed_since(ok, db_path, status_json):
    # The 20-hour course of the first cycle was removed after the renewal (before this version): 8 of 20 is short,
    # so nothing is carried now, though 5 was stored. No command ever let anyone type that amount: the courses win.
    _old_database(db_path, 300, "DELETE FROM ceus WHERE id = 2")
    item = {c["id"]: c for c in status_json()["certifications"]}["ca-pss"]
    assert item["hours_carried_over"] == 0
    assert [row[2:] for row in past_cycles(ok)] == [(0, 5, None), (0, 5, 5)]


def test_the_renewal_packet_counts_the_late_course_in_what_carried_over(renewed, ok, tmp_path):
    from pypdf import PdfReader

    # Cap 15: 20 + 10 + the late 3 = 33 of 20, 13 extra, carried into the new cycle.
    renewed("15")
    ok("log-ceu", "Late certificate", "--hours", "3", "--date", "2027-03-01")
    ok("config", "set", "name", "Jordan Rivera")
    target = tmp_path / "packet.pdf"
    ok("export", "packet", "--cert", "ca-pss", "-o", str(target))
    text = " ".join(" ".join(page.extract_text().split()) for page in PdfReader(target).pages)
    assert "Counted besides the courses: 13 hours carried over from the cycle before." in text


def test_log_ceu_says_what_a_late_course_of_the_cycle_before_carries_now(renewed, ok):
    renewed("15")
    # 30 of 20 before: 10 carried (cap 15). A 3-hour course of the old cycle: 33 - 20 = 13 carried.
    first = ok("log-ceu", "Found certificate", "--hours", "3", "--date", "2027-03-01").stderr
    assert "counts toward the cycle before, whose extra hours carry over (at most 15 hours): 13 hours carried " \
           "into this cycle now" in first
    # 3 more: 16 extra, capped: 15.
    second = ok("log-ceu", "Another one", "--hours", "3", "--date", "2027-03-02").stderr
    assert "15 hours carried into this cycle now" in second


def test_no_carry_over_is_said_as_none(renewed, ok):
    renewed("5")
    said = " ".join(ok("cert", "edit", "ca-pss", "--carry-over", "0").stderr.split())
    assert "which passes no hours on when you renew" in said and "passes its extra hours on" not in said
    said = " ".join(ok("cert", "edit", "ca-pss", "--cycle", "current", "--carry-over", "0").stderr.split())
    assert "No hours carry over to the cycle after it." in said
