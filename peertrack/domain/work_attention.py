"""What on the work log needs attention now: service or supervision short for a cycle, a quarter or a month."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from peertrack.domain import formatting as fmt
from peertrack.domain.attention import ORDER, Attention
from peertrack.domain.work_rules import RuleStanding, amount_words, period_name, rule_words


def work_attention(items: list[Attention], standings: Iterable, today: dt.date) -> list[Attention]:
    """`items` with a line for each rule on the work log that is not on track, most pressing first."""
    added = [_for_rule(work.cert, rule, today) for work in standings for rule in work.rules if rule.level != "ok"]
    return sorted(items + added, key=lambda item: (ORDER.index(item.level), item.date or today))


def _for_rule(cert, item: RuleStanding, today: dt.date) -> Attention:
    rule = item.rule
    title = f"{cert.name} ({cert.id}): {rule_words(rule)}"
    if item.level == "overdue" and rule.period != "cycle":
        missed = item.missed[-1]
        detail = (f"none logged for {period_name(missed)}: tell your supervisor or certifying body"
                  if not missed.done else f"only {amount_words(rule, missed.done)} for {period_name(missed)}: tell "
                  "your supervisor or certifying body")
        return Attention("work", "overdue", title, detail, cert.id, missed.ends)
    ends = today + dt.timedelta(days=item.days_left)
    if item.days_left < 0:
        return Attention("work", item.level, title, f"{amount_words(rule, item.missing)} short when the cycle ended",
                         cert.id, ends)
    detail = f"{amount_words(rule, item.missing)} still needed by {fmt.day(ends)} ({fmt.days_from_now(item.days_left)})"
    return Attention("work", item.level, title, detail, cert.id, ends)
