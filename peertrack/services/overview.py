"""The whole picture read from the database: each certification's progress, the settings, the
reminders due. Shared by the commands and by the fast lane, so it knows no command-line parser."""

from __future__ import annotations

import datetime as dt
import sqlite3
import sys

from peertrack.services.cycle_courses import cycle_courses
from peertrack.storage.courses import credited_courses
from peertrack.storage.database import connect, privacy_warning
from peertrack.storage.reminders import load_reminders
from peertrack.storage.settings import load_settings as stored_settings

TYPE_CHECKING = False  # as typing.TYPE_CHECKING, without importing typing at start-up
if TYPE_CHECKING:
    from pathlib import Path

    from peertrack.domain.models import Certification, DueReminder, Progress
    from peertrack.domain.settings import Settings


def open_database(path: str | Path) -> sqlite3.Connection:
    """The database, created on first use, with a word when others could read it."""
    conn = connect(path)
    warning = privacy_warning(path)
    if warning:
        sys.stderr.write(warning + "\n")
    return conn


def load_settings(conn: sqlite3.Connection | None) -> Settings:
    from peertrack.domain.settings import Settings, from_stored

    return from_stored(stored_settings(conn)) if conn is not None else Settings()


def cert_by_default(conn: sqlite3.Connection) -> str | None:
    """The certification meant when none is named: the default-cert setting, else the only one there is."""
    chosen = load_settings(conn).default_cert
    if chosen:
        return chosen
    from peertrack.storage.certs import cert_ids

    ids = cert_ids(conn)
    return ids[0] if len(ids) == 1 else None


def progress_of(conn: sqlite3.Connection, certs: list[Certification], today: dt.date) -> list[Progress]:
    """Each certification's progress; an endorsement comes right after the certification it belongs to."""
    from peertrack.domain.late_stages import with_late_standing
    from peertrack.domain.record_types import replace
    from peertrack.domain.requirements import progress
    from peertrack.services.board_rules import late_stages, provider_rules, templates_of, training_counts
    from peertrack.services.carry import with_carried

    settings = load_settings(conn)
    late = late_stages(certs)  # each certification's template, read now in one go rather than one at a time
    templates = templates_of(certs)
    certs = with_carried(conn, [_with_topics(conn, cert, templates) for cert in certs], today)
    courses, unapproved = {}, {}
    for cert in certs:
        courses[cert.id], unapproved[cert.id] = provider_rules(conn, cert, cycle_courses(conn, cert))
    items = {cert.id: progress(cert, courses[cert.id], today, settings.soon_days, settings.urgent_days)
             for cert in certs}
    for pair in _unique_pairs(conn, certs, templates):
        first, second = (_partner(conn, cert, courses, templates, today) for cert in pair)
        items[first.id], items[second.id] = _split(first, second, courses, today, settings)
    counts = training_counts(certs, courses)  # from the courses already read, not read again
    shown = []
    for cert in certs:
        item = replace(items[cert.id], not_approved=unapproved[cert.id]) if unapproved[cert.id] else items[cert.id]
        if cert.id in counts:
            item = replace(item, trainings=tuple(counts[cert.id]))
        shown.append(with_late_standing(item, late.get(cert.id, ())))
    return endorsements_under_parents(shown)


def given_to_partner(conn: sqlite3.Connection, cert: Certification, today: dt.date) -> set[int]:
    """The courses a certification with unique hours leaves to its partner (domain/unique_hours.py): they
    are reported to the partner's body, not this one's. Empty for every other certification."""
    from peertrack.services.board_rules import templates_of

    template = templates_of([cert]).get(cert.template) if cert.template else None
    if template is None or not template.unique_hours_with:
        return set()
    return set(progress_of(conn, [cert], today)[0].shared_there)


