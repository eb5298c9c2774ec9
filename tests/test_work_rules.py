"""Rules on service and supervision per cycle, quarter and month: the date tables, and the dashboard's honesty."""

import datetime as dt
import json

import pytest

from peertrack.domain.errors import InvalidInput
from peertrack.domain.work import SupervisionEntry, WorkEntry
from peertrack.domain.work_rules import WorkRule, parse_work_rule, periods_between, standing

D = dt.date


@pytest.mark.parametrize(("starts", "ends", "period", "expected"), [
    # A cycle on quarter boundaries: four whole quarters.
    (D(2026, 7, 1), D(2027, 6, 30), "quarter",
     [(D(2026, 7, 1), D(2026, 9, 30)), (D(2026, 10, 1), D(2026, 12, 31)), (D(2027, 1, 1), D(2027, 3, 31)),
      (D(2027, 4, 1), D(2027, 6, 30))]),
    # Starting mid-quarter: the part-quarter at each end is not asked for.
    (D(2026, 3, 15), D(2027, 3, 14), "quarter",
     [(D(2026, 4, 1), D(2026, 6, 30)), (D(2026, 7, 1), D(2026, 9, 30)), (D(2026, 10, 1), D(2026, 12, 31))]),
    # A quarter's last day is its own: ending on 31 March keeps January to March.
    (D(2027, 1, 1), D(2027, 3, 31), "quarter", [(D(2027, 1, 1), D(2027, 3, 31))]),
    (D(2027, 1, 2), D(2027, 3, 31), "quarter", []),
    # Month ends, with February in a leap year and in a common year.
    (D(2028, 1, 31), D(2028, 3, 31), "month", [(D(2028, 2, 1), D(2028, 2, 29)), (D(2028, 3, 1), D(2028, 3, 31))]),
    (D(2027, 2, 1), D(2027, 2, 28), "month", [(D(2027, 2, 1), D(2027, 2, 28))]),
    (D(2027, 2, 1), D(2027, 2, 27), "month", []),
    (D(2026, 11, 1), D(2027, 1, 31), "month",
     [(D(2026, 11, 1), D(2026, 11, 30)), (D(2026, 12, 1), D(2026, 12, 31)), (D(2027, 1, 1), D(2027, 1, 31))]),
])
def test_periods_inside_a_cycle(starts, ends, period, expected):
    assert periods_between(starts, ends, period) == expected


@pytest.mark.parametrize(("text", "rule"), [
    ("service=50", WorkRule("service", 50 * 3600)),
    ("Supervision = 1.5", WorkRule("supervision", 5400)),
    ("supervision-sessions=1/quarter", WorkRule("supervision-sessions", 1, "quarter")),
    ("supervision sessions=2/ Month", WorkRule("supervision-sessions", 2, "month")),
    ("supervision=1/month", WorkRule("supervision", 3600, "month")),
    ("service=75/cycle", WorkRule("service", 75 * 3600)),
    ("ethics=6", None),
])
def test_reading_rules(text, rule):
    assert parse_work_rule(text) == rule


@pytest.mark.parametrize("text", ["service=lots", "supervision-sessions=1.5/quarter", "supervision-sessions=0",
                                  "service=10/week"])
def test_unreadable_rules(text):
    with pytest.raises(InvalidInput):
        parse_work_rule(text)


def session(day: D) -> SupervisionEntry:
    return SupervisionEntry(day, 3600, "Dana Reyes", "LCSW")


def test_a_quarter_missed_is_overdue_while_the_next_runs_then_stays_on_the_record():
    rule = WorkRule("supervision-sessions", 1, "quarter")
    sessions = [session(D(2026, 8, 3))]  # July–September met; October–December not
    late = standing(rule, D(2026, 7, 1), D(2027, 6, 30), [], sessions, D(2027, 1, 5))
    assert late.level == "overdue" and [p.state for p in late.periods] == ["met", "missed", "open", "upcoming"]
    assert late.missing == 1 and late.days_left == 85
    later = standing(rule, D(2026, 7, 1), D(2027, 6, 30), [], sessions + [session(D(2027, 2, 1))], D(2027, 4, 2))
    assert later.level == "ok" and [p.state for p in later.missed] == ["missed"]


