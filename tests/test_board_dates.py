"""Boards' own dates, worked out by hand: fixed days, month starts and ends, parity, first cycles, late stages."""

import datetime as dt

import pytest

from peertrack.domain.anchored_cycles import fixed_ends_after, shaped_dates
from peertrack.domain.errors import InvalidInput
from peertrack.domain.late_stages import grace_days, last_day_to_renew, stage_end, stage_on
from peertrack.domain.templates import CycleShape, LateStage

D = dt.date
TODAY = D(2026, 11, 2)
NE = CycleShape(fixed_month=9, fixed_day=1, fixed_year=2025, first_waived_within_months=12)
MS = CycleShape(fixed_month=9, fixed_day=30, fixed_year=2015)
JUNE_30 = CycleShape(fixed_month=6, fixed_day=30)
GA = CycleShape(first_starts_january_after_issue=True)
MT = CycleShape(first_prorated_after="07-01")
MI = CycleShape(from_month_start=True)
NC = CycleShape(to_month_end=True)
WI = CycleShape(same_parity_as_issue=True)


@pytest.mark.parametrize(("day", "inclusive", "expected"), [
    (D(2025, 9, 1), False, D(2027, 9, 1)), (D(2025, 9, 1), True, D(2025, 9, 1)),
    (D(2026, 2, 28), False, D(2027, 9, 1)), (D(2027, 8, 31), False, D(2027, 9, 1)),
    (D(2027, 9, 1), False, D(2029, 9, 1)), (D(2024, 2, 29), False, D(2025, 9, 1)),
])
def test_the_next_first_of_september_in_an_odd_year(day, inclusive, expected):
    assert fixed_ends_after(day, NE, 2, inclusive) == expected


@pytest.mark.parametrize(("shape", "months", "issued", "expires", "starts", "ends", "waived"), [
    (NE, 24, None, None, D(2025, 9, 2), D(2027, 9, 1), False),  # today's cycle
    (NE, 24, D(2026, 10, 1), None, D(2026, 10, 1), D(2027, 9, 1), True),  # certified 11 months before
    (NE, 24, D(2026, 9, 1), None, D(2026, 9, 1), D(2027, 9, 1), True),  # exactly 12 months before
    (NE, 24, D(2026, 8, 31), None, D(2026, 8, 31), D(2027, 9, 1), False),  # a day more than 12 months
    (NE, 24, D(2025, 9, 1), None, D(2025, 9, 1), D(2027, 9, 1), False),  # issued on a renewal day: it is its own
    (NE, 24, D(2020, 5, 5), None, D(2025, 9, 2), D(2027, 9, 1), False),  # long ago: today's cycle
    (NE, 24, None, D(2027, 9, 1), D(2025, 9, 2), D(2027, 9, 1), False),
    (MS, 48, None, None, D(2023, 10, 1), D(2027, 9, 30), False),
    (MS, 48, D(2020, 3, 1), None, D(2023, 10, 1), D(2027, 9, 30), False),
    (MS, 48, D(2024, 3, 1), None, D(2024, 3, 1), D(2027, 9, 30), False),
    (JUNE_30, 12, None, None, D(2026, 7, 1), D(2027, 6, 30), False),
    (JUNE_30, 12, None, D(2026, 6, 30), D(2025, 7, 1), D(2026, 6, 30), False),
])
def test_fixed_dates(shape, months, issued, expires, starts, ends, waived):
    found = shaped_dates(shape, months, False, TODAY, issued, expires)
    assert (found.starts, found.ends, found.waived) == (starts, ends, waived)


@pytest.mark.parametrize(("shape", "months", "expires", "words"), [
    (NE, 24, D(2027, 9, 2), "give --expires 2027-09-01"),
    (NE, 24, D(2028, 9, 1), "1 September of odd years"),
    (MS, 48, D(2025, 9, 30), "30 September every 4 years (2015, 2019...): give --expires 2027-09-30"),
    (JUNE_30, 12, D(2027, 7, 1), "30 June each year: give --expires 2027-06-30"),
])
def test_a_day_that_is_not_a_renewal_day_is_refused(shape, months, expires, words):
    with pytest.raises(InvalidInput, match="is not a day this certification ends on") as caught:
        shaped_dates(shape, months, False, TODAY, None, expires)
    assert words in str(caught.value)


