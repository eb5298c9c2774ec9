"""Which cycle a course counts toward: cycles partition time, from the issue day, and after every renewal."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from peertrack.domain.credit import credit_windows, cycle_of
from peertrack.domain.cycles import cycle_start, first_cycle_start, next_cycle
from peertrack.domain.models import HOUR, Cycle

D = dt.date


def cycle(starts, ends, closed_on=None, number=None):
    return Cycle(starts=starts, ends=ends, required_seconds=0, closed_on=closed_on, id=number)


@pytest.mark.parametrize("cycles, expected", [
    # One cycle: its own days, both ends included.
    ([cycle(D(2025, 7, 1), D(2027, 6, 30))], [(D(2025, 7, 1), D(2027, 6, 30))]),
    # Renewed early, on 1 Jun: the new cycle starts on the renewal day; the old one ends the day before.
    ([cycle(D(2023, 7, 1), D(2025, 6, 30), D(2025, 6, 1)), cycle(D(2025, 6, 1), D(2027, 6, 30))],
     [(D(2023, 7, 1), D(2025, 5, 31)), (D(2025, 6, 1), D(2027, 6, 30))]),
    # Renewed on the expiry day: the new cycle starts that day.
    ([cycle(D(2023, 7, 1), D(2025, 6, 30), D(2025, 6, 30)), cycle(D(2025, 6, 30), D(2027, 6, 30))],
     [(D(2023, 7, 1), D(2025, 6, 29)), (D(2025, 6, 30), D(2027, 6, 30))]),
    # Renewed late: no gap, the new cycle starts the day after the expiry, whenever it was recorded.
    ([cycle(D(2023, 7, 1), D(2025, 6, 30), D(2025, 8, 15)), cycle(D(2025, 7, 1), D(2027, 6, 30))],
     [(D(2023, 7, 1), D(2025, 6, 30)), (D(2025, 7, 1), D(2027, 6, 30))]),
    # Month ends and a leap day: a cycle ending 29 Feb 2028, renewed that day.
    ([cycle(D(2024, 3, 1), D(2026, 2, 28), D(2026, 2, 28)), cycle(D(2026, 2, 28), D(2028, 2, 29), D(2028, 2, 29)),
      cycle(D(2028, 2, 29), D(2030, 2, 28))],
     [(D(2024, 3, 1), D(2026, 2, 27)), (D(2026, 2, 28), D(2028, 2, 28)), (D(2028, 2, 29), D(2030, 2, 28))]),
    # Given newest first, they are put in order.
    ([cycle(D(2025, 12, 31), D(2026, 12, 31)), cycle(D(2025, 1, 1), D(2025, 12, 31), D(2025, 12, 31))],
     [(D(2025, 1, 1), D(2025, 12, 30)), (D(2025, 12, 31), D(2026, 12, 31))]),
    # A gap left by an edited date belongs to the cycle before it; an overlap goes to the later one.
    ([cycle(D(2025, 1, 1), D(2025, 12, 31)), cycle(D(2026, 2, 1), D(2026, 12, 31))],
     [(D(2025, 1, 1), D(2026, 1, 31)), (D(2026, 2, 1), D(2026, 12, 31))]),
    ([cycle(D(2025, 1, 1), D(2025, 12, 31)), cycle(D(2025, 11, 1), D(2026, 12, 31))],
     [(D(2025, 1, 1), D(2025, 10, 31)), (D(2025, 11, 1), D(2026, 12, 31))]),
])
def test_cycle_boundaries(cycles, expected):
    assert [(w.starts, w.ends) for w in credit_windows(cycles)] == expected


@pytest.mark.parametrize("day, expected", [
    (D(2023, 6, 30), None),                 # the day before the issue day
    (D(2023, 7, 1), D(2023, 7, 1)),         # the issue day
    (D(2025, 5, 31), D(2023, 7, 1)),        # the day before the early renewal
    (D(2025, 6, 1), D(2025, 6, 1)),         # the renewal day
    (D(2025, 6, 30), D(2025, 6, 1)),        # the old expiry day, after the renewal
    (D(2027, 6, 30), D(2025, 6, 1)),        # the current expiry day
    (D(2027, 7, 1), None),                  # after the expiry: counts once the renewal is recorded
])
def test_the_cycle_of_a_day(day, expected):
    history = [cycle(D(2023, 7, 1), D(2025, 6, 30), D(2025, 6, 1)), cycle(D(2025, 6, 1), D(2027, 6, 30))]
    found = cycle_of(credit_windows(history), day)
    assert (found.starts if found else None) == expected


@pytest.mark.parametrize("expires, months, issued, start", [
    (D(2027, 6, 30), 24, D(2025, 6, 30), D(2025, 6, 30)),   # issued a day before the nominal start
    (D(2027, 6, 30), 24, D(2025, 6, 15), D(2025, 6, 15)),   # issued in the month before it
    (D(2027, 6, 30), 24, D(2025, 5, 31), D(2025, 7, 1)),    # earlier: a cycle before this one
    (D(2027, 6, 30), 24, D(2023, 7, 1), D(2025, 7, 1)),     # two cycles ago
    (D(2028, 2, 29), 24, D(2026, 2, 28), D(2026, 2, 28)),   # a leap-day expiry, issued on the last of Feb
])
def test_the_issue_day_is_the_first_day_of_the_first_cycle(expires, months, issued, start):
    assert first_cycle_start(expires, months, issued) == start


@given(st.dates(min_value=D(2000, 1, 1), max_value=D(2060, 12, 31)), st.sampled_from([1, 6, 12, 24, 36]),
       st.lists(st.integers(-400, 200), min_size=0, max_size=6), st.data())
def test_every_day_of_a_history_is_in_exactly_one_cycle(expires, months, renewals, data):
    """Renewals early (days before the expiry), on the day, or late: the windows cover the history once."""
    cycles = [cycle(cycle_start(expires, months), expires, number=1)]
    for number, offset in enumerate(renewals, start=2):
        current = cycles[-1]
        renewed = max(current.starts, current.ends + dt.timedelta(days=offset))
        cycles[-1] = Cycle(current.starts, current.ends, 0, id=current.id, closed_on=renewed)
        following = next_cycle(current, months, None, 0)
        starts = renewed if current.starts < renewed < following.starts else following.starts  # as renew does
        cycles.append(Cycle(starts, following.ends, 0, id=number))
    windows = credit_windows(cycles)
    assert windows[0].starts == cycles[0].starts and windows[-1].ends == cycles[-1].ends
    for before, after in zip(windows, windows[1:], strict=False):
        assert after.starts == before.ends + dt.timedelta(days=1)  # no gap, no overlap
        assert before.starts <= before.ends
    day = data.draw(st.dates(min_value=windows[0].starts, max_value=windows[-1].ends))
    assert sum(window.starts <= day <= window.ends for window in windows) == 1
    assert cycle_of(windows, day) is not None


def test_a_course_on_the_issue_day_counts(ok, make_cert, status_json):
    make_cert(issued="2025-06-30", expires="2027-06-30")
    ok("log-ceu", "Orientation", "--hours", "2", "--date", "2025-06-30")
    item = status_json()["certifications"][0]
    assert item["cycle_start"] == "2025-06-30"
    assert item["hours_earned"] == 2


def test_a_course_after_an_early_renewal_counts_toward_the_new_cycle(ok, make_cert, status_json):
    make_cert(expires="2026-12-31", cycle="1y", hours="10")
    ok("cert", "renew", "ca-pss", "--on", "2026-11-01", "--yes")
    result = ok("log-ceu", "After renewing", "--hours", "3", "--date", "2026-11-02")
    assert "It counts toward:" in result.stderr and "ca-pss: 3 of 10 hours" in result.stderr
    item = status_json()["certifications"][0]
    assert (item["cycle_start"], item["expires"], item["hours_earned"]) == ("2026-11-01", "2027-12-31", 3)
    cycles = json.loads(ok("cert", "show", "ca-pss", "--cycles", "--json").stdout)["cycles"]
    assert [(c["starts"], c["ends"]) for c in cycles] == [("2026-01-01", "2026-10-31"), ("2026-11-01", "2027-12-31")]


def test_a_course_dated_after_the_expiry_counts_once_the_renewal_is_recorded(ok, make_cert, status_json):
    make_cert(expires="2026-10-31", cycle="1y", hours="10")
    ok("log-ceu", "In the late window", "--hours", "2", "--date", "2026-11-01")
    assert status_json()["certifications"][0]["hours_earned"] == 0
    ok("cert", "renew", "ca-pss", "--on", "2026-11-02", "--yes")
    item = status_json()["certifications"][0]
    assert (item["cycle_start"], item["hours_earned"]) == ("2026-11-01", 2)


def test_a_course_logged_before_its_certification_was_added_counts(ok, make_cert, status_json):
    first = ok("log-ceu", "Peer ethics", "--hours", "2", "--date", "2026-10-01", "--category", "ethics")
    assert "It will count toward a certification you add" in first.stderr
    make_cert(require=["ethics=6"])
    item = status_json()["certifications"][0]
    assert (item["hours_earned"], item["categories"][0]["earned"]) == (2, 2)


def test_courses_imported_before_their_certification_was_added_count(ok, make_cert, status_json, tmp_path):
    sheet = tmp_path / "log.csv"
    sheet.write_text("Date,Title,Hours\n2026-09-01,Boundaries,1.5\n2026-10-01,Self-care,0.125\n2024-01-01,Old,3\n")
    ok("import", "csv", str(sheet), "--yes")
    make_cert()
    assert status_json()["certifications"][0]["hours_earned"] == 1.625  # not the 2024 one: before the cycle


def test_courses_from_a_json_export_count_toward_a_certification_added_after(ok, make_cert, status_json, tmp_path):
    ok("log-ceu", "Peer ethics", "--hours", "2", "--date", "2026-10-01")
    export = tmp_path / "all.json"
    ok("export", "json", "-o", str(export))
    other = tmp_path / "other.db"
    ok("--db", str(other), "import", "json", str(export), "--yes")
    ok("--db", str(other), "cert", "add", "Medi-Cal PSS", "--id", "ca-pss", "--expires", "2027-06-30",
       "--hours", "20")
    data = json.loads(ok("--db", str(other), "status", "--json").stdout)
    assert data["certifications"][0]["hours_earned"] == 2


def test_a_course_counted_for_one_certification_counts_for_one_added_later(ok, make_cert, status_json):
    """The course was logged when only ca-pss existed; ga-cps, added after, covers its date too."""
    make_cert()
    ok("log-ceu", "Peer ethics", "--hours", "2", "--date", "2026-10-01")
    make_cert("ga-cps", "Certified Peer Specialist", expires="2026-12-31", cycle="1y", hours="12")
    earned = {c["id"]: c["hours_earned"] for c in status_json()["certifications"]}
    assert earned == {"ca-pss": 2, "ga-cps": 2}
    assert json.loads(ok("ceu", "show", "1", "--json").stdout)["certs"] == ["ca-pss", "ga-cps"]


def test_a_course_chosen_for_one_certification_stays_with_it(ok, make_cert, status_json):
    make_cert()
    ok("log-ceu", "Medi-Cal law", "--hours", "2", "--date", "2026-10-01", "--cert", "ca-pss")
    make_cert("ga-cps", "Certified Peer Specialist", expires="2026-12-31", cycle="1y", hours="12")
    earned = {c["id"]: c["hours_earned"] for c in status_json()["certifications"]}
    assert earned == {"ca-pss": 2, "ga-cps": 0}
    ok("cert", "renew", "ca-pss", "--on", "2026-11-01", "--yes")  # a choice outlives renewals too
    assert json.loads(ok("ceu", "show", "1", "--json").stdout)["certs"] == ["ca-pss"]


def test_a_course_can_count_toward_none_and_go_back_to_its_dates(ok, make_cert, status_json):
    make_cert()
    make_cert("ga-cps", "Certified Peer Specialist", expires="2026-12-31", cycle="1y", hours="12")
    ok("log-ceu", "Peer ethics", "--hours", "2", "--date", "2026-10-01")
    result = ok("ceu", "edit", "1", "--cert", "none")
    assert "Counts toward" in result.stdout and "no certification" in result.stdout
    assert {c["id"]: c["hours_earned"] for c in status_json()["certifications"]} == {"ca-pss": 0, "ga-cps": 0}
    ok("ceu", "edit", "1", "--title", "Peer ethics, part 1")  # other changes keep the choice
    assert json.loads(ok("ceu", "show", "1", "--json").stdout)["certs"] == []
    ok("ceu", "edit", "1", "--cert", "auto")
    assert {c["id"]: c["hours_earned"] for c in status_json()["certifications"]} == {"ca-pss": 2, "ga-cps": 2}


def test_a_course_before_every_cycle_is_not_promised_a_renewal(ok, make_cert):
    make_cert()  # its cycle: 1 Jul 2025 to 30 Jun 2027
    logged = " ".join(ok("log-ceu", "Long ago", "--hours", "1", "--date", "2020-01-10").stderr.split())
    assert ("It will count toward a certification you add whose cycle includes that day." in logged
            and "renewal" not in logged)


def test_a_course_logged_for_no_certification_says_so(ok, make_cert, status_json):
    make_cert()
    logged = ok("log-ceu", "Personal reading", "--hours", "2", "--date", "2026-10-01", "--cert", "none")
    assert ("It counts toward no certification, as you chose. To count it by its date again: "
            "peertrack ceu edit 1 --cert auto") in logged.stderr
    assert status_json()["certifications"][0]["hours_earned"] == 0


def test_none_or_auto_with_a_certification_is_refused(run, make_cert, snapshot):
    make_cert()
    before = snapshot()
    result = run("log-ceu", "Peer ethics", "--hours", "2", "--cert", "none", "--cert", "ca-pss")
    assert result.exit_code == 2
    assert "--cert" in result.stderr and "on its own" in result.stderr and "Traceback" not in result.stderr
    assert snapshot() == before


def test_a_schema_4_database_counts_the_course_after_its_early_renewal(ok, db_path, status_json):
    """The fixture's ca-pss was renewed on 1 Jun 2025; a 2-hour ethics course of 15 Jun 2025 counted nowhere."""
    import shutil
    from pathlib import Path

    db_path.parent.mkdir(parents=True)
    shutil.copy(Path(__file__).parent / "fixtures" / "schema-4.db", db_path)
    item = {c["id"]: c for c in status_json()["certifications"]}["ca-pss"]
    # 2 + 3.5 + 1.25 + 10 of 15 online (capped) + 1.75 + 0.25 + 5 carried over = 23.75; ethics 2 + 2 of 6.
    assert (item["cycle_start"], item["hours_earned"]) == ("2025-06-01", 23.75)
    assert [(c["name"], c["earned"]) for c in item["categories"]] == [("ethics", 4)]
    course = json.loads(ok("ceu", "show", "4", "--json").stdout)
    assert course["certs"] == ["ca-pss", "soar"]  # soar's cycle, added later, covers 15 Jun 2025 too


