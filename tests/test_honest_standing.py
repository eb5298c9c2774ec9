"""Honest standing: the cases where status and due used to tell a holder something untrue.

Today is 2026-11-02 (conftest.TODAY); every expected number below is worked out by hand.
"""

from __future__ import annotations

import datetime as dt
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
    # 36 hours over 106 days (3.48 months) is 10.33 a month, planned as 10.5
    assert "Behind: about 10.5 hours a month is more than a month can be counted on to give (6 hours)." in text
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
    behind = (f"Behind: {hours} hours count so far; a steady pace through the cycle would have about 13.5 by now, "
              "and you have under half of that.")  # 13.42 to the quarter hour
    assert (behind in " ".join(ok("status").stdout.split())) == (level == "behind")


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


def pa_like(ok, make_cert):
    """36 hours, at least 9 of ethics; 36.5 general hours logged, the last 6.5 in the last 6 months."""
    make_cert("pa-cps", "Certified Peer Specialist", hours="36", require=["ethics=9"])
    ok("log-ceu", "Older courses", "--hours", "30", "--date", "2025-09-01")
    ok("log-ceu", "Recent course", "--hours", "6.5", "--date", "2026-09-01")


def test_the_bar_is_never_full_while_ethics_hours_are_missing(ok, make_cert, status_json):
    pa_like(ok, make_cert)
    data = status_json()["certifications"][0]
    assert (data["hours_earned"], data["hours_missing"], data["hours_counted_toward_required"]) == (36.5, 9, 27)
    assert data["percent_done"] == 75
    assert data["needs"] == [{"hours": 9, "name": "ethics", "dimension": "category", "but": []}]
    assert data["hours_missing_of_any_kind"] == 0
    text = ok("status").stdout
    assert "Hours: 27 of 36 hours (75%)" in text
    assert "100%" not in text
    assert "36.5 hours earned; 27 of them count toward the 36 until the ethics minimum is met" in text
    # One number, with the ethics gap inside it, never read as 9 more on top.
    assert "Still needed: 9 hours, all of ethics, about 1.25 hours a month." in text
    assert "27 of 36" in ok("cert", "list").stdout


def test_the_drawn_bar_stops_short_of_full(ok, make_cert, db_path):
    from peertrack.domain.requirements import progress
    from peertrack.output.dashboard import progress_lines
    from peertrack.output.lines import Bar
    from peertrack.services.overview import open_database
    from peertrack.storage.certs import load_cert
    from peertrack.storage.courses import credited_courses

    pa_like(ok, make_cert)
    conn = open_database(db_path)
    cert = load_cert(conn, "pa-cps")
    item = progress(cert, credited_courses(conn, cert.id, cert.cycle.starts, cert.cycle.ends),
                    dt.date(2026, 11, 2))
    conn.close()
    bars = [block for block in progress_lines(item, plain=False) if isinstance(block, Bar)]
    assert [(bar.done, bar.total) for bar in bars] == [(27 * 3600, 36 * 3600)]


def test_the_pace_line_and_the_json_give_one_projection_never_below_the_hours_earned(ok, make_cert, status_json):
    pa_like(ok, make_cert)
    data = status_json()["certifications"][0]
    # 6.5 hours over the last 182 days is 1.09 hours a month, said as 1 (to the quarter hour);
    # 240 days left (7.88 months) add 7.88 hours to the 36.5 earned: 44.38, said as 44.25 (to the
    # quarter hour below). The old dashboard said "about 35.5 of 36 hours", less than earned.
    assert (data["hours_per_month_recently"], data["hours_projected_at_expiry"]) == (1, 44.25)
    text = ok("status").stdout
    assert ("At your pace of the last 6 months (about 1 hour a month), you would have about 44.25 hours by "
            "then; the ethics hours need courses of their own.") in text


