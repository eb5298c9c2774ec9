"""Which cycle of a certification a course counts toward, worked out from dates when read.

A certification's cycles partition time, with no gaps and no overlaps. The first starts on its
first day (the issue day when the certification is new); each later one starts on its own first
day, which is the renewal day when the holder renewed early (bodies count training "after your
last recertification date"), and the one before ends the day before; the last ends on the expiry
day. A course dated after the expiry counts toward no cycle until the renewal is recorded, and
then toward the new one.
"""

from __future__ import annotations

import datetime as dt

from peertrack.domain.models import Cycle
from peertrack.domain.record_types import replace


def credit_windows(cycles: list[Cycle]) -> list[Cycle]:
    """The cycles, oldest first, each with the days whose courses count toward it.

    Each window starts on its cycle's first day and ends the day before the next window starts
    (so a gap left by an edited date belongs to the cycle before it); the last ends on the last
    cycle's end.
    """
    ordered = sorted(cycles, key=lambda cycle: (cycle.starts, cycle.ends))
    starts = [ordered[0].starts] if ordered else []
    for cycle in ordered[1:]:
        starts.append(max(cycle.starts, starts[-1] + dt.timedelta(days=1)))
    ends = [following - dt.timedelta(days=1) for following in starts[1:]]
    ends += [max(ordered[-1].ends, starts[-1])] if ordered else []
    return [replace(cycle, starts=start, ends=end)
            for cycle, start, end in zip(ordered, starts, ends, strict=True)]


def cycle_of(windows: list[Cycle], day: dt.date) -> Cycle | None:
    """The window (from credit_windows) that holds `day`, or None when no cycle does (yet)."""
    for window in windows:
        if window.starts <= day <= window.ends:
            return window
    return None
