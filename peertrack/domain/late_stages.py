"""After expiry: which late stage a certification is in (grace, late fee, inactive, lapsed), and until when."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from dateutil.relativedelta import relativedelta

from peertrack.domain.templates import LateStage

ENDED = ("inactive", "lapsed", "reinstatement")  # stages in which the certification no longer stands


@dataclass(frozen=True)
class StageNow:
    """The late stage a day falls in: from `starts` to `ends` (both included; None: no end)."""

    stage: LateStage
    starts: dt.date
    ends: dt.date | None

    @property
    def ended(self) -> bool:
        return self.stage.stage in ENDED


def stage_end(expires: dt.date, stage: LateStage) -> dt.date | None:
    """The last day of a stage that begins after `expires`; None for the last, open-ended stage.

    A day of the year ("01-15") is the first such day after expiry; 29 February stands for
    28 February in other years. Months keep month ends: a stage of 6 months after 31 August
    ends on 28 (or 29) February.
    """
    if stage.until_days is not None:
        return expires + dt.timedelta(days=stage.until_days)
    if stage.until_months is not None:
        return expires + relativedelta(months=stage.until_months)
    if stage.until_date is not None:
        month, day = (int(part) for part in stage.until_date.split("-"))
        for year in (expires.year, expires.year + 1):
            candidate = dt.date(year, month, min(day, _month_days(year, month)))
            if candidate > expires:
                return candidate
    return None


def stages_after(expires: dt.date, stages: Sequence[LateStage]) -> list[StageNow]:
    """Every late stage with its dates, in order; each starts the day after the one before ends."""
    found, starts = [], expires + dt.timedelta(days=1)
    for stage in stages:
        ends = stage_end(expires, stage)
        if ends is not None and ends < starts:
            continue  # a stage that no longer has any day left (its date came before the one before it ended)
        found.append(StageNow(stage, starts, ends))
        if ends is None:
            break
        starts = ends + dt.timedelta(days=1)
    return found


def stage_on(expires: dt.date, stages: Sequence[LateStage], day: dt.date) -> StageNow | None:
    """The stage `day` falls in; None on or before expiry, or past the last stage that has an end."""
    if day <= expires:
        return None
    for found in stages_after(expires, stages):
        if found.ends is None or day <= found.ends:
            return found
    return None


def last_day_to_renew(expires: dt.date, stages: Sequence[LateStage]) -> dt.date | None:
    """The last day before the certification is inactive or lapsed; None when no stage says."""
    last = None
    for found in stages_after(expires, stages):
        if found.ended:
            return last
        last = found.ends
    return last


def grace_days(expires: dt.date, stages: Sequence[LateStage]) -> int | None:
    """Days after expiry during which a late renewal still keeps the certification (the older, plainer form)."""
    last = last_day_to_renew(expires, stages)
    return None if last is None else (last - expires).days


def _month_days(year: int, month: int) -> int:
    following = dt.date(year + month // 12, month % 12 + 1, 1)
    return (following - dt.timedelta(days=1)).day