@pytest.mark.parametrize(("today", "level"), [
    (D(2026, 10, 1), "ok"),         # first day of the quarter
    (D(2026, 11, 15), "ok"),        # 46 of 92 days left: not yet under half
    (D(2026, 11, 16), "due-soon"),  # 45 days left, under half
    (D(2026, 12, 24), "due-soon"),  # 7 days left
    (D(2026, 12, 25), "urgent"),    # 6 days left
    (D(2026, 12, 31), "urgent"),    # the quarter's last day
])
def test_the_current_period_grows_more_pressing(today, level):
    rule = WorkRule("supervision-sessions", 1, "quarter")
    assert standing(rule, D(2026, 10, 1), D(2027, 9, 30), [], [], today).level == level


def test_hours_per_cycle_pace_and_behind():
    rule = WorkRule("service", 50 * 3600)
    work = [WorkEntry(D(2026, 10, 3), 6 * 3600)]
    item = standing(rule, D(2025, 4, 1), D(2027, 3, 31), work, [], D(2026, 11, 2))
    assert (item.done, item.missing, item.days_left) == (6 * 3600, 44 * 3600, 149)
    # 44 hours in 149 / 30.44 = 4.895 months: 8.99 h a month, up to the next quarter hour: 9 h.
    assert item.per_month == 9 * 3600 and item.level == "behind"
    done = standing(rule, D(2025, 4, 1), D(2027, 3, 31), [WorkEntry(D(2026, 10, 3), 24 * 3600)] * 3, [],
                    D(2026, 11, 2))
    assert done.missing == 0 and done.level == "ok"
    ended = standing(rule, D(2024, 4, 1), D(2026, 3, 31), work, [], D(2026, 11, 2))
    assert ended.level == "overdue" and ended.done == 0  # the entry is after that cycle ended
    short = standing(rule, D(2024, 11, 1), D(2026, 10, 31), work, [], D(2026, 11, 2))
    assert short.level == "overdue" and short.missing == 44 * 3600 and short.per_month is None


@pytest.mark.parametrize(("seconds", "today", "level"), [
    # 2025-04-01 to 2027-03-31 is 730 days; by the end of 2026-11-02, 581 have gone. Half a straight line
    # through 50 hours is 180000 x 581 / 730 / 2 = 71630.1 seconds (19.9 hours).
    (71630, D(2026, 11, 2), "behind"),
    (71631, D(2026, 11, 2), "ok"),
    # A quarter of the cycle is 182.5 days: nothing logged is not yet behind on day 182, and is on day 183.
    (0, D(2025, 9, 29), "ok"),
    (0, D(2025, 9, 30), "behind"),
    # In the last 90 days, short but on schedule is due soon; in the last 30, urgent.
    (45 * 3600, D(2027, 1, 1), "due-soon"),
    (45 * 3600, D(2027, 3, 1), "urgent"),
])
def test_behind_as_ce_hours_are(seconds, today, level):
    rule = WorkRule("service", 50 * 3600)
    work = [WorkEntry(D(2025, 4, 1), seconds)] if seconds else []
    assert standing(rule, D(2025, 4, 1), D(2027, 3, 31), work, [], today).level == level


def work_of(status: dict, cert_id: str) -> dict:
    return next(c for c in status["certifications"] if c["id"] == cert_id)["work"]


