"""Cycles and requirement math, with fixed dates and no clock."""

import calendar
import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from peertrack.domain.cycles import anchor_day_of, carry_over, cycle_start, next_end
from peertrack.domain.models import Allocation, CategoryProgress, Certification, Course, Cycle, Requirement
from peertrack.domain.requirements import level, progress, scale, seconds_per_month

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
    reqs = tuple(Requirement(name, hours * 3600) for name, hours in requirements)
    return Certification(id="ca-pss", name="Medi-Cal PSS", cycle_months=24, required_seconds=required * 3600,
                         requirements=reqs, cycle=Cycle(starts=starts, ends=ends, required_seconds=required * 3600))


def course(day, hours, category=None):
    allocations = (Allocation(category, int(hours * 3600)),) if category else ()
    return Course(date=day, title="x", seconds=int(hours * 3600), allocations=allocations)


def test_progress_counts_only_the_current_cycle():
    result = progress(cert(), [
        course(D(2025, 6, 30), 5, "ethics"),   # the day before the cycle
        course(D(2025, 7, 1), 3, "ethics"),    # its first day
        course(D(2026, 10, 1), 4),
        course(D(2027, 6, 30), 1),             # its last day
        course(D(2027, 7, 1), 9),              # after it
    ], D(2026, 11, 2))
    assert result.earned_seconds == 8 * 3600
    assert result.course_count == 3
    assert result.categories == (CategoryProgress("ethics", 6 * 3600, 3 * 3600),)
    assert result.missing_seconds == 12 * 3600
    assert result.days_left == 240
    assert result.level == "ok"


def test_category_shortfall_counts_when_the_total_is_met():
    result = progress(cert(), [course(D(2026, 1, 1), 20, "general")], D(2026, 11, 2))
    assert result.earned_seconds == 20 * 3600
    assert result.missing_seconds == 6 * 3600
    assert not result.categories[0].met


@pytest.mark.parametrize("general, ethics, missing", [(10, 0, 10), (18, 0, 6), (25, 0, 6), (14, 6, 0), (8, 2, 10)])
def test_missing_is_the_larger_of_total_and_category_gaps(general, ethics, missing):
    courses = [course(D(2026, 1, 1), general, "general")]
    courses += [course(D(2026, 2, 1), ethics, "ethics")] if ethics else []
    result = progress(cert(), courses, D(2026, 11, 2))
    assert result.missing_seconds == missing * 3600
    assert result.toward_seconds == (20 - missing) * 3600
    assert result.any_kind_seconds == (missing - max(0, 6 - ethics)) * 3600


@pytest.mark.parametrize("days_left, missing, expected", [
    (200, 60, "ok"), (91, 60, "ok"), (90, 60, "due-soon"), (31, 60, "due-soon"), (30, 60, "urgent"),
    (0, 60, "urgent"), (-1, 60, "overdue"), (-1, 0, "overdue"), (10, 0, "ok"), (90, 0, "ok"),
])
def test_levels(days_left, missing, expected):
    assert level(days_left, missing) == expected


@pytest.mark.parametrize("missing, days_left, expected", [
    (17 * 3600, 219, 9000),  # 17 h over 7.2 months is 2.37 h a month: planned as 2.5
    (3600, 365, 900),        # never less than a quarter hour
    (0, 200, None),
    (36000, 20, None),     # under a month: said as "in the next 20 days" instead
])
def test_pace(missing, days_left, expected):
    assert seconds_per_month(missing, days_left) == expected


@given(st.integers(0, 100_000), st.integers(-1000, 3000), st.booleans())
def test_levels_are_known(missing, days_left, behind):
    assert level(days_left, missing, behind=behind) in ("ok", "due-soon", "behind", "urgent", "overdue")


@pytest.mark.parametrize("ends, months, anchor, expected", [
    (D(2027, 6, 30), 24, None, D(2029, 6, 30)),
    (D(2028, 2, 29), 24, None, D(2030, 2, 28)),
    (D(2030, 2, 28), 24, 31, D(2032, 2, 29)),
    (D(2027, 8, 31), 6, None, D(2028, 2, 29)),
    (D(2028, 2, 29), 6, 31, D(2028, 8, 31)),
    (D(2026, 12, 31), 12, None, D(2027, 12, 31)),
    (D(2027, 1, 30), 1, 30, D(2027, 2, 28)),
    (D(2027, 2, 28), 1, 30, D(2027, 3, 30)),
])
def test_next_end_never_drifts(ends, months, anchor, expected):
    assert next_end(ends, months, anchor) == expected


