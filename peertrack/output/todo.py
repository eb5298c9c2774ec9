"""`status --missing`: per certification, what is still missing, by when, at what pace; plain lines.

No Rich: like `due`, it answers on the fast lane, and reads as a list to act on, top to bottom.
"""

from __future__ import annotations

import datetime as dt
import sys

from peertrack.domain import formatting as fmt
from peertrack.domain import needs

TYPE_CHECKING = False  # as typing.TYPE_CHECKING, without importing typing at start-up
if TYPE_CHECKING:
    from peertrack.domain.models import CapUse, Progress


def full_caps(item: Progress) -> list[CapUse]:
    """The caps already full, while hours are missing: more of those hours would not count."""
    if not item.missing_seconds:
        return []
    return [cap for cap in item.caps if cap.counted_seconds >= cap.cap_seconds]


def full_cap_words(cap: CapUse) -> str:
    name = f"from {cap.name}" if cap.dimension == "provider" else cap.name
    if not cap.cap_seconds:
        hours = f"Hours {name}" if cap.dimension == "provider" else f"{name[:1].upper()}{name[1:]} hours"
        return f"{hours} do not count toward this certification."
    return (f"Your {name} hours are at their most ({fmt.hours(cap.cap_seconds)} count): "
            f"more {name} hours would not count.")


def work_needs(work: list | None, cert_id: str, today: dt.date) -> tuple[str | None, list[str]]:
    """A certification's rules on service and supervision: their level (None without any), and what they
    still need, as to-dos."""
    found = next((w for w in work or [] if w.cert.id == cert_id), None)
    if found is None:
        return None, []
    from peertrack.domain.work_attention import missed_words, still_needed
    from peertrack.domain.work_rules import rule_words

    said = []
    for rule in found.rules:
        if rule.level == "overdue" and rule.rule.period != "cycle":
            said.append(f"{rule_words(rule.rule)}: {missed_words(rule)}")
        if words := still_needed(rule, today):
            said.append(words)
    return found.level, said


def _level(item: Progress, work_level: str | None) -> str:
    """The more pressing of the CE hours' level and the work log's: a list to act on hides neither."""
    if work_level is None or item.level == "lapsed":
        return item.level
    from peertrack.domain.work_rules import worst

    return worst([item.level, work_level])


def todo(items: list[Progress], today: dt.date, work: list | None = None) -> None:
    """Most pressing first; a certification with nothing missing, service and supervision included, is one
    line at the end."""
    out = [f"What is still missing, on {fmt.day(today)}"]
    if not items:
        out += ["", "You have no certifications yet. Add one with: peertrack cert add --help"]
    done = []
    for item in needs.act_order(items):
        name = f"{item.cert.name} ({item.cert.id})"
        work_level, also = work_needs(work, item.cert.id, today)
        trainings = needs.trainings_words(item)
        if trainings:
            also = [f"{trainings} this cycle", *also]
        if not item.missing_seconds and item.days_left >= 0 and not also:
            done.append(name)
            continue
        first = (needs.todo_sentence(item) if item.missing_seconds or item.days_left < 0 else
                 "Every CE hour this cycle needs is in.")
        out += ["", f"{fmt.LEVEL_WORDS[_level(item, work_level)]}  {name}", f"  {first}"]
        out += [f"  {full_cap_words(cap)}" for cap in full_caps(item)]
        out += [f"  Also: {words}." for words in also]
    if done:
        out += ["", f"✓ Nothing missing: {', '.join(done)}."]
    sys.stdout.write("\n".join(out) + "\n")


def todo_json(items: list[Progress], today: dt.date, work: list | None = None) -> dict:
    from peertrack.domain.formatting import hours_number
    from peertrack.output.porcelain import need

    return {"today": today.isoformat(), "certifications": [
        {
            "id": item.cert.id, "name": item.cert.name, "level": item.level, "expires": item.cert.expires.isoformat(),
            "days_left": item.days_left, "hours_missing": hours_number(item.missing_seconds),
            "hours_per_month_needed": hours_number(item.seconds_per_month) if item.seconds_per_month else None,
            "needs": [need(n) for n in needs.needs(item)],
            "full_caps": [{"name": c.name, "dimension": c.dimension, "cap": hours_number(c.cap_seconds)}
                          for c in full_caps(item)],
            "todo": needs.todo_sentence(item),
            "trainings": [{"what": t.what, "required": t.required, "done": t.done} for t in item.trainings],
            "work_level": work_needs(work, item.cert.id, today)[0],
            "work_todo": work_needs(work, item.cert.id, today)[1],
        }
        for item in needs.act_order(items)
    ]}
