"""A training counted once ever (Illinois): repeating it, later in the cycle or in a later one, adds nothing."""

import datetime as dt
import json

import pytest

from peertrack.domain.models import Course
from peertrack.domain.once_ever import first_times, training_key

D = dt.date


@pytest.mark.parametrize(("a", "b", "same"), [
    ("Ethics for Peers", "ethics  for peers", True), ("Ethics for Peers!", "Ethics for peers", True),
    ("Ethics for Peers I", "Ethics for Peers II", False), ("WRAP", "WRAP seminar", False)])
def test_the_same_training(a, b, same):
    assert (training_key(a) == training_key(b)) is same


def test_only_a_trainings_first_time_counts():
    earlier = [Course(D(2024, 5, 1), "Ethics for Peers", 180)]
    now = [Course(D(2026, 2, 1), "ethics for peers", 180, id=7), Course(D(2026, 3, 1), "Trauma Basics", 120, id=8),
           Course(D(2026, 4, 1), "Trauma basics.", 120, id=9)]
    assert [c.id for c in first_times(now, earlier)] == [8]
    assert [c.id for c in first_times(now, [])] == [7, 8]


def test_illinois_a_repeated_training_adds_nothing(ok, status_json):
    ok("cert", "add", "--template", "il-crss", "--issued", "2023-01-10", "--expires", "2025-12-31")
    ok("log-ceu", "Ethics for Peers", "--hours", "6", "--date", "2024-05-01")
    ok("cert", "renew", "il-crss", "--on", "2025-12-01", "--yes")
    ok("log-ceu", "Ethics for peers", "--hours", "6", "--date", "2026-02-01")  # the same training again
    ok("log-ceu", "Trauma Basics", "--hours", "4", "--date", "2026-03-01")
    cert = status_json()["certifications"][0]
    # Renewed early, on 1 Dec: the new cycle starts on the renewal day.
    assert (cert["cycle_start"], cert["hours_earned"], cert["course_count"]) == ("2025-12-01", 4, 1)
    shown = json.loads(ok("cert", "show", "il-crss", "--json").stdout)
    assert shown["hours_earned"] == 4


def test_without_the_rule_a_repeated_training_counts(ok, status_json):
    ok("cert", "add", "--template", "pa-cps", "--issued", "2023-01-10", "--expires", "2025-12-31")
    ok("log-ceu", "Ethics for Peers", "--hours", "6", "--date", "2024-05-01")
    ok("cert", "renew", "pa-cps", "--on", "2025-12-01", "--yes")
    ok("log-ceu", "Ethics for peers", "--hours", "6", "--date", "2026-02-01")
    assert status_json()["certifications"][0]["hours_earned"] == 6


def test_nebraska_counts_the_same_program_once_a_cycle(ok, status_json):
    """206 NAC 7: "Credit will not be received for the same continuing education program more than once per
    biennial renewal period." Ethics in peer work twice (3 h each), 2 h more of ethics, 8 of peer support:
    3 + 2 + 8 = 13 of 20, ethics 5 of 6. In the next cycle the same program counts again."""
    ok("cert", "add", "--template", "ne-cpss", "--expires", "2027-09-01")
    for title, day, hours, category in (("Ethics in peer work", "2026-01-10", "3", "ethics"),
                                        ("Ethics in Peer Work", "2026-06-10", "3", "ethics"),
                                        ("Boundaries", "2026-07-01", "2", "ethics"),
                                        ("Peer support skills", "2026-08-01", "8", "peer support")):
        ok("log-ceu", title, "--hours", hours, "--date", day, "--category", category, "--force")
    item = status_json()["certifications"][0]
    ethics = next(c for c in item["categories"] if c["name"] == "ethics")
    assert (item["hours_earned"], item["hours_missing"], ethics["earned"]) == (13, 7, 5)
