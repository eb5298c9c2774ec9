"""Renewal-cycle date arithmetic: where a cycle starts, given when it ends and how long it is."""

from __future__ import annotations

import datetime as dt

from dateutil.relativedelta import relativedelta

from peertrack.domain.errors import InvalidInput
from peertrack.domain.models import Cycle


def cycle_start(expires: dt.date, months: int, issued: dt.date | None = None,
                anchor_day: int | None = None) -> dt.date:
    """The first day of the cycle that ends on `expires`: the day after the cycle before it would end.

    A two-year cycle ending 30 Jun 2027 starts 1 Jul 2025; six months ending 30 Jun 2027 start
    1 Jan 2027 (month ends stay month ends). Hours from before the first certification never
    count, so a cycle never starts before `issued`.
    """
    anchor = anchor_day or anchor_day_of(expires)
    start = expires + relativedelta(months=-months, day=anchor) + dt.timedelta(days=1)
    if issued is not None and issued > start:
        start = issued
    return start


def first_cycle_start(expires: dt.date, months: int, issued: dt.date | None = None) -> dt.date:
    """Where the cycle ending on `expires` starts when a certification is added: as cycle_start, except
    that one issued in the month before is a first cycle, a little longer, whose first day is the issue
    day (a course that day counts): issued 30 Jun 2025 and ending 30 Jun 2027, it starts 30 Jun 2025."""
    start = cycle_start(expires, months, issued)
    if issued is not None and start + relativedelta(months=-1) <= issued < start:
        return issued
    return start


def anchor_day_of(expires: dt.date) -> int:
    """The day of the month cycles end on; 31 stands for "the last day of the month"."""
    return 31 if (expires + dt.timedelta(days=1)).day == 1 else expires.day


def next_end(ends: dt.date, months: int, anchor_day: int | None = None) -> dt.date:
    """The end of the cycle after one ending on `ends`, without drifting at month ends.

    A cycle ending 29 Feb 2028 is followed by one ending 28 Feb 2030, and then 29 Feb 2032;
    one ending 31 Aug, six months on, ends 28 (or 29) Feb and then 31 Aug again.
    """
    return ends + relativedelta(months=months, day=anchor_day or anchor_day_of(ends))


def next_cycle(current: Cycle, months: int, anchor_day: int | None, required_seconds: int) -> Cycle:
    return Cycle(
        starts=current.ends + dt.timedelta(days=1),
        ends=next_end(current.ends, months, anchor_day),
        required_seconds=required_seconds,
    )


def carry_over(own_earned_seconds: int, required_seconds: int, cap_seconds: int | None) -> int:
    """Extra hours a closed cycle passes on: none without a carry-over rule, never more than its cap."""
    if not cap_seconds:
        return 0
    return min(max(0, own_earned_seconds - required_seconds), cap_seconds)


def check_dates(issued: dt.date | None, expires: dt.date) -> None:
    if issued is not None and expires <= issued:
        raise InvalidInput(
            "expires", expires.isoformat(), f"it must come after the issue date {issued.isoformat()}",
            problem="is not after the issue date",
        )


def first_expiry(issued: dt.date, months: int) -> dt.date:
    """The last day of a first cycle of `months` from `issued`: the day before its anniversary.

    Issued 1 Mar 2027 for two years: 28 Feb 2029. Issued 29 Feb 2028 for two years: 27 Feb 2030,
    the day before 28 Feb 2030 (dateutil keeps to the month's last day).
    """
    return issued + relativedelta(months=months) - dt.timedelta(days=1)
