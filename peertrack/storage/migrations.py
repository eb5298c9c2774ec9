"""The schema's history: ordered steps, run in a transaction after a backup copy."""

from __future__ import annotations

import functools
import sqlite3
from pathlib import Path

from sqlite_utils import Database, Migrations

from peertrack.storage.safety_copies import keep_copy

steps = Migrations("peertrack")


def upgrade(conn: sqlite3.Connection, path: Path, version: int, *, copy_first: bool = True) -> None:
    """Run every pending step up to schema `version`; a file that already holds data is copied to backups/ first.

    The steps run inside one write lock, so two peertrack processes opening a new file at
    once cannot both try to create it; each step is a savepoint of its own within it.
    `copy_first=False` is for a private copy being readied for a restore, which needs no copy of its own.
    """
    if copy_first and conn.execute("PRAGMA user_version").fetchone()[0] > 0:
        keep_copy(conn, path, f"before-schema-{version}")
    # Write-ahead logging lets a reader and a writer work at once; the mode stays with the file.
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("BEGIN IMMEDIATE")
    try:
        if conn.execute("PRAGMA user_version").fetchone()[0] < version:
            # A trigger or view the schema does not define would act while the steps run, and after.
            own = own_triggers_and_views()
            for kind, name, sql in conn.execute(
                    "SELECT type, name, sql FROM sqlite_master WHERE type IN ('trigger', 'view')").fetchall():
                if own.get((kind, name)) != sql:
                    quoted = '"' + name.replace('"', '""') + '"'
                    conn.execute(f"DROP {kind.upper()} IF EXISTS {quoted}")
            steps.apply(Database(conn, execute_plugins=False))
            # Steps are known by name, so the number only tells a newer peertrack's file apart.
            conn.execute(f"PRAGMA user_version = {int(version)}")
    except BaseException:
        if conn.in_transaction:  # SQLite may have rolled back already (a full disk): keep the real error
            conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")


def reference() -> sqlite3.Connection:
    """A new, empty database of this version, in memory: what the schema defines, to compare files with."""
    memory = sqlite3.connect(":memory:", isolation_level=None)
    memory.execute("PRAGMA foreign_keys = ON")
    steps.apply(Database(memory, execute_plugins=False))
    return memory


@functools.lru_cache(maxsize=1)
def own_triggers_and_views() -> dict[tuple[str, str], str]:
    """The triggers and views the steps create, by (kind, name), with their SQL."""
    memory = reference()
    try:
        return {(kind, name): sql for kind, name, sql in
                memory.execute("SELECT type, name, sql FROM sqlite_master WHERE type IN ('trigger', 'view')")}
    finally:
        memory.close()


@steps(name="0001-first-schema")
def first_schema(db: Database) -> None:
    for statement in (
        """CREATE TABLE certifications (
            id TEXT PRIMARY KEY,
            name TEXT NOT NULL,
            body TEXT,
            number TEXT,
            issued TEXT,
            cycle_months INTEGER NOT NULL,
            required_minutes INTEGER NOT NULL,
            created_at TEXT NOT NULL
        )""",
        """CREATE TABLE cycles (
            id INTEGER PRIMARY KEY,
            cert_id TEXT NOT NULL REFERENCES certifications(id) ON DELETE CASCADE ON UPDATE CASCADE,
            starts TEXT NOT NULL,
            ends TEXT NOT NULL,
            required_minutes INTEGER NOT NULL,
            closed_on TEXT
        )""",
        "CREATE INDEX cycles_cert ON cycles(cert_id, closed_on)",
        """CREATE TABLE requirements (
            id INTEGER PRIMARY KEY,
            cert_id TEXT NOT NULL REFERENCES certifications(id) ON DELETE CASCADE ON UPDATE CASCADE,
            kind TEXT NOT NULL CHECK (kind IN ('min', 'max')),
            dimension TEXT NOT NULL DEFAULT 'category',
            value TEXT NOT NULL,
            minutes INTEGER NOT NULL
        )""",
        """CREATE TABLE ceus (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            date TEXT NOT NULL,
            title TEXT NOT NULL,
            provider TEXT,
            minutes INTEGER NOT NULL CHECK (minutes > 0),
            format TEXT,
            approval_no TEXT,
            note TEXT,
            created_at TEXT NOT NULL
        )""",
        "CREATE INDEX ceus_date ON ceus(date)",
        """CREATE TABLE ceu_allocations (
            ceu_id INTEGER NOT NULL REFERENCES ceus(id) ON DELETE CASCADE,
            category TEXT NOT NULL,
            minutes INTEGER NOT NULL,
            PRIMARY KEY (ceu_id, category)
        )""",
        "CREATE INDEX ceu_allocations_category ON ceu_allocations(category)",
        """CREATE TABLE ceu_credits (
            ceu_id INTEGER NOT NULL REFERENCES ceus(id) ON DELETE CASCADE,
            cert_id TEXT NOT NULL REFERENCES certifications(id) ON DELETE CASCADE ON UPDATE CASCADE,
            minutes INTEGER,
            PRIMARY KEY (ceu_id, cert_id)
        )""",
        "CREATE INDEX ceu_credits_cert ON ceu_credits(cert_id)",
        "CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
    ):
        db.execute(statement)