def test_cert_add_with_rules_and_status_shows_them(ok, make_cert, status_json):
    result = make_cert("tn-cprs", "Certified Peer Recovery Specialist", expires="2027-03-31", cycle="2y",
                       hours="20", require=["ethics=1", "service=50", "supervision=2"])
    assert "Also needed each cycle: 50 hours of peer service; 2 hours of supervision." in result.stderr
    ok("log-work", "--hours", "6", "--date", "2026-10-03")
    ok("log-work", "--hours", "8", "--date", "2025-03-31")  # the day before the cycle: does not count
    ok("log-supervision", "--hours", "1", "--date", "2025-04-01", "--supervisor", "Dana Reyes, LCSW")
    data = status_json()
    cert = data["certifications"][0]
    assert cert["requirements"] == [{"kind": "min", "dimension": "category", "name": "ethics", "category": "ethics",
                                     "hours": 1}]
    work = work_of(data, "tn-cprs")
    assert work["level"] == "behind"
    # Supervision: 1 of 2 hours is over half of the straight line's 1.59 hours, and 149 days are left: on track.
    assert [(r["kind"], r["required"], r["done"], r["missing"], r["level"], r["hours_per_month"])
            for r in work["rules"]] == [("service", 50, 6, 44, "behind", 9), ("supervision", 2, 1, 1, "ok", 0.25)]
    screen = ok("status").stdout
    assert "Service and supervision for tn-cprs  ↓ behind" in screen
    assert "✗ 50 hours of peer service: 6 hours so far, 44 hours to go (about 9 hours a month)" in screen
    due = ok("due").stdout  # behind is not trouble: the exit status stays 0
    assert "↓ behind  Certified Peer Recovery Specialist (tn-cprs): 50 hours of peer service: 44 hours still " \
           "needed by Wed 31 Mar 2027 (in 149 days)" in due
    assert "2 hours of supervision" not in due


def test_sessions_per_quarter_in_status_and_due(ok, make_cert, status_json, run):
    make_cert("me-cipss", "Certified Intentional Peer Support Specialist", expires="2027-06-30", cycle="1y",
              hours="0", require=["supervision-sessions=1/quarter"])
    assert work_of(status_json(), "me-cipss")["level"] == "overdue"  # July–September had no session
    due = run("due")
    assert due.exit_code == 1
    assert "✗ overdue  Certified Intentional Peer Support Specialist (me-cipss): 1 supervision session a quarter: " \
           "none logged for Jul–Sep 2026: tell your supervisor or certifying body" in due.stdout
    ok("log-supervision", "--hours", "1", "--date", "2026-09-30", "--supervisor", "Sam Ortiz, CIPSS")
    rule = work_of(status_json(), "me-cipss")["rules"][0]
    assert rule["level"] == "ok" and rule["missing"] == 1 and rule["days_left"] == 59
    assert [(p["starts"], p["done"], p["state"]) for p in rule["periods"]] == [
        ("2026-07-01", 1, "met"), ("2026-10-01", 0, "open"), ("2027-01-01", 0, "upcoming"),
        ("2027-04-01", 0, "upcoming")]
    assert "Oct–Dec 2026: 0 sessions, 1 session still needed by Thu 31 Dec 2026" in ok("status").stdout
    assert run("due").exit_code == 0


def test_edit_replaces_only_the_rules_given_and_no_require_clears(ok, make_cert, status_json):
    make_cert(require=["ethics=6", "service=10"])
    ok("cert", "edit", "ca-pss", "--require", "supervision-sessions=1/month")
    data = status_json()
    assert [r["kind"] for r in work_of(data, "ca-pss")["rules"]] == ["supervision-sessions"]
    assert data["certifications"][0]["requirements"][0]["name"] == "ethics"
    ok("cert", "edit", "ca-pss", "--no-require")
    assert work_of(status_json(), "ca-pss") is None


def test_a_rule_twice_is_refused(run, make_cert, db_path):
    result = run("cert", "add", "X", "--id", "x", "--expires", "2027-01-01", "--hours", "1",
                 "--require", "service=5", "--require", "service=6")
    assert result.exit_code == 2 and "repeats a rule" in result.stderr and not db_path.exists()


def test_status_json_without_rules_says_null(make_cert, status_json):
    make_cert()
    assert json.dumps(status_json()["certifications"][0]["work"]) == "null"


def test_cert_show_gives_the_rules_too(ok, make_cert):
    make_cert("tn-cprs", "Certified Peer Recovery Specialist", expires="2027-03-31", require=["service=50"])
    make_cert()
    ok("log-work", "--hours", "20", "--date", "2026-10-01")
    shown = json.loads(ok("cert", "show", "tn-cprs", "--json").stdout)["work"]
    assert [(r["kind"], r["required"], r["done"]) for r in shown["rules"]] == [("service", 50, 20)]
    assert "50 hours of peer service: 20 hours so far" in ok("cert", "show", "tn-cprs").stdout
    assert json.loads(ok("cert", "show", "ca-pss", "--json").stdout)["work"] is None
