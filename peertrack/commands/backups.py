"""peertrack backup and restore: a private copy of your records, and putting one back."""

from pathlib import Path
from typing import Annotated, Optional

import typer

from peertrack.commands.common import YesOption, confirm, open_db, open_existing, top_options
from peertrack.commands.record_files import checked_file, say_missing_files
from peertrack.domain.errors import InvalidInput, PeertrackError
from peertrack.services import clock
from peertrack.storage.attachments import all_attachments
from peertrack.storage.certs import cert_ids
from peertrack.storage.courses import count_courses

BackupFile = Annotated[Path, typer.Argument(help="A file written by peertrack backup, or one from the backups folder.",
                                            show_default=False, metavar="FILE")]


def backup(
    ctx: typer.Context,
    output: Annotated[Optional[Path], typer.Option(
        "--output", "-o", help="The file (or folder) to write. Default: peertrack-backup-DATE.db in this folder.",
        show_default=False)] = None,
    yes: YesOption = False,
) -> None:
    """Write a copy of your database, safe to take even while peertrack is in use.

    The copy is one file, readable by you alone. Put it somewhere safe, such as a USB stick;
    put it back with: peertrack restore FILE

    \b
    Examples:
      peertrack backup
      peertrack backup -o /media/usb/peertrack-backup.db
    """
    from peertrack.output.screen import say
    from peertrack.output.words import file_size, table_words
    from peertrack.storage import backup as copies

    path = top_options(ctx).db_path
    conn = open_existing(ctx)
    if conn is None:
        raise PeertrackError(f"There is no database at {path} yet, so there is nothing to back up.",
                             "Add a certification first: peertrack cert add --help")
    target = _backup_target(output, path)
    if target.exists() and not confirm(f"{target} already exists. Replace it with this backup?", yes):
        say("Nothing was written.")
        raise typer.Exit(1)
    copies.write_backup(conn, target)
    size = target.stat().st_size
    say(f"✓ Backed up {table_words('certifications', len(cert_ids(conn)))} and "
        f"{table_words('ceus', count_courses(conn))} to {target} ({file_size(size)}).")
    if all_attachments(conn):
        from peertrack.storage import file_store as attachments

        say(f"Certificate files are kept apart, in {attachments.folder_for(path)}: copy that folder too.")


def restore(ctx: typer.Context, file: BackupFile, yes: YesOption = False) -> None:
    """Put a backup back in place of your current database, after showing what each holds.

    The backup is checked whole first: only what peertrack's own records hold is put back
    (anything else in the file, such as SQL of its own, is left out and named). The current
    database is kept first, in the backups folder beside it, so a restore can itself be
    undone. Works even when the current database is damaged; while another program is
    writing to it, nothing is restored.

    \b
    Examples:
      peertrack restore peertrack-backup-2026-11-02.db
      peertrack restore ~/.local/share/peertrack/backups/peertrack-20261102-093000-before-ceu-rm.db --yes
    """
    import os

    from peertrack.output.records import database_summary
    from peertrack.output.screen import say
    from peertrack.services import restore as restoring

    source = checked_file(file)
    path = top_options(ctx).db_path
    if path.exists() and os.path.samefile(source, path):
        raise InvalidInput("FILE", str(file), "give a backup file, not the database peertrack is using",
                           problem="is the database in use")
    incoming = restoring.ready(source, path, str(file))
    current = None
    try:
        database_summary(f"{file} holds:", incoming.summary)
        current = restoring.watch(path)
        if current.summary is not None:
            database_summary(f"Your database now ({path}) holds:", current.summary)
        elif path.exists():
            say(f"Your current database {path} cannot be read; it will be kept as it is in the backups folder.")
        if not confirm(f"Replace your current records with the ones in {file.name}? "
                       "A copy of the current database is kept first.", yes):
            say("Nothing was changed.")
            raise typer.Exit(1)
        kept = restoring.put_back(incoming, path, current)
    finally:
        incoming.staged.unlink(missing_ok=True)
        if current is not None and current.conn is not None:
            current.conn.close()
    conn = open_db(ctx)
    say(f"✓ Restored your records from {file}.")
    if incoming.dropped:
        from peertrack.output.records import left_out

        say(left_out(incoming.dropped))
    if kept is not None:
        say(f"The records you had before are kept in {kept}")
    say_missing_files(path, conn)


def _backup_target(output: Optional[Path], db_path: Path) -> Path:
    import os

    name = f"peertrack-backup-{clock.today().isoformat()}"
    output = Path(os.path.expanduser(str(output))) if output is not None else None
    if output is not None and not output.is_dir():
        target = output
        if target.exists() and os.path.samefile(target, db_path):
            raise InvalidInput("--output", str(output), "choose another file for the copy",
                               problem="is the database itself")
        return target
    folder = output if output is not None else Path(".")
    target, number = folder / f"{name}.db", 1
    while target.exists():
        number += 1
        target = folder / f"{name}-{number}.db"
    return target
