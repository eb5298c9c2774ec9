"""Boards that set their own dates: fixed days every certificate ends on, cycles from a month's first day,
month-end deadlines, a renewal year with the exam year's parity, and first cycles that differ."""

from __future__ import annotations

import datetime as dt

from dateutil.relativedelta import relativedelta

from peertrack.domain.errors import InvalidInput
from peertrack.domain.record_types import dataclass
from peertrack.domain.templates import CycleShape

MONTH_NAMES = ("January February March April May June July August September October November December").split()


@dataclass(frozen=True)
class FirstDates:
    """The current cycle a board's dates give, and how its first cycle differs."""

    starts: dt.date
    ends: dt.date
    waived: bool = False  # certified so close to the renewal that no CE is owed this time
    prorated: bool = False  # certified late in the year: fewer hours, and the board does not say how many
    note: str | None = None  # one sentence for the holder about what was worked out


def is_shaped(shape: CycleShape) -> bool:
    return shape != CycleShape()


def month_end(day: dt.date) -> dt.date:
    return day + relativedelta(day=31)


def fixed_ends_after(day: dt.date, shape: CycleShape, years: int, inclusive: bool = False) -> dt.date:
    """The first day every certificate ends on that comes after `day` (or on it, when `inclusive`)."""
    for year in range(day.year, day.year + years + 2):
        if shape.fixed_year is not None and (year - shape.fixed_year) % years:
            continue
        candidate = _fixed_day(year, shape)
        if candidate > day or (inclusive and candidate == day):
            return candidate
    raise AssertionError("a fixed date repeats within its period")  # pragma: no cover


def fixed_words(shape: CycleShape, years: int) -> str:
    """ "1 September of odd years", "30 September every 4 years (2015, 2019...)", "31 December each year"."""
    assert shape.fixed_month is not None, "only a shape with a fixed date has words for it"
    day = f"{shape.fixed_day} {MONTH_NAMES[shape.fixed_month - 1]}"
    if years == 1 or shape.fixed_year is None:
        return f"{day} each year" if years == 1 else f"{day} every {years} years"
    if years == 2:
        return f"{day} of {'odd' if shape.fixed_year % 2 else 'even'} years"
    return f"{day} every {years} years ({shape.fixed_year}, {shape.fixed_year + years}...)"


def shaped_dates(shape: CycleShape, months: int, calendar_year: bool, today: dt.date, issued: dt.date | None,
                 expires: dt.date | None) -> FirstDates | None:
    """The current cycle's dates under a board's own rules; None when the board has none (plain months).

    `expires` is what the holder typed, if anything; `issued` is the first certification day.
    """
    if shape.fixed_month is not None:
        return _fixed(shape, 12 if calendar_year else months, today, issued, expires)
    if calendar_year and (shape.first_starts_january_after_issue or shape.first_prorated_after):
        return _calendar(shape, today, issued, expires)
    if shape.from_month_start:
        return _from_month_start(months, today, issued, expires)
    if shape.to_month_end and (expires or issued):
        ends = month_end(expires) if expires else _roll(month_end(issued + relativedelta(months=months)),
                                                        months, today, month_ends=True)
        return FirstDates(_start(ends, months, issued), ends,
                          note=f"Renewal is due by the last day of the month: {ends.isoformat()}."
                          if expires and ends != expires else None)
    if shape.same_parity_as_issue and issued and expires and (expires.year - issued.year) % 2:
        raise InvalidInput("--expires", expires.isoformat(), f"this certification renews in years like your exam "
                           f"year {issued.year} ({'odd' if issued.year % 2 else 'even'} years): check the year",
                           problem="is in a year of the other parity")
    return None


