"""Stable JSON shapes of the work log and of work requirements: the keys are a promise across versions."""

from __future__ import annotations

from peertrack.domain.formatting import hours_number
from peertrack.domain.work import SupervisionEntry, WorkEntry


def work_entry(entry: WorkEntry) -> dict:
    return {"id": entry.id, "date": entry.date.isoformat(), "hours": hours_number(entry.seconds),
            "seconds": entry.seconds, "setting": entry.setting, "note": entry.note}


def supervision_entry(entry: SupervisionEntry) -> dict:
    return {"id": entry.id, "date": entry.date.isoformat(), "hours": hours_number(entry.seconds),
            "seconds": entry.seconds, "supervisor": entry.supervisor, "credential": entry.credential,
            "group": entry.group, "topic": entry.topic, "note": entry.note}


def rule_standing(item) -> dict:
    """One rule on the work log and where it stands; hours in hours, sessions as counts."""
    rule = item.rule
    unit = "sessions" if rule.counts_sessions else "hours"

    def amount(value: int) -> int | float:
        return value if rule.counts_sessions else hours_number(value)

    return {
        "kind": rule.kind, "period": rule.period, "unit": unit, "required": amount(rule.amount),
        "done": amount(item.done), "missing": amount(item.missing), "level": item.level, "days_left": item.days_left,
        "hours_per_month": hours_number(item.per_month) if item.per_month else None,
        "periods": [{"starts": p.starts.isoformat(), "ends": p.ends.isoformat(), "done": amount(p.done),
                     "state": p.state} for p in item.periods],
    }


def cert_work(item) -> dict:
    return {"level": item.level, "rules": [rule_standing(rule) for rule in item.rules]}


def pursuit(item) -> dict:
    """A certification in progress: its entry requirements, how far along each is, the exam."""
    p = item.pursuit
    return {
        "id": p.id, "name": p.name, "body": p.body, "template": p.template,
        "started": p.started.isoformat() if p.started else None,
        "exam_on": p.exam_on.isoformat() if p.exam_on else None, "days_to_exam": item.days_to_exam,
        "ready_to_apply": item.ready,
        "requirements": [{"kind": s.rule.kind, "required": hours_number(s.rule.seconds), "done": hours_number(s.done),
                          "missing": hours_number(s.missing), "met": not s.missing} for s in item.standings],
    }
