"""Deadlines worked out from a certification (expiry, renewal window, late window), beside stored ones."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence

from peertrack.domain.models import Certification, Deadline


def derived_deadlines(cert: Certification, late: Sequence = ()) -> list[Deadline]:
    """The dates a certification's own rules set, for its current cycle; never stored, so never stale."""
    ends = cert.expires
    found = [Deadline(f"{cert.name} expires", ends, cert.id, key=f"{cert.id}:expires")]
    if cert.opens_days:
        found.append(Deadline(f"Renewal opens for {cert.name}", ends - dt.timedelta(days=cert.opens_days),
                              cert.id, key=f"{cert.id}:opens"))
    if cert.submit_days:
        found.append(Deadline(f"Renewal application due for {cert.name}",
                              ends - dt.timedelta(days=cert.submit_days), cert.id, key=f"{cert.id}:submit"))
    if late:
        found.extend(_stage_deadlines(cert, late))
    elif cert.grace_days:
        found.append(Deadline(f"Last day to renew {cert.name} late", ends + dt.timedelta(days=cert.grace_days),
                              cert.id, key=f"{cert.id}:late"))
    return found


def _stage_deadlines(cert: Certification, late: Sequence) -> list[Deadline]:
    """The last day of each late stage the board sets (its late stages: domain/late_stages.py)."""
    from peertrack.domain.late_stages import stage_deadline_title, stages_after

    found = []
    for stage in stages_after(cert.expires, late):
        if stage.ended or stage.ends is None:
            break
        found.append(Deadline(stage_deadline_title(stage.stage, cert.name), stage.ends, cert.id,
                              key=f"{cert.id}:late:{stage.stage.stage}"))
    return found


def all_deadlines(stored: Iterable[Deadline], certs: Iterable[Certification],
                  late: Mapping[str, Sequence] | None = None) -> list[Deadline]:
    """Stored and derived deadlines together, the soonest first; `late` holds each certification's
    late stages (by id) where its template sets some."""
    late = late or {}
    merged = list(stored) + [d for cert in certs for d in derived_deadlines(cert, late.get(cert.id, ()))]
    return sorted(merged, key=lambda d: (d.due, d.id or 0, d.key or ""))


def is_task(deadline: Deadline) -> bool:
    """A renewal task from the template (a fee, references...): worked out from the dates, yet a to-do to mark done."""
    from peertrack.domain.renewal_tasks import TASK_MARK

    return bool(deadline.key and TASK_MARK in deadline.key)


def is_notice(deadline: Deadline) -> bool:
    """A date that opens something (a renewal window) rather than one that must be met."""
    return bool(deadline.key and deadline.key.endswith(":opens"))
