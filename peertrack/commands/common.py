"""What every command shares: the option types, the database handle, confirmation, progress."""

import sqlite3
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Optional

import typer

from peertrack.commands import completers
from peertrack.domain.errors import NeedsConfirmation
from peertrack.domain.parsing import parse_number
from peertrack.domain.record_types import dataclass
from peertrack.services.overview import load_settings, open_database
from peertrack.storage.database import resolve_path, transaction
from peertrack.storage.safety_copies import keep_copy

if TYPE_CHECKING:
    from typer._click.core import Context  # what typer.Context extends; the command tree's own hands this

JsonOption = Annotated[bool, typer.Option("--json", help="Print JSON for scripts instead of a table.")]
YesOption = Annotated[bool, typer.Option("--yes", "-y", help="Go ahead without asking.")]
CertOption = Annotated[
    Optional[str], typer.Option("--cert", "-c", metavar="ID", help="The id of a certification, e.g. ca-pss.",
                                show_default=False, autocompletion=completers.cert_ids)
]


CourseArgument = Annotated[int, typer.Argument(
    parser=lambda text: parse_number(text, "The course number"), metavar="NUMBER",
    help="The course's number, shown by ceu list.", show_default=False, autocompletion=completers.course_ids)]


@dataclass(frozen=True)
class TopOptions:
    """What the top-level options chose: which database file to use."""

    db_path: Path


def top_options(ctx: "Context") -> TopOptions:
    root = ctx.find_root()
    if not isinstance(root.obj, TopOptions):
        root.obj = TopOptions(resolve_path(root.params.get("db")))
    return root.obj


def open_db(ctx: typer.Context, missing: Optional[Exception] = None) -> sqlite3.Connection:
    """The database, created on first use; closed when the command ends.

    A command that only finds a record gives `missing`, raised when there is no database yet:
    looking for something never creates the file.
    """
    if missing is not None and not top_options(ctx).db_path.exists():
        raise missing
    conn = open_database(top_options(ctx).db_path)
    ctx.call_on_close(conn.close)
    return conn


def open_existing(ctx: typer.Context) -> Optional[sqlite3.Connection]:
    """The database if there is one yet; reading never creates the file."""
    if not top_options(ctx).db_path.exists():
        return None
    return open_db(ctx)


def cert_or_default(ctx: typer.Context, given: Optional[str]) -> Optional[str]:
    """The certification a command that needs one works on: the one named, else the default-cert setting, else
    the only certification there is."""
    if given:
        return given
    conn = open_existing(ctx)
    if conn is None:
        return None
    from peertrack.services.overview import cert_by_default

    return cert_by_default(conn)


def which_cert_words(ctx: typer.Context, example: str) -> str:
    """How to name a certification, with the holder's own ids: "e.g. peertrack cert show ca-pss (yours: ca-pss,
    ny-cps; or choose one for every time: peertrack config set default-cert ca-pss)"; `example` holds ID. With
    none yet, how to add one."""
    conn = open_existing(ctx)
    from peertrack.storage.certs import cert_ids

    ids = cert_ids(conn) if conn is not None else []
    if not ids:
        return "but there is none yet: add yours first with: peertrack init (or peertrack cert add --help)"
    return (f"e.g. {example.replace('ID', ids[0])} (yours: {', '.join(ids)}; or choose one for every time: "
            f"peertrack config set default-cert {ids[0]})")


def reads_day_first(ctx: typer.Context) -> bool:
    """Whether dates typed with numbers only are read day first (the date-format setting)."""
    conn = open_existing(ctx)
    return conn is not None and load_settings(conn).day_first


def confirm(question: str, yes: bool) -> bool:
    """Ask before something destructive; with no one at a terminal, insist on --yes."""
    if yes:
        return True
    if not sys.stdin.isatty():
        raise NeedsConfirmation(f"{question} Add --yes to go ahead: there is no terminal to ask on.")
    return typer.confirm(question, default=False)


def no_course(course_id: object) -> Exception:
    from peertrack.domain.errors import NotFound

    return NotFound("course with the number", course_id, hint="See course numbers with: peertrack ceu list")


def remove_after_asking(ctx: typer.Context, conn: sqlite3.Connection, question: str, yes: bool, reason: str,
                        remove) -> Path:
    """Every removal: ask (or take --yes), keep a backup copy to undo with, then remove in one transaction.

    `remove(conn)` does the removing; the backup's path is returned for the closing message.
    """
    if not confirm(question, yes):
        typer.echo("Nothing was removed.", err=True)
        raise typer.Exit(1)
    backup = keep_copy(conn, top_options(ctx).db_path, reason)
    with transaction(conn):
        remove(conn)
    return backup
