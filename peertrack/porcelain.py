"""Stable JSON shapes for scripts: the keys here are a promise across versions."""

from __future__ import annotations

import json
import sys

from peertrack.formatting import category_text, hours_number
from peertrack.models import Certification, Course, Progress


def emit(data: object) -> None:
    sys.stdout.write(json.dumps(data, indent=2, ensure_ascii=False) + "\n")


def course(item: Course) -> dict:
    return {
        "id": item.id,
        "date": item.date.isoformat(),
        "title": item.title,
        "provider": item.provider,
        "hours": hours_number(item.minutes),
        "category": category_text(item) if item.allocations else None,
        "categories": [{"name": a.category, "hours": hours_number(a.minutes)} for a in item.allocations],
        "format": item.format,
        "approval_no": item.approval_no,
        "note": item.note,
        "certs": list(item.cert_ids),
    }


def certification(cert: Certification) -> dict:
    return {
        "id": cert.id,
        "name": cert.name,
        "body": cert.body,
        "number": cert.number,
        "issued": cert.issued.isoformat() if cert.issued else None,
        "expires": cert.expires.isoformat(),
        "cycle_months": cert.cycle_months,
        "cycle_start": cert.cycle.starts.isoformat(),
        "hours_required": hours_number(cert.cycle.required_minutes),
        "requirements": [{"category": r.category, "hours": hours_number(r.minutes)} for r in cert.requirements],
    }


def progress(item: Progress) -> dict:
    data = certification(item.cert)
    data.update({
        "days_left": item.days_left,
        "hours_earned": hours_number(item.earned_minutes),
        "hours_missing": hours_number(item.missing_minutes),
        "hours_per_month_needed": hours_number(item.minutes_per_month) if item.minutes_per_month else None,
        "level": item.level,
        "course_count": item.course_count,
        "categories": [
            {"name": c.name, "required": hours_number(c.required_minutes),
             "earned": hours_number(c.earned_minutes), "met": c.met}
            for c in item.categories
        ],
    })
    return data


def status(items: list[Progress], today) -> dict:
    return {"today": today.isoformat(), "certifications": [progress(item) for item in items]}
