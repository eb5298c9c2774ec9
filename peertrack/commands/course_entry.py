"""Recording a course you took (log-ceu), after its command line is read: for the command tree and the fast lane.

No parser and no screen library here: the fast lane in peertrack/cli.py runs it without loading
either, and messages go straight to stderr. `ceu edit` shares the checks of a course's details.
"""

from __future__ import annotations

import sqlite3
import sys
from pathlib import Path

from peertrack.domain.errors import Conflict, InvalidInput
from peertrack.domain.models import HOUR, Course
from peertrack.domain.parsing import (
    allocate,
    optional_text,
    parse_category,
    parse_date,
    parse_format,
    parse_hours,
    parse_text,
)
from peertrack.domain.record_types import replace
from peertrack.services import clock
from peertrack.services.overview import load_settings, open_database, progress_of
from peertrack.storage.certs import load_certs, unknown_cert
from peertrack.storage.courses import find_courses, insert_course, load_course
from peertrack.storage.database import transaction


def log_course(db_path: Path, title: str | None = None, hours: str | None = None, date: str | None = None,
               provider: str | None = None, category: list[str] | None = None, cert: list[str] | None = None,
               format: str | None = None, approval_no: str | None = None, note: str | None = None,
               force: bool = False, json: bool = False, certificate: str | None = None,
               read_from: bool = False) -> None:
    """Check the course's details, save it in one transaction, then tell where it counts (or print JSON).

    `certificate` is a file to keep with the course; `read_from` when the details were read from that
    file (--from), so a certificate already kept is refused. Bad input stops before anything is written.
    """
    if title is None:
        raise InvalidInput("TITLE", "", 'give the course title, like peertrack log-ceu "Peer ethics" --hours 2, '
                           "or read it from the certificate with --from FILE", problem="is missing")
    if hours is None:
        raise InvalidInput("--hours", "", "give the hours earned, like --hours 3 or --hours 90m, "
                           "or read them from the certificate with --from FILE", problem="is missing")
    today = clock.today()
    # Reading never creates the file: a course refused for its details leaves no database behind.
    conn = open_database(db_path) if db_path.exists() else None
    try:
        course = course_from_options(
            today, conn is not None and load_settings(conn).day_first, title=title, hours=hours, date=date or "today",
            provider=provider, category=category, format=format, approval_no=approval_no, note=note,
        )
        certificate_file = None
        if certificate is not None:
            from peertrack.storage.file_store import check_file

            certificate_file = check_file(certificate, "--from" if read_from else "--certificate")
        if conn is None:
            conn = open_database(db_path)
        _save_and_tell(conn, db_path, course, today, cert, force, json, certificate_file, read_from)
    finally:
        if conn is not None:
            conn.close()


def _save_and_tell(conn: sqlite3.Connection, db_path: Path, course: Course, today, cert: list[str] | None,
                   force: bool, json: bool, certificate: Path | None, read_from: bool) -> None:
    """Save the checked course in one transaction (a twin refused unless `force`), then say where it counts."""
    dates = load_settings(conn).date_format
    with transaction(conn):
        if read_from and certificate is not None:
            from peertrack.services.certificate_files import refuse_same_file

            refuse_same_file(conn, certificate, force)
        if not force:
            _refuse_duplicate(conn, course, dates)
        course = credit_chosen(conn, course, cert)
        course_id = insert_course(conn, course)
        course = load_course(conn, course_id)
        certs = reported_certs(conn, course)
        if certificate is not None:
            from peertrack.services.certificate_files import keep_certificate

            kept, _ = keep_certificate(conn, db_path, course_id, certificate)
    items = progress_of(conn, [cert for cert in certs if cert.cycle.contains(course.date)], today)
    if json:
        from peertrack.output import porcelain

        porcelain.emit({"course": porcelain.course(course), "certifications": [porcelain.progress(i) for i in items]})
    else:
        from peertrack.domain.needs import recorded_lines
        from peertrack.domain.terminal_text import escaped

        renewal_helps = any(cert.cycle.ends < course.date for cert in certs)
        tell(escaped("\n".join(recorded_lines(course, items, renewal_helps))))
    if certificate is not None:
        from peertrack.domain.terminal_text import escaped

        tell(f"✓ Kept a copy of its certificate, {escaped(kept.original_name)}.")
    _warn_outside_cycle(course, certs, dates, _covered(conn, course), _carried_now(conn, course, certs, today))
    warn_category_words(course, [cert for cert in certs if cert.id in course.cert_ids])
    from peertrack.domain.providers import left_out_note

    note = left_out_note(course_id, items)
    if note:
        tell(note)


def tell(message: str) -> None:
    """A line for the person on stderr, as it is: no colour, no folding."""
    sys.stderr.write(message + "\n")
    sys.stderr.flush()


def course_from_options(today, day_first: bool, *, title, hours, date, provider, category, format, approval_no,
                        note) -> Course:
    """Every check of a course's details that needs no database, so bad input stops before any write."""
    seconds = parse_hours(hours)
    day = parse_date(date, "--date", today, day_first=day_first)
    if day > today:
        raise InvalidInput("--date", date, "log a course on the day you take it or after",
                           problem="is in the future")
    return Course(
        date=day,
        title=parse_text(title, "TITLE"),
        seconds=seconds,
        provider=optional_text(provider),
        format=parse_format(format) if format else None,
        approval_no=optional_text(approval_no),
        note=optional_text(note),
        allocations=allocate([parse_category(text) for text in category or []], seconds),
    )


