"""Trainings a board counts only once ever (IL): a course repeated later, in this cycle or a later one, adds nothing."""

from __future__ import annotations

import re
from collections.abc import Iterable

from peertrack.domain.models import Course


def training_key(title: str) -> str:
    """A course's title as the same training: case, spacing and punctuation aside."""
    return " ".join(re.sub(r"[^\w\s]", " ", title.casefold()).split())


def first_times(courses: Iterable[Course], earlier: Iterable[Course]) -> list[Course]:
    """The cycle's courses that are a training's first time: none taken before the cycle, nor earlier in it
    (the same day: the one logged first)."""
    seen = {training_key(course.title) for course in earlier}
    kept = []
    for course in sorted(courses, key=lambda c: (c.date, c.id or 0)):
        key = training_key(course.title)
        if key not in seen:
            seen.add(key)
            kept.append(course)
    return kept
