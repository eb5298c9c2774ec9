"""What needs attention now: certifications short of hours, deadlines close or missed; the core of `due`."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence

from peertrack.domain import formatting as fmt
from peertrack.domain.deadlines import all_deadlines, is_notice, is_task
from peertrack.domain.models import Certification, Deadline, LateStanding, Progress
from peertrack.domain.needs import needed_words
from peertrack.domain.record_types import dataclass

ORDER = ("overdue", "urgent", "behind", "due-soon", "upcoming", "wellness")
TROUBLE = ("overdue", "urgent")


@dataclass
class Attention:
    kind: str  # "certification", "deadline" or "reminder"
    level: str  # one of ORDER
    title: str
    detail: str
    ref: str  # a certification id, a deadline's number or key, a reminder's number
    date: dt.date | None = None
    next_step: str | None = None  # "remove-cert": the view adds the command that does it, for `ref`
    late: LateStanding | None = None  # a certification past expiry: its board's late stage, with dates and fee

    def days(self, today: dt.date) -> int | None:
        return None if self.date is None else (self.date - today).days


def gather(progresses: Iterable[Progress], stored: Iterable[Deadline], today: dt.date, within_days: int,
           final_days: int, reminders: Iterable = (), soon_days: int = 90,
           late: Mapping[str, Sequence] | None = None) -> list[Attention]:
    """Everything `due` shows, most pressing first. A certification that is behind is listed in
    its last `soon_days`, like one due soon. Wellness reminders come last and are never
    "trouble": they are kind nudges, not deadlines, so they never make `due` exit 1."""
    progresses = list(progresses)
    late = late or {}
    items = [item for p in progresses if (item := _for_certification(p, soon_days)) is not None]
    flagged = {item.ref for item in items}
    lapsed = {p.cert.id for p in progresses if p.level == "lapsed"}
    certs: list[Certification] = [p.cert for p in progresses]
    for deadline in all_deadlines(stored, certs, late):
        item = _for_deadline(deadline, today, within_days, final_days, flagged, lapsed)
        if item is not None:
            items.append(item)
    items.extend(_for_reminder(item) for item in reminders)
    return sorted(items, key=lambda item: (ORDER.index(item.level), item.date or today))


def needs_action(items: Iterable[Attention]) -> bool:
    return any(item.level in TROUBLE for item in items)


def _for_certification(p: Progress, soon_days: int = 90) -> Attention | None:
    if p.level not in ("overdue", "lapsed", "urgent", "behind", "due-soon"):
        return None
    if p.level == "behind" and p.days_left > soon_days:
        return None  # the dashboard says so; `due` is for the last stretch
    cert = p.cert
    if p.late is not None and p.late.now is not None:
        # The board's own late stages say what this day means: a free grace period, a fee, inactive.
        return Attention("certification", "overdue", f"{cert.name} ({cert.id})",
                         f"expired {fmt.days_from_now(p.days_left)}; {p.late.words}", cert.id, cert.expires,
                         late=p.late)
    if p.level == "lapsed":
        # Still trouble: it needs reinstating, or removing if you let it go.
        ended = f"{p.late.words}; " if p.late is not None else ""
        return Attention("certification", "overdue", f"{cert.name} ({cert.id})",
                         f"lapsed: {ended}contact {cert.body or 'your certifying body'} about reinstating it, "
                         "or remove it", cert.id, cert.expires, next_step="remove-cert", late=p.late)
    if p.level == "overdue":
        detail = f"expired {fmt.days_from_now(p.days_left)}: renew it or contact {cert.body or 'your certifying body'}"
    else:
        pace = fmt.pace(p.seconds_per_month, p.missing_seconds, p.days_left)
        detail = f"{needed_words(p)} still needed, {pace}; expires {fmt.days_from_now(p.days_left)}"
    return Attention("certification", p.level, f"{cert.name} ({cert.id})", detail, cert.id, cert.expires)


def _for_deadline(d: Deadline, today: dt.date, within_days: int, final_days: int, flagged: set[str],
                  lapsed: set[str]) -> Attention | None:
    days = (d.due - today).days
    ref = str(d.id) if d.id is not None else d.key or ""
    if d.cert_id in lapsed and d.key:
        return None
    if d.key and d.key.endswith(":expires") and d.cert_id in flagged:
        return None  # the certification's own line already says so
    if days < 0:
        if d.key and not d.key.endswith(":submit") and not is_task(d):
            return None  # a window that has opened, or an expiry the certification line covers
        return Attention("deadline", "overdue", d.title, f"was due {fmt.days_from_now(days)}", ref, d.due)
    if days > within_days:
        return None
    level = "upcoming" if is_notice(d) or days > final_days else "urgent"
    return Attention("deadline", level, d.title, f"{fmt.day(d.due)}, {fmt.days_from_now(days)}", ref, d.due)


def _for_reminder(item) -> Attention:
    from peertrack.domain.recurrence.words import due_words

    reminder = item.reminder
    return Attention("reminder", "wellness", reminder.title, due_words(item), str(reminder.id), item.due_since)