@steps(name="0002-renewal-rules")
def renewal_rules(db: Database) -> None:
    certs = db.table("certifications")
    for column in ("anchor_day", "carry_over_minutes", "opens_days", "submit_days", "grace_days"):
        certs.add_column(column, int)
    for column in ("endorsement_of", "template"):
        certs.add_column(column, str)
    # Cycles end on the same day of the month; a cycle ending on a month's last day keeps doing so.
    db.execute(
        "UPDATE certifications SET anchor_day = (SELECT CASE WHEN strftime('%d', date(y.ends, '+1 day')) = '01'"
        " THEN 31 ELSE CAST(strftime('%d', y.ends) AS INTEGER) END FROM cycles y"
        " WHERE y.cert_id = certifications.id AND y.closed_on IS NULL)"
    )
    db.table("cycles").add_column("carried_minutes", int, not_null_default=0)
    db.execute(
        """CREATE TABLE deadlines (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            title TEXT NOT NULL,
            due TEXT NOT NULL,
            cert_id TEXT REFERENCES certifications(id) ON DELETE CASCADE ON UPDATE CASCADE,
            note TEXT,
            done_on TEXT,
            created_at TEXT NOT NULL
        )"""
    )
    db.execute("CREATE INDEX deadlines_due ON deadlines(done_on, due)")


@steps(name="0004-attachments")
def attachments(db: Database) -> None:
    db.execute(
        """CREATE TABLE attachments (
            id INTEGER PRIMARY KEY,
            ceu_id INTEGER NOT NULL REFERENCES ceus(id) ON DELETE CASCADE,
            sha256 TEXT NOT NULL CHECK (length(sha256) = 64),
            original_name TEXT NOT NULL,
            size INTEGER NOT NULL CHECK (size >= 0),
            media_type TEXT,
            added_at TEXT NOT NULL
        )"""
    )
    db.execute("CREATE UNIQUE INDEX attachments_ceu ON attachments(ceu_id, sha256)")


@steps(name="0003-reminders")
def reminders_and_their_log(db: Database) -> None:
    for statement in (
        """CREATE TABLE reminders (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            title TEXT NOT NULL,
            rrule TEXT NOT NULL,
            starts TEXT NOT NULL,
            added_on TEXT NOT NULL,
            at TEXT,
            until TEXT,
            note TEXT,
            snoozed_until TEXT,
            created_at TEXT NOT NULL
        )""",
        """CREATE TABLE reminder_log (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            reminder_id INTEGER NOT NULL REFERENCES reminders(id) ON DELETE CASCADE,
            occurrence TEXT NOT NULL,
            action TEXT NOT NULL CHECK (action IN ('done', 'skipped', 'snoozed')),
            acted_on TEXT NOT NULL,
            note TEXT,
            created_at TEXT NOT NULL
        )""",
        "CREATE INDEX reminder_log_reminder ON reminder_log(reminder_id, occurrence)",
        # One occurrence is settled once: done or skipped, never both, never twice.
        "CREATE UNIQUE INDEX reminder_log_settled ON reminder_log(reminder_id, occurrence)"
        " WHERE action IN ('done', 'skipped')",
    ):
        db.execute(statement)


