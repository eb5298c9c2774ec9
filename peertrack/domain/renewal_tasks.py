"""Renewal tasks beside CE (a fee, a background check, references, the code of ethics, a supervisor's
sign-off) as deadlines tied to a cycle's expiry, made again for each new cycle."""

from __future__ import annotations

import datetime as dt

from peertrack.domain.models import Deadline
from peertrack.domain.templates import Task, Template


def task_title(task: Task, cert_name: str) -> str:
    """ "Pay the renewal fee ($60) for Texas Peer Specialist", "Get two Personal Reference Forms (2) ..." """
    extra = []
    if task.fee is not None:
        extra.append(f"${task.fee}")
    if task.count is not None and str(task.count) not in task.title and _word(task.count) not in task.title.lower():
        extra.append(f"{task.count} needed")
    return f"{task.title}{' (' + ', '.join(extra) + ')' if extra else ''}: {cert_name}"


def task_deadlines(template: Template | None, cert_id: str, cert_name: str, expires: dt.date,
                   submit_days: int | None = None) -> list[Deadline]:
    """The template's renewal tasks for a cycle ending on `expires`.

    Each is due `days_before` expiry when the board says so; otherwise by the day the application is due
    (`submit_days` before expiry), or by expiry itself.
    """
    if template is None:
        return []
    by_default = expires - dt.timedelta(days=submit_days or 0)
    return [Deadline(task_title(task, cert_name),
                     expires - dt.timedelta(days=task.days_before) if task.days_before is not None else by_default,
                     cert_id, note=f"A renewal task from the {template.id} template.")
            for task in template.tasks]


def _word(n: int) -> str:
    words = ("zero one two three four five six seven eight nine ten").split()
    return words[n] if 0 <= n < len(words) else str(n)


def plural(what: str, count: int) -> str:
    """ "1 CE class", "2 CE classes", "2 peer ethics trainings"."""
    if count == 1:
        return f"1 {what}"
    return f"{count} {what}{'es' if what.endswith(('s', 'sh', 'ch', 'x')) else 's'}"


def rules_kept_by_hand(template: Template | None) -> list[str]:
    """The template's rules that hours alone cannot check yet, in words, for the holder to track themselves."""
    if template is None:
        return []
    from peertrack.domain.formatting import hours_words

    found = []
    for value, seconds, years in template.once_over_cycles:
        found.append(f"{hours_words(seconds)} of {value} " + (f"once every {years} years" if years else "once ever"))
    if template.unique_hours_with:
        found.append("no course counts for both this and " + ", ".join(template.unique_hours_with))
    return found
