"""Cycles and requirement math, with fixed dates and no clock."""

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from peertrack.cycles import cycle_start
from peertrack.models import Allocation, CategoryProgress, Certification, Course, Cycle, Requirement
from peertrack.requirements import level, minutes_per_month, missing_minutes, progress

D = dt.date


@pytest.mark.parametrize("expires, months, issued, start", [
    (D(2027, 6, 30), 24, None, D(2025, 7, 1)),
    (D(2026, 12, 31), 12, None, D(2026, 1, 1)),
    (D(2028, 2, 29), 24, None, D(2026, 3, 1)),
    (D(2028, 2, 29), 12, None, D(2027, 3, 1)),
    (D(2027, 8, 31), 6, None, D(2027, 3, 1)),
    (D(2027, 3, 31), 1, None, D(2027, 3, 1)),
    (D(2027, 6, 30), 24, D(2026, 1, 15), D(2026, 1, 15)),
    (D(2027, 6, 30), 24, D(2020, 1, 15), D(2025, 7, 1)),
    (D(2029, 6, 30), 36, None, D(2026, 7, 1)),
])
def test_cycle_start(expires, months, issued, start):
    assert cycle_start(expires, months, issued) == start


@given(st.dates(min_value=D(1990, 1, 1), max_value=D(2090, 12, 31)), st.integers(1, 120))
def test_a_cycle_always_has_its_length(expires, months):
    start = cycle_start(expires, months)
    assert start <= expires
    # Never longer than the cycle, never shorter by more than month-end rounding.
    assert 28 * months - 3 <= (expires - start).days + 1 <= 31 * months + 1


def cert(required=20, requirements=(("ethics", 6),), starts=D(2025, 7, 1), ends=D(2027, 6, 30)):
    reqs = tuple(Requirement(name, hours * 60) for name, hours in requirements)
    return Certification(id="ca-pss", name="Medi-Cal PSS", cycle_months=24, required_minutes=required * 60,
                         requirements=reqs, cycle=Cycle(starts=starts, ends=ends, required_minutes=required * 60))


def course(day, hours, category=None):
    allocations = (Allocation(category, int(hours * 60)),) if category else ()
    return Course(date=day, title="x", minutes=int(hours * 60), allocations=allocations)


def test_progress_counts_only_the_current_cycle():
    result = progress(cert(), [
        course(D(2025, 6, 30), 5, "ethics"),   # the day before the cycle
        course(D(2025, 7, 1), 3, "ethics"),    # its first day
        course(D(2026, 10, 1), 4),
        course(D(2027, 6, 30), 1),             # its last day
        course(D(2027, 7, 1), 9),              # after it
    ], D(2026, 11, 2))
    assert result.earned_minutes == 8 * 60
    assert result.course_count == 3
    assert result.categories == (CategoryProgress("ethics", 360, 180),)
    assert result.missing_minutes == 12 * 60
    assert result.days_left == 240
    assert result.level == "ok"


def test_category_shortfall_counts_when_the_total_is_met():
    result = progress(cert(), [course(D(2026, 1, 1), 20, "general")], D(2026, 11, 2))
    assert result.earned_minutes == 20 * 60
    assert result.missing_minutes == 6 * 60
    assert not result.categories[0].met


def test_missing_is_the_larger_of_total_and_category_gaps():
    assert missing_minutes(1200, 600, [CategoryProgress("ethics", 360, 0)]) == 600
    assert missing_minutes(1200, 1100, [CategoryProgress("ethics", 360, 0)]) == 360
    assert missing_minutes(1200, 1500, []) == 0


@pytest.mark.parametrize("days_left, missing, expected", [
    (200, 60, "ok"), (91, 60, "ok"), (90, 60, "due-soon"), (31, 60, "due-soon"), (30, 60, "urgent"),
    (0, 60, "urgent"), (-1, 60, "overdue"), (-1, 0, "overdue"), (10, 0, "ok"), (90, 0, "ok"),
])
def test_levels(days_left, missing, expected):
    assert level(days_left, missing) == expected


@pytest.mark.parametrize("missing, days_left, expected", [
    (17 * 60, 219, 150),   # 17 h over 7.2 months is 2.37 h a month: planned as 2.5
    (60, 365, 15),         # never less than a quarter hour
    (0, 200, None),
    (600, 20, None),       # under a month: said as "in the next 20 days" instead
])
def test_pace(missing, days_left, expected):
    assert minutes_per_month(missing, days_left) == expected


@given(st.integers(0, 100_000), st.integers(0, 100_000), st.integers(-1000, 3000))
def test_missing_never_negative_and_levels_are_known(required, earned, days_left):
    missing = missing_minutes(required, earned, [])
    assert missing >= 0
    assert level(days_left, missing) in ("ok", "due-soon", "urgent", "overdue")
