"""What people run many times a day (status, due, cert list, export csv): for the command tree and the fast lane.

The data comes from services.standing, the printing from output; this module only joins them.
"""

from __future__ import annotations

from peertrack.services import clock
from peertrack.services.standing import existing, standing

TYPE_CHECKING = False  # as typing.TYPE_CHECKING, without importing typing at start-up
if TYPE_CHECKING:
    from pathlib import Path


def show_status(db_path: str | Path, cert: str | None = None, json: bool = False, history: bool = False,
                missing: bool = False) -> None:
    """The dashboard (or its JSON): every certification, or one, then the wellness plan; `history`
    adds each certification's CE hours month by month over its current cycle; `missing` shows
    only what is still missing, as a to-do list."""
    from peertrack.services.standing import coming_up, cycle_histories

    today = clock.today()
    if missing:
        show_missing(db_path, cert, json, today)
        return
    with existing(db_path) as conn:
        found = standing(conn, cert, today)
        histories = cycle_histories(conn, found.items, today) if history and conn else []
        if json:
            from peertrack.output import porcelain

            porcelain.emit(porcelain.status(found.items, today, found.reminders, histories if history else None,
                                            found.work, found.pursuits))
            return
        from peertrack.output import dashboard

        if conn is None or not found.items and not cert and not found.reminders and not found.pursuits:
            dashboard.welcome()
            return
        dashboard.show(found.items, found.reminders, coming_up(conn, found.items, today), histories, today,
                       work=found.work, pursuits=found.pursuits)


def show_missing(db_path: str | Path, cert: str | None, json: bool, today) -> None:
    """What is still missing, per certification, in the order to act on it (or its JSON)."""
    from peertrack.output import todo

    with existing(db_path) as conn:
        found = standing(conn, cert, today, reminders=False) if conn else None
    items, work = (found.items, found.work) if found else ([], [])
    if json:
        from peertrack.output import porcelain

        porcelain.emit(todo.todo_json(items, today, work))
    else:
        todo.todo(items, today, work)


def status_picture(db_path: str | Path, kind: str, cert: str | None = None, history: bool = False) -> str:
    """The dashboard as an SVG image or an HTML page (`kind`), in colour, to attach to an e-mail.

    The wellness plan is private, so it stays out of a picture meant for someone else.
    """
    from peertrack.output import dashboard, picture
    from peertrack.services.standing import coming_up, cycle_histories

    today = clock.today()
    with existing(db_path) as conn:
        found = standing(conn, cert, today, reminders=False)
        if conn is None or not found.items:
            from peertrack.domain.errors import PeertrackError

            raise PeertrackError("There is no certification to show yet, so there is no picture to save.",
                                 "Add one first with: peertrack cert add --help")
        console = picture.picture_console()
        histories = cycle_histories(conn, found.items, today) if history else []
        dashboard.show(found.items, [], coming_up(conn, found.items, today), histories, today, console,
                       work=found.work)
    return picture.picture(console, kind, f"peertrack status, {today.isoformat()}")


def show_due(db_path: str | Path, within: str | None = None, json: bool = False, quiet: bool = False) -> int:
    """What needs attention now, in plain lines (or JSON); the exit status is 1 when something is trouble."""
    from peertrack.domain.attention import needs_action
    from peertrack.services.standing import attention

    today = clock.today()
    window = None
    if within:
        from peertrack.domain.parsing import parse_days

        window = parse_days(within)
    with existing(db_path) as conn:
        items, window, behind = attention(conn, today, window)
    trouble = needs_action(items)
    if json:
        from peertrack.output import porcelain

        porcelain.emit(porcelain.due(items, today, window, trouble, behind))
    elif not quiet:
        from peertrack.output import due

        due.lines(items, window, behind)
    return 1 if trouble else 0


