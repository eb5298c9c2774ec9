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
