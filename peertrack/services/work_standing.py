"""Each certification's standing on the work log: its rules on service and supervision, on a given day."""

from __future__ import annotations

import datetime as dt
import sqlite3

from peertrack.domain.record_types import dataclass
from peertrack.domain.work_rules import RuleStanding, standing, worst

TYPE_CHECKING = False  # as typing.TYPE_CHECKING, without importing typing at start-up
if TYPE_CHECKING:
    from peertrack.domain.models import Certification


@dataclass
class CertWork:
    """A certification's rules on the work log, each with where it stands, and the worst level among them."""

    cert: Certification
    rules: list[RuleStanding]

    @property
    def level(self) -> str:
        return worst(r.level for r in self.rules)


def certs_work(conn: sqlite3.Connection | None, certs: list[Certification], today: dt.date) -> list[CertWork]:
    """The work-log standing of each certification that has rules on it, in the order given."""
    if conn is None or not certs:
        return []
    from peertrack.storage import work as store

    rules = store.load_work_rules(conn)
    chosen = [cert for cert in certs if rules.get(cert.id)]
    if not chosen:
        return []
    from peertrack.services.overview import load_settings

    settings = load_settings(conn)
    first = min(cert.cycle.starts for cert in chosen)
    last = max(cert.cycle.ends for cert in chosen)
    work = store.find_work(conn, start=first, end=last)
    sessions = store.find_supervision(conn, start=first, end=last)
    return [CertWork(cert, [standing(rule, cert.cycle.starts, cert.cycle.ends, work, sessions, today,
                                     settings.soon_days, settings.urgent_days) for rule in rules[cert.id]])
            for cert in chosen]
