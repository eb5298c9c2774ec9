"""What on the work log needs attention now: service or supervision short for a cycle, a quarter or a month."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from peertrack.domain import formatting as fmt
from peertrack.domain.attention import ORDER, Attention
from peertrack.domain.work_rules import KINDS, RuleStanding, amount_words, period_name, rule_words


def work_attention(items: list[Attention], standings: Iterable, today: dt.date) -> list[Attention]:
    """`items` with a line for each rule on the work log that is not on track, most pressing first."""
    added = [_for_rule(work.cert, rule, today) for work in standings for rule in work.rules if rule.level != "ok"]
    return sorted(items + added, key=lambda item: (ORDER.index(item.level), item.date or today))


def _for_rule(cert, item: RuleStanding, today: dt.date) -> Attention:
    rule = item.rule
    title = f"{cert.name} ({cert.id}): {rule_words(rule)}"
    if item.level == "overdue" and rule.period != "cycle":
        return Attention("work", "overdue", title, missed_words(item), cert.id, item.missed[-1].ends)
    ends = today + dt.timedelta(days=item.days_left)
    if item.days_left < 0:
        return Attention("work", item.level, title, f"{amount_words(rule, item.missing)} short when the cycle ended",
                         cert.id, ends)
    detail = f"{amount_words(rule, item.missing)} still needed by {fmt.day(ends)} ({fmt.days_from_now(item.days_left)})"
    return Attention("work", item.level, title, detail, cert.id, ends)


def missed_words(item: RuleStanding) -> str:
    """The period just missed, while the next one runs: "none logged for Jul–Sep 2026: tell ..."."""
    missed = item.missed[-1]
    done = "none logged" if not missed.done else f"only {amount_words(item.rule, missed.done)}"
    return f"{done} for {period_name(missed)}: tell your supervisor or certifying body"


def still_needed(item: RuleStanding, today: dt.date) -> str | None:
    """What one rule on the work log still needs, as a to-do: "44 hours of peer service by Wed 31 Mar 2027,
    about 9 hours a month"; None when nothing is missing (or the cycle has ended)."""
    if not item.missing or item.days_left < 0:
        return None
    rule = item.rule
    ends = fmt.day(today + dt.timedelta(days=item.days_left))
    what = (amount_words(rule, item.missing).replace("sessions", "supervision sessions").replace(
        "1 session", "1 supervision session") if rule.counts_sessions else
        f"{amount_words(rule, item.missing)} of {KINDS[rule.kind]}")
    if rule.period != "cycle":
        current = next(p for p in item.periods if p.starts <= today <= p.ends)
        return f"{what} by {ends}, for {period_name(current)}"
    from peertrack.domain.work import hours_words

    return f"{what} by {ends}" + (f", about {hours_words(item.per_month)} a month" if item.per_month else "")
