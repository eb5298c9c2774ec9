"""Realistic example records, dated around a given day, for `peertrack demo`."""

from __future__ import annotations

import datetime as dt

from peertrack.domain.models import Allocation, Certification, Course, Deadline


def certifications(today: dt.date) -> list[Certification]:
    """Medi-Cal's and Georgia's, added from their built-in templates as anyone would add them: the boards' own
    rules, cycles and late stages, never a holder's template files."""
    from peertrack.domain.builtin_templates import TEMPLATES
    from peertrack.domain.certifications import CertInput, build_certification
    from peertrack.domain.template_format import templates_in

    found = {t.id: t for t in templates_in({"templates": TEMPLATES}, "built in", {"ca-medi-cal-pss", "ga-cps"})}
    expires = (today + dt.timedelta(days=214)).isoformat()
    return [
        build_certification(today, CertInput(template=found["ca-medi-cal-pss"], cert_id="ca-pss", number="PSS-004512",
                                             expires=expires)),
        build_certification(today, CertInput(template=found["ga-cps"], cert_id="ga-cps", number="CPS-7781")),
    ]


def courses(today: dt.date) -> list[Course]:
    rows = [
        (400, "Law and Ethics for Peer Support", "CalMHSA", 180, "online", ["ethics"], ["ca-pss"]),
        (300, "Motivational Interviewing Basics", "Peer Recovery Academy", 240, "in-person", ["skills"],
         ["ca-pss", "ga-cps"]),
        (210, "Trauma-Informed Care", "CalMHSA", 180, "online", ["trauma"], ["ca-pss"]),
        (150, "Wellness Recovery Action Plan refresher", "Copeland Center", 120, "in-person", ["wellness"],
         ["ga-cps"]),
        (95, "Peer Ethics and Boundaries", "GMHCN", 90, "online", ["ethics"], ["ca-pss", "ga-cps"]),
        (60, "Cultural Humility in Peer Work", "NAMI", 150, "online", ["cultural"], ["ca-pss"]),
        (21, "Suicide Prevention: safeTALK", "LivingWorks", 240, "in-person", ["crisis"], ["ca-pss"]),
        (6, "Supervision skills for peers", "GMHCN", 90, "self-study", ["skills"], ["ga-cps"]),
    ]
    return [
        Course(date=today - dt.timedelta(days=ago), title=title, provider=provider, seconds=minutes * 60,
               format=form, allocations=tuple(Allocation(name, minutes * 60) for name in categories),
               cert_ids=tuple(cert_ids), credit_chosen=True)
        for ago, title, provider, minutes, form, categories, cert_ids in rows
    ]


def deadlines(today: dt.date) -> list[Deadline]:
    return [Deadline("Background check for the new job", today + dt.timedelta(days=30))]


# (title, how often, on which days, added this many days ago, done this many days ago or None)
REMINDERS = (
    ("Daily check-in", "day", None, 10, 0),
    ("Recovery meeting", "week", None, 21, 7),
    ("Self-care hour", "week", None, 30, 16),
    ("Supervision", "2 weeks", None, 30, 2),
)
