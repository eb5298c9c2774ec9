"""Reading and writing certifications, their cycles and their requirements."""

from __future__ import annotations

import datetime as dt
import sqlite3

from peertrack.domain import errors
from peertrack.domain.errors import Conflict, NotFound
from peertrack.domain.models import Certification, Cycle, Requirement
from peertrack.domain.record_types import replace
from peertrack.storage.database import iso, now

_CERT_COLUMNS = ("id", "name", "body", "number", "issued", "cycle_months", "required_seconds", "anchor_day",
                 "carry_over_seconds", "opens_days", "submit_days", "grace_days", "endorsement_of", "template")


def cert_ids(conn: sqlite3.Connection) -> list[str]:
    return [row[0] for row in conn.execute("SELECT id FROM certifications ORDER BY id")]


def load_certs(conn: sqlite3.Connection) -> list[Certification]:
    """Every certification with its current cycle, the soonest expiry first."""
    rows = conn.execute(
        "SELECT c.*, y.id AS cycle_id, y.starts, y.ends, y.required_seconds AS cycle_seconds, y.closed_on,"
        " y.carry_cap_seconds, y.carried_when_renewed_seconds"
        " FROM certifications c JOIN cycles y ON y.cert_id = c.id AND y.closed_on IS NULL"
        " ORDER BY y.ends, c.id"
    ).fetchall()
    ahead: dict[str, list[Requirement]] = {}  # each certification's own rules, for the cycles to come
    in_force: dict[int, list[Requirement]] = {}  # each cycle's
    for req in conn.execute("SELECT cert_id, cycle_id, kind, dimension, value, seconds FROM requirements"
                            " WHERE cycle_id IS NULL OR cycle_id IN (SELECT id FROM cycles WHERE closed_on IS NULL)"
                            " ORDER BY id"):
        rule = Requirement(req["value"], req["seconds"], req["kind"], req["dimension"])
        if req["cycle_id"] is None:
            ahead.setdefault(req["cert_id"], []).append(rule)
        else:
            in_force.setdefault(req["cycle_id"], []).append(rule)
    history: dict[str, list[Cycle]] = {}
    for row in conn.execute("SELECT cert_id, id AS cycle_id, starts, ends, required_seconds AS cycle_seconds,"
                            " closed_on, carry_cap_seconds, carried_when_renewed_seconds FROM cycles"):
        history.setdefault(row["cert_id"], []).append(_cycle_from(row))
    aliases: dict[str, list[tuple[str, str]]] = {}
    for cert_id, word, category in conn.execute("SELECT cert_id, word, category FROM category_aliases ORDER BY word"):
        aliases.setdefault(cert_id, []).append((word, category))
    return [_current_window(replace(_cert_from(row, in_force.get(row["cycle_id"], []), ahead.get(row["id"], [])),
                                    category_aliases=tuple(aliases.get(row["id"], ()))),
                            history.get(row["id"], []))
            for row in rows]


def in_cycle(conn: sqlite3.Connection, cert: Certification, cycle: Cycle) -> Certification:
    """The certification as it stood in one of its cycles (from load_cycles): that cycle, with its own rules."""
    windows = load_cycles(conn, cert.id)
    before = [window for window, following in zip(windows, windows[1:], strict=False) if following.id == cycle.id]
    return replace(cert, cycle=cycle, requirements=cycle_rules(conn, cert.id).get(cycle.id or 0, ()),
                   next_requirements=None, topics_owed=(),  # what the current cycle owes is not that cycle's
                   carry_from=before[0] if before else None)


def cycle_rules(conn: sqlite3.Connection, cert_id: str) -> dict[int, tuple[Requirement, ...]]:
    """The minimums and caps in force for each cycle of a certification, by the cycle's number."""
    rules: dict[int, list[Requirement]] = {}
    for cycle_id, kind, dimension, value, seconds in conn.execute(
            "SELECT cycle_id, kind, dimension, value, seconds FROM requirements"
            " WHERE cert_id = ? AND cycle_id IS NOT NULL ORDER BY id", (cert_id,)):
        rules.setdefault(cycle_id, []).append(Requirement(value, seconds, kind, dimension))
    return {cycle_id: tuple(own) for cycle_id, own in rules.items()}


def _current_window(cert: Certification, cycles: list[Cycle]) -> Certification:
    """The certification with its current cycle as credit counts it (see domain/credit.py), and the cycle
    before it."""
    from peertrack.domain.credit import credit_windows

    windows = credit_windows(cycles)
    for place, window in enumerate(windows):
        if window.id == cert.cycle.id:
            return replace(cert, cycle=replace(cert.cycle, starts=window.starts),
                           carry_from=windows[place - 1] if place else None)
    return cert


