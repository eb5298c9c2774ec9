"""The summary `init` shows before saving: every certification, the total hours, the wellness plan."""

from __future__ import annotations

import datetime as dt

from peertrack.domain import formatting as fmt
from peertrack.domain.first_run import Plan
from peertrack.output.words import rule_text


def summary_lines(plan: Plan, today: dt.date) -> list[str]:
    """Plain lines, for stderr: what will be saved, as the holder will see it on the dashboard."""
    lines = ["Here is what will be saved:"]
    for number, chosen in enumerate(plan.certs, start=1):
        cert = chosen.cert
        lines.append(f"  {number}. {cert.name} ({cert.id})" + (f", certificate number {cert.number}"
                                                              if cert.number else ""))
        rules = "".join(f", {rule_text(rule)}" for rule in cert.requirements)
        began = "began" if cert.cycle.starts <= today else "begins"  # a first cycle may start next January
        lines.append(f"     expires {fmt.day_with_distance(cert.cycle.ends, today)}; this cycle {began} "
                     f"{fmt.day(cert.cycle.starts)} and needs {fmt.hours_words(cert.cycle.required_seconds)} "
                     f"of CE{rules}")
    if len(plan.certs) > 1:
        lines.append(f"  In all: {fmt.hours_words(plan.required_seconds)} of CE across "
                     f"{fmt.counted(len(plan.certs), 'certification')} (one course can count toward several).")
    else:
        lines.append(f"  In all: {fmt.hours_words(plan.required_seconds)} of CE.")
    if plan.reminders:
        from peertrack.domain.recurrence import at_text, describe

        lines.append("  Wellness plan:")
        for reminder in plan.reminders:
            at = f" at {at_text(reminder.at)}" if reminder.at is not None else ""
            lines.append(f"     {reminder.title}, {describe(reminder.rrule, reminder.starts)}{at}")
    return lines