@steps(name="0005-work-and-supervision")
def work_and_supervision(db: Database) -> None:
    # Hours are whole seconds. Nothing about the people served has a column: only day, hours, where.
    for statement in (
        """CREATE TABLE work_entries (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            date TEXT NOT NULL,
            seconds INTEGER NOT NULL CHECK (seconds > 0),
            setting TEXT,
            note TEXT,
            created_at TEXT NOT NULL
        )""",
        "CREATE INDEX work_entries_date ON work_entries(date)",
        """CREATE TABLE supervision_entries (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            date TEXT NOT NULL,
            seconds INTEGER NOT NULL CHECK (seconds > 0),
            supervisor TEXT NOT NULL,
            credential TEXT NOT NULL,
            is_group INTEGER NOT NULL DEFAULT 0 CHECK (is_group IN (0, 1)),
            topic TEXT,
            note TEXT,
            created_at TEXT NOT NULL
        )""",
        "CREATE INDEX supervision_entries_date ON supervision_entries(date)",
        # Per cycle, or per quarter or month inside it: hours (in seconds) of service or supervision,
        # or a number of supervision sessions.
        """CREATE TABLE work_requirements (
            id INTEGER PRIMARY KEY,
            cert_id TEXT NOT NULL REFERENCES certifications(id) ON DELETE CASCADE ON UPDATE CASCADE,
            kind TEXT NOT NULL CHECK (kind IN ('service', 'supervision', 'supervision-sessions')),
            amount INTEGER NOT NULL CHECK (amount > 0),
            period TEXT NOT NULL DEFAULT 'cycle' CHECK (period IN ('cycle', 'quarter', 'month'))
        )""",
        "CREATE INDEX work_requirements_cert ON work_requirements(cert_id)",
        # A first certification being worked toward: no number, no expiry yet.
        """CREATE TABLE pursuits (
            id TEXT PRIMARY KEY,
            name TEXT NOT NULL,
            body TEXT,
            template TEXT,
            started TEXT NOT NULL,
            exam_on TEXT,
            certified_on TEXT,
            created_at TEXT NOT NULL
        )""",
        """CREATE TABLE pursuit_requirements (
            id INTEGER PRIMARY KEY,
            pursuit_id TEXT NOT NULL REFERENCES pursuits(id) ON DELETE CASCADE ON UPDATE CASCADE,
            kind TEXT NOT NULL CHECK (kind IN ('training', 'service', 'supervision')),
            seconds INTEGER NOT NULL CHECK (seconds > 0)
        )""",
    ):
        db.execute(statement)


@steps(name="0006-pursuits-count-every-entry")
def pursuits_count_every_entry(db: Database) -> None:
    # A certification in progress with no start day counts every entry logged, whatever its date.
    # SQLite cannot loosen NOT NULL in place; the table is rebuilt, its requirements kept aside meanwhile
    # (dropping a parent would otherwise remove them through ON DELETE CASCADE).
    for statement in (
        "CREATE TEMP TABLE kept_pursuit_requirements AS SELECT * FROM pursuit_requirements",
        "DROP TABLE pursuit_requirements",
        """CREATE TABLE pursuits_rebuilt (
            id TEXT PRIMARY KEY,
            name TEXT NOT NULL,
            body TEXT,
            template TEXT,
            started TEXT,
            exam_on TEXT,
            certified_on TEXT,
            created_at TEXT NOT NULL
        )""",
        "INSERT INTO pursuits_rebuilt SELECT id, name, body, template, started, exam_on, certified_on, created_at"
        " FROM pursuits",
        "DROP TABLE pursuits",
        "ALTER TABLE pursuits_rebuilt RENAME TO pursuits",
        """CREATE TABLE pursuit_requirements (
            id INTEGER PRIMARY KEY,
            pursuit_id TEXT NOT NULL REFERENCES pursuits(id) ON DELETE CASCADE ON UPDATE CASCADE,
            kind TEXT NOT NULL CHECK (kind IN ('training', 'service', 'supervision')),
            seconds INTEGER NOT NULL CHECK (seconds > 0)
        )""",
        "INSERT INTO pursuit_requirements SELECT id, pursuit_id, kind, seconds FROM kept_pursuit_requirements",
        "DROP TABLE kept_pursuit_requirements",
    ):
        db.execute(statement)