def _unique_pairs(conn: sqlite3.Connection, shown: list[Certification], templates: dict) -> list[tuple]:
    """Pairs of `shown` certifications that may not count the same course (their templates say so)."""
    from peertrack.storage.certs import load_certs

    wanted = {cert.id: templates[cert.template].unique_hours_with for cert in shown
              if cert.template in templates and templates[cert.template].unique_hours_with}
    if not wanted:
        return []
    pairs: list[tuple] = []
    ready = {cert.id: cert for cert in shown}  # those shown already carry their topics
    held = [ready.get(cert.id, cert) for cert in load_certs(conn)]
    for cert in shown:
        for other in held:
            if cert.id in wanted and other.template in wanted[cert.id] and other.id != cert.id \
                    and {cert.id, other.id} not in [{a.id, b.id} for a, b in pairs]:
                pairs.append((cert, other) if cert.id < other.id else (other, cert))  # one split, however shown
    return pairs


def _partner(conn: sqlite3.Connection, cert: Certification, courses: dict, templates: dict,
             today: dt.date) -> Certification:
    """A certification of a unique-hours pair; one not shown gets its topics, hours carried and courses all
    the same."""
    if cert.id not in courses:
        from peertrack.services.board_rules import provider_rules
        from peertrack.services.carry import with_carried

        cert = with_carried(conn, [_with_topics(conn, cert, templates)], today)[0]
        courses[cert.id], _ = provider_rules(conn, cert, cycle_courses(conn, cert))
    return cert


def _split(first: Certification, second: Certification, courses: dict, today: dt.date, settings) -> tuple:
    """Both certifications' progress with each course that counts toward both given to one only."""
    from peertrack.domain.record_types import replace
    from peertrack.domain.requirements import progress
    from peertrack.domain.unique_hours import split_shared

    def reckon(mine: list, theirs: list) -> tuple:
        return (progress(first, mine, today, settings.soon_days, settings.urgent_days),
                progress(second, theirs, today, settings.soon_days, settings.urgent_days))

    here, there = courses[first.id], courses[second.id]
    one, two, given, proven = split_shared(here, there, reckon)
    shared = sorted({c.id for c in here} & {c.id for c in there})
    rest = tuple(n for n in shared if n not in given)
    return (replace(one, unique_with=second.id, shared_here=given, shared_there=rest, exact=one.exact and proven),
            replace(two, unique_with=first.id, shared_here=rest, shared_there=given, exact=two.exact and proven))


def _with_topics(conn: sqlite3.Connection, cert: Certification, templates: dict) -> Certification:
    """The certification with what its current cycle still owes of topics due once over several cycles
    (domain/topic_windows.py), as minimums of the cycle."""
    template = templates.get(cert.template) if cert.template else None
    if template is None or not template.once_over_cycles:
        return cert
    from peertrack.domain.record_types import replace
    from peertrack.domain.topic_windows import owed_minimums, window_start
    from peertrack.storage.courses import credit_spans

    # Certified since the issue day: a topic's window may reach back before the first cycle on record here.
    first = credit_spans(conn)[cert.id][0]
    first = min(first, cert.issued) if cert.issued else first
    earliest = min(window_start(cert.expires, years, first) for _, _, years in template.once_over_cycles)
    earlier = credited_courses(conn, cert.id, earliest, cert.cycle.starts - dt.timedelta(days=1)) \
        if earliest < cert.cycle.starts else []
    owed = owed_minimums(cert, template.once_over_cycles, earlier, first)
    own = {(r.dimension, r.value.casefold()) for r in cert.requirements}
    return replace(cert, topics_owed=tuple(r for r in owed if (r.dimension, r.value.casefold()) not in own))


def endorsements_under_parents(items: list[Progress]) -> list[Progress]:
    present = {item.cert.id for item in items}
    ordered = []
    for item in items:
        if item.cert.endorsement_of in present:
            continue
        ordered.append(item)
        ordered.extend(child for child in items if child.cert.endorsement_of == item.cert.id)
    # Never lose one from view, whatever the links between them.
    return ordered + [item for item in items if item not in ordered]


def due_reminders(conn: sqlite3.Connection | None, today: dt.date) -> list[DueReminder]:
    """Wellness reminders due today or missed, each once (since its oldest missed date), longest waiting first."""
    if conn is None:
        return []
    reminders = load_reminders(conn)
    if not reminders:
        return []
    from peertrack.domain.recurrence.state import due  # the rules most reminders have need no dateutil

    items = [item for item in (due(r, today) for r in reminders) if item is not None]
    return sorted(items, key=lambda item: (item.due_since, item.reminder.title.lower(), item.reminder.id))