def test_status_missing_is_a_to_do_list_most_pressing_first(ok, make_cert, run):
    make_cert(hours="20", require=["ethics=6"])  # 30 Jun 2027: 240 days left
    make_cert("pa-cps", "Certified Peer Specialist", expires="2027-03-15", hours="36", require=["ethics=3"],
              cap=["online=10"])
    make_cert("done", "Done one", expires="2027-06-30", cycle="1y", hours="1")
    ok("log-ceu", "Recovery basics", "--hours", "27", "--cert", "pa-cps", "--date", "2026-01-10")
    ok("log-ceu", "Webinar", "--hours", "12", "--format", "online", "--cert", "pa-cps", "--date", "2026-02-10")
    ok("log-ceu", "Ethics", "--hours", "6", "--category", "ethics", "--cert", "ca-pss", "--date", "2026-06-01")
    ok("log-ceu", "Day course", "--hours", "7", "--cert", "ca-pss", "--date", "2026-07-01")
    ok("log-ceu", "Done course", "--hours", "1", "--cert", "done", "--date", "2026-11-01")
    result = run("status", "--missing")
    assert result.exit_code == 0
    # pa-cps: 27 + 10 online (2 of 12 do not count) = 37 of 36, but no ethics: 3 of ethics missing,
    # none of any kind; 133 days left (4.37 months) make 0.69 a month, planned as 0.75.
    # ca-pss: 13 of 20, ethics met: 7 of any kind over 240 days (7.88 months): 0.89, planned as 1.
    assert result.stdout.splitlines() == [
        "What is still missing, on Mon 2 Nov 2026",
        "",
        "✓ on track  Certified Peer Specialist (pa-cps)",
        "  3 hours of ethics by Mon 15 Mar 2027, about 0.75 hours a month.",
        "  Your online hours are at their most (10 count): more online hours would not count.",
        "",
        "✓ on track  Medi-Cal Peer Support Specialist (ca-pss)",
        "  7 hours of any kind by Wed 30 Jun 2027, about 1 hour a month.",
        "",
        "✓ Nothing missing: Done one (done).",
    ]
    data = json.loads(run("status", "--missing", "--json").stdout)
    assert [(c["id"], c["hours_missing"], c["needs"]) for c in data["certifications"]] == [
        ("pa-cps", 3, [{"hours": 3, "name": "ethics", "dimension": "category", "but": []}]),
        ("ca-pss", 7, [{"hours": 7, "name": None, "dimension": None, "but": []}]),
        ("done", 0, []),
    ]
    assert data["certifications"][0]["todo"] == "3 hours of ethics by Mon 15 Mar 2027, about 0.75 hours a month."


def test_status_missing_says_how_the_gaps_add_up(ok, make_cert, run):
    make_cert(hours="20", require=["ethics=3", "cultural=2"])
    ok("log-ceu", "General", "--hours", "6", "--date", "2026-06-01")
    lines = run("status", "--missing").stdout.splitlines()
    # 14 missing: 3 of ethics, 2 of cultural, and 9 more of any kind.
    assert lines[3] == ("  3 hours of ethics, 2 of cultural and 9 more of any kind by Wed 30 Jun 2027, "
                        "about 2 hours a month.")  # 14 over 7.88 months: 1.78, planned as 2


def test_status_missing_will_not_mix_with_the_dashboards_options(run):
    result = run("status", "--missing", "--history")
    assert result.exit_code == 2
    assert "cannot go with --history" in result.stderr


def test_the_numbers_never_contradict_each_other():
    """Whatever the courses and rules: the bar is full only when nothing is missing, "still needed"
    holds the minimums' gaps inside it, and the forecast never falls below the hours earned."""
    from hypothesis import given, settings
    from hypothesis import strategies as st

    from peertrack.domain import needs
    from peertrack.domain.models import Allocation, Certification, Course, Cycle, Requirement
    from peertrack.domain.requirements import progress

    course_st = st.builds(
        lambda day, seconds, category, form: Course(
            date=dt.date(2025, 7, 1) + dt.timedelta(days=day), title="c", seconds=seconds, format=form,
            allocations=(Allocation(category, seconds),) if category else ()),
        st.integers(0, 730), st.integers(15 * 60, 600 * 60), st.sampled_from(["ethics", "cultural", None]),
        st.sampled_from(["online", "in-person", None]))
    rules_st = st.lists(st.one_of(
        st.builds(Requirement, st.sampled_from(["ethics", "cultural"]), st.integers(0, 900 * 60)),
        st.builds(Requirement, st.just("online"), st.integers(0, 900 * 60), st.just("max"), st.just("format")),
    ), max_size=3, unique_by=lambda r: (r.value, r.kind))

    @settings(max_examples=300, deadline=None)
    @given(st.lists(course_st, max_size=8), rules_st, st.integers(0, 2400 * 60), st.integers(0, 760))
    def check(courses, rules, required, day):
        cycle = Cycle(starts=dt.date(2025, 7, 1), ends=dt.date(2027, 6, 30), required_seconds=required)
        cert = Certification(id="c", name="C", cycle_months=24, required_seconds=required, cycle=cycle,
                             requirements=tuple(rules))
        item = progress(cert, courses, dt.date(2025, 7, 1) + dt.timedelta(days=day))
        assert item.toward_seconds <= item.earned_seconds
        assert (needs.share(item) == 100) == (item.missing_seconds == 0)
        if required:  # the nearest whole percent (a half up), held under 100 while anything is missing
            from fractions import Fraction

            nearest = int(Fraction(item.toward_seconds * 100, required) + Fraction(1, 2))
            assert needs.share(item) == min(99 if item.missing_seconds else 100, nearest)
        assert sum(n.seconds for n in needs.needs(item)) == item.missing_seconds  # one kind of minimum here
        assert item.projected_seconds is None or item.projected_seconds >= item.earned_seconds
        assert (item.level == "behind") == (item.behind is not None and item.days_left > 30)

    check()


