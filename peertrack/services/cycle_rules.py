"""Giving one cycle its own hours and rules: one transaction that leaves every other cycle as it was."""

from __future__ import annotations

import sqlite3

from peertrack.domain.errors import InvalidInput
from peertrack.domain.models import Certification, Cycle, Requirement
from peertrack.domain.record_types import replace
from peertrack.storage.certs import cycle_rules, load_cert, load_cycles, update_cycle
from peertrack.storage.database import transaction

WHICH = ("current", "previous")


def change_cycle(conn: sqlite3.Connection, cert_id: str, which: str, *, hours: int | None, require, no_require: bool,
                 cap, no_cap: bool, carry: int | None = None) -> tuple[Certification, Cycle, tuple[Requirement, ...]]:
    """Change the hours, minimums, caps or carry-over cap (`carry`, 0: none) of the current or the previous
    cycle only.

    The certification's own rules, which each new cycle starts with, stay as they are, and so do
    the other cycles'. Returns the certification, the changed cycle and its rules.
    """
    from peertrack.domain.certifications import edited_rules

    with transaction(conn):
        cert = load_cert(conn, cert_id)
        cycles = load_cycles(conn, cert.id)
        if which == "previous" and len(cycles) < 2:
            raise InvalidInput("--cycle", which, f"{cert.id} has only its current cycle, so give --cycle current",
                               problem="names no cycle")
        cycle = cycles[-1] if which == "current" else cycles[-2]
        rules = edited_rules(cycle_rules(conn, cert.id).get(cycle.id or 0, ()), require, no_require, cap, no_cap)
        cycle = replace(cycle, required_seconds=cycle.required_seconds if hours is None else hours,
                        carry_cap_seconds=cycle.carry_cap_seconds if carry is None else carry or None)
        update_cycle(conn, cert.id, cycle, rules)
    return cert, cycle, rules
