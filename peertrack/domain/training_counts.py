"""Counts of trainings, not hours: "one peer ethics training a year" (GA), "two CE classes a year" (ME)."""

from __future__ import annotations

from collections.abc import Iterable

from peertrack.domain.models import Course, Cycle
from peertrack.domain.record_types import dataclass
from peertrack.domain.templates import TrainingCount


@dataclass(frozen=True)
class CountProgress:
    what: str
    required: int
    done: int

    @property
    def missing(self) -> int:
        return max(0, self.required - self.done)


def is_training(course: Course, count: TrainingCount) -> bool:
    """Whether a course is one of these trainings: it has the category, or the word is in its title."""
    if count.category is None:
        return True
    word = count.category.casefold()
    return any(a.category.casefold() == word for a in course.allocations) or word in course.title.casefold()


def count_progress(counts: Iterable[TrainingCount], courses: Iterable[Course], cycle: Cycle) -> list[CountProgress]:
    """How many of each training the cycle's courses hold; each course is one training, whatever its hours."""
    inside = [course for course in courses if cycle.contains(course.date)]
    return [CountProgress(count.what, count.count, sum(1 for course in inside if is_training(course, count)))
            for count in counts]


def count_attention(progresses, counts: dict[str, list[CountProgress]], soon_days: int, urgent_days: int) -> list:
    """Trainings still missing in a cycle's last `soon_days`, for `due`: urgent in its last `urgent_days`."""
    from peertrack.domain import formatting as fmt
    from peertrack.domain.attention import Attention
    from peertrack.domain.renewal_tasks import plural

    found = []
    for p in progresses:
        for item in counts.get(p.cert.id, []):
            if not item.missing or not 0 <= p.days_left <= soon_days:
                continue
            level = "urgent" if p.days_left <= urgent_days else "due-soon"
            found.append(Attention("certification", level, f"{p.cert.name} ({p.cert.id})",
                                   f"{plural(item.what, item.missing)} still needed this cycle ({item.done} of "
                                   f"{item.required}); expires {fmt.days_from_now(p.days_left)}",
                                   p.cert.id, p.cert.expires))
    return found
