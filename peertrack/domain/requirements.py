"""Requirement math: hours earned against what a cycle requires, caps, what is missing, the pace, the level."""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Iterable

from peertrack.domain import allocation
from peertrack.domain.models import HOUR, CapUse, CategoryProgress, Certification, Course, Progress
from peertrack.domain.record_types import dataclass, replace

DAYS_PER_MONTH = 30.44
QUARTER_HOUR = HOUR // 4
# A realistic month of CE for a working peer specialist: one full day of training (6 hours). The
# bodies' own rules ask 10 to 44 hours over 1 to 3 years, 0.4 to 1.5 hours a month; a needed pace
# four times the steepest of them is one that a month cannot be counted on to give.
REALISTIC_HOURS_A_MONTH = 6
RECENT_DAYS = 182  # "the last 6 months", for the pace people have actually kept


@dataclass
class Piece:
    """A course's credited hours in one category, with what caps and minimums look at."""

    date: dt.date
    category: str | None
    format: str | None
    provider: str | None
    seconds: int


def progress(cert: Certification, courses: Iterable[Course], today: dt.date,
             soon_days: int = 90, urgent_days: int = 30) -> Progress:
    """Where `cert` stands on `today`, counting the courses dated inside its current cycle.

    What counts is the holder's best legal choice under the caps (domain/allocation.py): every
    number the views show (hours counted, missing, minimums, caps, pace, level) is read from it.
    """
    counted_courses = sorted((c for c in courses if cert.cycle.contains(c.date)), key=lambda c: (c.date, c.id or 0))
    pieces = [piece for course in counted_courses for piece in pieces_of(course, cert.id)]
    if cert.category_aliases:  # a course under a word the certification counts as a rule's category
        from peertrack.domain.category_words import counted_category

        aliases = dict(cert.category_aliases)
        pieces = [replace(piece, category=counted_category(piece.category, aliases)) for piece in pieces]
    in_force = cert.requirements + cert.topics_owed
    rules = [allocation.Rule(r.kind, r.dimension, r.value, r.seconds) for r in in_force]
    required, carried = cert.cycle.required_seconds, cert.cycle.carried_seconds
    choice = allocation.best_choice([allocation.Piece(p.seconds, p.category, p.format, p.provider) for p in pieces],
                         rules, required, carried)
    counted = [replace(p, seconds=x) for p, x in zip(pieces, choice.counted, strict=True) if x]
    categories = tuple(CategoryProgress(req.value, req.seconds, got, req.dimension)
                       for req, got in zip([r for r in in_force if r.kind == "min"], choice.minimum_counted,
                                           strict=True))
    missing = choice.missing
    days_left = (cert.expires - today).days
    recent = recent_seconds_per_month(counted, cert.cycle.starts, today)
    # Minimums may ask more than the hours required (0 hours, but 2 of ethics): the line then runs to all they
    # ask, the hours that count plus those missing.
    in_all = required if missing <= required else choice.total + missing
    expected = expected_seconds(in_all, cert.cycle.starts, cert.cycle.ends, today)
    behind = behind_because(in_all, missing, expected, cert.cycle.starts, cert.cycle.ends, today)
    return Progress(
        cert=cert,
        today=today,
        days_left=days_left,
        earned_seconds=choice.total,
        missing_seconds=missing,
        level=level(days_left, missing, soon_days, urgent_days, cert.grace_days, behind=behind is not None),
        categories=categories,
        seconds_per_month=seconds_per_month(missing, days_left),
        course_count=len(counted_courses),
        logged_seconds=sum(piece.seconds for piece in pieces),
        carried_seconds=carried,
        caps=tuple(CapUse(req.value, req.dimension, req.seconds, logged, used)
                   for req, logged, used in zip(cert.caps, choice.cap_logged, choice.cap_counted, strict=True)),
        recent_seconds_per_month=recent,
        projected_seconds=None if recent is None or days_left < 0 else projection(choice.total, recent, days_left),
        toward_seconds=max(0, required - missing),
        expected_seconds=expected,
        behind=behind,
        exact=choice.exact,
    )


def pieces_of(course: Course, cert_id: str) -> list[Piece]:
    """A course's credit for one certification, split by category.

    When a certifying body credits other hours than the course's own (an override), each
    category's share is scaled to match, so a split course keeps its proportions.
    """
    credited = course.credited_seconds(cert_id)
    parts: list[tuple[str | None, int]] = [(a.category, a.seconds) for a in course.allocations]
    uncategorised = course.seconds - sum(seconds for _, seconds in parts)
    if uncategorised > 0 or not parts:
        parts.append((None, uncategorised if parts else course.seconds))
    shares = scale([seconds for _, seconds in parts], credited)
    return [Piece(course.date, name, course.format, course.provider, share)
            for (name, _), share in zip(parts, shares, strict=True) if share > 0]


