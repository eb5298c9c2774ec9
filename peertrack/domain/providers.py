"""Who gave a course: one provider known by several names, and boards that count only approved courses."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Mapping, Sequence

from peertrack.domain.models import Course, NotApproved
from peertrack.domain.record_types import replace


@functools.lru_cache(maxsize=4096)
def provider_key(name: str) -> str:
    """A provider's name as compared: case, dashes, dots and spacing aside ("GMHCN-sponsored" is
    "gmhcn sponsored"). Nothing more: "GMHCN approved vendor" is another provider than "GMHCN"."""
    return " ".join(re.sub(r"[^\w&]+", " ", name.casefold()).split())


def same_provider(one: str, other: str) -> bool:
    return provider_key(one) == provider_key(other)


def known_as(courses: Iterable[Course], aliases: Mapping[str, Sequence[str]]) -> list[Course]:
    """The courses with each provider named as the board's rule names it, when the course gives one of
    its other names: a course from "Georgia Mental Health Consumer Network" counts as from "GMHCN"."""
    names = {provider_key(alias): name for name, others in aliases.items() for alias in (name, *others)}
    found = []
    for course in courses:
        name = names.get(provider_key(course.provider)) if course.provider else None
        found.append(course if name is None or name == course.provider else replace(course, provider=name))
    return found


def is_approved(course: Course) -> bool:
    """A course carries its approval: an approval or CE number from the certificate."""
    return bool(course.approval_no and course.approval_no.strip())


def not_approved(courses: Iterable[Course], cert_id: str) -> tuple[NotApproved, ...]:
    """The hours of courses without an approval number, by provider (as first written), in the order first logged."""
    by_provider: dict[str, NotApproved] = {}
    for course in courses:
        if is_approved(course):
            continue
        key = provider_key(course.provider) if course.provider else ""
        seen = by_provider.get(key)
        ids = (course.id,) if course.id is not None else ()
        seconds = course.credited_seconds(cert_id)
        by_provider[key] = NotApproved(course.provider, seconds, ids) if seen is None else replace(
            seen, seconds=seen.seconds + seconds, course_ids=seen.course_ids + ids)
    return tuple(by_provider.values())


def not_approved_words(left_out: NotApproved, cert_id: str) -> str:
    """ "2 hours from Acme Training do not count: ny-crpa counts only courses from approved providers" """
    from peertrack.domain.formatting import hours_words

    source = f"from {left_out.provider}" if left_out.provider else "from courses with no provider"
    verb = "does" if left_out.seconds == 3600 else "do"  # "1 hour ... does not count"
    return (f"{hours_words(left_out.seconds)} {source} {verb} not count: {cert_id} counts only courses from "
            "approved providers")


def approval_hint(left_out: Sequence[NotApproved]) -> str | None:
    """The command that gives a course left out its approval number, for the first such course."""
    first = next((found.course_ids[0] for found in left_out if found.course_ids), None)
    return None if first is None else (f"If a course was approved, add its approval number: "
                                       f"peertrack ceu edit {first} --approval-no NUMBER")


def left_out_note(course_id: int, items: Iterable) -> str | None:
    """What log-ceu adds when the new course does not count somewhere for want of an approval number."""
    certs = [item.cert.id for item in items if any(course_id in left.course_ids for left in item.not_approved)]
    if not certs:
        return None
    from peertrack.domain.formatting import joined

    return (f"Note: {joined(certs)} {'counts' if len(certs) == 1 else 'count'} only courses from approved "
            "providers, and this course has no approval number, so it does not count there. If it was approved, "
            f"add the number with: peertrack ceu edit {course_id} --approval-no NUMBER")
