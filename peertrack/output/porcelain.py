"""Stable JSON shapes for scripts: the keys here are a promise across versions."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable

from peertrack.domain.formatting import category_text, hours_number
from peertrack.domain.models import Certification, Course, Deadline, Progress, Requirement
from peertrack.domain.needs import needs, share
from peertrack.output.words import attention_detail


def emit(data: object) -> None:
    sys.stdout.write(json.dumps(data, indent=2, ensure_ascii=False) + "\n")


def emit_each(items: Iterable[object]) -> None:
    """A JSON list, the same text emit() writes, each item written as it comes: never the whole list at once."""
    first = True
    for item in items:
        sys.stdout.write(("[\n  " if first else ",\n  ") + json.dumps(item, indent=2, ensure_ascii=False)
                         .replace("\n", "\n  "))
        first = False
    sys.stdout.write("[]\n" if first else "\n]\n")


def course(item: Course) -> dict:
    return {
        "id": item.id,
        "date": item.date.isoformat(),
        "title": item.title,
        "provider": item.provider,
        "hours": hours_number(item.seconds),
        "category": category_text(item) if item.allocations else None,
        "categories": [{"name": a.category, "hours": hours_number(a.seconds)} for a in item.allocations],
        "format": item.format,
        "approval_no": item.approval_no,
        "note": item.note,
        "certs": list(item.cert_ids),
        "credits": [{"cert": cert_id, "hours": hours_number(item.credited_seconds(cert_id))}
                    for cert_id in item.cert_ids],
    }


def requirement(rule: Requirement) -> dict:
    # "category" stays for scripts written against the first version; "name" fits formats and providers too.
    return {"kind": rule.kind, "dimension": rule.dimension, "name": rule.value, "category": rule.value,
            "hours": hours_number(rule.seconds)}


def need(item) -> dict:
    """One line of what is still missing (needs.Need): its hours, the minimum's name (None: of any kind) and
    what a cap of 0 leaves out of hours of any kind."""
    return {"hours": hours_number(item.seconds), "name": item.name, "dimension": item.dimension, "but": list(item.but)}


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
        "hours_required": hours_number(cert.cycle.required_seconds),
        "requirements": [requirement(r) for r in cert.minimums],
        "caps": [requirement(r) for r in cert.caps],
        "topics_owed": [requirement(r) for r in cert.topics_owed],
        "next_cycles": {"hours_required": hours_number(cert.required_seconds),
                        "rules": [requirement(r) for r in cert.rules_ahead]},
        "carry_over_hours": hours_number(cert.carry_over_seconds) if cert.carry_over_seconds else 0,
        "carry_over_hours_this_cycle": hours_number(cert.cycle.carry_cap_seconds)
        if cert.cycle.carry_cap_seconds else 0,
        "renewal_opens_days": cert.opens_days,
        "application_due_days": cert.submit_days,
        "grace_days": cert.grace_days,
        "endorsement_of": cert.endorsement_of,
        "template": cert.template,
    }


def _template_update(item: Progress) -> dict | None:
    """The rules its template offers the certification (see peertrack cert update), or None."""
    update = item.rules_update
    if update is None:
        return None
    from peertrack.output.rules_updates import update_heading

    return {"template": update.template, "changed_since_added": update.since_added, "parts": list(update.parts),
            "cycle_months": update.months,
            "hours": hours_number(update.hours) if update.hours is not None else None,
            "carry_over_hours": hours_number(update.carry) if update.carry else 0,
            "rules": [requirement(rule) for rule in update.rules],
            "rules_dropped": [requirement(rule) for rule in update.dropped],
            "days": {{"opens": "renewal_opens_days", "submit": "application_due_days", "grace": "grace_days"}[part]:
                     days for part, days in update.days},
            "words": update_heading(item.cert, update)}


def progress(item: Progress) -> dict:
    from peertrack.domain.providers import not_approved_words

    data = certification(item.cert)
    data.update({
        "days_left": item.days_left,
        "hours_earned": hours_number(item.earned_seconds),
        "hours_missing": hours_number(item.missing_seconds),
        "hours_logged": hours_number(item.logged_seconds),
        "hours_carried_over": hours_number(item.carried_seconds),
        "hours_per_month_needed": hours_number(item.seconds_per_month) if item.seconds_per_month else None,
        "hours_per_month_recently": hours_number(item.recent_seconds_per_month)
        if item.recent_seconds_per_month is not None else None,
        "hours_projected_at_expiry": hours_number(item.projected_seconds)
        if item.projected_seconds is not None else None,
        "hours_counted_toward_required": hours_number(item.toward_seconds),
        "percent_done": share(item),
        "needs": [need(n) for n in needs(item)],
        "hours_missing_of_any_kind": hours_number(item.any_kind_seconds),
        "hours_expected_by_now": hours_number(item.expected_seconds),
        "level": item.level,
        "late_stage": late_stage(item.late),
        "behind_because": item.behind,
        "choice_proven_best": item.exact,
        "template_update": _template_update(item),
        "course_count": item.course_count,
        "categories": [
            {"name": c.name, "dimension": c.dimension, "required": hours_number(c.required_seconds),
             "earned": hours_number(c.earned_seconds), "met": c.met}
            for c in item.categories
        ],
        "not_approved": [
            {"provider": left_out.provider, "hours": hours_number(left_out.seconds),
             "courses": list(left_out.course_ids), "words": not_approved_words(left_out, item.cert.id)}
            for left_out in item.not_approved
        ],
        "trainings": [{"what": t.what, "required": t.required, "done": t.done} for t in item.trainings],
        "unique_hours_with": None if not item.unique_with else {
            "cert": item.unique_with, "shared_courses_here": list(item.shared_here),
            "shared_courses_there": list(item.shared_there)},
        "uncounted": [
            {"name": c.name, "dimension": c.dimension, "cap": hours_number(c.cap_seconds),
             "logged": hours_number(c.logged_seconds), "counted": hours_number(c.counted_seconds),
             "not_counted": hours_number(c.uncounted_seconds)}
            for c in item.caps if c.uncounted_seconds
        ],
    })
    return data


def late_stage(late) -> dict | None:
    """A LateStanding: the board's late stage today, with its days and fee, and the stages still to come;
    "stage" is null once the last stage with an end is over."""
    if late is None:
        return None

    def one(found) -> dict:
        return {"stage": found.stage.stage, "starts": found.starts.isoformat(),
                "ends": found.ends.isoformat() if found.ends else None, "fee": found.stage.fee}

    now = one(late.now) if late.now is not None else {"stage": None, "starts": None, "ends": None, "fee": None}
    return now | {"words": late.words, "later": [one(found) for found in late.later]}


def past_cycle(item: Progress) -> dict:
    cycle = item.cert.cycle
    return {
        "starts": cycle.starts.isoformat(),
        "ends": cycle.ends.isoformat(),
        "renewed_on": cycle.closed_on.isoformat() if cycle.closed_on else None,
        "hours_required": hours_number(cycle.required_seconds),
        "hours_earned": hours_number(item.earned_seconds),
        "hours_carried_over": hours_number(item.carried_seconds),
        "hours_carried_when_renewed": hours_number(cycle.carried_when_renewed_seconds)
        if item.cert.carry_from is not None else None,
        "carry_over_cap_hours": hours_number(cycle.carry_cap_seconds) if cycle.carry_cap_seconds else 0,
        "rules": [requirement(r) for r in item.cert.requirements],
        "hours_missing": hours_number(item.missing_seconds),
    }


def template(t) -> dict:
    return {
        "id": t.id, "name": t.name, "body": t.body, "state": t.state, "region": t.region,
        "status": t.status, "confirmed": not t.unconfirmed, "checked": t.checked,
        "cycle_months": t.months, "calendar_year": t.calendar_year,
        "cycle_choices": [{"cycle_months": m, "hours": hours_number(h) if h is not None else None}
                          for m, h in t.month_choices.items()],
        "hours": hours_number(t.hours) if t.hours is not None else None,
        "rules": [requirement(r) for r in t.rules],
        "carry_over_hours": hours_number(t.carry_over_hours) if t.carry_over_hours is not None else None,
        "renewal_opens_days": t.opens_days, "application_due_days": t.submit_days, "grace_days": t.grace_days,
        "late_stages": [{"stage": s.stage, "until_date": s.until_date, "until_days": s.until_days,
                         "until_months": s.until_months, "fee": s.fee} for s in t.late],
        "tasks": [{"kind": k.kind, "title": k.title, "fee": k.fee, "days_before": k.days_before, "count": k.count}
                  for k in t.tasks],
        "trainings": [{"what": c.what, "count": c.count, "category": c.category} for c in t.counts],
        "provider_aliases": {name: list(others) for name, others in t.provider_aliases.items()},
        "approved_providers_only": t.approved_only,
        "facts": list(t.facts),
        "sources": [{"url": s.url, "quote": s.quote, "supports": list(s.supports)} for s in t.sources],
        "origin": t.origin,
        "notice": "Rules change: confirm them with your certifying body.",
    }


def deadline(d: Deadline, today) -> dict:
    return {
        "id": d.id, "key": d.key, "title": d.title, "due": d.due.isoformat(), "days_left": (d.due - today).days,
        "cert": d.cert_id, "note": d.note, "done_on": d.done_on.isoformat() if d.done_on else None,
    }


def attention(item, today) -> dict:
    return {
        "kind": item.kind, "level": item.level, "title": item.title, "detail": attention_detail(item), "ref": item.ref,
        "date": item.date.isoformat() if item.date else None, "days_left": item.days(today),
        "late_stage": late_stage(item.late),
    }


def status(items: list[Progress], today, reminders: list, histories: list | None = None,
           work: list | None = None, pursuits: list | None = None) -> dict:
    """`status --json`: each certification's progress (with its months when `histories` are given), reminders due.

    "work" holds a certification's rules on service and supervision, or null when it has none;
    "in_progress" the certifications being worked toward.
    """
    from peertrack.output.work_json import cert_work, pursuit

    by_cert = {item.cert.id: item for item in work or []}
    data = {"today": today.isoformat(),
            "certifications": [progress(item) | {"work": cert_work(by_cert[item.cert.id])
                                                 if item.cert.id in by_cert else None} for item in items],
            "in_progress": [pursuit(item) for item in pursuits or []],
            "reminders": [due_reminder(item) for item in reminders]}
    if histories is not None:
        for entry, history in zip(data["certifications"], histories, strict=True):
            entry["history"] = month_hours(history)
    return data


def due(items: list, today, window: int, trouble: bool, behind: list[str]) -> dict:
    """`due --json`: what needs attention within `window` days, whether any of it is trouble, and the ids of the
    certifications behind on their hours that are not listed yet."""
    return {"today": today.isoformat(), "within_days": window, "needs_action": trouble,
            "items": [attention(item, today) for item in items], "behind_not_listed": behind}


def attachment(item, path=None) -> dict:
    """A certificate kept with a course; `path` is where its copy is stored."""
    return {
        "id": item.id, "course": item.ceu_id, "file": item.original_name, "sha256": item.sha256, "size": item.size,
        "media_type": item.media_type, "added_at": item.added_at, "path": str(path) if path is not None else None,
    }


def check_report(report) -> dict:
    return {
        "database": "ok" if report.database_ok else "damaged",
        "files": [dict(attachment(item.attachment), state=item.state) for item in report.files],
        "courses_without_certificate": [course(item) for item in report.unattached],
        "foreign_objects": list(report.foreign),
        "ok": report.ok,
    }


# --- wellness-plan reminders (private: never in an export for a certifying body) -----------------


def reminder(item) -> dict:
    """A Reminder; `every` is its rule in words, `rrule` the RFC 5545 rule itself."""
    from peertrack.domain.recurrence.phrases import at_text
    from peertrack.domain.recurrence.words import describe

    return {
        "id": item.id,
        "title": item.title,
        "every": describe(item.rrule, item.starts),
        "rrule": item.rrule,
        "starts": item.starts.isoformat(),
        "at": at_text(item.at) if item.at is not None else None,
        "until": item.until.isoformat() if item.until else None,
        "note": item.note,
        "snoozed_until": item.snoozed_until.isoformat() if item.snoozed_until else None,
    }


def reminder_state(item) -> dict:
    """A ReminderState: the reminder, when it next asks, and whether (and since when) it is due."""
    data = reminder(item.reminder)
    due = item.due
    data.update({
        "next": item.next_on.isoformat() if item.next_on else None,
        "due": due is not None,
        "due_since": due.due_since.isoformat() if due else None,
        "days_overdue": due.days_overdue if due else None,
        "missed": due.missed if due else 0,
        "snoozed": item.snoozed,
    })
    return data


def due_reminder(item) -> dict:
    """A DueReminder, for `due --json`: one per reminder, however many times it was missed."""
    from peertrack.domain.recurrence.phrases import at_text
    from peertrack.domain.recurrence.words import describe, due_words

    return {
        "id": item.reminder.id,
        "title": item.reminder.title,
        "every": describe(item.reminder.rrule, item.reminder.starts),
        "at": at_text(item.reminder.at) if item.reminder.at is not None else None,
        "due_since": item.due_since.isoformat(),
        "oldest_missed": item.oldest_missed.isoformat(),
        "days_overdue": item.days_overdue,
        "missed": item.missed,
        "words": due_words(item),
    }


def reminder_history(item) -> dict:
    """A ReminderHistory: the log newest first, and how many times in a row it was done."""
    return {
        "id": item.reminder.id,
        "title": item.reminder.title,
        "streak": item.streak,
        "entries": [
            {"occurrence": e.occurrence.isoformat(), "action": e.action, "on": e.acted_on.isoformat(),
             "note": e.note}
            for e in item.entries
        ],
    }


def starter(item) -> dict:
    return {"key": item.key, "title": item.title, "every": item.every, "on": item.on, "about": item.about}


def month_hours(history) -> list[dict]:
    """A CycleHistory's months: [{"month": "2026-03", "hours": 3}, ...], empty months included."""
    return [{"month": f"{month.month:%Y-%m}", "hours": hours_number(month.seconds)} for month in history.months]


def import_plan(plan, source: str) -> dict:
    """What `import csv` would add (`new`), skips as already recorded (`known`) and cannot read (`unreadable`)."""
    return {
        "source": source,
        "columns": [{"column": column, "field": field} for column, field in plan.columns],
        "ignored_columns": list(plan.ignored),
        "notes": list(plan.notes),
        "new": [{"row": row.number} | course(row.course) for row in plan.new],
        "known": [{"row": row.number, "problem": row.problem} | course(row.course) for row in plan.known],
        "unreadable": [{"row": row.number, "problem": row.problem} for row in plan.unreadable],
    }