def test_a_schema_4_database_keeps_every_choice_and_counts_the_rest_by_date(ok, db_path):
    """Each course's old links against what was chosen by itself on the day it was logged.

    ca-pss (added 1 Jul 2023): windows 1 Jul 2023 - 31 May 2025 and 1 Jun 2025 - 30 Jun 2027.
    ga-cps (added 15 Jan 2026): 2026. soar (added 2 Apr 2026): 2 Jun 2025 - 1 Jun 2027.
    Courses 7 (ga-cps only, logged when ca-pss covered it too), 8 (15 of its 20 hours for ca-pss) and 9
    (ca-pss only, logged when ga-cps covered it) were choices; every other one counts by its date.
    """
    import shutil
    from pathlib import Path

    db_path.parent.mkdir(parents=True)
    shutil.copy(Path(__file__).parent / "fixtures" / "schema-4.db", db_path)
    courses = {c["id"]: c for c in json.loads(ok("ceu", "list", "--json").stdout)}
    assert {number: courses[number]["certs"] for number in courses} == {
        1: ["ca-pss"], 2: ["ca-pss"], 3: ["ca-pss"], 4: ["ca-pss", "soar"], 5: ["ca-pss", "soar"],
        6: ["ca-pss", "ga-cps", "soar"], 7: ["ga-cps"], 8: ["ca-pss", "ga-cps"], 9: ["ca-pss"],
        10: ["ca-pss", "ga-cps", "soar"]}
    assert [c["hours"] for c in courses[8]["credits"]] == [15, 20]  # 15 hours for ca-pss, its own 20 for ga-cps
    # A certification added now counts every course counted by date, and none that was a choice.
    ok("cert", "add", "NY CPS", "--id", "ny-cps", "--expires", "2027-12-31",
       "--cycle", "5y", "--hours", "28")  # one cycle: 1 Jan 2023 to 31 Dec 2027
    courses = {c["id"]: c for c in json.loads(ok("ceu", "list", "--json").stdout)}
    assert [n for n in courses if "ny-cps" in courses[n]["certs"]] == [1, 2, 3, 4, 5, 6, 10]