@steps(name="0007-calendar-removed")
def calendar_removed(db: Database) -> None:
    # A calendar app that imported an event keeps it until a newer file says it is cancelled, so
    # every removed deadline or reminder is remembered, by the key of its event, to be sent as such.
    for statement in (
        """CREATE TABLE calendar_removed (
            event TEXT PRIMARY KEY,
            summary TEXT NOT NULL,
            day TEXT NOT NULL,
            removed_at TEXT NOT NULL
        )""",
        # Triggers, so removals of every kind are caught: rm, and a certification's rm taking its deadlines.
        """CREATE TRIGGER deadlines_leave_the_calendar AFTER DELETE ON deadlines BEGIN
            INSERT OR REPLACE INTO calendar_removed (event, summary, day, removed_at)
            VALUES ('deadline-' || old.id, old.title, old.due, strftime('%Y-%m-%dT%H:%M:%SZ', 'now'));
        END""",
        """CREATE TRIGGER reminders_leave_the_calendar AFTER DELETE ON reminders BEGIN
            INSERT OR REPLACE INTO calendar_removed (event, summary, day, removed_at)
            VALUES ('reminder-' || old.id, old.title, old.starts, strftime('%Y-%m-%dT%H:%M:%SZ', 'now'));
        END""",
    ):
        db.execute(statement)


@steps(name="0008-one-open-cycle")
def one_open_cycle(db: Database) -> None:
    # Two renewals at once could leave a certification with two open cycles. The latest one stays
    # open; any other is closed on its own last day. Then the schema itself allows only one.
    db.execute(
        "UPDATE cycles SET closed_on = ends WHERE closed_on IS NULL AND id <> ("
        " SELECT y.id FROM cycles y WHERE y.cert_id = cycles.cert_id AND y.closed_on IS NULL"
        " ORDER BY y.starts DESC, y.id DESC LIMIT 1)"
    )
    db.execute("CREATE UNIQUE INDEX cycles_one_open ON cycles(cert_id) WHERE closed_on IS NULL")


@steps(name="0009-exact-seconds")
def exact_seconds(db: Database) -> None:
    """Hours are kept as whole seconds, so a quarter, a tenth or an eighth of an hour is exact.

    Every amount was whole minutes: each is multiplied by 60, so no row changes its hours.
    """
    for table, old, new in (
        ("certifications", "required_minutes", "required_seconds"),
        ("certifications", "carry_over_minutes", "carry_over_seconds"),
        ("cycles", "required_minutes", "required_seconds"),
        ("cycles", "carried_minutes", "carried_seconds"),
        ("requirements", "minutes", "seconds"),
        ("ceus", "minutes", "seconds"),
        ("ceu_allocations", "minutes", "seconds"),
        ("ceu_credits", "minutes", "seconds"),
    ):
        db.execute(f"ALTER TABLE {table} RENAME COLUMN {old} TO {new}")
        db.execute(f"UPDATE {table} SET {new} = {new} * 60 WHERE {new} IS NOT NULL")


@steps(name="0010-renewal-day-starts")
def renewal_day_starts(db: Database) -> None:
    """A cycle renewed early starts on the renewal day: courses from then on count toward it.

    Cycles recorded before started the day after the old expiry, so a course between the renewal
    and that day counted toward neither. Boards that fix every cycle's days keep them.
    """
    from peertrack.domain.errors import NotFound
    from peertrack.storage.template_files import find_template

    fixed: dict[str, bool] = {}
    for cert_id, template in db.execute("SELECT id, template FROM certifications").fetchall():
        try:
            found = find_template(template) if template else None
        except NotFound:
            found = None
        fixed[cert_id] = found is not None and (found.calendar_year or found.shape.fixed_month is not None)
    rows = db.execute("SELECT id, cert_id, starts, closed_on FROM cycles ORDER BY cert_id, starts, ends").fetchall()
    for before, after in zip(rows, rows[1:], strict=False):
        if before[1] != after[1] or fixed[after[1]] or before[3] is None:
            continue
        if before[2] < before[3] < after[2]:  # ISO dates compare as text
            db.execute("UPDATE cycles SET starts = ? WHERE id = ?", (before[3], after[0]))
            # A course in the days the new cycle gains, that counted toward nothing, counts toward it now.
            db.execute("INSERT INTO ceu_credits (ceu_id, cert_id) SELECT c.id, ? FROM ceus c"
                       " WHERE c.date >= ? AND c.date < ? AND NOT EXISTS (SELECT 1 FROM ceu_credits k"
                       " WHERE k.ceu_id = c.id)", (after[1], before[3], after[2]))


