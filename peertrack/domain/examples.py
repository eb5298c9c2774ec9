"""Realistic example records, dated around a given day, for `peertrack demo`."""

from __future__ import annotations

import datetime as dt

from peertrack.domain.cycles import cycle_start
from peertrack.domain.models import HOUR, Allocation, Certification, Course, Cycle, Deadline, Requirement
from peertrack.domain.record_types import replace


def certifications(today: dt.date) -> list[Certification]:
    def cert(cert_id, name, body, number, expires_in_days, months, hours, requirements):
        ends = today + dt.timedelta(days=expires_in_days)
        return Certification(
            id=cert_id, name=name, body=body, number=number, cycle_months=months,
            required_seconds=hours * HOUR, requirements=tuple(requirements),
            cycle=Cycle(starts=cycle_start(ends, months), ends=ends, required_seconds=hours * HOUR),
        )

    return [
        replace(cert("ca-pss", "Medi-Cal Peer Support Specialist", "CalMHSA", "PSS-004512", 214, 24,
                                 20, [Requirement("ethics", 6 * HOUR)]), opens_days=90),
        cert("ga-cps", "Certified Peer Specialist (Georgia)", "GMHCN", "CPS-7781", 38, 12, 12,
             [Requirement("ethics", HOUR)]),
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
    return [Deadline("Renewal fee ($26 late fee after 15 January)", today + dt.timedelta(days=30), "ga-cps")]


# (title, how often, on which days, added this many days ago, done this many days ago or None)
REMINDERS = (
    ("Daily check-in", "day", None, 10, 0),
    ("Recovery meeting", "week", None, 21, 7),
    ("Self-care hour", "week", None, 30, 16),
    ("Supervision", "2 weeks", None, 30, 2),
)