@pytest.mark.parametrize(("shape", "issued", "expires", "starts", "ends", "prorated"), [
    (GA, D(2026, 6, 15), None, D(2027, 1, 1), D(2027, 12, 31), False),  # CE starts the January after the exam
    (GA, D(2026, 1, 1), None, D(2027, 1, 1), D(2027, 12, 31), False),
    (GA, D(2025, 12, 31), None, D(2026, 1, 1), D(2026, 12, 31), False),
    (GA, None, None, D(2026, 1, 1), D(2026, 12, 31), False),
    (GA, D(2026, 6, 15), D(2028, 12, 31), D(2028, 1, 1), D(2028, 12, 31), False),
    (MT, D(2026, 7, 1), None, D(2026, 7, 1), D(2026, 12, 31), False),  # on 1 July: not after it
    (MT, D(2026, 7, 2), None, D(2026, 7, 2), D(2026, 12, 31), True),
    (MT, D(2026, 12, 31), None, D(2026, 12, 31), D(2026, 12, 31), True),  # certified on the last day
    (MT, D(2025, 8, 1), None, D(2026, 1, 1), D(2026, 12, 31), False),  # a later year is a full one
])
def test_calendar_years_with_a_first_year_that_differs(shape, issued, expires, starts, ends, prorated):
    found = shaped_dates(shape, 12, True, TODAY, issued, expires)
    assert (found.starts, found.ends, found.prorated) == (starts, ends, prorated)


@pytest.mark.parametrize(("shape", "issued", "expires", "problem"), [
    (GA, D(2026, 6, 15), D(2026, 12, 31), "is before your first cycle"),
    (MT, None, D(2026, 6, 30), "is not 31 December"),
])
def test_calendar_year_mistakes(shape, issued, expires, problem):
    with pytest.raises(InvalidInput, match=problem):
        shaped_dates(shape, 12, True, TODAY, issued, expires)


@pytest.mark.parametrize(("shape", "issued", "expires", "starts", "ends"), [
    (MI, D(2024, 1, 12), None, D(2026, 1, 1), D(2027, 12, 31)),  # the board's own example, two cycles on
    (MI, D(2025, 11, 14), None, D(2025, 11, 1), D(2027, 10, 31)),
    (MI, None, D(2025, 11, 1), D(2023, 11, 1), D(2025, 10, 31)),  # "expire on November 1, 2025"
    (MI, D(2024, 2, 29), None, D(2026, 2, 1), D(2028, 1, 31)),
    (NC, None, D(2027, 3, 14), D(2025, 4, 1), D(2027, 3, 31)),  # due by the last day of the month
    (NC, None, D(2027, 2, 28), D(2025, 3, 1), D(2027, 2, 28)),
    (NC, None, D(2028, 2, 14), D(2026, 3, 1), D(2028, 2, 29)),
    (NC, D(2025, 3, 14), None, D(2025, 3, 14), D(2027, 3, 31)),  # a first cycle: from the certificate day
])
def test_months_from_a_first_day_and_to_a_last_day(shape, issued, expires, starts, ends):
    found = shaped_dates(shape, 24, False, TODAY, issued, expires)
    assert (found.starts, found.ends) == (starts, ends)


def test_a_cycle_from_a_month_start_needs_a_date():
    with pytest.raises(InvalidInput, match="--issued is missing"):
        shaped_dates(MI, 24, False, TODAY, None, None)


def test_the_renewal_year_keeps_the_exam_years_parity():
    assert shaped_dates(WI, 24, False, TODAY, D(2025, 5, 1), D(2027, 5, 1)) is None  # plain dates from here
    with pytest.raises(InvalidInput, match="is in a year of the other parity"):
        shaped_dates(WI, 24, False, TODAY, D(2025, 5, 1), D(2028, 5, 1))


GA_LATE = (LateStage("grace", until_date="01-15", fee=0), LateStage("late", until_date="01-31", fee=26),
           LateStage("inactive", fee=105))


