"""Unique hours: Idaho's CPSS and CFSP may not count the same course; each needs 10 hours of its own."""

from __future__ import annotations

import datetime as dt
import json

from peertrack.domain.models import HOUR, Allocation, Certification, Course, Cycle, Requirement
from peertrack.domain.requirements import progress
from peertrack.domain.unique_hours import SEARCH_LIMIT, split_shared

D = dt.date
CYCLE = Cycle(starts=D(2026, 7, 1), ends=D(2027, 6, 30), required_seconds=10 * HOUR)
CPSS = Certification(id="id-cpss", name="CPSS", cycle_months=12, required_seconds=10 * HOUR, cycle=CYCLE,
                     requirements=(Requirement("ethics", HOUR),))
CFSP = Certification(id="id-cfsp", name="CFSP", cycle_months=12, required_seconds=10 * HOUR, cycle=CYCLE,
                     requirements=(Requirement("ethics", HOUR),))
TODAY = D(2026, 11, 2)


def course(number: int, day: dt.date, hours: int, category: str = "general") -> Course:
    return Course(id=number, date=day, title=f"c{number}", seconds=hours * HOUR,
                  allocations=(Allocation(category, hours * HOUR),))


def reckon(mine, theirs):
    return progress(CPSS, mine, TODAY), progress(CFSP, theirs, TODAY)


def test_the_best_split_meets_both():
    """20 hours, two of them ethics: 1 + 4 + 5 for each meets both; giving both ethics hours to one would not."""
    courses = [course(1, D(2026, 8, 1), 1, "ethics"), course(2, D(2026, 8, 15), 1, "ethics"),
               course(3, D(2026, 9, 1), 4), course(4, D(2026, 9, 15), 4), course(5, D(2026, 10, 1), 5),
               course(6, D(2026, 10, 15), 5)]
    first, second, given, proven = split_shared(courses, courses, reckon)
    assert (first.missing_seconds, second.missing_seconds, proven) == (0, 0, True)
    assert given == (1, 3, 5)


def test_courses_for_one_only_are_not_shared():
    own = [course(1, D(2026, 8, 1), 10, "ethics")]
    first, second, given, proven = split_shared(own, [], reckon)
    assert (first.earned_seconds, second.earned_seconds, given, proven) == (10 * HOUR, 0, (), True)


def test_too_many_shared_courses_are_given_out_in_date_order_and_said_so():
    courses = [course(n, D(2026, 8, 1) + dt.timedelta(days=n), 1) for n in range(1, SEARCH_LIMIT + 3)]
    first, second, given, proven = split_shared(courses, courses, reckon)
    assert proven is False
    assert first.earned_seconds + second.earned_seconds == len(courses) * HOUR  # every hour counted once


def test_a_dual_holder_in_idaho_sees_each_course_counted_once(ok, status_json):
    ok("cert", "add", "--template", "id-cpss", "--expires", "2027-06-30")
    added = ok("cert", "add", "--template", "id-cfsp", "--expires", "2027-06-30")
    assert "No course counts for both this and id-cpss" in added.stderr
    for title, day, hours, category in (("Ethics one", "2026-08-01", "1", "ethics"),
                                        ("Ethics two", "2026-08-15", "1", "ethics"),
                                        ("Family systems", "2026-09-01", "4", "general"),
                                        ("Youth voice", "2026-09-15", "4", "general"),
                                        ("Recovery planning", "2026-10-01", "5", "general"),
                                        ("Peer supervision", "2026-10-15", "5", "general")):
        ok("log-ceu", title, "--hours", hours, "--date", day, "--category", category)
    items = {c["id"]: c for c in status_json()["certifications"]}
    assert {cert_id: (c["hours_earned"], c["hours_missing"]) for cert_id, c in items.items()} == {
        "id-cpss": (10, 0), "id-cfsp": (10, 0)}  # not 20 each: no course counts twice
    assert items["id-cpss"]["unique_hours_with"] == {
        "cert": "id-cfsp", "shared_courses_here": [2, 4, 6], "shared_courses_there": [1, 3, 5]}
    shown = " ".join(ok("status").stdout.split())
    assert ("Unique hours with id-cfsp: of the courses that could count toward both, courses 2, 4 and 6 count "
            "here, courses 1, 3 and 5 there (the best split).") in shown
    alone = json.loads(ok("cert", "show", "id-cfsp", "--json").stdout)
    assert (alone["hours_earned"], alone["unique_hours_with"]["shared_courses_here"]) == (10, [1, 3, 5])


def test_the_audit_lists_only_the_courses_counted_for_that_credential(ok, tmp_path):
    import csv
    import io
    import zipfile

    ok("cert", "add", "--template", "id-cpss", "--expires", "2027-06-30")
    ok("cert", "add", "--template", "id-cfsp", "--expires", "2027-06-30")
    ok("log-ceu", "Ethics one", "--hours", "1", "--date", "2026-08-01", "--category", "ethics")
    ok("log-ceu", "Ethics two", "--hours", "1", "--date", "2026-08-15", "--category", "ethics")
    target = tmp_path / "audit.zip"
    ok("export", "audit", "--cert", "id-cpss", "-o", str(target))
    archive = zipfile.ZipFile(target)
    name = next(n for n in archive.namelist() if n.endswith("courses.csv"))
    rows = list(csv.DictReader(io.StringIO(archive.read(name).decode("utf-8-sig"))))
    assert [row["Title"] for row in rows] == ["Ethics two"]  # the first went to id-cfsp (see status)


def test_export_csv_for_one_credential_lists_only_its_courses(ok):
    ok("cert", "add", "--template", "id-cpss", "--expires", "2027-06-30")
    ok("cert", "add", "--template", "id-cfsp", "--expires", "2027-06-30")
    ok("log-ceu", "Ethics one", "--hours", "1", "--date", "2026-08-01", "--category", "ethics")
    ok("log-ceu", "Ethics two", "--hours", "1", "--date", "2026-08-15", "--category", "ethics")
    for cert_id, title in (("id-cfsp", "Ethics one"), ("id-cpss", "Ethics two")):
        lines = ok("export", "csv", "--cert", cert_id).stdout.splitlines()
        assert [line.split(",")[1] for line in lines[1:]] == [title]  # as status split them


def test_the_cycle_history_agrees_with_the_dashboard(ok):
    ok("cert", "add", "--template", "id-cpss", "--expires", "2027-06-30")
    ok("cert", "add", "--template", "id-cfsp", "--expires", "2027-06-30")
    ok("log-ceu", "Ethics one", "--hours", "1", "--date", "2026-08-01", "--category", "ethics")
    ok("log-ceu", "Ethics two", "--hours", "1", "--date", "2026-08-15", "--category", "ethics")
    data = json.loads(ok("cert", "show", "id-cpss", "--cycles", "--json").stdout)
    assert data["hours_earned"] == data["cycles"][-1]["hours_earned"] == 1  # one course each, not two here