def test_editing_the_hours_says_which_cycles_change_and_keeps_past_ones(ok, make_cert, monkeypatch):
    make_cert(expires="2026-12-31", cycle="1y", hours="10")
    ok("log-ceu", "Course", "--hours", "10", "--date", "2026-06-01")
    ok("cert", "renew", "ca-pss", "--on", "2026-11-01", "--yes")
    result = ok("cert", "edit", "ca-pss", "--hours", "0")
    assert ("The hours now apply to the current cycle (Sun 1 Nov 2026 to Fri 31 Dec 2027) and to every cycle "
            "after it: 0 hours each. Past cycles keep their own") in result.stderr
    cycles = json.loads(ok("cert", "show", "ca-pss", "--cycles", "--json").stdout)["cycles"]
    assert [c["hours_required"] for c in cycles] == [10, 0]


def test_a_cycle_can_have_its_own_hours_and_the_next_starts_with_the_usual(ok, make_cert, status_json):
    """No CE owed in the exam year: the current cycle alone gets 0 hours and no minimum."""
    make_cert(expires="2026-12-31", cycle="1y", hours="10", require=["ethics=2"])
    result = ok("cert", "edit", "ca-pss", "--cycle", "current", "--hours", "0", "--no-require")
    assert "Changed the current cycle" in result.stderr and "0 hours of CE; no minimums or caps" in result.stderr
    assert "a new cycle starts with 10 hours of CE: at least 2 ethics." in " ".join(result.stderr.split())
    item = status_json()["certifications"][0]
    assert (item["hours_required"], item["requirements"], item["level"]) == (0, [], "ok")
    assert item["next_cycles"]["hours_required"] == 10 and item["next_cycles"]["rules"][0]["hours"] == 2
    ok("cert", "renew", "ca-pss", "--on", "2026-11-01", "--yes")
    item = status_json()["certifications"][0]
    assert (item["hours_required"], [r["hours"] for r in item["requirements"]]) == (10, [2])
    cycles = json.loads(ok("cert", "show", "ca-pss", "--cycles", "--json").stdout)["cycles"]
    assert [(c["hours_required"], len(c["rules"])) for c in cycles] == [(0, 0), (10, 1)]