@pytest.mark.parametrize(("day", "stage", "starts", "ends"), [
    (D(2026, 12, 31), None, None, None),  # the expiry day itself is still in the cycle
    (D(2027, 1, 1), "grace", D(2027, 1, 1), D(2027, 1, 15)),
    (D(2027, 1, 15), "grace", D(2027, 1, 1), D(2027, 1, 15)),
    (D(2027, 1, 16), "late", D(2027, 1, 16), D(2027, 1, 31)),
    (D(2027, 1, 31), "late", D(2027, 1, 16), D(2027, 1, 31)),
    (D(2027, 2, 1), "inactive", D(2027, 2, 1), None),
    (D(2030, 2, 1), "inactive", D(2027, 2, 1), None),
])
def test_georgias_late_stages(day, stage, starts, ends):
    found = stage_on(D(2026, 12, 31), GA_LATE, day)
    assert (found.stage.stage, found.starts, found.ends) == (stage, starts, ends) if stage else found is None
    assert last_day_to_renew(D(2026, 12, 31), GA_LATE) == D(2027, 1, 31)
    assert grace_days(D(2026, 12, 31), GA_LATE) == 31


@pytest.mark.parametrize(("expires", "stage", "ends"), [
    (D(2027, 8, 31), LateStage("grace", until_months=6), D(2028, 2, 29)),  # month ends stay month ends
    (D(2027, 6, 30), LateStage("late", until_days=90), D(2027, 9, 28)),
    (D(2026, 12, 31), LateStage("late", until_date="02-29"), D(2027, 2, 28)),  # no 29 February in 2027
    (D(2027, 12, 31), LateStage("late", until_date="02-29"), D(2028, 2, 29)),
    (D(2027, 3, 31), LateStage("grace", until_date="01-15"), D(2028, 1, 15)),  # the first 15 January after
    (D(2027, 3, 31), LateStage("lapsed"), None),
])
def test_when_a_stage_ends(expires, stage, ends):
    assert stage_end(expires, stage) == ends


def test_texas_stages_and_a_stage_with_no_day_left():
    stages = (LateStage("grace", until_months=6), LateStage("late", until_months=12, fee=50),
              LateStage("reinstatement", fee=100))
    assert last_day_to_renew(D(2027, 8, 31), stages) == D(2028, 8, 31)
    assert stage_on(D(2027, 8, 31), stages, D(2028, 3, 1)).stage.fee == 50
    assert stage_on(D(2027, 8, 31), stages, D(2028, 9, 1)).ended
    backwards = (LateStage("grace", until_date="01-31"), LateStage("late", until_date="01-15"),
                 LateStage("lapsed"))
    assert [s.stage.stage for s in __import__("peertrack.domain.late_stages", fromlist=["x"]).stages_after(
        D(2026, 12, 31), backwards)] == ["grace", "lapsed"]


@pytest.mark.parametrize(("day", "words"), [
    (D(2026, 12, 31), None),
    (D(2027, 1, 1), "grace period until Fri 15 Jan 2027 (no late fee); then late renewal until Sun 31 Jan 2027 "
                    "($26 late fee); then inactive from Mon 1 Feb 2027 ($105 to reactivate)"),
    (D(2027, 1, 16), "late renewal until Sun 31 Jan 2027 ($26 late fee); then inactive from Mon 1 Feb 2027 "
                     "($105 to reactivate)"),
    (D(2027, 2, 1), "inactive since Mon 1 Feb 2027 ($105 to reactivate)"),
])
def test_late_stages_in_words(day, words):
    from peertrack.domain.late_stages import late_words

    assert late_words(D(2026, 12, 31), GA_LATE, day) == words


def test_each_late_stage_that_ends_is_a_deadline():
    from peertrack.domain.deadlines import derived_deadlines
    from peertrack.domain.models import Certification, Cycle

    cert = Certification("wv", "WV PRSS", 24, 1200, Cycle(D(2025, 7, 1), D(2027, 6, 30), 1200), grace_days=90)
    plain = [(d.key, d.due) for d in derived_deadlines(cert)]
    assert plain == [("wv:expires", D(2027, 6, 30)), ("wv:late", D(2027, 9, 28))]
    staged = [(d.title, d.due) for d in derived_deadlines(cert, (LateStage("late", until_days=90, fee=75),
                                                                LateStage("lapsed")))]
    assert staged == [("WV PRSS expires", D(2027, 6, 30)),
                      ("Last day to renew with the $75 late fee: WV PRSS", D(2027, 9, 28))]