@steps(name="0013-renewal-task-marks")
def renewal_task_marks(db: Database) -> None:
    """Renewal tasks are worked out from the certification's dates; only the day each was done is kept.

    They were stored as deadlines made when a certification was added or renewed, so they stayed
    behind when its expiry was edited. A stored task its template still names becomes a mark on
    its cycle (the first cycle ending on or after its due day), when done; then the row goes. A row
    whose template or task is gone stays as a deadline of the holder's own: nothing is lost.
    """
    db.execute(
        """CREATE TABLE task_marks (
            cycle_id INTEGER NOT NULL REFERENCES cycles(id) ON DELETE CASCADE,
            task TEXT NOT NULL,
            done_on TEXT NOT NULL,
            PRIMARY KEY (cycle_id, task)
        )"""
    )
    from peertrack.domain.errors import PeertrackError
    from peertrack.domain.renewal_tasks import keyed_tasks
    from peertrack.storage.template_files import find_template

    rows = db.execute(
        "SELECT d.id, d.title, d.due, d.done_on, d.cert_id, c.template FROM deadlines d"
        " JOIN certifications c ON c.id = d.cert_id WHERE c.template IS NOT NULL"
        " AND d.note = 'A renewal task from the ' || c.template || ' template.'").fetchall()
    for number, title, due, done_on, cert_id, template_id in rows:
        try:
            tasks = keyed_tasks(find_template(template_id).tasks)
        except PeertrackError:
            continue
        # Titles were "the task's title (its fee, how many): the certification's name".
        key = next((key for key, task in tasks if title.startswith((task.title + ":", task.title + " ("))), None)
        cycles = db.execute("SELECT id, ends FROM cycles WHERE cert_id = ? ORDER BY ends", (cert_id,)).fetchall()
        if key is None or not cycles:
            continue
        cycle = next((cycle_id for cycle_id, ends in cycles if ends >= due), cycles[-1][0])  # ISO dates as text
        if done_on:
            db.execute("INSERT OR IGNORE INTO task_marks (cycle_id, task, done_on) VALUES (?, ?, ?)",
                       (cycle, key, done_on))
        db.execute("DELETE FROM deadlines WHERE id = ?", (number,))


@steps(name="0014-credit-from-dates")
def credit_from_dates(db: Database) -> None:
    """Which certifications a course counts toward is worked out from dates when read; only choices are kept.

    A course counted by its date gets `credit_chosen = 0` and loses its stored links, so a
    certification added later, or a renewal, counts it too. Until now a course logged without
    --cert was linked to every certification then added whose open cycle had started by its date,
    and later to one added for it when it had no link at all. A course whose links are those (and
    perhaps some that cover its date now) was counted by date; any other, or one with other hours
    for a certification, was a choice, and keeps its links exactly.
    """
    import datetime as dt

    from peertrack.domain.credit import credit_windows
    from peertrack.domain.models import Cycle

    db.execute("ALTER TABLE ceus ADD COLUMN credit_chosen INTEGER NOT NULL DEFAULT 0"
               " CHECK (credit_chosen IN (0, 1))")
    added = {cert_id: stamp for cert_id, stamp in db.execute("SELECT id, created_at FROM certifications")}
    cycles: dict[str, list[tuple[str, str, str | None]]] = {}
    for cert_id, starts, ends, closed_on in db.execute(
            "SELECT cert_id, starts, ends, closed_on FROM cycles ORDER BY cert_id, starts, ends").fetchall():
        cycles.setdefault(cert_id, []).append((starts, ends, closed_on))
    windows = {cert_id: credit_windows([Cycle(starts=dt.date.fromisoformat(starts), ends=dt.date.fromisoformat(ends),
                                              required_seconds=0) for starts, ends, _ in own])
               for cert_id, own in cycles.items()}

    def open_then(cert_id: str, day: str) -> str:
        """The first day of the cycle open on `day`: the newest one whose predecessor was renewed by then."""
        own = cycles[cert_id]
        found = own[0][0]
        for before, after in zip(own, own[1:], strict=False):
            if before[2] is not None and before[2] <= day:  # ISO dates compare as text
                found = after[0]
        return found

    links: dict[int, dict[str, int | None]] = {}
    for ceu_id, cert_id, seconds in db.execute("SELECT ceu_id, cert_id, seconds FROM ceu_credits").fetchall():
        links.setdefault(ceu_id, {})[cert_id] = seconds
    chosen = []
    for ceu_id, day, logged in db.execute("SELECT id, date, created_at FROM ceus").fetchall():
        own = links.get(ceu_id, {})
        date = dt.date.fromisoformat(day)
        covering = {cert_id for cert_id, spans in windows.items() if spans[0].starts <= date <= spans[-1].ends}
        then = {cert_id for cert_id in cycles if added[cert_id] <= logged and open_then(cert_id, logged[:10]) <= day}
        if any(seconds is not None for seconds in own.values()) or not then <= set(own) <= then | covering:
            chosen.append((ceu_id,))
    db.conn.executemany("UPDATE ceus SET credit_chosen = 1 WHERE id = ?", chosen)
    db.execute("DELETE FROM ceu_credits WHERE ceu_id IN (SELECT id FROM ceus WHERE credit_chosen = 0)")