def test_the_previous_cycle_can_be_given_its_own_rules(ok, make_cert):
    make_cert(expires="2026-12-31", cycle="1y", hours="10")
    ok("log-ceu", "Ethics", "--hours", "3", "--date", "2026-06-01", "--category", "ethics")
    ok("cert", "renew", "ca-pss", "--on", "2026-11-01", "--yes")
    ok("cert", "edit", "ca-pss", "--cycle", "previous", "--hours", "8", "--require", "ethics=4")
    cycles = json.loads(ok("cert", "show", "ca-pss", "--cycles", "--json").stdout)["cycles"]
    # The past cycle: 3 of 8 hours, 1 ethics hour short of 4 (5 missing in all); the current one keeps 10, no rule.
    assert [(c["hours_required"], c["hours_earned"], c["hours_missing"], [r["name"] for r in c["rules"]])
            for c in cycles] == [(8, 3, 5, ["ethics"]), (10, 0, 10, [])]
    shown = ok("cert", "show", "ca-pss", "--cycles").stdout
    assert "ethics" in shown and "none" in shown


def test_rules_changed_for_every_cycle_leave_past_cycles_alone(ok, make_cert):
    make_cert(expires="2026-12-31", cycle="1y", hours="10", require=["ethics=2"])
    ok("cert", "renew", "ca-pss", "--on", "2026-11-01", "--yes")
    ok("cert", "edit", "ca-pss", "--require", "ethics=3", "--hours", "12")
    cycles = json.loads(ok("cert", "show", "ca-pss", "--cycles", "--json").stdout)["cycles"]
    assert [(c["hours_required"], [r["hours"] for r in c["rules"]]) for c in cycles] == [(10, [2]), (12, [3])]
    data = json.loads(ok("cert", "show", "ca-pss", "--json").stdout)
    assert data["next_cycles"] == {"hours_required": 12, "rules": data["requirements"]}