def test_anchor_day():
    assert anchor_day_of(D(2028, 2, 29)) == 31
    assert anchor_day_of(D(2027, 2, 28)) == 31
    assert anchor_day_of(D(2027, 6, 30)) == 31
    assert anchor_day_of(D(2027, 6, 15)) == 15


@given(st.dates(min_value=D(1990, 1, 1), max_value=D(2080, 12, 31)), st.sampled_from([1, 6, 12, 24, 36]))
def test_month_end_renewals_never_drift(first_end, months):
    anchor = anchor_day_of(first_end)
    ends = first_end
    for _ in range(12):
        following = next_end(ends, months, anchor)
        assert following > ends
        if anchor == 31:
            assert (following + dt.timedelta(days=1)).day == 1
        else:
            month_length = calendar.monthrange(following.year, following.month)[1]
            assert following.day == min(anchor, month_length)
        ends = following


@pytest.mark.parametrize("own, required, cap, expected", [
    (25 * 3600, 20 * 3600, None, 0), (25 * 3600, 20 * 3600, 0, 0), (25 * 3600, 20 * 3600, 3 * 3600, 3 * 3600),
    (22 * 3600, 20 * 3600, 3 * 3600, 2 * 3600), (18 * 3600, 20 * 3600, 3 * 3600, 0),
])
def test_carry_over(own, required, cap, expected):
    assert carry_over(own, required, cap) == expected


def test_caps_cut_the_hours_over_them_oldest_first():
    capped = cert(required=20, requirements=())
    capped = Certification(**{**capped.__dict__, "requirements": (Requirement("online", 10 * 3600, "max", "format"),)})
    courses = [
        Course(date=D(2026, 1, 1), title="a", seconds=8 * 3600, format="online"),
        Course(date=D(2026, 2, 1), title="b", seconds=4 * 3600, format="online"),
        Course(date=D(2026, 3, 1), title="c", seconds=2 * 3600, format="in-person"),
    ]
    result = progress(capped, courses, D(2026, 11, 2))
    assert result.logged_seconds == 14 * 3600
    assert result.earned_seconds == 12 * 3600  # 10 online hours count, 2 do not, plus 2 in person
    assert result.caps[0].uncounted_seconds == 2 * 3600


def test_a_category_cap_limits_what_a_minimum_can_use():
    rules = (Requirement("professional development", 4 * 3600, "max"), Requirement("ethics", 4 * 3600))
    capped = Certification(**{**cert().__dict__, "requirements": rules})
    result = progress(capped, [course(D(2026, 1, 1), 6, "professional development"),
                               course(D(2026, 2, 1), 2, "ethics")], D(2026, 11, 2))
    assert result.earned_seconds == 6 * 3600
    assert result.categories[0].earned_seconds == 2 * 3600


def test_provider_minimum():
    rules = (Requirement("GMHCN", 6 * 3600, "min", "provider"),)
    ga = Certification(**{**cert().__dict__, "requirements": rules})
    result = progress(ga, [Course(date=D(2026, 1, 1), title="a", seconds=4 * 3600, provider="gmhcn"),
                           Course(date=D(2026, 1, 2), title="b", seconds=4 * 3600, provider="Other")], D(2026, 11, 2))
    assert result.categories[0].earned_seconds == 4 * 3600
    assert result.categories[0].dimension == "provider"


def test_override_credit_scales_a_split_course():
    split = Course(date=D(2026, 1, 1), title="s", seconds=210 * 60,
                   allocations=(Allocation("ethics", 120 * 60), Allocation("general", 90 * 60)),
                   cert_ids=("ca-pss",), overrides=(("ca-pss", 140 * 60),))
    result = progress(cert(), [split], D(2026, 11, 2))
    assert result.earned_seconds == 140 * 60
    assert result.categories[0].earned_seconds == 80 * 60


@pytest.mark.parametrize("amounts, total, expected", [
    ([120, 90], 140, [80, 60]), ([60, 60, 60], 100, [34, 33, 33]), ([60], 600, [600]), ([0], 30, [30]),
])
def test_scale(amounts, total, expected):
    assert scale(amounts, total) == expected


