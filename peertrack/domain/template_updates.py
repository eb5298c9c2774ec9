"""A board's rules that changed in peertrack's template since a certification took them: the cycle's length,
the hours each cycle, each minimum and cap, the carry-over cap, the renewal window's days. Worked out one rule
at a time, and taken.

A certification keeps its template's rules as text (`rules_text`) from the day it was added, or from
the day its holder last took or kept them, or matched them with an edit. A rule whose value the template
no longer gives changed in the template; it is offered only when the certification does not already have
the template's new value, so a rule the holder set on purpose is never offered back unless the template
changes that same rule again. A certification with no such text (added before peertrack kept it) is
offered every rule that differs.
"""

from __future__ import annotations

from peertrack.domain.models import Certification, Requirement, RulesUpdate
from peertrack.domain.record_types import replace

TYPE_CHECKING = False  # as typing.TYPE_CHECKING, without importing typing at start-up
if TYPE_CHECKING:
    from peertrack.domain.templates import Template

# The parts of a template's rules, in the order they are offered: the cycle's length (where the template states
# one length), the hours each cycle, the minimums and caps, the carry-over cap, and the days of the renewal
# window (opens, application due, late renewal).
PARTS = ("cycle", "hours", "rules", "carry", "opens", "submit", "grace")
DAY_FIELDS = {"opens": "opens_days", "submit": "submit_days", "grace": "grace_days"}  # the part: the field


def rules_text(template: Template, months: int) -> str:
    """The template's rules for a cycle of `months`, one line each, in an order that does not depend on how the
    template lists them: "months 24", "hours 72000", "carry -", "opens 60", "rule max category 'core' 0"."""
    return _text(_template_values(template, months))


def own_rules_text(template: Template, months: int, hours: int | None, rules, carry: int | None,
                   days: dict[str, int | None]) -> str:
    """A certification's own rules (its cycle's length, its hours each cycle, the rules its next cycle starts
    with, its carry-over cap, its renewal window's days by their names in PARTS) as the same text, to compare
    with its template's."""
    return _text(_values(months, hours, rules, carry, {**_cycle_of(template, months), **_days_of(template, days)}))


def pending(cert: Certification, template: Template, kept: str | None) -> RulesUpdate | None:
    """The template's rules that `cert` should be offered, or None: each that changed since `kept` (the
    template's rules as last taken, kept or matched) and that `cert` does not have already; with no `kept`,
    each that differs. A template that gives no hours offers none."""
    hours = template.hours_for(cert.cycle_months)
    now = _template_values(template, cert.cycle_months)
    mine = _mine(cert, template)
    before = _parsed(kept) if kept is not None else mine
    changed = kept is not None
    if before.get("months") != now["months"]:  # a cycle of another length since: its hours are not the kept ones
        before = {**before, "hours": mine["hours"]}
        changed = changed and now["hours"] == mine["hours"]
    offered = [key for key in _keys(now, before) if now.get(key) != before.get(key) and now.get(key) != mine.get(key)
               and not (key == "hours" and hours is None) and key != "months"]
    if not offered:
        return None
    by_key = {_rule_key(rule): rule for rule in template.rules}
    set_rules = tuple(by_key[key] for key in offered if key in by_key)
    mine_rules = {_rule_key(rule): rule for rule in cert.rules_ahead}
    dropped = tuple(mine_rules[key] for key in offered if key.startswith("rule ") and key not in by_key
                    and key in mine_rules)
    parts = tuple(part for part in PARTS if (part == "rules" and (set_rules or dropped)) or part in offered)
    if not parts:
        return None
    words: tuple[tuple[str, str], ...] = ()
    added = [rule for rule in set_rules if _rule_key(rule) not in mine_rules]
    if added and template.labels:
        from peertrack.domain.category_words import aliases_from_labels

        words = aliases_from_labels(added, template.labels)
    days = tuple((part, getattr(template, DAY_FIELDS[part])) for part in parts if part in DAY_FIELDS)
    months = template.months if "cycle" in parts and template.months else None
    return RulesUpdate(template=template.id, parts=parts, since_added=changed, hours=hours, rules=set_rules,
                       carry=template.carry_over_hours, text=rules_text(template, months or cert.cycle_months),
                       words=words, dropped=dropped, days=days, months=months)


def has_rules_of_its_own(cert: Certification) -> bool:
    """Whether the current cycle was given hours, rules or a carry-over cap of its own (a first cycle the board
    waives): what is taken from a template then reaches only the cycles after it."""
    cycle = cert.cycle
    return cycle.required_seconds != cert.required_seconds or cert.next_requirements is not None \
        or (cycle.carry_cap_seconds or None) != (cert.carry_over_seconds or None)


