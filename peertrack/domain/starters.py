"""Ready wellness-plan reminders, built from common practice in peer support: plain data."""

from __future__ import annotations

from peertrack.domain.errors import NotFound
from peertrack.domain.record_types import dataclass


@dataclass(frozen=True)
class Starter:
    """A reminder to start from: `every` and `on` are written the way --every and --on take them."""

    key: str
    title: str
    every: str
    about: str
    on: str | None = None


STARTERS: tuple[Starter, ...] = (
    Starter("daily-check-in", "Daily check-in", "day",
            "A few minutes each day with your wellness plan: how am I doing, and what do I need today?"),
    Starter("weekly-recovery-meeting", "Recovery meeting", "week",
            "A recovery or mutual-support meeting once a week."),
    Starter("biweekly-supervision", "Supervision", "2 weeks",
            "Supervision, or a check-in with your supervisor, every two weeks."),
    Starter("weekly-self-care", "Self-care hour", "week",
            "An hour of self-care each week (paid time, where your employer offers it)."),
    Starter("monthly-plan-review", "Wellness plan review", "month",
            "Once a month, look over your triggers, early warning signs and supports."),
)


def find_starter(key: str) -> Starter:
    cleaned = key.strip().lower().replace("_", "-").replace(" ", "-")
    for starter in STARTERS:
        if starter.key == cleaned:
            return starter
    raise NotFound("wellness-plan starter called", key, [starter.key for starter in STARTERS],
                   hint="See the starters with: peertrack remind starters")