def test_due_says_still_needed_with_the_minimums_inside(run, make_cert):
    make_cert(expires="2027-01-15", cycle="1y", hours="10", require=["ethics=2"])  # 74 days left, 0 hours
    assert run("due").stdout == ("↓ behind  Medi-Cal Peer Support Specialist (ca-pss): 10 hours (2 of ethics, 8 of "
                                 "any kind) still needed, about 4.25 hours a month; expires in 74 days\n")


def test_a_one_hour_minimum_reads_one_hour(ok):
    ok("cert", "add", "One", "--id", "one", "--expires", "2027-06-30", "--cycle", "24m", "--hours", "2",
       "--require", "ethics=1")
    ok("log-ceu", "Boundaries", "--hours", "1.5", "--category", "ethics", "--date", "2026-01-10")
    out = ok("status").stdout
    assert "ethics: 1.5 of 1 hour\n" in out


def test_a_past_cycle_short_of_a_minimum_says_so_in_the_history(ok, make_cert):
    """12.5 hours logged against 12 required, but 4 of the 6 GMHCN hours missing: 8 count, 4 short."""
    make_cert(expires="2026-12-31", cycle="1y", hours="12", require=["provider:GMHCN=6"])
    ok("log-ceu", "GMHCN ethics", "--hours", "2", "--date", "2026-03-01", "--provider", "GMHCN")
    ok("log-ceu", "Other training", "--hours", "10.5", "--date", "2026-04-01", "--provider", "NAMI")
    ok("cert", "renew", "ca-pss", "--on", "2026-11-01", "--yes")
    shown = " ".join(ok("cert", "show", "ca-pss", "--cycles").stdout.split())
    assert "8 of 12, 4 short" in shown


def test_the_to_do_list_puts_a_near_expiry_before_a_slow_pace(ok, make_cert):
    make_cert("far", "Far away", expires="2027-12-31", cycle="2y", hours="40")  # behind: 0 of about 17.5
    make_cert("near", "Near", expires="2026-12-31", cycle="1y", hours="12")  # due soon: 59 days left
    ok("log-ceu", "Some hours", "--hours", "10", "--date", "2026-10-01", "--cert", "near")
    todo = ok("status", "--missing").stdout
    assert todo.index("(near)") < todo.index("(far)")


def test_log_ceu_says_why_a_course_did_not_move_the_count(ok, make_cert):
    """6 of the 12 must come from GMHCN: 7.5 hours from others are earned, but only 6 count toward the 12."""
    make_cert(expires="2026-12-31", cycle="1y", hours="12", require=["provider:GMHCN=6"])
    ok("log-ceu", "Other training", "--hours", "6", "--date", "2026-04-01", "--provider", "NAMI")
    logged = " ".join(ok("log-ceu", "WRAP refresher", "--hours", "90 minutes", "--date", "2026-05-01",
                         "--provider", "Copeland Center").stderr.split())
    assert "ca-pss: 6 of 12 hours (50%)" in logged
    assert "(7.5 hours earned; more count once the GMHCN minimum is met)" in logged


def test_minimums_that_ask_more_than_the_hours_set_the_steady_line(ok, make_cert, status_json):
    """No hours required, but 2 of ethics: the straight line runs to those 2 hours, not to 0. Cycle 1 Jan 2026 to
    31 Dec 2027 (730 days); on 2 Nov 2026, 306 days in: 2 × 306 / 730 = 0.84 hours (3,018 seconds) by now, and
    none counted: behind on the schedule."""
    make_cert(expires="2027-12-31", cycle="2y", hours="0", require=["ethics=2"])
    item = status_json()["certifications"][0]
    assert (item["level"], item["behind_because"]) == ("behind", "schedule")
    assert item["hours_expected_by_now"] == 0.84
    ok("log-ceu", "Ethics", "--hours", "1", "--category", "ethics", "--date", "2026-10-01")
    item = status_json()["certifications"][0]  # 1 of the 0.84 expected: not under half
    assert (item["level"], item["behind_because"]) == ("ok", None)
