"""Unique hours: two credentials of one body that may not count the same course (Idaho: a CPSS who is
also a CFSP needs 10 different hours for each).

A course that would count toward both goes to one of them, whole, as the holder would report it.
Which one is the holder's best choice: every way of giving the shared courses out is tried, and the
one that leaves the fewest hours missing in the two together wins (then the most minimums met,
then the most hours counted). Past SEARCH_LIMIT shared courses, each goes in date order to the
credential that still misses more, and the answer says it may not be the best.
"""

from __future__ import annotations

from collections.abc import Callable
from itertools import product

from peertrack.domain.models import Course, Progress

SEARCH_LIMIT = 8  # shared courses tried every way: 2**8 choices, each a progress of both


def split_shared(here: list[Course], there: list[Course], reckon: Callable[[list[Course], list[Course]],
                 tuple[Progress, Progress]]) -> tuple[Progress, Progress, tuple[int, ...], bool]:
    """The two credentials' progress with each shared course given to one only.

    `here` and `there` are the courses counting toward each (by date or by choice); `reckon` works
    out both progresses from the courses given to each. Returns them, the numbers of the shared
    courses given to the first, and whether the choice is proven best.
    """
    shared_ids = {c.id for c in here} & {c.id for c in there}
    shared = [c for c in here if c.id in shared_ids]
    own_here = [c for c in here if c.id not in shared_ids]
    own_there = [c for c in there if c.id not in shared_ids]
    if not shared:
        first, second = reckon(here, there)
        return first, second, (), True

    def outcome(to_here: tuple[bool, ...]) -> tuple[tuple, Progress, Progress]:
        mine = own_here + [c for c, go in zip(shared, to_here, strict=True) if go]
        theirs = own_there + [c for c, go in zip(shared, to_here, strict=True) if not go]
        first, second = reckon(mine, theirs)
        met = sum(c.met for c in first.categories) + sum(c.met for c in second.categories)
        return ((first.missing_seconds + second.missing_seconds, -met,
                 -(first.earned_seconds + second.earned_seconds)), first, second)

    if len(shared) <= SEARCH_LIMIT:
        best = min(((outcome(choice), choice) for choice in product((True, False), repeat=len(shared))),
                   key=lambda found: found[0][0])
        (_, first, second), chosen = best
        return first, second, tuple(c.id or 0 for c, go in zip(shared, chosen, strict=True) if go), True
    choice: list[bool] = []
    for _ in shared:  # in date order, as the courses come
        _, first, second = outcome(tuple(choice) + (False,) * (len(shared) - len(choice)))
        choice.append(first.missing_seconds >= second.missing_seconds)
    _, first, second = outcome(tuple(choice))
    return first, second, tuple(c.id or 0 for c, go in zip(shared, choice, strict=True) if go), False