def show_cert_list(db_path: str | Path, json: bool = False) -> None:
    """Every certification with its expiry, hours and level, in a table (or JSON)."""
    from peertrack.services.overview import load_settings, progress_of
    from peertrack.storage.certs import load_certs

    with existing(db_path) as conn:
        items = progress_of(conn, load_certs(conn), clock.today()) if conn is not None else []
        if json:
            from peertrack.output import porcelain

            porcelain.emit([porcelain.progress(item) for item in items])
            return
        dates = load_settings(conn).date_format
        from peertrack.output.plain_table import CERT_COLUMNS, cert_cells, piped, write_plain

        if items and piped() and write_plain(CERT_COLUMNS, (), lambda: (cert_cells(item, dates) for item in items)):
            return  # plain lines, without loading the screen library
        from peertrack.output.certs import certs_table

        certs_table(items, dates)


def export_csv(db_path: str | Path, cert: str | None = None, cycle: str | None = None, output: Path | None = None,
               notes: bool = False) -> None:
    """The courses as CSV, one row each, into `output` or onto the screen; with `cert`, the hours it credits."""
    import sys

    from peertrack.domain.requirements import as_credited, counts_none_of
    from peertrack.exchange import csv_export as exports
    from peertrack.services.course_selection import course_filters
    from peertrack.storage.courses import stream_courses
    from peertrack.storage.database import reading

    credited = cert.strip().lower() if cert else None
    with existing(db_path) as conn:
        filters = course_filters(conn, clock.today(), cert=cert, cycle=cycle or ("current" if cert else "all"))
        written, left_out, holder = [0], [0], [None]

        def courses():
            """Courses as they are read, one moment of the database, counted as they go out."""
            if conn is None or filters is None:
                return
            with reading(conn):
                elsewhere = _given_to_partner(conn, credited) if credited else set()
                holder[0] = _counting_none(conn, credited) if credited else None
                for course in stream_courses(conn, **filters, with_credits=bool(cert)):
                    if course.id in elsewhere:
                        continue  # unique hours: this course is reported to the other credential's body
                    if holder[0] is not None and counts_none_of(course, holder[0]):
                        left_out[0] += 1  # a cap of 0: its body counts none of it (New York's core courses)
                        continue
                    written[0] += 1
                    # With --cert: the hours this certifying body credits, which is what its own records will show.
                    yield as_credited(course, credited) if credited else course

        rows = courses()
        try:
            lines = exports.csv_lines(rows, notes=notes)
            if output is None:
                sys.stdout.writelines(lines)
            else:
                import itertools

                from peertrack.domain.formatting import counted
                from peertrack.output.screen import say
                from peertrack.storage.files import write_whole_chunks

                # The mark makes Excel read UTF-8 names right.
                write_whole_chunks(output, itertools.chain(["\ufeff"], lines))
                say(f"✓ Wrote {counted(written[0], 'course')} to {output}")
        finally:
            rows.close()  # a read cut short (a closed pipe) ends while the database is still open
        if left_out[0] and holder[0] is not None:
            _say_left_out(holder[0], left_out[0])


def _counting_none(conn, cert_id: str):
    """The certification when a rule of its leaves some hours out altogether (a cap of 0); else None."""
    from peertrack.storage.certs import load_cert

    cert = load_cert(conn, cert_id)
    return cert if any(rule.kind == "max" and not rule.seconds for rule in cert.requirements) else None


def _say_left_out(cert, count: int) -> None:
    from peertrack.domain.formatting import counted
    from peertrack.output.screen import say
    from peertrack.output.words import rule_text

    nothing = "; ".join(rule_text(rule) for rule in cert.requirements if rule.kind == "max" and not rule.seconds)
    say(f"Left out {counted(count, 'course')} that {cert.id} counts none of ({nothing}).")


def _given_to_partner(conn, cert_id: str) -> set[int]:
    from peertrack.services.overview import given_to_partner
    from peertrack.storage.certs import load_cert

    return given_to_partner(conn, load_cert(conn, cert_id), clock.today())
