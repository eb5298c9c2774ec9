"""Topics a board asks for once over several cycles: what the current cycle still owes of each.

Washington asks for 3 hours of suicide prevention once every 6 years and 2 of health equity once
every 4; New York's CRPA for 4 hours of medication supported recovery once. The hours of a topic
taken in its window before this cycle began count; what is left is owed in this cycle, as a
minimum like any other, so the holder's best choice (allocation.py) counts it with every other
rule and the dashboard, `--missing` and JSON show it. A window shorter than the cycle cannot be
said as a minimum of the cycle; such a topic stays one the holder keeps track of by hand.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from peertrack.domain.models import Certification, Course, Requirement

Topic = tuple[str, int, "int | None"]  # (the topic's category word, hours as seconds, every N years; None: once)


def window_start(expires: dt.date, years: int | None, first_day: dt.date) -> dt.date:
    """The first day whose courses count toward a topic due by `expires`: `years` before it, or (once
    ever) the first day anything counted toward the certification."""
    if years is None:
        return first_day
    from peertrack.domain.cycles import cycle_start

    return max(cycle_start(expires, 12 * years), first_day)


def counted_here(topic: Topic, cert: Certification) -> bool:
    """Whether the topic's window covers the whole current cycle, so it can be owed as a minimum of it."""
    years = topic[2]
    return years is None or 12 * years >= cert.cycle_months


def owed_minimums(cert: Certification, topics: Iterable[Topic], earlier: Iterable[Course],
                  first_day: dt.date) -> tuple[Requirement, ...]:
    """The topics' hours still owed in `cert`'s current cycle, as minimums (none for a topic already met).

    `earlier` are the courses counting toward `cert` before its current cycle began; only those in
    each topic's window count, under the topic's word or a word the certification counts as it.
    """
    from peertrack.domain.category_words import counted_category, folded
    from peertrack.domain.requirements import pieces_of

    aliases = dict(cert.category_aliases)
    earlier = list(earlier)
    owed = []
    for topic in topics:
        word, seconds, years = topic
        if not counted_here(topic, cert):
            continue
        starts = window_start(cert.expires, years, first_day)
        done = sum(piece.seconds for course in earlier if starts <= course.date < cert.cycle.starts
                   for piece in pieces_of(course, cert.id)
                   if piece.category is not None and folded(counted_category(piece.category, aliases) or "")
                   == folded(word))
        if done < seconds:
            owed.append(Requirement(word, seconds - done))
    return tuple(owed)
