"""Topics due once over several cycles (WA: 3 hours of suicide prevention once every 6 years)."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from peertrack.domain.models import HOUR, Allocation, Certification, Course, Cycle, Requirement
from peertrack.domain.topic_windows import owed_minimums, window_start

D = dt.date
CERT = Certification(id="wa-cps", name="WA CPS", cycle_months=24, required_seconds=30 * HOUR,
                     cycle=Cycle(starts=D(2026, 7, 1), ends=D(2028, 6, 30), required_seconds=30 * HOUR))
SUICIDE = ("suicide prevention", 3 * HOUR, 6)


def course(day: dt.date, hours: float, category: str) -> Course:
    seconds = int(hours * HOUR)
    return Course(date=day, title="x", seconds=seconds, allocations=(Allocation(category, seconds),))


@pytest.mark.parametrize(("expires", "years", "first", "start"), [
    (D(2028, 6, 30), 6, D(2020, 1, 1), D(2022, 7, 1)),  # six years ending on the expiry
    (D(2028, 6, 30), 6, D(2024, 7, 1), D(2024, 7, 1)),  # never before anything counted
    (D(2028, 2, 29), 4, D(2000, 1, 1), D(2024, 3, 1)),  # a leap-day expiry: the day after 29 Feb 2024
    (D(2028, 6, 30), None, D(2019, 5, 2), D(2019, 5, 2)),  # once ever: from the first day
])
def test_window_start(expires, years, first, start):
    assert window_start(expires, years, first) == start


@pytest.mark.parametrize(("earlier", "owed"), [
    ([], 3 * HOUR),
    ([course(D(2022, 7, 1), 3, "suicide prevention")], None),  # the window's first day counts
    ([course(D(2022, 6, 30), 3, "suicide prevention")], 3 * HOUR),  # the day before does not
    ([course(D(2024, 1, 1), 1.5, "Suicide Prevention")], int(1.5 * HOUR)),  # any case; half of it done
    ([course(D(2024, 1, 1), 2, "suicide prevention"), course(D(2025, 1, 1), 2, "suicide prevention")], None),
    ([course(D(2026, 7, 1), 3, "suicide prevention")], 3 * HOUR),  # in this cycle: counted by the allocation
    ([course(D(2024, 1, 1), 3, "ethics")], 3 * HOUR),
])
def test_what_the_cycle_still_owes(earlier, owed):
    found = owed_minimums(CERT, [SUICIDE], earlier, D(2020, 1, 1))
    assert found == (() if owed is None else (Requirement("suicide prevention", owed),))


def test_a_word_the_certification_counts_as_the_topic():
    cert = Certification(**{**CERT.__dict__, "category_aliases": (("qpr", "suicide prevention"),)})
    assert owed_minimums(cert, [SUICIDE], [course(D(2024, 1, 1), 3, "QPR")], D(2020, 1, 1)) == ()


def test_a_window_shorter_than_the_cycle_is_not_owed_as_a_minimum():
    assert owed_minimums(CERT, [("health equity", 2 * HOUR, 1)], [], D(2020, 1, 1)) == ()


def test_washington_counts_topics_across_cycles(ok, status_json):
    """Cycle 1 Jul 2024 - 30 Jun 2026; 3 hours of suicide prevention in it; renewed early on 15 Jun 2026.

    The new cycle (15 Jun 2026 - 30 Jun 2028) owes no suicide prevention (6 years back reach before the
    first cycle, which holds the 3 hours) but 2 hours of health equity (none in 4 years).
    """
    added = ok("cert", "add", "--template", "wa-cps", "--expires", "2026-06-30")
    assert ("Counted across your cycles (the hours already taken in each window count): 3 hours of suicide "
            "prevention once every 6 years; 2 hours of health equity once every 4 years.") in " ".join(
                added.stderr.split())
    assert "Keep track of these yourself" not in added.stderr
    ok("log-ceu", "QPR gatekeeper", "--hours", "3", "--date", "2025-03-01", "--category", "suicide prevention")
    ok("cert", "renew", "wa-cps", "--on", "2026-06-15", "--yes")
    item = status_json()["certifications"][0]
    assert [(c["name"], c["required"], c["earned"]) for c in item["categories"]] == [
        ("peer support", 14, 0), ("ethics", 2, 0), ("health equity", 2, 0)]
    ok("log-ceu", "Health equity in peer work", "--hours", "2", "--date", "2026-10-01", "--category",
       "health equity")
    item = status_json()["certifications"][0]
    assert [(c["name"], c["earned"]) for c in item["categories"]][-1] == ("health equity", 2)
    assert (item["hours_earned"], item["hours_missing"]) == (2, 28)


def test_a_topic_not_yet_taken_is_on_the_to_do_list(ok):
    ok("cert", "add", "--template", "wa-cps", "--expires", "2027-06-30")
    todo = " ".join(ok("status", "--missing").stdout.split())
    assert ("14 hours of peer support, 3 of suicide prevention, 2 of ethics, 2 of health equity and 9 more of any "
            "kind by Wed 30 Jun 2027") in todo  # 14 + 3 + 2 + 2 = 21 of the 30 in the minimums
    data = json.loads(ok("status", "--json").stdout)["certifications"][0]
    assert {c["name"]: c["required"] for c in data["categories"]} == {
        "peer support": 14, "ethics": 2, "suicide prevention": 3, "health equity": 2}
    assert [r["name"] for r in data["requirements"]] == ["peer support", "ethics"]  # the cycle's own rules
    assert [(r["name"], r["hours"]) for r in data["topics_owed"]] == [("suicide prevention", 3), ("health equity", 2)]
    assert [r["name"] for r in data["next_cycles"]["rules"]] == ["peer support", "ethics"]
    shown = " ".join(ok("cert", "show", "wa-cps").stdout.split())
    assert ("Owed over cycles at least 3 suicide prevention; at least 2 health equity (due once every few years: "
            "hours you took earlier in those years count)") in shown


def test_a_topic_taken_before_the_first_cycle_on_record_counts_since_the_issue_day(ok, status_json):
    """Certified in 2019; the 6-year window of the expiry 30 Jun 2027 opens 1 Jul 2021: a 2024 course meets it."""
    ok("cert", "add", "--template", "wa-cps", "--expires", "2027-06-30", "--issued", "2019-07-01")
    ok("log-ceu", "QPR", "--hours", "3", "--date", "2024-07-01", "--category", "suicide prevention")
    names = [c["name"] for c in status_json()["certifications"][0]["categories"]]
    assert "suicide prevention" not in names and "health equity" in names


def test_a_topic_word_is_a_category_word(ok):
    ok("cert", "add", "--template", "wa-cps", "--expires", "2027-06-30")
    logged = ok("log-ceu", "QPR", "--hours", "3", "--date", "2026-10-01", "--category", "suicide prevention")
    assert "counts toward no minimum" not in logged.stderr
    ok("cert", "edit", "wa-cps", "--alias", "qpr=suicide prevention")
    assert "counts toward no minimum" not in ok("log-ceu", "QPR again", "--hours", "1", "--date", "2026-10-02",
                                                "--category", "QPR").stderr


def test_a_past_cycle_is_not_judged_by_what_the_current_one_owes(ok):
    """Health equity taken in 2021 covered 2023-24 (4 years back from 31 Dec 2024); the current cycle,
    ending 31 Dec 2026, owes it again. The 2023-24 cycle met everything: 30 of 30, not 2 short."""
    ok("cert", "add", "--template", "wa-cps", "--expires", "2022-12-31")
    for title, day, hours, category in (("Equity", "2021-06-01", "2", "health equity"),
                                        ("QPR", "2021-07-01", "3", "suicide prevention"),
                                        ("Peer work", "2021-08-01", "14", "peer support"),
                                        ("Ethics", "2021-09-01", "2", "ethics"),
                                        ("More", "2021-10-01", "9", "general"),
                                        ("Peer work 2", "2023-03-01", "14", "peer support"),
                                        ("Ethics 2", "2023-04-01", "2", "ethics"),
                                        ("More 2", "2023-05-01", "14", "general")):
        ok("log-ceu", title, "--hours", hours, "--date", day, "--category", category, "--cert", "wa-cps")
        if day == "2021-10-01":
            ok("cert", "renew", "wa-cps", "--on", "2022-12-31", "--yes")
    ok("cert", "renew", "wa-cps", "--on", "2024-12-31", "--yes")
    cycles = json.loads(ok("cert", "show", "wa-cps", "--cycles", "--json").stdout)
    assert [(c["starts"], c["hours_missing"]) for c in cycles["cycles"][:2]] == [
        ("2021-01-01", 0), ("2023-01-01", 0)]
    assert [r["name"] for r in cycles["topics_owed"]] == ["health equity"]