@pytest.mark.parametrize("args, words", [
    (["--cycle", "previous", "--hours", "5"], "has only its current cycle"),
    (["--cycle", "current", "--hours", "5", "--name", "Other"], "--name"),
    (["--cycle", "current"], "changes nothing on its own"),
    (["--cycle", "current", "--require", "service=10"], "service or supervision"),
])
def test_a_cycle_edit_that_cannot_be_done_changes_nothing(run, make_cert, snapshot, args, words):
    make_cert()
    before = snapshot()
    result = run("cert", "edit", "ca-pss", *args)
    assert result.exit_code == 2, result.stderr
    assert words in result.stderr and "Traceback" not in result.stderr
    assert snapshot() == before


def test_a_schema_4_database_gives_each_cycle_its_certifications_rules(ok, db_path):
    import shutil
    from pathlib import Path

    db_path.parent.mkdir(parents=True)
    shutil.copy(Path(__file__).parent / "fixtures" / "schema-4.db", db_path)
    cycles = json.loads(ok("cert", "show", "ca-pss", "--cycles", "--json").stdout)["cycles"]
    assert [[(r["kind"], r["name"], r["hours"]) for r in c["rules"]] for c in cycles] == [
        [("min", "ethics", 6), ("max", "online", 10)]] * 2


