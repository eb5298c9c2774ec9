"""Renewal tasks beside CE (a fee, a background check, references, the code of ethics, a supervisor's
sign-off) as deadlines worked out from the certification's current dates; only "done" is stored."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence

from peertrack.domain.models import Certification, Deadline
from peertrack.domain.templates import Task, Template


def task_title(task: Task, cert_name: str) -> str:
    """ "Pay the renewal fee ($60) for Texas Peer Specialist", "Get two Personal Reference Forms (2) ..." """
    extra = []
    if task.fee is not None:
        extra.append(f"${task.fee}")
    if task.count is not None and str(task.count) not in task.title and _word(task.count) not in task.title.lower():
        extra.append(f"{task.count} needed")
    return f"{task.title}{' (' + ', '.join(extra) + ')' if extra else ''}: {cert_name}"


def keyed_tasks(tasks: Sequence[Task]) -> list[tuple[str, Task]]:
    """Each task with the key that names it within its certification: its kind ("fee"), numbered
    from the second of a kind on ("fee-2")."""
    seen: dict[str, int] = {}
    found = []
    for task in tasks:
        seen[task.kind] = seen.get(task.kind, 0) + 1
        found.append((task.kind if seen[task.kind] == 1 else f"{task.kind}-{seen[task.kind]}", task))
    return found


def task_deadlines(template: Template | None, cert: Certification,
                   done: Mapping[str, dt.date] | None = None) -> list[Deadline]:
    """The template's renewal tasks for the certification's current cycle, worked out from its dates
    today, so they follow a renewal or an edited expiry; `done` holds the days tasks of this cycle
    were marked done (by task key).

    Each is due `days_before` expiry when the board says so; otherwise by the day the application is due
    (`submit_days` before expiry), or by expiry itself.
    """
    if template is None:
        return []
    done = done or {}
    expires = cert.expires
    by_default = expires - dt.timedelta(days=cert.submit_days or 0)
    return [Deadline(task_title(task, cert.name),
                     expires - dt.timedelta(days=task.days_before) if task.days_before is not None else by_default,
                     cert.id, note=f"A renewal task from the {template.id} template.",
                     done_on=done.get(key), key=task_deadline_key(cert.id, key))
            for key, task in keyed_tasks(template.tasks)]


def task_deadline_key(cert_id: str, task_key: str) -> str:
    """ "tx-peer:task:fee": how `deadline list` shows a renewal task and `deadline done` takes it."""
    return f"{cert_id}{TASK_MARK}{task_key}"


TASK_MARK = ":task:"


def split_task_key(text: str) -> tuple[str, str] | None:
    """("tx-peer", "fee") from "tx-peer:task:fee"; None for text that names no renewal task."""
    cert_id, mark, task = text.strip().lower().partition(TASK_MARK)
    return (cert_id, task) if mark and cert_id and task else None


def _word(n: int) -> str:
    words = ("zero one two three four five six seven eight nine ten").split()
    return words[n] if 0 <= n < len(words) else str(n)


def plural(what: str, count: int) -> str:
    """ "1 CE class", "2 CE classes", "2 peer ethics trainings"."""
    if count == 1:
        return f"1 {what}"
    return f"{count} {what}{'es' if what.endswith(('s', 'sh', 'ch', 'x')) else 's'}"


def rules_kept_by_hand(template: Template | None, cycle_months: int | None = None) -> list[str]:
    """The template's rules that hours alone cannot check yet, in words, for the holder to track themselves:
    a topic due once over a window shorter than the cycle (domain/topic_windows.py)."""
    if template is None:
        return []
    from peertrack.domain.formatting import hours_words

    months = cycle_months or template.months or 0
    found = []
    for value, seconds, years in template.once_over_cycles:
        if years is not None and 12 * years < months:
            found.append(f"{hours_words(seconds)} of {value} once every {years} years")
    return found


def topics_over_cycles(template: Template | None, cycle_months: int) -> list[str]:
    """The template's topics due once over several cycles that peertrack counts, in words."""
    if template is None:
        return []
    from peertrack.domain.formatting import hours_words

    return [f"{hours_words(seconds)} of {value} " + (f"once every {years} years" if years else "once")
            for value, seconds, years in template.once_over_cycles if years is None or 12 * years >= cycle_months]
