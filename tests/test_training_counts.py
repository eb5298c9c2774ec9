"""Counts of trainings, not hours (GA: one peer ethics training a year; ME: two classes a year)."""

import datetime as dt
import json

import pytest

from peertrack.domain.models import Allocation, Course, Cycle
from peertrack.domain.renewal_tasks import plural, rules_kept_by_hand
from peertrack.domain.templates import TrainingCount
from peertrack.domain.training_counts import count_progress, is_training
from peertrack.storage.template_files import find_template

D = dt.date
ETHICS = TrainingCount("peer ethics training", 1, "ethics")
CLASS = TrainingCount("CE class", 2)
CYCLE = Cycle(D(2026, 1, 1), D(2026, 12, 31), 12 * 3600)


def course(title, day, *categories, seconds=3600):
    return Course(day, title, seconds, allocations=tuple(Allocation(c, seconds) for c in categories))


@pytest.mark.parametrize(("item", "count", "expected"), [
    (course("Boundaries", D(2026, 3, 1), "ethics"), ETHICS, True),  # by its category
    (course("Peer Ethics Refresher", D(2026, 3, 1)), ETHICS, True),  # by the word in its title
    (course("Wellness planning", D(2026, 3, 1), "wellness"), ETHICS, False),
    (course("Wellness planning", D(2026, 3, 1), "wellness"), CLASS, True),  # any course is a class
])
def test_what_is_one_training(item, count, expected):
    assert is_training(item, count) is expected


def test_each_course_is_one_training_whatever_its_hours_and_only_inside_the_cycle():
    courses = [course("Ethics day", D(2026, 1, 1), "ethics", seconds=8 * 3600),  # the cycle's first day
               course("Ethics again", D(2026, 12, 31), "ethics"),  # its last day
               course("Ethics last year", D(2025, 12, 31), "ethics"),
               course("Ethics next year", D(2027, 1, 1), "ethics")]
    (found,) = count_progress([ETHICS], courses, CYCLE)
    assert (found.required, found.done, found.missing) == (1, 2, 0)
    (classes,) = count_progress([CLASS], courses[:1], CYCLE)
    assert (classes.done, classes.missing) == (1, 1)


def test_words_for_what_is_kept_by_hand():
    assert plural("CE class", 2) == "2 CE classes" and plural("peer ethics training", 1) == "1 peer ethics training"
    assert rules_kept_by_hand(find_template("wa-cps")) == []  # both windows cover a 2-year cycle: counted
    assert rules_kept_by_hand(find_template("wa-cps"), cycle_months=60) == [
        "2 hours of health equity once every 4 years"]  # 4 years is shorter than a 5-year cycle
    assert rules_kept_by_hand(find_template("id-cpss")) == []  # unique hours are counted (test_unique_hours.py)
    assert rules_kept_by_hand(find_template("ga-cps")) == []  # its count of trainings is counted


def test_georgias_ethics_training_counts_in_show_and_due(ok, run, monkeypatch):
    ok("cert", "add", "--template", "ga-cps", "--issued", "2024-03-01")
    ok("log-ceu", "Recovery stories", "--hours", "12", "--date", "2026-03-01", "--category", "recovery",
       "--provider", "GMHCN")
    shown = json.loads(ok("cert", "show", "ga-cps", "--json").stdout)
    assert shown["trainings"] == [{"what": "peer ethics training", "required": 1, "done": 0}]
    monkeypatch.setenv("PEERTRACK_TODAY", "2026-12-15")
    items = json.loads(run("due", "--json").stdout)["items"]
    assert [(i["level"], i["detail"]) for i in items if i["ref"] == "ga-cps"] == [
        ("urgent", "1 peer ethics training still needed this cycle (0 of 1); expires in 16 days")]
    ok("log-ceu", "Peer ethics", "--hours", "1", "--date", "2026-12-01", "--category", "ethics")
    assert json.loads(ok("cert", "show", "ga-cps", "--json").stdout)["trainings"][0]["done"] == 1
    assert not [i for i in json.loads(run("due", "--json").stdout)["items"] if i["ref"] == "ga-cps"]


def test_a_count_of_trainings_is_on_the_dashboard_the_to_do_list_and_json(ok):
    """Georgia: one peer ethics training a year, besides the hours; none taken yet."""
    ok("cert", "add", "--template", "ga-cps", "--expires", "2026-12-31")
    shown = " ".join(ok("status").stdout.split())
    assert "✗ peer ethics training: 0 of 1 this cycle" in shown
    assert "Also needed: 1 peer ethics training." in shown
    todo = " ".join(ok("status", "--missing").stdout.split())
    assert "Also: 1 peer ethics training this cycle." in todo
    data = json.loads(ok("status", "--json").stdout)["certifications"][0]
    assert data["trainings"] == [{"what": "peer ethics training", "required": 1, "done": 0}]