@st.composite
def histories(draw):
    """A certification's cycles (a first one, then renewals, some early) and courses around them, some chosen."""
    first_end = draw(st.dates(min_value=dt.date(2024, 1, 1), max_value=dt.date(2025, 12, 31)))
    cycles = [Cycle(starts=first_end - dt.timedelta(days=364), ends=first_end, required_seconds=HOUR)]
    for _ in range(draw(st.integers(0, 3))):
        last = cycles[-1]
        early = draw(st.integers(0, 40))  # days before the expiry the renewal was recorded; 0: none early
        starts = last.ends + dt.timedelta(days=1) - dt.timedelta(days=early)
        cycles.append(Cycle(starts=max(starts, last.starts + dt.timedelta(days=1)),
                            ends=last.ends + dt.timedelta(days=365), required_seconds=HOUR))
    span = (cycles[0].starts - dt.timedelta(days=60), cycles[-1].ends + dt.timedelta(days=60))
    courses = draw(st.lists(st.tuples(st.dates(min_value=span[0], max_value=span[1]), st.booleans(),
                                      st.booleans()), max_size=25))
    return cycles, courses


@given(histories())
@settings(max_examples=60, deadline=None)
def test_the_database_counts_each_course_where_the_dates_say(tmp_path_factory, history):
    """What storage reads (SQL over dates and choices) against a brute force over the credit windows."""
    from peertrack.domain.models import Certification, Course
    from peertrack.domain.record_types import replace
    from peertrack.storage.certs import close_cycle, insert_cert, insert_cycle, load_cycles
    from peertrack.storage.courses import credited_courses, find_courses, insert_course
    from peertrack.storage.database import connect, transaction

    cycles, courses = history
    conn = connect(tmp_path_factory.mktemp("db") / "p.db")
    with transaction(conn):
        insert_cert(conn, Certification(id="a", name="A", cycle_months=12, required_seconds=HOUR, cycle=cycles[0]))
        insert_cert(conn, Certification(id="b", name="B", cycle_months=12, required_seconds=HOUR,
                                        cycle=Cycle(starts=dt.date(2020, 1, 1), ends=dt.date(2030, 1, 1),
                                                    required_seconds=HOUR)))
        for before, after in zip(cycles, cycles[1:], strict=False):
            close_cycle(conn, replace(before, id=load_cycles(conn, "a")[-1].id), after.starts)
            insert_cycle(conn, "a", after, ())
        for number, (day, chosen, for_a) in enumerate(courses, start=1):
            insert_course(conn, Course(date=day, title=f"c{number}", seconds=HOUR, credit_chosen=chosen,
                                       cert_ids=("a",) if chosen and for_a else ("b",) if chosen else ()))
    windows = credit_windows(cycles)

    def counts(number: int, window) -> bool:
        day, chosen, for_a = courses[number - 1]
        return (for_a if chosen else True) and window.starts <= day <= window.ends
    for window in load_cycles(conn, "a"):
        got = [c.id for c in credited_courses(conn, "a", window.starts, window.ends)]
        expected = [n for n in range(1, len(courses) + 1) if counts(n, window)]
        assert sorted(got) == expected
    assert [(w.starts, w.ends) for w in load_cycles(conn, "a")] == [(w.starts, w.ends) for w in windows]
    listed = sorted(c.id for c in find_courses(conn, cert_id="a"))
    assert listed == [n for n in range(1, len(courses) + 1)
                      if courses[n - 1][1] and courses[n - 1][2] or any(counts(n, w) for w in windows)]
    conn.close()