def load_cert(conn: sqlite3.Connection, cert_id: str) -> Certification:
    for cert in load_certs(conn):
        if cert.id == cert_id:
            return cert
    raise unknown_cert(conn, cert_id)


def unknown_cert(conn: sqlite3.Connection, cert_id: str) -> NotFound:
    return errors.unknown_cert(cert_id, cert_ids(conn))


def load_cycles(conn: sqlite3.Connection, cert_id: str) -> list[Cycle]:
    """A certification's cycles, oldest first, each over the days whose courses count toward it; the last is
    the current one."""
    from peertrack.domain.credit import credit_windows

    return credit_windows([_cycle_from(row) for row in conn.execute(
        "SELECT id AS cycle_id, starts, ends, required_seconds AS cycle_seconds, closed_on, carry_cap_seconds,"
        " carried_when_renewed_seconds FROM cycles WHERE cert_id = ? ORDER BY closed_on IS NULL, ends", (cert_id,))])


def _cycle_from(row: sqlite3.Row) -> Cycle:
    return Cycle(
        id=row["cycle_id"],
        starts=dt.date.fromisoformat(row["starts"]),
        ends=dt.date.fromisoformat(row["ends"]),
        required_seconds=row["cycle_seconds"],
        closed_on=dt.date.fromisoformat(row["closed_on"]) if row["closed_on"] else None,
        carry_cap_seconds=row["carry_cap_seconds"],
        carried_when_renewed_seconds=row["carried_when_renewed_seconds"],
    )


def _cert_from(row: sqlite3.Row, requirements: list[Requirement], ahead: list[Requirement]) -> Certification:
    return Certification(
        id=row["id"],
        name=row["name"],
        body=row["body"],
        number=row["number"],
        issued=dt.date.fromisoformat(row["issued"]) if row["issued"] else None,
        cycle_months=row["cycle_months"],
        required_seconds=row["required_seconds"],
        cycle=_cycle_from(row),
        requirements=tuple(requirements),
        next_requirements=tuple(ahead) if ahead != requirements else None,
        anchor_day=row["anchor_day"],
        carry_over_seconds=row["carry_over_seconds"],
        opens_days=row["opens_days"],
        submit_days=row["submit_days"],
        grace_days=row["grace_days"],
        endorsement_of=row["endorsement_of"],
        template=row["template"],
    )


def _values(cert: Certification) -> tuple:
    return tuple(iso(value) if isinstance(value, dt.date) else value
                 for value in (getattr(cert, column) for column in _CERT_COLUMNS))


def insert_cert(conn: sqlite3.Connection, cert: Certification) -> None:
    if conn.execute("SELECT 1 FROM certifications WHERE id = ?", (cert.id,)).fetchone():
        raise Conflict(f'A certification with the id "{cert.id}" already exists.', topic="cert-id-taken", ref=cert.id)
    _check_parent(conn, cert)
    columns = ", ".join(_CERT_COLUMNS)
    conn.execute(
        f"INSERT INTO certifications ({columns}, created_at) VALUES ({', '.join('?' * len(_CERT_COLUMNS))}, ?)",
        _values(cert) + (now(),),
    )
    insert_cycle(conn, cert.id, cert.cycle, cert.requirements)
    _write_requirements(conn, cert.id, None, cert.rules_ahead)
    _write_aliases(conn, cert)
    if cert.template:
        from peertrack.storage.template_rules import keep_rules

        keep_rules(conn, cert.id, _template_rules(cert))


def _template_rules(cert: Certification) -> str | None:
    """The rules of the template `cert` is added from, as it keeps them; None when the template cannot be read."""
    from peertrack.domain.errors import PeertrackError
    from peertrack.domain.template_updates import rules_text
    from peertrack.storage.template_files import find_template

    try:
        return rules_text(find_template(cert.template or ""), cert.cycle_months)
    except PeertrackError:
        return None


def _write_aliases(conn: sqlite3.Connection, cert: Certification) -> None:
    conn.execute("DELETE FROM category_aliases WHERE cert_id = ?", (cert.id,))
    conn.executemany("INSERT INTO category_aliases (cert_id, word, category) VALUES (?, ?, ?)",
                     [(cert.id, word, category) for word, category in cert.category_aliases])


def insert_cycle(conn: sqlite3.Connection, cert_id: str, cycle: Cycle, rules: tuple[Requirement, ...]) -> None:
    """A new cycle, with the minimums and caps in force for it."""
    cursor = conn.execute(
        "INSERT INTO cycles (cert_id, starts, ends, required_seconds, carry_cap_seconds, carried_when_renewed_seconds,"
        " closed_on) VALUES (?, ?, ?, ?, ?, ?, ?)",
        (cert_id, cycle.starts.isoformat(), cycle.ends.isoformat(), cycle.required_seconds,
         cycle.carry_cap_seconds, cycle.carried_when_renewed_seconds, iso(cycle.closed_on)),
    )
    _write_requirements(conn, cert_id, cursor.lastrowid, rules)


