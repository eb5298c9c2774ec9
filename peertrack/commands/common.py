"""What every command shares: the option types, the database handle, confirmation, progress."""

import datetime as dt
import sqlite3
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Optional

import typer

from peertrack import storage
from peertrack.errors import NeedsConfirmation

if TYPE_CHECKING:
    from peertrack.models import Certification, Progress

JsonOption = Annotated[bool, typer.Option("--json", help="Print JSON for scripts instead of a table.")]
YesOption = Annotated[bool, typer.Option("--yes", "-y", help="Go ahead without asking.")]
CertOption = Annotated[
    Optional[str], typer.Option("--cert", "-c", help="The id of a certification, e.g. ca-pss.", show_default=False)
]


@dataclass(frozen=True)
class Session:
    """What the top-level options chose: which database file to use."""

    db_path: Path


def session(ctx: typer.Context) -> Session:
    root = ctx.find_root()
    if not isinstance(root.obj, Session):
        root.obj = Session(storage.resolve_path(root.params.get("db")))
    return root.obj


def open_db(ctx: typer.Context) -> sqlite3.Connection:
    """The database, created on first use; closed when the command ends."""
    path = session(ctx).db_path
    conn = storage.connect(path)
    ctx.call_on_close(conn.close)
    warning = storage.privacy_warning(path)
    if warning:
        typer.echo(warning, err=True)
    return conn


def open_existing(ctx: typer.Context) -> Optional[sqlite3.Connection]:
    """The database if there is one yet; reading never creates the file."""
    if not session(ctx).db_path.exists():
        return None
    return open_db(ctx)


def confirm(question: str, yes: bool) -> bool:
    """Ask before something destructive; with no one at a terminal, insist on --yes."""
    if yes:
        return True
    if not sys.stdin.isatty():
        raise NeedsConfirmation(f"{question} Add --yes to go ahead: there is no terminal to ask on.")
    return typer.confirm(question, default=False)


def load_settings(conn: Optional[sqlite3.Connection]):
    from peertrack.settings import Settings, from_stored

    return from_stored(storage.load_settings(conn)) if conn is not None else Settings()


def progress_of(conn: sqlite3.Connection, certs: "list[Certification]", today: dt.date) -> "list[Progress]":
    """Each certification's progress; an endorsement comes right after the certification it belongs to."""
    from peertrack.requirements import progress

    settings = load_settings(conn)
    items = [
        progress(cert, storage.credited_courses(conn, cert.id, cert.cycle.starts, cert.cycle.ends),
                 today, settings.soon_days, settings.urgent_days)
        for cert in certs
    ]
    return endorsements_under_parents(items)


def endorsements_under_parents(items: "list[Progress]") -> "list[Progress]":
    present = {item.cert.id for item in items}
    ordered = []
    for item in items:
        if item.cert.endorsement_of in present:
            continue
        ordered.append(item)
        ordered.extend(child for child in items if child.cert.endorsement_of == item.cert.id)
    return ordered


def due_reminders(conn: Optional[sqlite3.Connection], today: dt.date) -> list:
    """Wellness reminders due today or missed, each once (since its oldest missed date), longest waiting first."""
    if conn is None:
        return []
    reminders = storage.load_reminders(conn)
    if not reminders:
        return []
    from peertrack import recurrence  # dateutil only when there are reminders to look at

    items = [item for item in (recurrence.due(r, today) for r in reminders) if item is not None]
    return sorted(items, key=lambda item: (item.due_since, item.reminder.title.lower(), item.reminder.id))
