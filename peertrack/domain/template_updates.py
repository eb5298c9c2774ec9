"""A board's rules that changed in peertrack's template since a certification was added from it: the hours
each cycle, the minimums and caps, the carry-over cap. Worked out, and taken.

A certification keeps its template's rules as text (`rules_text`) from the day it was added, or from
the day its holder last took or kept them. A part whose text the template no longer gives changed in the
template; it is offered only when the certification does not already have the template's new rule, so
a rule the holder changed on purpose is never offered back unless the template changes it again. A
certification with no such text (added before peertrack kept it) is offered every part that differs.
"""

from __future__ import annotations

from peertrack.domain.models import Certification, Requirement, RulesUpdate
from peertrack.domain.record_types import replace

TYPE_CHECKING = False  # as typing.TYPE_CHECKING, without importing typing at start-up
if TYPE_CHECKING:
    from peertrack.domain.templates import Template

PARTS = ("hours", "rules", "carry")  # the parts of a template's rules, in the order they are offered


def rules_text(template: Template, months: int) -> str:
    """The template's rules for a cycle of `months`, one line each, in an order that does not depend on how the
    template lists them: "months 24", "hours 72000", "carry -", "rule max category 'core' 0"."""
    return "\n".join(_lines(months, template.hours_for(months), template.rules, template.carry_over_hours))


def own_rules_text(months: int, hours: int | None, rules, carry: int | None) -> str:
    """A certification's own rules (its cycle's length, its hours each cycle, the rules its next cycle starts
    with, its carry-over cap) as the same text, to compare with a template's."""
    return "\n".join(_lines(months, hours, rules, carry))


def pending(cert: Certification, template: Template, kept: str | None) -> RulesUpdate | None:
    """The template's rules that `cert` should be offered, or None: those that changed since `kept` (the
    template's rules as last taken or kept) and that `cert` does not have already; with no `kept`, every
    part that differs. A template that gives no hours offers none."""
    hours = template.hours_for(cert.cycle_months)
    now = _parts(cert.cycle_months, hours, template.rules, template.carry_over_hours)
    mine = _parts(cert.cycle_months, cert.required_seconds, cert.rules_ahead, cert.carry_over_seconds)
    before = _parts_of(kept) if kept is not None else mine
    since_added = kept is not None
    if before["months"] != now["months"]:  # a cycle of another length since: its hours are not the kept ones
        before, since_added = {**before, "hours": mine["hours"]}, since_added and now["hours"] == mine["hours"]
    parts = tuple(part for part in PARTS if now[part] != before[part] and now[part] != mine[part]
                  and not (part == "hours" and hours is None))
    if not parts:
        return None
    words: tuple[tuple[str, str], ...] = ()
    if "rules" in parts and template.labels:
        from peertrack.domain.category_words import aliases_from_labels

        words = aliases_from_labels(template.rules, template.labels)
    return RulesUpdate(template=template.id, parts=parts, since_added=since_added, hours=hours,
                       rules=tuple(template.rules), carry=template.carry_over_hours,
                       text=rules_text(template, cert.cycle_months), words=words)


def with_update(cert: Certification, update: RulesUpdate) -> Certification:
    """`cert` with the template's rules of `update` for the cycles after this one, and for this cycle too where
    it follows the certification's usual rules (a first cycle with rules of its own keeps them)."""
    changes: dict = {}
    cycle = cert.cycle
    if "hours" in update.parts and update.hours is not None:
        changes["required_seconds"] = update.hours
        if cycle.required_seconds == cert.required_seconds:
            cycle = replace(cycle, required_seconds=update.hours)
    if "rules" in update.parts:
        if cert.next_requirements is None:
            changes["requirements"] = update.rules
        else:
            changes["next_requirements"] = update.rules if update.rules != cert.requirements else None
        own = dict(cert.category_aliases)  # the holder's words stay theirs
        changes["category_aliases"] = tuple(sorted({**dict(update.words), **own}.items()))
    if "carry" in update.parts:
        changes["carry_over_seconds"] = update.carry
        cycle = replace(cycle, carry_cap_seconds=update.carry or None)  # the open cycle has not passed any on
    return replace(cert, cycle=cycle, **changes)


def changed_rules(cert: Certification, update: RulesUpdate) -> tuple[tuple[Requirement, ...], tuple[Requirement, ...]]:
    """The template's minimums and caps `cert` lacks, and those `cert` has that the template no longer gives."""
    mine, theirs = set(cert.rules_ahead), set(update.rules)
    return (tuple(rule for rule in update.rules if rule not in mine),
            tuple(rule for rule in cert.rules_ahead if rule not in theirs))


def _lines(months: int, hours: int | None, rules, carry: int | None) -> list[str]:
    listed = sorted(f"rule {rule.kind} {rule.dimension} {rule.value!r} {rule.seconds}" for rule in rules)
    return [f"months {months}", f"hours {'-' if hours is None else hours}", f"carry {carry or '-'}", *listed]


def _parts(months: int, hours: int | None, rules, carry: int | None) -> dict[str, str]:
    return _parts_of("\n".join(_lines(months, hours, rules, carry)))


def _parts_of(text: str) -> dict[str, str]:
    lines = text.split("\n")
    found = {name: next((line for line in lines if line.startswith(name + " ")), "")
             for name in ("months", "hours", "carry")}
    found["rules"] = "\n".join(line for line in lines if line.startswith("rule "))
    return found