def update_cycle(conn: sqlite3.Connection, cert_id: str, cycle: Cycle, rules: tuple[Requirement, ...]) -> None:
    """One cycle's own hours, rules and carry-over cap, changed; the certification's and other cycles' stay."""
    conn.execute("UPDATE cycles SET required_seconds = ?, carry_cap_seconds = ? WHERE id = ? AND cert_id = ?",
                 (cycle.required_seconds, cycle.carry_cap_seconds, cycle.id, cert_id))
    conn.execute("DELETE FROM requirements WHERE cycle_id = ?", (cycle.id,))
    _write_requirements(conn, cert_id, cycle.id, rules)


def close_cycle(conn: sqlite3.Connection, cycle: Cycle, closed_on: dt.date) -> None:
    conn.execute("UPDATE cycles SET closed_on = ? WHERE id = ?", (closed_on.isoformat(), cycle.id))


def note_carried_when_renewed(conn: sqlite3.Connection, cert_id: str, seconds: int) -> None:
    """Keep, on the open cycle, the hours worked out as carried into it on the day its renewal was recorded."""
    conn.execute("UPDATE cycles SET carried_when_renewed_seconds = ? WHERE cert_id = ? AND closed_on IS NULL",
                 (seconds, cert_id))


def update_cert(conn: sqlite3.Connection, old_id: str, cert: Certification) -> None:
    if cert.id != old_id and conn.execute("SELECT 1 FROM certifications WHERE id = ?", (cert.id,)).fetchone():
        raise Conflict(f'A certification with the id "{cert.id}" already exists.', topic="new-id-taken")
    _check_parent(conn, cert)
    assignments = ", ".join(f"{column} = ?" for column in _CERT_COLUMNS)
    conn.execute(f"UPDATE certifications SET {assignments} WHERE id = ?", _values(cert) + (old_id,))
    conn.execute("UPDATE certifications SET endorsement_of = ? WHERE endorsement_of = ?", (cert.id, old_id))
    conn.execute(
        "UPDATE cycles SET starts = ?, ends = ?, required_seconds = ?, carry_cap_seconds = ? WHERE id = ?",
        (cert.cycle.starts.isoformat(), cert.cycle.ends.isoformat(), cert.cycle.required_seconds,
         cert.cycle.carry_cap_seconds, cert.cycle.id),
    )
    conn.execute("DELETE FROM requirements WHERE cert_id = ? AND (cycle_id IS NULL OR cycle_id = ?)",
                 (cert.id, cert.cycle.id))
    _write_requirements(conn, cert.id, cert.cycle.id, cert.requirements)
    _write_requirements(conn, cert.id, None, cert.rules_ahead)
    _write_aliases(conn, cert)


def _check_parent(conn: sqlite3.Connection, cert: Certification) -> None:
    if cert.endorsement_of is None:
        return
    if cert.endorsement_of == cert.id:
        raise errors.InvalidInput("--endorsement-of", cert.endorsement_of, "name another certification",
                                  problem="is this certification itself")
    row = conn.execute("SELECT endorsement_of FROM certifications WHERE id = ?", (cert.endorsement_of,)).fetchone()
    if row is None:
        raise unknown_cert(conn, cert.endorsement_of)
    if conn.execute("SELECT 1 FROM certifications WHERE endorsement_of = ?", (cert.id,)).fetchone():
        raise errors.InvalidInput("--endorsement-of", cert.endorsement_of, "a certification with endorsements of "
                                  "its own cannot be one", problem="cannot be set here")
    if row[0] is not None:
        raise errors.InvalidInput("--endorsement-of", cert.endorsement_of, "name a certification, not an endorsement",
                                  problem="is itself an endorsement")


def _write_requirements(conn: sqlite3.Connection, cert_id: str, cycle_id: int | None,
                        rules: tuple[Requirement, ...]) -> None:
    """Rules of one cycle, or (no cycle) the certification's own, which each new cycle starts with."""
    conn.executemany(
        "INSERT INTO requirements (cert_id, cycle_id, kind, dimension, value, seconds) VALUES (?, ?, ?, ?, ?, ?)",
        [(cert_id, cycle_id, req.kind, req.dimension, req.value, req.seconds) for req in rules],
    )


def delete_cert(conn: sqlite3.Connection, cert_id: str) -> None:
    """Remove a certification with its cycles and rules. A course the holder chose for it alone keeps
    that choice, and so counts toward no other certification."""
    conn.execute("UPDATE certifications SET endorsement_of = NULL WHERE endorsement_of = ?", (cert_id,))
    conn.execute("DELETE FROM certifications WHERE id = ?", (cert_id,))