def test_migrating_keeps_counting_by_date_what_was_counted_by_date(ok, db_path):
    """Two courses the old version linked by itself, added to the schema-4 fixture as it would have.

    ga (a calendar year, renewed on 15 Nov 2026 for 2027): a course of 18 Nov 2026 logged on 20 Nov was
    linked to the certifications whose open cycle had started by its date (ca-pss, ga-cps, soar, aw), not to ga,
    whose open cycle began 1 Jan 2027. aw (expired 31 Oct 2026, not renewed yet): a course of 20 Nov
    2026 was linked to it, waiting for the renewal. Both were counted by date, so both still are: the
    first now counts toward ga's 2026 too, the second toward aw once it is renewed.
    """
    import shutil
    import sqlite3
    from pathlib import Path

    db_path.parent.mkdir(parents=True)
    shutil.copy(Path(__file__).parent / "fixtures" / "schema-4.db", db_path)
    with sqlite3.connect(db_path) as conn:
        conn.executescript("""
            INSERT INTO certifications (id, name, cycle_months, required_minutes, created_at, template)
                VALUES ('ga', 'GA CPS', 12, 720, '2026-01-05T10:00:00+00:00', 'ga-cps'),
                       ('aw', 'Awaiting', 12, 600, '2026-01-05T10:00:00+00:00', NULL);
            INSERT INTO cycles (cert_id, starts, ends, required_minutes, closed_on)
                VALUES ('ga', '2026-01-01', '2026-12-31', 720, '2026-11-15'),
                       ('ga', '2027-01-01', '2027-12-31', 720, NULL),
                       ('aw', '2025-11-01', '2026-10-31', 600, NULL);
            INSERT INTO ceus (id, date, title, minutes, created_at)
                VALUES (11, '2026-11-18', 'After the early renewal', 60, '2026-11-20T10:00:00+00:00'),
                       (12, '2026-11-20', 'Waiting for the renewal', 60, '2026-11-21T10:00:00+00:00');
            INSERT INTO ceu_credits (ceu_id, cert_id) VALUES (11, 'ca-pss'), (11, 'ga-cps'), (11, 'soar'),
                (11, 'aw'), (12, 'ca-pss'), (12, 'ga-cps'), (12, 'soar'), (12, 'aw');
        """)
    conn.close()
    courses = {c["id"]: c for c in json.loads(ok("ceu", "list", "--json").stdout)}
    assert courses[11]["certs"] == courses[12]["certs"] == ["ca-pss", "ga", "ga-cps", "soar"]
    assert courses[7]["certs"] == ["ga-cps"]  # a choice stays one
    ok("cert", "renew", "aw", "--on", "2026-11-01", "--yes")
    courses = {c["id"]: c for c in json.loads(ok("ceu", "list", "--json").stdout)}
    assert courses[11]["certs"] == courses[12]["certs"] == ["aw", "ca-pss", "ga", "ga-cps", "soar"]