def credit_chosen(conn, course: Course, given: list[str] | None) -> Course:
    """The course with the certifications it counts toward, as named with --cert.

    ID, or ID=HOURS when that body credits other hours than the course's own; `none` for no
    certification; nothing or `auto` for the default: worked out from the dates whenever it is read,
    so a certification added or renewed later counts it too.
    """
    words = {text.strip().lower() for text in given or []}
    if not given or words == {"auto"}:
        return replace(course, credit_chosen=False, cert_ids=(), overrides=())
    if words == {"none"}:
        return replace(course, credit_chosen=True, cert_ids=(), overrides=())
    by_id = {c.id: c for c in load_certs(conn)}
    chosen: list[str] = []
    overrides = []
    for text in given:
        cert_id, sep, amount = text.partition("=")
        cert_id = cert_id.strip().lower()
        if cert_id in ("auto", "none"):
            raise InvalidInput("--cert", text, f"give --cert {cert_id} on its own, or name certifications",
                               problem="cannot go with other certifications")
        if cert_id not in by_id:
            raise unknown_cert(conn, cert_id)
        if cert_id not in chosen:
            chosen.append(cert_id)
        if sep:
            overrides.append((cert_id, parse_hours(amount, "--cert", allow_zero=True, limit=1000 * HOUR)))
    return replace(course, credit_chosen=True, cert_ids=tuple(chosen), overrides=tuple(sorted(overrides)))


def reported_certs(conn, course: Course) -> list:
    """The certifications to tell about after a course is saved: those it counts toward, and, for a course
    counted by its date, those whose current cycle does not include it (a note says why it does not count,
    or that it will once they are renewed)."""
    return [cert for cert in load_certs(conn)
            if cert.id in course.cert_ids or (not course.credit_chosen and not cert.cycle.contains(course.date))]


def _refuse_duplicate(conn, course: Course, dates: str) -> None:
    from peertrack.domain.formatting import bare_day

    for twin in find_courses(conn, start=course.date, end=course.date, title=course.title):
        raise Conflict(
            f'"{twin.title}" on {bare_day(twin.date, dates)} is already recorded (course {twin.id}).',
            "If you took it twice that day, add --force to record it again.",
        )


def _covered(conn, course: Course) -> set[str]:
    """The certifications with a cycle on record (current or past) that includes the course's date."""
    from peertrack.storage.courses import credit_spans

    return {cert_id for cert_id, (first, last) in credit_spans(conn).items() if first <= course.date <= last}


def _carried_now(conn, course: Course, certs, today) -> dict[str, tuple[int, int]]:
    """For each certification whose cycle before the current one includes the course's date and passes extra
    hours on: (the hours it carries into the current cycle now, the most it may)."""
    passing = [cert for cert in certs if cert.id in course.cert_ids and cert.carry_from is not None
               and cert.carry_from.carry_cap_seconds and cert.carry_from.starts <= course.date <= cert.carry_from.ends]
    if not passing:
        return {}
    from peertrack.services.carry import carried_into

    return {cert.id: (carried_into(conn, cert, today), cert.carry_from.carry_cap_seconds) for cert in passing}


def _warn_outside_cycle(course: Course, certs, dates: str, covered: set[str],
                        carried: dict[str, tuple[int, int]]) -> None:
    from peertrack.domain.formatting import bare_day

    day = bare_day(course.date, dates)
    for cert in certs:
        if cert.cycle.contains(course.date):
            continue
        from peertrack.output.screen import say  # only for a note: the screen costs more to load than a course

        if course.date > cert.cycle.ends:
            say(f"Note: {day} is after the current cycle of {cert.id} ended "
                f"({bare_day(cert.cycle.ends, dates)}); it will count toward the next cycle once you "
                f"record your renewal with: peertrack cert renew {cert.id}")
        elif cert.id in carried:
            from peertrack.domain.formatting import hours_words

            now, most = carried[cert.id]
            say(f"Note: {day} is before the current cycle of {cert.id} began "
                f"({bare_day(cert.cycle.starts, dates)}), so it counts toward the cycle before, whose extra hours "
                f"carry over (at most {hours_words(most)}): {hours_words(now)} carried into this cycle now. "
                f"See: peertrack cert show {cert.id} --cycles")
        elif cert.id in course.cert_ids and cert.id in covered:
            say(f"Note: {day} is before the current cycle of {cert.id} began "
                f"({bare_day(cert.cycle.starts, dates)}), so it counts toward an earlier one: "
                f"peertrack cert show {cert.id} --cycles")
        else:
            say(f"Note: {day} is outside the current cycle of {cert.id} "
                f"({bare_day(cert.cycle.starts, dates)} to {bare_day(cert.cycle.ends, dates)}), "
                "so it does not count toward this cycle.")


def warn_category_words(course: Course, certs) -> None:
    """A note on stderr for each category of the course that counts toward no minimum of a certification."""
    from peertrack.domain.category_words import unmatched_note
    from peertrack.domain.terminal_text import escaped
    from peertrack.services.board_rules import template_labels, topic_rules

    labels_of, topics = template_labels(certs), topic_rules(certs)
    for cert in certs:
        labels = labels_of.get(cert.id, {})
        for part in course.allocations:
            note = unmatched_note(part.category, cert.id, cert.requirements + topics.get(cert.id, ()),
                                  course.id or 0, labels,
                                  only_word=len(course.allocations) == 1, aliases=dict(cert.category_aliases))
            if note:
                tell(escaped(note))