@steps(name="0015-rules-per-cycle")
def rules_per_cycle(db: Database) -> None:
    """Each cycle keeps the minimums and caps in force for it; a certification's own rules (no cycle)
    are the ones a new cycle starts with. Every cycle so far gets a copy of its certification's rules,
    which is how each was counted until now: a cycle the board waived (no hours where the certification
    asks for some) owed no minimum, so it keeps only the caps."""
    db.execute("ALTER TABLE requirements ADD COLUMN cycle_id INTEGER REFERENCES cycles(id) ON DELETE CASCADE")
    db.execute("INSERT INTO requirements (cert_id, kind, dimension, value, seconds, cycle_id)"
               " SELECT r.cert_id, r.kind, r.dimension, r.value, r.seconds, y.id"
               " FROM requirements r JOIN cycles y ON y.cert_id = r.cert_id"
               " JOIN certifications c ON c.id = r.cert_id WHERE r.cycle_id IS NULL"
               " AND NOT (r.kind = 'min' AND y.required_seconds = 0 AND c.required_seconds > 0)"
               " ORDER BY y.id, r.id")
    db.execute("CREATE INDEX requirements_cycle ON requirements(cycle_id)")


@steps(name="0016-category-aliases")
def category_aliases(db: Database) -> None:
    """Words a certification counts as one of its rules' categories: the holder's own, and the words of a
    template's longer label ("recovery", of "peer support and recovery"), kept for certifications
    already added from a template, as a new one gets them."""
    from peertrack.domain.category_words import aliases_from_labels
    from peertrack.domain.errors import PeertrackError
    from peertrack.domain.models import Requirement
    from peertrack.storage.template_files import find_template

    db.execute("""CREATE TABLE category_aliases (
        cert_id TEXT NOT NULL REFERENCES certifications(id) ON DELETE CASCADE ON UPDATE CASCADE,
        word TEXT NOT NULL,
        category TEXT NOT NULL,
        PRIMARY KEY (cert_id, word)
    )""")
    for cert_id, template_id in db.execute(
            "SELECT id, template FROM certifications WHERE template IS NOT NULL").fetchall():
        try:
            labels = find_template(template_id).labels
        except PeertrackError:
            continue  # a template since removed or unreadable: the rule words alone
        rules = [Requirement(value, seconds, kind, dimension) for kind, dimension, value, seconds in db.execute(
            "SELECT kind, dimension, value, seconds FROM requirements WHERE cert_id = ?", (cert_id,)).fetchall()]
        db.conn.executemany("INSERT OR IGNORE INTO category_aliases (cert_id, word, category) VALUES (?, ?, ?)",
                            [(cert_id, word, category) for word, category in aliases_from_labels(rules, labels)])


