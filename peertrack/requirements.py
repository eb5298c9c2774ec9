"""Requirement math: hours earned against what a cycle requires, what is missing, the pace, the level."""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Iterable

from peertrack.models import CategoryProgress, Certification, Course, Progress

LEVELS = ("ok", "due-soon", "urgent", "overdue")
DAYS_PER_MONTH = 30.44


def progress(cert: Certification, courses: Iterable[Course], today: dt.date,
             soon_days: int = 90, urgent_days: int = 30) -> Progress:
    """Where `cert` stands on `today`, counting the courses dated inside its current cycle."""
    counted = [course for course in courses if cert.cycle.contains(course.date)]
    earned = sum(course.minutes for course in counted)
    by_category: dict[str, int] = {}
    for course in counted:
        for allocation in course.allocations:
            by_category[allocation.category] = by_category.get(allocation.category, 0) + allocation.minutes
    categories = tuple(
        CategoryProgress(req.category, req.minutes, by_category.get(req.category, 0))
        for req in cert.requirements
    )
    missing = missing_minutes(cert.cycle.required_minutes, earned, categories)
    days_left = (cert.expires - today).days
    return Progress(
        cert=cert,
        today=today,
        days_left=days_left,
        earned_minutes=earned,
        missing_minutes=missing,
        level=level(days_left, missing, soon_days, urgent_days),
        categories=categories,
        minutes_per_month=minutes_per_month(missing, days_left),
        course_count=len(counted),
    )


def missing_minutes(required: int, earned: int, categories: Iterable[CategoryProgress]) -> int:
    """Hours still needed: the larger of the total shortfall and the category shortfalls.

    Category hours count toward the total too, so 20 general hours against "20, of which
    6 ethics" still miss 6 hours (of ethics), not 0 and not 26.
    """
    category_gap = sum(category.missing_minutes for category in categories)
    return max(required - earned, category_gap, 0)


def level(days_left: int, missing: int, soon_days: int = 90, urgent_days: int = 30) -> str:
    if days_left < 0:
        return "overdue"
    if missing > 0 and days_left <= urgent_days:
        return "urgent"
    if missing > 0 and days_left <= soon_days:
        return "due-soon"
    return "ok"


def minutes_per_month(missing: int, days_left: int) -> int | None:
    """The steady pace that earns the missing hours in time, in minutes a month."""
    if missing <= 0 or days_left < 31:
        return None
    months = days_left / DAYS_PER_MONTH
    # Up to the next quarter hour: a pace people can plan with, and never too slow.
    return math.ceil(missing / months / 15) * 15
