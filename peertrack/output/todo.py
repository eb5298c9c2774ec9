"""`status --missing`: per certification, what is still missing, by when, at what pace; plain lines.

No Rich: like `due`, it answers on the fast lane, and reads as a list to act on, top to bottom.
"""

from __future__ import annotations

import datetime as dt
import sys
from typing import TYPE_CHECKING

from peertrack.domain import formatting as fmt
from peertrack.domain import needs

if TYPE_CHECKING:
    from peertrack.domain.models import CapUse, Progress


def full_caps(item: Progress) -> list[CapUse]:
    """The caps already full, while hours are missing: more of those hours would not count."""
    if not item.missing_seconds:
        return []
    return [cap for cap in item.caps if cap.counted_seconds >= cap.cap_seconds]


def cap_words(cap: CapUse) -> str:
    name = f"from {cap.name}" if cap.dimension == "provider" else cap.name
    return (f"Your {name} hours are at their most ({fmt.hours(cap.cap_seconds)} count): "
            f"more {name} hours would not count.")


def todo(items: list[Progress], today: dt.date) -> None:
    """Most pressing first; a certification with nothing missing is one line at the end."""
    out = [f"What is still missing, on {fmt.day(today)}"]
    if not items:
        out += ["", "You have no certifications yet. Add one with: peertrack cert add --help"]
    done = []
    for item in needs.act_order(items):
        name = f"{item.cert.name} ({item.cert.id})"
        if not item.missing_seconds and item.days_left >= 0:
            done.append(name)
            continue
        out += ["", f"{fmt.LEVEL_WORDS[item.level]}  {name}", f"  {needs.todo_sentence(item)}"]
        out += [f"  {cap_words(cap)}" for cap in full_caps(item)]
    if done:
        out += ["", f"✓ Nothing missing: {', '.join(done)}."]
    sys.stdout.write("\n".join(out) + "\n")


def todo_json(items: list[Progress], today: dt.date) -> dict:
    from peertrack.domain.formatting import hours_number

    return {"today": today.isoformat(), "certifications": [
        {
            "id": item.cert.id, "name": item.cert.name, "level": item.level, "expires": item.cert.expires.isoformat(),
            "days_left": item.days_left, "hours_missing": hours_number(item.missing_seconds),
            "hours_per_month_needed": hours_number(item.seconds_per_month) if item.seconds_per_month else None,
            "needs": [{"hours": hours_number(n.seconds), "name": n.name, "dimension": n.dimension}
                      for n in needs.needs(item)],
            "full_caps": [{"name": c.name, "dimension": c.dimension, "cap": hours_number(c.cap_seconds)}
                          for c in full_caps(item)],
            "todo": needs.todo_sentence(item),
        }
        for item in needs.act_order(items)
    ]}