@steps(name="0017-carry-over-per-cycle")
def carry_over_per_cycle(db: Database) -> None:
    """Each cycle keeps its own carry-over cap; the hours it carries to the next are worked out when read.

    Until now the hours a closed cycle passed on were worked out once, when the renewal was recorded,
    under the certification's rule of that day, and stored on the new cycle; a course of the old cycle
    logged, changed or removed later left them stale. No command ever let anyone type that amount: it
    was always this reckoning of the courses. So the courses, read now, are the truth, and the stored
    amount is kept beside them, renamed, as a record of what was worked out on the renewal day.

    The cap a cycle closed under was the certification's rule of that day, which an edit may have
    changed since; what the renewal passed on is the only record of it. So the open cycle of each
    certification gets today's rule; a closed cycle that passed hours on gets today's rule, or what it
    passed on if that is more (its cap was at least that); a closed cycle that passed nothing on gets no
    cap: it closed under no rule, or with no extra hours, and the file cannot tell which, so no hours
    are made up for it (`cert edit ID --cycle previous --carry-over H` gives it one).
    """
    db.execute("ALTER TABLE cycles ADD COLUMN carry_cap_seconds INTEGER CHECK (carry_cap_seconds > 0)")
    db.execute("ALTER TABLE cycles RENAME COLUMN carried_seconds TO carried_when_renewed_seconds")
    rows = db.execute("SELECT y.cert_id, y.id, y.carried_when_renewed_seconds, c.carry_over_seconds FROM cycles y"
                      " JOIN certifications c ON c.id = y.cert_id ORDER BY y.cert_id, y.starts, y.ends").fetchall()
    for index, before in enumerate(rows):
        after = rows[index + 1] if index + 1 < len(rows) else None
        rule = before[3] or None
        if after is None or after[0] != before[0]:
            cap = rule  # the open cycle: today's rule
        else:
            passed_on = after[2]
            cap = max(rule or 0, passed_on) if passed_on else None
        db.execute("UPDATE cycles SET carry_cap_seconds = ? WHERE id = ?", (cap, before[1]))


@steps(name="0018-template-rules-kept")
def template_rules_kept(db: Database) -> None:
    """Each certification added from a template keeps that template's rules as text (its cycle's length, hours,
    minimums and caps, carry-over and renewal window), so that a rule the template changes later (a board's
    correction in a newer peertrack) can be offered to its holder, and a rule the holder changed on purpose is not.

    A certification added before has no such text. Where its rules are the template's rules of today, they
    are kept as its text now: nothing to offer. Where they differ, the file cannot tell a rule the template
    changed from one its holder changed, so it keeps no text, and the holder is shown the difference once
    (`peertrack cert update ID` takes the template's rules, `--keep-mine` keeps theirs).
    """
    from peertrack.domain.builtin_templates import TEMPLATES
    from peertrack.domain.errors import PeertrackError
    from peertrack.domain.models import Requirement
    from peertrack.domain.template_format import templates_in
    from peertrack.domain.template_updates import own_rules_text, rules_text
    from peertrack.domain.templates import Template
    from peertrack.storage.template_files import find_template

    db.execute("ALTER TABLE certifications ADD COLUMN template_rules TEXT")
    for cert_id, template_id, months, seconds, carry, opens, submit, grace in db.execute(
            "SELECT id, template, cycle_months, required_seconds, carry_over_seconds, opens_days, submit_days,"
            " grace_days FROM certifications WHERE template IS NOT NULL").fetchall():
        try:
            template: Template | None = find_template(template_id)
        except PeertrackError:  # a holder's template file that cannot be read: the built-in one, if any
            template = next(iter(templates_in({"templates": TEMPLATES}, "built in", {template_id})), None)
        if template is None:
            continue  # a template since removed: nothing to offer
        rules = [Requirement(value, amount, kind, dimension) for kind, dimension, value, amount in db.execute(
            "SELECT kind, dimension, value, seconds FROM requirements WHERE cert_id = ? AND cycle_id IS NULL",
            (cert_id,)).fetchall()]
        text = rules_text(template, months)
        days = {"opens": opens, "submit": submit, "grace": grace}
        if own_rules_text(template, months, seconds, rules, carry, days) == text:
            db.execute("UPDATE certifications SET template_rules = ? WHERE id = ?", (text, cert_id))