def counts_none_of(course: Course, cert: Certification) -> bool:
    """Whether a cap of 0 leaves every hour of the course out for `cert` (New York's CPS counts none of the
    core courses): its body does not count it at all, so its renewal lists leave it out."""
    nothing = [allocation.Rule(r.kind, r.dimension, r.value, r.seconds)
               for r in cert.requirements if r.kind == "max" and not r.seconds]
    if not nothing:
        return False
    from peertrack.domain.category_words import counted_category

    aliases = dict(cert.category_aliases)
    pieces = [allocation.Piece(p.seconds, counted_category(p.category, aliases), p.format, p.provider)
              for p in pieces_of(course, cert.id)]
    return bool(pieces) and all(any(allocation.matches(rule, piece) for rule in nothing) for piece in pieces)


def as_credited(course: Course, cert_id: str) -> Course:
    """The course as one certification counts it: its credited hours, its categories scaled to match.

    What a certifying body's CSV and audit bundle should list, when that body credits other
    hours than the certificate shows.
    """
    credited = course.credited_seconds(cert_id)
    if credited == course.seconds:
        return course
    from peertrack.domain.models import Allocation

    shares = tuple(Allocation(p.category, p.seconds) for p in pieces_of(course, cert_id) if p.category is not None)
    return replace(course, seconds=credited, allocations=shares)


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


def level(days_left: int, missing: int, soon_days: int = 90, urgent_days: int = 30,
          grace_days: int | None = None, behind: bool = False) -> str:
    """The level's JSON value: overdue or lapsed after expiry; with hours missing, urgent in the
    last `urgent_days`, then behind (see `behind_because`), then due-soon in the last `soon_days`;
    else ok: on track."""
    if days_left < 0:
        return "lapsed" if grace_days is not None and -days_left > grace_days else "overdue"
    if missing > 0 and days_left <= urgent_days:
        return "urgent"
    if missing > 0 and behind:
        return "behind"
    if missing > 0 and days_left <= soon_days:
        return "due-soon"
    return "ok"


def expected_seconds(required: int, starts: dt.date, ends: dt.date, today: dt.date) -> int:
    """The hours a straight line from the cycle's first day to its last reaches by the end of `today`."""
    length = (ends - starts).days + 1
    elapsed = min(max((today - starts).days + 1, 0), length)
    return required * elapsed // length if length > 0 else required


def behind_because(required: int, missing: int, expected: int, starts: dt.date, ends: dt.date,
                   today: dt.date) -> str | None:
    """Why a certification is behind ("schedule" or "pace"), or None when it is not.

    - "schedule": once a quarter of the cycle has gone, the hours that count toward what is
      required are under half of what a straight line through the cycle reaches by today;
    - "pace": the hours still needed, spread over the days left, come to more than
      REALISTIC_HOURS_A_MONTH a month (one full day of training every month).
    """
    days_left = (ends - today).days
    if missing <= 0 or days_left < 0:
        return None
    if days_left == 0 or missing * DAYS_PER_MONTH / days_left > REALISTIC_HOURS_A_MONTH * HOUR:
        return "pace"
    length = (ends - starts).days + 1
    elapsed = (today - starts).days + 1
    if elapsed * 4 >= length and (required - missing) * 2 < expected:
        return "schedule"
    return None


def seconds_per_month(missing: int, days_left: int) -> int | None:
    """The steady pace that earns the missing hours in time, in seconds a month."""
    if missing <= 0 or days_left < 31:
        return None
    months = days_left / DAYS_PER_MONTH
    # Up to the next quarter hour: a pace people can plan with, and never too slow.
    return math.ceil(missing / months / QUARTER_HOUR) * QUARTER_HOUR


def projection(earned: int, recent_per_month: int, days_left: int) -> int:
    """The hours there would be at expiry at the recent pace: to the quarter hour below (a forecast, not a
    ledger), never below the hours already earned. The dashboard and the JSON both show this one number."""
    ahead = earned + recent_per_month * days_left / DAYS_PER_MONTH
    return max(earned, math.floor(ahead / QUARTER_HOUR) * QUARTER_HOUR)


def recent_seconds_per_month(counted: list[Piece], cycle_starts: dt.date, today: dt.date) -> int | None:
    """The pace kept over the last 6 months of this cycle (fewer if the cycle is younger), to the
    nearest quarter hour and at least a quarter hour when anything was logged: the one figure the
    dashboard says and the JSON gives."""
    since = max(cycle_starts, today - dt.timedelta(days=RECENT_DAYS - 1))
    days = (today - since).days + 1
    if days < 28:
        return None
    seconds = sum(piece.seconds for piece in counted if since <= piece.date <= today)
    if not seconds:
        return 0
    return max(QUARTER_HOUR, round(seconds * DAYS_PER_MONTH / days / QUARTER_HOUR) * QUARTER_HOUR)
