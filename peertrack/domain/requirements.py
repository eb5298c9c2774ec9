"""Requirement math: hours earned against what a cycle requires, caps, what is missing, the pace, the level."""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Iterable
from dataclasses import dataclass

from peertrack.domain.models import CapUse, CategoryProgress, Certification, Course, Progress, Requirement

LEVELS = ("ok", "due-soon", "urgent", "overdue", "lapsed")
DAYS_PER_MONTH = 30.44
RECENT_DAYS = 182  # "the last 6 months", for the pace people have actually kept


@dataclass
class Piece:
    """A course's credited hours in one category, with what caps and minimums look at."""

    date: dt.date
    category: str | None
    format: str | None
    provider: str | None
    minutes: int


def progress(cert: Certification, courses: Iterable[Course], today: dt.date,
             soon_days: int = 90, urgent_days: int = 30) -> Progress:
    """Where `cert` stands on `today`, counting the courses dated inside its current cycle."""
    counted_courses = sorted((c for c in courses if cert.cycle.contains(c.date)), key=lambda c: (c.date, c.id or 0))
    pieces = [piece for course in counted_courses for piece in pieces_of(course, cert.id)]
    counted = apply_caps(pieces, cert.caps)
    logged = sum(piece.minutes for piece in pieces)
    carried = cert.cycle.carried_minutes
    earned = sum(piece.minutes for piece in counted) + carried
    categories = tuple(
        CategoryProgress(req.value, req.minutes, sum(p.minutes for p in counted if applies(req, p)), req.dimension)
        for req in cert.minimums
    )
    missing = missing_minutes(cert.cycle.required_minutes, earned, categories)
    days_left = (cert.expires - today).days
    recent = recent_minutes_per_month(counted, cert.cycle.starts, today)
    return Progress(
        cert=cert,
        today=today,
        days_left=days_left,
        earned_minutes=earned,
        missing_minutes=missing,
        level=level(days_left, missing, soon_days, urgent_days, cert.grace_days),
        categories=categories,
        minutes_per_month=minutes_per_month(missing, days_left),
        course_count=len(counted_courses),
        logged_minutes=logged,
        carried_minutes=carried,
        caps=tuple(
            CapUse(req.value, req.dimension, req.minutes, sum(p.minutes for p in pieces if applies(req, p)))
            for req in cert.caps
        ),
        recent_minutes_per_month=recent,
        projected_minutes=None if recent is None or days_left < 0 else
        earned + round(recent * days_left / DAYS_PER_MONTH),
    )


def pieces_of(course: Course, cert_id: str) -> list[Piece]:
    """A course's credit for one certification, split by category.

    When a certifying body credits other hours than the course's own (an override), each
    category's share is scaled to match, so a split course keeps its proportions.
    """
    credited = course.credited_minutes(cert_id)
    parts = [(a.category, a.minutes) for a in course.allocations]
    uncategorised = course.minutes - sum(minutes for _, minutes in parts)
    if uncategorised > 0 or not parts:
        parts.append((None, uncategorised if parts else course.minutes))
    shares = scale([minutes for _, minutes in parts], credited)
    return [Piece(course.date, name, course.format, course.provider, share)
            for (name, _), share in zip(parts, shares, strict=True) if share > 0]


def as_credited(course: Course, cert_id: str) -> Course:
    """The course as one certification counts it: its credited hours, its categories scaled to match.

    What a certifying body's CSV and audit bundle should list, when that body credits other
    hours than the certificate shows.
    """
    credited = course.credited_minutes(cert_id)
    if credited == course.minutes:
        return course
    from dataclasses import replace

    from peertrack.domain.models import Allocation

    shares = tuple(Allocation(p.category, p.minutes) for p in pieces_of(course, cert_id) if p.category is not None)
    return replace(course, minutes=credited, allocations=shares)


def scale(amounts: list[int], total: int) -> list[int]:
    """Whole numbers in the proportions of `amounts` that add up to exactly `total`."""
    whole = sum(amounts)
    if whole == total or whole == 0:
        return list(amounts) if whole == total else [total] + [0] * (len(amounts) - 1)
    exact = [amount * total / whole for amount in amounts]
    shares = [math.floor(value) for value in exact]
    by_remainder = sorted(range(len(amounts)), key=lambda i: exact[i] - shares[i], reverse=True)
    for i in by_remainder[: total - sum(shares)]:
        shares[i] += 1
    return shares


def applies(req: Requirement, piece: Piece) -> bool:
    value = {"category": piece.category, "format": piece.format, "provider": piece.provider}[req.dimension]
    if value is None:
        return False
    if req.dimension == "provider":
        # Providers are written many ways ("GMHCN", "GMHCN Atlanta"): the rule's name inside is enough.
        return req.value.casefold() in value.casefold()
    return value.casefold() == req.value.casefold()


def apply_caps(pieces: list[Piece], caps: tuple[Requirement, ...]) -> list[Piece]:
    """The pieces as they count: oldest first, each cap takes hours until it is full."""
    room = {cap: cap.minutes for cap in caps}
    counted = []
    for piece in pieces:
        limits = [cap for cap in caps if applies(cap, piece)]
        allowed = min([piece.minutes] + [room[cap] for cap in limits])
        for cap in limits:
            room[cap] -= allowed
        if allowed:
            counted.append(Piece(piece.date, piece.category, piece.format, piece.provider, allowed))
    return counted


def missing_minutes(required: int, earned: int, categories: Iterable[CategoryProgress]) -> int:
    """Hours still needed: the larger of the total shortfall and the minimums' shortfalls.

    Category hours count toward the total too, so 20 general hours against "20, of which
    6 ethics" still miss 6 hours (of ethics), not 0 and not 26.
    """
    category_gap = sum(category.missing_minutes for category in categories)
    return max(required - earned, category_gap, 0)


def level(days_left: int, missing: int, soon_days: int = 90, urgent_days: int = 30,
          grace_days: int | None = None) -> str:
    if days_left < 0:
        return "lapsed" if grace_days is not None and -days_left > grace_days else "overdue"
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


def recent_minutes_per_month(counted: list[Piece], cycle_starts: dt.date, today: dt.date) -> int | None:
    """The pace kept over the last 6 months of this cycle (fewer if the cycle is younger)."""
    since = max(cycle_starts, today - dt.timedelta(days=RECENT_DAYS - 1))
    days = (today - since).days + 1
    if days < 28:
        return None
    minutes = sum(piece.minutes for piece in counted if since <= piece.date <= today)
    return round(minutes * DAYS_PER_MONTH / days)
