"""Stable JSON shapes of the work log and of work requirements: the keys are a promise across versions."""

from __future__ import annotations

from peertrack.domain.work import SupervisionEntry, WorkEntry, hours_number


def work_entry(entry: WorkEntry) -> dict:
    return {"id": entry.id, "date": entry.date.isoformat(), "hours": hours_number(entry.seconds),
            "seconds": entry.seconds, "setting": entry.setting, "note": entry.note}


def supervision_entry(entry: SupervisionEntry) -> dict:
    return {"id": entry.id, "date": entry.date.isoformat(), "hours": hours_number(entry.seconds),
            "seconds": entry.seconds, "supervisor": entry.supervisor, "credential": entry.credential,
            "group": entry.group, "topic": entry.topic, "note": entry.note}
