"""The rules a certification's template gives now that it does not (domain/template_updates.py): shown beside
its standing, taken or kept by its holder, each in one transaction."""

from __future__ import annotations

import sqlite3

from peertrack.domain.models import Certification, Progress, RulesUpdate
from peertrack.domain.record_types import replace
from peertrack.domain.template_updates import pending, with_update


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


def take(conn: sqlite3.Connection, cert_id: str) -> tuple[Certification, Certification, RulesUpdate | None]:
    """Take the template's rules `cert_id` is offered (the certification before and after; no update: nothing
    to take), read, checked and written in one transaction."""
    from peertrack.storage.certs import load_cert, update_cert
    from peertrack.storage.database import transaction
    from peertrack.storage.template_rules import keep_rules

    with transaction(conn):
        cert = load_cert(conn, cert_id)
        update = _offered(conn, cert)
        if update is None:
            return cert, cert, None
        changed = with_update(cert, update)
        update_cert(conn, cert.id, changed)
        keep_rules(conn, cert.id, update.text)
    return cert, changed, update


def keep(conn: sqlite3.Connection, cert_id: str) -> tuple[Certification, RulesUpdate | None]:
    """Keep the holder's own rules: the template's rules of today are kept as seen, so they are offered again
    only when the template changes them. In one transaction."""
    from peertrack.storage.certs import load_cert
    from peertrack.storage.database import transaction
    from peertrack.storage.template_rules import keep_rules

    with transaction(conn):
        cert = load_cert(conn, cert_id)
        update = _offered(conn, cert)
        if update is not None:
            keep_rules(conn, cert.id, update.text)
    return cert, update


def offered(conn: sqlite3.Connection, cert_id: str) -> tuple[Certification, RulesUpdate | None]:
    """The certification and what its template offers it (None: nothing)."""
    from peertrack.storage.certs import load_cert

    cert = load_cert(conn, cert_id)
    return cert, _offered(conn, cert)


def _offered(conn: sqlite3.Connection, cert: Certification) -> RulesUpdate | None:
    from peertrack.services.board_rules import templates_of
    from peertrack.storage.template_rules import kept_rules

    return _update(cert, templates_of([cert]), kept_rules(conn)) if cert.template else None


def _update(cert: Certification, templates: dict, kept: dict[str, str | None]) -> RulesUpdate | None:
    template = templates.get(cert.template) if cert.template else None
    return pending(cert, template, kept.get(cert.id)) if template is not None else None
