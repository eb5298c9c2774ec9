"""The rules a certification's template offers it, in words: a line on the dashboard, the full change for
`cert update`. No Rich here."""

from __future__ import annotations

from peertrack.domain import formatting as fmt
from peertrack.domain.template_updates import changed_rules
from peertrack.output.words import rule_text

TYPE_CHECKING = False  # as typing.TYPE_CHECKING, without importing typing at start-up
if TYPE_CHECKING:
    from peertrack.domain.models import Certification, RulesUpdate


def update_heading(cert: Certification, update: RulesUpdate) -> str:
    """ "Its template (ny-cps) has changed since you added it: no core hours count." """
    said = "has changed since you added it" if update.since_added else "gives other rules than yours"
    return f"Its template ({update.template}) {said}: {'; '.join(_template_side(cert, update))}."


def update_hint(cert: Certification) -> str:
    return f"See the change, and take it or keep yours: peertrack cert update {cert.id}"


def update_details(cert: Certification, update: RulesUpdate) -> list[str]:
    """Each part that differs: what the template says now, and what the certification has."""
    lines = []
    if "hours" in update.parts and update.hours is not None:
        lines.append(f"The template now says: {fmt.hours_words(update.hours)} each cycle "
                     f"(yours: {fmt.hours(cert.required_seconds)}).")
    if "rules" in update.parts:
        added, dropped = changed_rules(cert, update)
        if added:
            lines.append(f"The template now says: {'; '.join(rule_text(rule) for rule in added)}.")
        if dropped:
            lines.append(f"It no longer says: {'; '.join(rule_text(rule) for rule in dropped)}.")
    if "carry" in update.parts:
        lines.append(f"The template now says: {_carry(update.carry)} (yours: {_carry(cert.carry_over_seconds)}).")
    return lines


def _template_side(cert: Certification, update: RulesUpdate) -> list[str]:
    said = []
    if "hours" in update.parts and update.hours is not None:
        said.append(f"{fmt.hours_words(update.hours)} each cycle")
    if "rules" in update.parts:
        added, dropped = changed_rules(cert, update)
        said.extend(rule_text(rule) for rule in added)
        said.extend(f"no longer {rule_text(rule)}" for rule in dropped)
    if "carry" in update.parts:
        said.append(_carry(update.carry))
    return said


def _carry(seconds: int | None) -> str:
    return f"up to {fmt.hours_words(seconds)} carry over to the next cycle" if seconds else "no hours carry over"
