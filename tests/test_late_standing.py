"""Late standing worked out by hand: the stage a day falls in after expiry, its dates and fee, and the level."""

import datetime as dt

import pytest

from peertrack.domain.late_stages import late_standing, with_late_standing
from peertrack.domain.models import Certification, Cycle, Progress
from peertrack.domain.record_types import replace
from peertrack.domain.templates import LateStage

D = dt.date
GA = (LateStage("grace", until_date="01-15", fee=0), LateStage("late", until_date="01-31", fee=26),
      LateStage("inactive", fee=105))
TX = (LateStage("grace", until_months=6), LateStage("late", until_months=12, fee=50),
      LateStage("reinstatement", fee=100))
WV = (LateStage("late", until_days=90, fee=75), LateStage("lapsed"))
RI = (LateStage("lapsed", until_months=12),)


@pytest.mark.parametrize(("stages", "expires", "day", "stage", "starts", "ends", "fee", "level"), [
    # Georgia: uploads due 31 December; no fee to 15 January, $26 to 31 January, inactive from 1 February.
    (GA, D(2026, 12, 31), D(2027, 1, 1), "grace", D(2027, 1, 1), D(2027, 1, 15), 0, "overdue"),
    (GA, D(2026, 12, 31), D(2027, 1, 15), "grace", D(2027, 1, 1), D(2027, 1, 15), 0, "overdue"),  # grace end day
    (GA, D(2026, 12, 31), D(2027, 1, 16), "late", D(2027, 1, 16), D(2027, 1, 31), 26, "overdue"),
    (GA, D(2026, 12, 31), D(2027, 1, 31), "late", D(2027, 1, 16), D(2027, 1, 31), 26, "overdue"),
    (GA, D(2026, 12, 31), D(2027, 2, 1), "inactive", D(2027, 2, 1), None, 105, "lapsed"),
    # Texas: 6 months of grace, then the $50 late fee to 12 months; month ends stay month ends.
    (TX, D(2026, 8, 31), D(2027, 2, 28), "grace", D(2026, 9, 1), D(2027, 2, 28), None, "overdue"),
    (TX, D(2026, 8, 31), D(2027, 3, 1), "late", D(2027, 3, 1), D(2027, 8, 31), 50, "overdue"),
    (TX, D(2026, 8, 31), D(2027, 8, 31), "late", D(2027, 3, 1), D(2027, 8, 31), 50, "overdue"),
    (TX, D(2026, 8, 31), D(2027, 9, 1), "reinstatement", D(2027, 9, 1), None, 100, "lapsed"),
    (TX, D(2027, 8, 31), D(2028, 2, 29), "grace", D(2027, 9, 1), D(2028, 2, 29), None, "overdue"),  # leap year
    (TX, D(2027, 8, 31), D(2028, 3, 1), "late", D(2028, 3, 1), D(2028, 8, 31), 50, "overdue"),
    # West Virginia: 90 days with a $75 fee (30 Sep + 90 days = 29 Dec), then lapsed.
    (WV, D(2026, 9, 30), D(2026, 12, 29), "late", D(2026, 10, 1), D(2026, 12, 29), 75, "overdue"),
    (WV, D(2026, 9, 30), D(2026, 12, 30), "lapsed", D(2026, 12, 30), None, None, "lapsed"),
    # Rhode Island: lapsed at once, but recertifying stays possible for a year.
    (RI, D(2026, 6, 30), D(2026, 7, 1), "lapsed", D(2026, 7, 1), D(2027, 6, 30), None, "lapsed"),
    (RI, D(2026, 6, 30), D(2027, 6, 30), "lapsed", D(2026, 7, 1), D(2027, 6, 30), None, "lapsed"),
])
def test_the_stage_of_a_day_with_its_dates_fee_and_level(stages, expires, day, stage, starts, ends, fee, level):
    found = late_standing(expires, stages, day)
    assert found is not None and found.now is not None
    assert (found.now.stage.stage, found.now.starts, found.now.ends, found.now.stage.fee, found.level) == (
        stage, starts, ends, fee, level)


@pytest.mark.parametrize(("stages", "expires"), [(GA, D(2026, 12, 31)), (WV, D(2026, 9, 30)), ((), D(2026, 9, 30))])
def test_nothing_on_or_before_the_expiry_day_nor_without_stages(stages, expires):
    assert late_standing(expires, stages, expires) is None
    assert late_standing(expires, stages, expires - dt.timedelta(days=400)) is None
    if not stages:
        assert late_standing(expires, stages, expires + dt.timedelta(days=1)) is None


def test_the_stages_still_to_come_have_their_own_dates():
    found = late_standing(D(2026, 12, 31), GA, D(2027, 1, 10))
    assert [(s.stage.stage, s.starts, s.ends, s.stage.fee) for s in found.later] == [
        ("late", D(2027, 1, 16), D(2027, 1, 31), 26), ("inactive", D(2027, 2, 1), None, 105)]
    assert found.words == ("grace period until Fri 15 Jan 2027 (no late fee); then late renewal until Sun 31 Jan "
                           "2027 ($26 late fee); then inactive from Mon 1 Feb 2027 ($105 to reactivate)")
    assert late_standing(D(2026, 12, 31), GA, D(2027, 2, 1)).later == ()


def test_past_the_last_stage_that_ends_it_is_lapsed_and_says_when_that_was():
    found = late_standing(D(2026, 6, 30), RI, D(2027, 7, 1))
    assert (found.now, found.later, found.level) == (None, (), "lapsed")
    assert found.words == "the board's last late stage ended on Wed 30 Jun 2027"


def _progress(expires: dt.date, today: dt.date, grace_days: int | None, level: str) -> Progress:
    cert = Certification(id="tx", name="TX", cycle_months=24, required_seconds=0, grace_days=grace_days,
                         cycle=Cycle(starts=D(2026, 9, 1), ends=expires, required_seconds=0))
    return Progress(cert=cert, today=today, days_left=(expires - today).days, earned_seconds=0, missing_seconds=0,
                    level=level)


@pytest.mark.parametrize(("today", "level"), [(D(2028, 8, 31), "overdue"), (D(2028, 9, 1), "lapsed")])
def test_the_stages_worked_out_from_todays_expiry_win_over_stored_grace_days(today, level):
    # 365 days were right for an expiry of 28 February 2027; after the expiry moved to 31 August 2027,
    # the year to 31 August 2028 holds 29 February: 366 days.
    item = _progress(D(2027, 8, 31), today, grace_days=365, level="lapsed")
    found = with_late_standing(item, TX)
    assert (found.level, found.late.now.stage.stage) == (level, "late" if level == "overdue" else "reinstatement")


def test_without_stages_the_progress_is_left_as_it_is():
    item = _progress(D(2027, 8, 31), D(2028, 9, 1), grace_days=30, level="lapsed")
    assert with_late_standing(item, ()) is item
    before = replace(item, today=D(2027, 8, 31), days_left=0, level="ok")
    assert with_late_standing(before, TX) is before