def test_other_edits_keep_a_cycles_own_hours_and_rules(ok, make_cert):
    make_cert(expires="2027-06-30", cycle="2y", hours="20", require=["ethics=6"], cap=["online=10"])
    ok("cert", "edit", "ca-pss", "--cycle", "current", "--hours", "5", "--require", "ethics=2")
    ok("cert", "edit", "ca-pss", "--number", "X1")
    ok("cert", "edit", "ca-pss", "--cap", "online=8")  # caps for this cycle and the next; minimums stay each's own
    data = json.loads(ok("cert", "show", "ca-pss", "--json").stdout)
    assert (data["hours_required"], [(r["name"], r["hours"]) for r in data["requirements"]],
            [(r["name"], r["hours"]) for r in data["caps"]]) == (5, [("ethics", 2)], [("online", 8)])
    assert data["next_cycles"] == {"hours_required": 20, "rules": [
        {"kind": "min", "dimension": "category", "name": "ethics", "category": "ethics", "hours": 6},
        {"kind": "max", "dimension": "format", "name": "online", "category": "online", "hours": 8}]}


def test_a_waived_first_cycle_stays_waived_when_the_caps_change(ok):
    """Nebraska: certified within a year of the fixed renewal day, no CE is owed in the first cycle."""
    ok("cert", "add", "--template", "ne-cpss", "--id", "ne", "--issued", "2026-10-01")
    before = json.loads(ok("cert", "show", "ne", "--json").stdout)
    ok("cert", "edit", "ne", "--cap", "online=5")
    after = json.loads(ok("cert", "show", "ne", "--json").stdout)
    assert (before["hours_required"], after["hours_required"], after["requirements"]) == (0, 0, [])
    assert after["next_cycles"]["hours_required"] == before["next_cycles"]["hours_required"] > 0
    assert [r["name"] for r in after["next_cycles"]["rules"] if r["kind"] == "min"] == [
        r["name"] for r in before["next_cycles"]["rules"] if r["kind"] == "min"] != []


def test_a_renewal_on_the_expiry_day_leaves_that_day_to_the_old_cycle(ok, make_cert, status_json):
    make_cert(expires="2026-10-31", cycle="1y", hours="10")
    ok("log-ceu", "Last-day course", "--hours", "2", "--date", "2026-10-31")
    ok("cert", "renew", "ca-pss", "--on", "2026-10-31", "--yes")
    cycles = json.loads(ok("cert", "show", "ca-pss", "--cycles", "--json").stdout)["cycles"]
    assert [(c["starts"], c["ends"], c["hours_earned"]) for c in cycles] == [
        ("2025-11-01", "2026-10-31", 2), ("2026-11-01", "2027-10-31", 0)]


def test_a_course_for_an_earlier_cycle_is_not_shown_as_this_cycles_progress(ok, make_cert):
    make_cert(expires="2026-12-31", cycle="1y", hours="10")
    ok("cert", "renew", "ca-pss", "--on", "2026-11-01", "--yes")  # the new cycle begins 1 Nov 2026
    logged = " ".join(ok("log-ceu", "Late entry", "--hours", "2", "--date", "2026-06-01").stderr.split())
    assert "It counts toward no current cycle (see the note below)." in logged and "It counts toward:" not in logged
    assert ("Note: 2026-06-01 is before the current cycle of ca-pss began (2026-11-01), so it counts toward an "
            "earlier one: peertrack cert show ca-pss --cycles") in logged