def _fixed(shape: CycleShape, months: int, today: dt.date, issued: dt.date | None,
           expires: dt.date | None) -> FirstDates:
    years = max(1, months // 12)
    if expires is not None:
        ends = expires
        after = fixed_ends_after(expires, shape, years, inclusive=True)
        if after != expires:
            before = fixed_ends_after(expires - relativedelta(years=years), shape, years, inclusive=True)
            right = before if (expires - before) <= (after - expires) else after
            raise InvalidInput("--expires", expires.isoformat(),
                               f"every certificate ends on {fixed_words(shape, years)}: give --expires "
                               f"{right.isoformat()}, or leave it out",
                               problem="is not a day this certification ends on")
    else:
        ends = fixed_ends_after(issued, shape, years) if issued else fixed_ends_after(today, shape, years, True)
        while ends < today:
            ends = fixed_ends_after(ends, shape, years)
    starts = ends - relativedelta(years=years) + dt.timedelta(days=1)
    # The issue day belongs to the first cycle, even when it is the day the cycle before ended on.
    first = issued is not None and issued >= starts - dt.timedelta(days=1)
    waived = bool(first and shape.first_waived_within_months
                  and issued >= ends - relativedelta(months=shape.first_waived_within_months))
    return FirstDates(issued if first and issued is not None else starts, ends, waived=waived,
                      note=f"Every certificate ends on {fixed_words(shape, years)}." + (
                          " You were certified in the 12 months before this renewal: no CE is owed this time."
                          if waived else ""))


def _calendar(shape: CycleShape, today: dt.date, issued: dt.date | None, expires: dt.date | None) -> FirstDates:
    first_year = issued.year + 1 if issued and shape.first_starts_january_after_issue else (
        issued.year if issued else today.year)
    if expires is not None:
        if (expires.month, expires.day) != (12, 31):
            raise InvalidInput("--expires", expires.isoformat(), "this certification runs by calendar year: give "
                               f"--expires {expires.year}-12-31, or leave it out",
                               problem="is not 31 December")
        year = expires.year
        if year < first_year:
            raise InvalidInput("--expires", expires.isoformat(), f"CE starts on 1 January after the year of your exam,"
                               f" so your first cycle ends on {first_year}-12-31",
                               problem="is before your first cycle")
    else:
        year = max(first_year, today.year)
    starts = dt.date(year, 1, 1)
    prorated = False
    if shape.first_prorated_after and issued and issued.year == year:
        month, day = (int(part) for part in shape.first_prorated_after.split("-"))
        prorated = issued > dt.date(year, month, day)
    note = None
    if shape.first_starts_january_after_issue and issued and year == issued.year + 1:
        note = f"CE starts on 1 January after the year of your exam: your first cycle is {year}."
    return FirstDates(max(starts, issued) if issued and issued.year == year else starts, dt.date(year, 12, 31),
                      prorated=prorated, note=note)


def _from_month_start(months: int, today: dt.date, issued: dt.date | None, expires: dt.date | None) -> FirstDates:
    if expires is not None:
        ends = expires.replace(day=1) - dt.timedelta(days=1)
    elif issued is not None:
        ends = _roll(issued.replace(day=1) + relativedelta(months=months) - dt.timedelta(days=1), months, today,
                     month_ends=True)
    else:
        raise InvalidInput("--issued", "", "give the day you were certified (the cycle starts on the 1st of that "
                           "month), or --expires", problem="is missing")
    starts = (ends + dt.timedelta(days=1)) - relativedelta(months=months)
    return FirstDates(starts, ends, note=f"The cycle runs from the 1st of your certification month; the hours are "
                      f"due by {(ends + dt.timedelta(days=1)).isoformat()}, so they count through {ends.isoformat()}.")


def _roll(ends: dt.date, months: int, today: dt.date, month_ends: bool = False) -> dt.date:
    """The first end of a cycle, then each later one, until one that has not passed."""
    while ends < today:
        ends = ends + relativedelta(months=months)
        if month_ends:
            ends = month_end(ends)
    return ends


def _start(ends: dt.date, months: int, issued: dt.date | None) -> dt.date:
    """A cycle's first day; a first cycle issued in the month before starts on the issue day (NC: a
    certificate of 17 Mar 2025 renews by 31 Mar 2027, and a course of 20 Mar 2025 counts)."""
    from peertrack.domain.cycles import first_cycle_start

    return first_cycle_start(ends, months, issued)


def _fixed_day(year: int, shape: CycleShape) -> dt.date:
    assert shape.fixed_month is not None, "only a shape with a fixed date has one"
    return dt.date(year, shape.fixed_month, 1) + relativedelta(day=shape.fixed_day)