def with_update(cert: Certification, update: RulesUpdate) -> Certification:
    """`cert` with the template's rules of `update` for the cycles after this one, and for this one too unless it
    has rules of its own. Every other rule, and the holder's own words for categories, stay as they are."""
    own = has_rules_of_its_own(cert)
    changes: dict = {}
    if update.months:
        from peertrack.domain.certifications import edited_start

        longer = replace(cert, cycle_months=update.months)
        changes["cycle_months"] = update.months
        changes["cycle"] = replace(cert.cycle, starts=edited_start(cert, longer, cert.cycle.ends))
    if "hours" in update.parts and update.hours is not None:
        changes["required_seconds"] = update.hours
    if "carry" in update.parts:
        changes["carry_over_seconds"] = update.carry or None
    for part, days in update.days:
        changes[DAY_FIELDS[part]] = days
    if "rules" in update.parts:
        replaced = {_rule_key(rule) for rule in (*update.rules, *update.dropped)}
        ahead = tuple(rule for rule in cert.rules_ahead if _rule_key(rule) not in replaced) + update.rules
        if own:
            changes["next_requirements"] = ahead if ahead != cert.requirements else None
        else:
            changes["requirements"] = ahead
        own_words = dict(cert.category_aliases)
        changes["category_aliases"] = tuple(sorted({**dict(update.words), **own_words}.items()))
    taken = replace(cert, **changes)
    if own:
        return taken
    return replace(taken, cycle=replace(taken.cycle, required_seconds=taken.required_seconds,
                                        carry_cap_seconds=taken.carry_over_seconds or None))


def matched(kept: str | None, cert: Certification, template: Template) -> str | None:
    """`kept` with each rule the certification now has the template's value of recorded as seen: a rule the
    holder matched is then not offered back when they change it again. None stays None."""
    if kept is None:
        return None
    now = _template_values(template, cert.cycle_months)
    if _parsed(kept).get("months") != now["months"]:
        return kept
    mine, found = _mine(cert, template), _parsed(kept)
    for key in _keys(now, found):
        if key != "months" and now.get(key) == mine.get(key):
            if key in now:
                found[key] = now[key]
            else:
                found.pop(key, None)
    return _text(found)


def _mine(cert: Certification, template: Template) -> dict[str, str]:
    days = {part: getattr(cert, field) for part, field in DAY_FIELDS.items()}
    return _values(cert.cycle_months, cert.required_seconds, cert.rules_ahead, cert.carry_over_seconds,
                   {**_cycle_of(template, cert.cycle_months), **_days_of(template, days)})


def _template_values(template: Template, months: int) -> dict[str, str]:
    days = {part: getattr(template, field) for part, field in DAY_FIELDS.items()}
    return _values(months, template.hours_for(months), template.rules, template.carry_over_hours,
                   {**_cycle_of(template, template.months or months), **_days_of(template, days)})


def _cycle_of(template: Template, months: int) -> dict[str, int | None]:
    """The cycle's length as a rule to compare, where the template states one length (not a holder's choice
    among several, nor one it does not know)."""
    return {"cycle": months} if template.months and not template.month_choices else {}


def _days_of(template: Template, days: dict[str, int | None]) -> dict[str, int | None]:
    """The renewal window's days the template decides: all but the late renewal days of a template whose late
    stages set them from each expiry (late_stages.py), which is read from it every time."""
    if template.grace_days is None and template.late:
        return {part: value for part, value in days.items() if part != "grace"}
    return days


def _rule_key(rule: Requirement) -> str:
    return f"rule {rule.kind} {rule.dimension} {rule.value!r}"


def _values(months: int, hours: int | None, rules, carry: int | None, days: dict[str, int | None]) -> dict[str, str]:
    """Each rule's value by its key: "months", "hours", "carry", the days' names, and "rule KIND DIMENSION 'VALUE'"."""
    found = {"months": str(months), "hours": "-" if hours is None else str(hours), "carry": str(carry or "-")}
    found.update({part: str(value or "-") for part, value in days.items()})
    found.update({_rule_key(rule): str(rule.seconds) for rule in rules})
    return found


def _keys(*found: dict[str, str]) -> list[str]:
    """The keys in order: months, cycle, hours, carry, the days, then the rules in the order of their keys."""
    everything = set().union(*found)
    return [key for key in ("months", "cycle", "hours", "carry", *DAY_FIELDS) if key in everything] + \
        sorted(key for key in everything if key.startswith("rule "))


def _text(found: dict[str, str]) -> str:
    return "\n".join(f"{key} {found[key]}" for key in _keys(found))


def _parsed(text: str) -> dict[str, str]:
    found = {}
    for line in text.split("\n"):
        key, _, value = line.rpartition(" ")
        if key:
            found[key] = value
    return found
