"""The dashboard's lines on service and supervision: each certification's rules, levels, what is missing, the pace."""

from __future__ import annotations

from peertrack.domain import formatting as fmt
from peertrack.output.lines import Line
from peertrack.output.words import LEVEL_COLOURS


def work_lines(items, today) -> list[Line]:
    """Each certification's rules on service and supervision, beside its CE (WorkProgress records)."""
    lines = []
    for item in items:
        lines += [Line(), Line(f"Service and supervision for {item.cert.id}  ", "bold")
                  .add(fmt.LEVEL_WORDS[item.level], LEVEL_COLOURS[item.level])]
        lines.extend(_rule_line(rule, today) for rule in item.rules)
    return lines


def _rule_line(item, today) -> Line:
    from peertrack.domain.work_rules import amount_words, period_name, rule_words

    rule = item.rule
    mark, style = ("✓", "green") if not item.missing and not item.missed else ("✗", LEVEL_COLOURS[item.level])
    line = Line(f"    {mark} ", style)
    if rule.period == "cycle":
        line.add(f"{rule_words(rule)}: {amount_words(rule, item.done)} so far")
        if item.missing and item.days_left >= 0:
            line.add(f", {amount_words(rule, item.missing)} to go")
            if item.per_month:
                line.add(f" (about {fmt.hours_words(item.per_month)} a month)")
            else:
                line.add(f" in the next {item.days_left} days")
        return line
    line.add(rule_words(rule))
    current = next((p for p in item.periods if p.state in ("open", "met") and p.starts <= today <= p.ends), None)
    if current is not None:
        line.add(f"; {period_name(current)}: {amount_words(rule, current.done)}")
        if item.missing:
            line.add(f", {amount_words(rule, item.missing)} still needed by {fmt.day(current.ends)}")
    if item.missed:
        line.add("; missed: " + ", ".join(period_name(p) for p in item.missed), "red")
    return line
