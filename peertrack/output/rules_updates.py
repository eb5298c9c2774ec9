"""The rules a certification's template offers it, in words: a line on the dashboard, the full change for
`cert update`. No Rich here."""

from __future__ import annotations

from peertrack.domain import formatting as fmt
from peertrack.domain.template_updates import DAY_FIELDS
from peertrack.output.words import rule_text

TYPE_CHECKING = False  # as typing.TYPE_CHECKING, without importing typing at start-up
if TYPE_CHECKING:
    from peertrack.domain.models import Certification, RulesUpdate


def update_heading(cert: Certification, update: RulesUpdate) -> str:
    """ "Its template (ny-cps) has changed: no core hours count." """
    return f"Its template ({update.template}) {what_it_did(update)}: {'; '.join(_template_side(cert, update))}."


def what_it_did(update: RulesUpdate) -> str:
    """The template changed since the certification took its rules, or (never kept: added before peertrack kept
    them) its rules just differ."""
    return "has changed" if update.since_added else "gives other rules than yours"


def update_hint(cert: Certification) -> str:
    return f"See the change, and take it or keep yours: peertrack cert update {cert.id}"


def update_details(cert: Certification, update: RulesUpdate) -> list[str]:
    """Each part that differs: what the template says now, and what the certification has."""
    lines = []
    if update.months:
        lines.append(f"The template now says: {_cycle(update.months)} (yours: {fmt.months_words(cert.cycle_months)}); "
                     "a first cycle is measured again from its expiry, a renewed one keeps its start.")
    if "hours" in update.parts and update.hours is not None:
        lines.append(f"The template now says: {fmt.hours_words(update.hours)} each cycle "
                     f"(yours: {fmt.hours(cert.required_seconds)}).")
    if "rules" in update.parts:
        if update.rules:
            lines.append(f"The template now says: {'; '.join(_with_yours(cert, rule) for rule in update.rules)}.")
        if update.dropped:
            gone = "; ".join(rule_text(rule) for rule in update.dropped)
            lines.append(f"It no longer says: {gone} (yours does)." if update.since_added else
                         f"It does not say: {gone} (yours does).")
    if "carry" in update.parts:
        lines.append(f"The template now says: {_carry(update.carry)} (yours: {_carry(cert.carry_over_seconds)}).")
    for part, days in update.days:
        yours = _days(part, getattr(cert, DAY_FIELDS[part]))
        lines.append(f"The template now says: {_days(part, days)} (yours: {yours}).")
    return lines


def _template_side(cert: Certification, update: RulesUpdate) -> list[str]:
    said = [_cycle(update.months)] if update.months else []
    if "hours" in update.parts and update.hours is not None:
        said.append(f"{fmt.hours_words(update.hours)} each cycle")
    if "rules" in update.parts:
        said.extend(rule_text(rule) for rule in update.rules)
        said.extend(f"no longer {rule_text(rule)}" if update.since_added else f"without your rule ({rule_text(rule)})"
                    for rule in update.dropped)
    if "carry" in update.parts:
        said.append(_carry(update.carry))
    said.extend(_days(part, days) for part, days in update.days)
    return said


def _with_yours(cert: Certification, rule) -> str:
    """A rule the template gives, with the certification's rule of the same kind and name when it has one."""
    yours = next((r for r in cert.rules_ahead if (r.kind, r.dimension, r.value) == (rule.kind, rule.dimension,
                                                                                     rule.value)), None)
    return rule_text(rule) + (f" (yours: {rule_text(yours)})" if yours is not None else "")


def _days(part: str, days: int | None) -> str:
    """ "renewal opens 60 days before expiry", "no day set for the application", "up to 90 days to renew late"."""
    if part == "opens":
        return f"renewal opens {fmt.counted(days, 'day')} before expiry" if days else "no day set for renewal to open"
    if part == "submit":
        return f"the application is due {fmt.counted(days, 'day')} before expiry" if days else \
            "no day set for the application"
    return f"up to {fmt.counted(days, 'day')} after expiry to renew late" if days else "no days to renew late"


def _cycle(months: int) -> str:
    return f"a renewal cycle of {fmt.months_words(months)}"


def _carry(seconds: int | None) -> str:
    return f"up to {fmt.hours_words(seconds)} carry over to the next cycle" if seconds else "no hours carry over"
