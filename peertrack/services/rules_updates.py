"""The rules a certification's template gives now that it does not (domain/template_updates.py): shown beside
its standing, taken or kept by its holder, each in one transaction."""

from __future__ import annotations

import sqlite3

from peertrack.domain.models import Certification, Progress, RulesUpdate
from peertrack.domain.record_types import replace
from peertrack.domain.template_updates import pending, with_update
from peertrack.storage.database import transaction


def with_updates(conn: sqlite3.Connection, items: list[Progress]) -> list[Progress]:
    """Each certification's progress with the rules its template offers it, where it offers some."""
    if not any(item.cert.template for item in items):
        return items
    from peertrack.services.board_rules import templates_of
    from peertrack.storage.template_rules import kept_rules

    kept = kept_rules(conn)
    templates = templates_of([item.cert for item in items])
    found = []
    for item in items:
        update = _update(item.cert, templates, kept)
        found.append(replace(item, rules_update=update) if update else item)
    return found


def take(conn: sqlite3.Connection, cert_id: str, shown: RulesUpdate) -> tuple[Certification, Certification]:
    """Take the template's rules `shown` to the holder (the certification before and after), read, checked
    and written in one transaction; refused when what is offered changed meanwhile."""
    from peertrack.storage.certs import update_cert
    from peertrack.storage.template_rules import keep_rules

    with transaction(conn):
        cert = _still_offered(conn, cert_id, shown)
        changed = with_update(cert, shown)
        update_cert(conn, cert.id, changed)
        keep_rules(conn, cert.id, shown.text)
    return cert, changed


def keep(conn: sqlite3.Connection, cert_id: str, shown: RulesUpdate) -> Certification:
    """Keep the holder's own rules: the template's rules of today are kept as seen, so they are offered again only
    when the template changes them. In one transaction; refused when what is offered changed meanwhile."""
    from peertrack.storage.template_rules import keep_rules

    with transaction(conn):
        cert = _still_offered(conn, cert_id, shown)
        keep_rules(conn, cert.id, shown.text)
    return cert


def note_matched(conn: sqlite3.Connection, old: Certification, new: Certification) -> None:
    """After an edit of `old` into `new` (in the caller's transaction): each rule that either of them has at the
    template's value of today is kept as seen, so a rule the holder matched is not offered back later."""
    from peertrack.domain.template_updates import matched
    from peertrack.services.board_rules import templates_of
    from peertrack.storage.template_rules import keep_rules, kept_rules

    template = templates_of([old]).get(old.template) if old.template else None
    kept = kept_rules(conn).get(old.id)
    if template is None or kept is None:
        return
    found = matched(matched(kept, old, template), new, template)
    if found != kept:
        keep_rules(conn, new.id, found)


def offered(conn: sqlite3.Connection, cert_id: str) -> tuple[Certification, RulesUpdate | None]:
    """The certification and what its template offers it (None: nothing)."""
    from peertrack.storage.certs import load_cert

    cert = load_cert(conn, cert_id)
    return cert, _offered(conn, cert)


def _still_offered(conn: sqlite3.Connection, cert_id: str, shown: RulesUpdate) -> Certification:
    from peertrack.domain.errors import Conflict
    from peertrack.storage.certs import load_cert

    cert = load_cert(conn, cert_id)
    if _offered(conn, cert) != shown:
        raise Conflict(f"The rules of {cert.name} ({cert.id}), or of its template, changed while you were deciding, "
                       "so nothing was changed.", topic="rules-changed-meanwhile", ref=cert.id)
    return cert


def _offered(conn: sqlite3.Connection, cert: Certification) -> RulesUpdate | None:
    from peertrack.services.board_rules import templates_of
    from peertrack.storage.template_rules import kept_rules

    return _update(cert, templates_of([cert]), kept_rules(conn)) if cert.template else None


def _update(cert: Certification, templates: dict, kept: dict[str, str | None]) -> RulesUpdate | None:
    template = templates.get(cert.template) if cert.template else None
    return pending(cert, template, kept.get(cert.id)) if template is not None else None