@given(st.lists(st.integers(0, 600), min_size=1, max_size=6), st.integers(0, 6000))
def test_scale_always_adds_up(amounts, total):
    assert sum(scale(amounts, total)) == total


def test_carried_hours_count_and_the_recent_pace():
    carried = Certification(**{**cert().__dict__, "cycle": Cycle(
        starts=D(2025, 7, 1), ends=D(2027, 6, 30), required_seconds=20 * 3600, carried_seconds=2 * 3600)})
    result = progress(carried, [course(D(2026, 10, 1), 3), course(D(2026, 6, 1), 3), course(D(2025, 8, 1), 6)],
                      D(2026, 11, 2))
    assert result.earned_seconds == 2 * 3600 + 12 * 3600
    assert result.carried_seconds == 2 * 3600
    assert result.recent_seconds_per_month == 3600  # 6 hours over the last 6 months
    # 14 hours earned and 1 hour a month for 240 days (7.88 months): 21.88, said as 21.75
    assert result.projected_seconds == 21 * 3600 + 45 * 60


@pytest.mark.parametrize("days_left, grace, expected", [(-1, None, "overdue"), (-10, 30, "overdue"),
                                                       (-31, 30, "lapsed"), (-30, 30, "overdue")])
def test_lapsed_after_the_grace_period(days_left, grace, expected):
    assert level(days_left, 60, grace_days=grace) == expected


@pytest.mark.parametrize("starts, ends, today, required, missing, expected", [
    # 0 of 36 with 106 days left of a two-year cycle: far below the line, and 10.3 hours a month.
    (D(2025, 2, 17), D(2027, 2, 16), D(2026, 11, 2), 36 * 3600, 36 * 3600, "pace"),
    # The first quarter of the cycle (182 of 731 days): never behind on schedule, whatever is logged.
    (D(2026, 7, 1), D(2028, 6, 30), D(2026, 12, 29), 20 * 3600, 20 * 3600, None),
    # Just past the first quarter (183 of 731 days): 0 of 20 is under half of 5 hours.
    (D(2026, 7, 1), D(2028, 6, 30), D(2026, 12, 30), 20 * 3600, 20 * 3600, "schedule"),
    # Nothing missing: never behind.
    (D(2025, 7, 1), D(2027, 6, 30), D(2027, 6, 1), 20 * 3600, 0, None),
    # After expiry it is overdue, not behind.
    (D(2025, 7, 1), D(2026, 6, 30), D(2026, 11, 2), 20 * 3600, 60, None),
    # 60 days left: up to 6 hours a month (42575 seconds, 11.8 hours) is still realistic; more is not.
    (D(2024, 1, 1), D(2027, 1, 1), D(2026, 11, 2), 40 * 3600, 42575, None),
    (D(2024, 1, 1), D(2027, 1, 1), D(2026, 11, 2), 40 * 3600, 42576, "pace"),
])
def test_behind(starts, ends, today, required, missing, expected):
    from peertrack.domain.requirements import behind_because, expected_seconds

    line = expected_seconds(required, starts, ends, today)
    assert behind_because(required, missing, line, starts, ends, today) == expected


@pytest.mark.parametrize("expires, months, start", [
    (dt.date(2027, 6, 30), 6, dt.date(2027, 1, 1)),
    (dt.date(2029, 2, 28), 12, dt.date(2028, 3, 1)),
    (dt.date(2027, 9, 30), 1, dt.date(2027, 9, 1)),
])
def test_month_end_cycles_start_on_a_first(expires, months, start):
    assert cycle_start(expires, months) == start


@given(st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2080, 12, 31)), st.sampled_from([1, 6, 12, 24, 36]))
def test_each_cycle_starts_the_day_after_the_one_before_ends(ends, months):
    anchor = anchor_day_of(ends)
    following = next_end(ends, months, anchor)
    assert cycle_start(following, months, anchor_day=anchor) == ends + dt.timedelta(days=1)


@pytest.mark.parametrize(("days_left", "words"), [(0, "3 hours today"), (1, "3 hours in the next 1 day"),
                                                  (30, "3 hours in the next 30 days")])
def test_the_pace_on_the_last_days_says_them_in_words(days_left, words):
    from peertrack.domain.formatting import pace

    assert pace(None, 3 * 3600, days_left) == words
