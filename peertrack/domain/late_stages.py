"""After expiry: which late stage a certification is in (grace, late fee, inactive, lapsed), and until when."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from peertrack.domain.models import ENDED, LateStage, LateStanding, Progress, StageNow
from peertrack.domain.record_types import replace


def stage_end(expires: dt.date, stage: LateStage) -> dt.date | None:
    """The last day of a stage that begins after `expires`; None for the last, open-ended stage.

    A day of the year ("01-15") is the first such day after expiry; 29 February stands for
    28 February in other years. Months keep month ends: a stage of 6 months after 31 August
    ends on 28 (or 29) February.
    """
    if stage.until_days is not None:
        return expires + dt.timedelta(days=stage.until_days)
    if stage.until_months is not None:
        from dateutil.relativedelta import relativedelta  # only here: `due` starts without it

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


def stages_with_a_last_day(stages: Sequence[LateStage]) -> list[str]:
    """The names of the stages, in order, in which the certification can still be renewed and that end:
    each has a last day to renew (domain.deadlines gives the days themselves)."""
    names = []
    for stage in stages:
        if stage.stage in ENDED or (stage.until_date, stage.until_days, stage.until_months) == (None, None, None):
            break
        names.append(stage.stage)
    return names


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


def late_standing(expires: dt.date, stages: Sequence[LateStage], today: dt.date) -> LateStanding | None:
    """The late standing on `today`; None on or before expiry, or when the board sets no stages."""
    if not stages or today <= expires:
        return None
    found = stages_after(expires, stages)
    now = stage_on(expires, stages, today)
    if now is None:
        from peertrack.domain.formatting import day

        last = found[-1]  # it has an end: a stage with none would still hold today
        ended = last.ends or expires
        return LateStanding(None, (), "lapsed", f"the board's last late stage ended on {day(ended)}")
    later = tuple(stage for stage in found if stage.starts > now.starts)
    return LateStanding(now, later, "lapsed" if now.ended else "overdue", late_words(expires, stages, today) or "")


def with_late_standing(item: Progress, stages: Sequence[LateStage]) -> Progress:
    """`item` with its board's late standing, whose level wins over plain grace days: the stages are
    worked out from today's expiry, so they follow a renewal or an edited expiry."""
    standing = late_standing(item.cert.expires, stages, item.today)
    if standing is None:
        return item
    return replace(item, level=standing.level, late=standing)


def late_words(expires: dt.date, stages: Sequence[LateStage], today: dt.date) -> str | None:
    """Where a certification past its expiry stands among its board's late stages, in words; None before expiry
    or without stages. "in the grace period: no late fee until Fri 15 Jan 2027; then a $26 late fee to ..." """
    from peertrack.domain.formatting import day

    now = stage_on(expires, stages, today)
    if now is None:
        return None
    if now.ended:
        return f"{_name(now.stage)} since {day(now.starts)}{_fee_words(now.stage)}"
    until = f" until {day(now.ends)}" if now.ends is not None else ""
    words = [f"{_name(now.stage)}{until}{_fee_words(now.stage)}"]
    for later in stages_after(expires, stages):
        if later.starts > now.starts:
            until = f" until {day(later.ends)}" if later.ends else f" from {day(later.starts)}"
            words.append(f"then {_name(later.stage)}{until}{_fee_words(later.stage)}")
    return "; ".join(words)


def stage_deadline_title(stage: LateStage, cert_name: str) -> str:
    """The title of the day a late stage ends: "Last day without a late fee: Georgia CPS"."""
    if stage.stage == "grace" and stage.fee == 0:
        return f"Last day without a late fee: {cert_name}"
    if stage.fee:
        return f"Last day to renew with the ${stage.fee} late fee: {cert_name}"
    return f"Last day of the {_name(stage)}: {cert_name}"


def _name(stage: LateStage) -> str:
    return {"grace": "grace period", "late": "late renewal", "reinstatement": "reinstatement only"}.get(
        stage.stage, stage.stage)


def _fee_words(stage: LateStage) -> str:
    if stage.fee is None:
        return ""
    if stage.fee == 0:
        return " (no late fee)"
    if stage.stage in ENDED:
        return f" (${stage.fee} to {'reactivate' if stage.stage == 'inactive' else 'reinstate'})"
    return f" (${stage.fee} late fee)"
