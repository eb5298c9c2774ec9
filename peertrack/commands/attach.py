"""peertrack ceu attach and ceu open: the certificate files kept with each course."""

import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Annotated, Optional

import typer

from peertrack.commands.common import CourseArgument, no_course, open_db, top_options
from peertrack.domain.errors import NotFound, PeertrackError
from peertrack.services.certificate_files import keep_certificate
from peertrack.storage.attachments import course_attachments
from peertrack.storage.courses import load_course
from peertrack.storage.database import transaction


def attach(
    ctx: typer.Context,
    course_id: CourseArgument,
    files: Annotated[list[Path], typer.Argument(
        help="The certificate: a PDF, a photo or a scan. Give more than one for several pages.",
        show_default=False, metavar="FILE...")],
) -> None:
    """Keep a copy of a course's certificate, safe even if the original is moved or deleted.

    The copy goes in the attachments folder beside your database, named by its content,
    so a changed or damaged copy can be found with peertrack check.

    \b
    Examples:
      peertrack ceu attach 12 ~/Downloads/trauma-informed-care.pdf
      peertrack ceu attach 12 page-1.jpg page-2.jpg
    """
    from peertrack.storage import file_store as attachments

    sources = [attachments.check_file(path, "FILE") for path in files]
    conn = open_db(ctx, no_course(course_id))
    course = load_course(conn, course_id)
    results = []
    with transaction(conn):
        for source in sources:
            results.append(keep_certificate(conn, top_options(ctx).db_path, course_id, source))
    from peertrack.output.screen import say

    for kept, how in results:
        if how == "added":
            say(f'✓ Kept {kept.original_name} with course {course.id}, "{course.title}".')
        elif how == "repaired":
            say(f"✓ {kept.original_name} was already kept with course {course.id}; "
                "its stored copy was damaged or missing and is now whole again.")
        else:
            say(f"{kept.original_name} is already kept with course {course.id}; nothing changed.")
    say(f"The copies are in {attachments.folder_for(top_options(ctx).db_path)}; "
        "the originals may be moved or deleted.")


def open_(ctx: typer.Context, course_id: CourseArgument) -> None:
    """Open a course's certificate with this computer's viewer.

    Where there is no viewer (a server, a terminal without a desktop), it prints the
    stored file's path instead, so you can copy it elsewhere.

    \b
    Examples:
      peertrack ceu open 12
      peertrack ceu list --cert ca-pss && peertrack ceu open 3
    """
    from peertrack.output.screen import say
    from peertrack.storage import file_store as attachments

    conn = open_db(ctx, no_course(course_id))
    course = load_course(conn, course_id)
    kept = course_attachments(conn, course_id)
    if not kept:
        raise NotFound("certificate kept with course", course.id,
                       hint=f"Keep one with: peertrack ceu attach {course.id} FILE")
    folder = attachments.folder_for(top_options(ctx).db_path)
    paths = []
    for attachment in kept:
        path = attachments.find(folder, attachment)
        if path is None:
            raise PeertrackError(f"The stored copy of {attachment.original_name} (course {course.id}) is missing "
                                 f"from {folder}.",
                                 f"Attach the original again with: peertrack ceu attach {course.id} FILE")
        paths.append(path)
    viewer = _viewer()
    for attachment, path in zip(kept, paths, strict=True):
        if viewer is None or not _launch(viewer, path):
            typer.echo(str(path))
        else:
            say(f"Opening {attachment.original_name}…")


def _viewer() -> Optional[Callable[[Path], None]]:
    """How this computer opens a file with its usual program, or None where there is no such program."""
    if sys.platform == "win32":
        return getattr(os, "startfile", None)
    if sys.platform == "darwin":
        command = shutil.which("open")
    else:
        if not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
            return None  # no desktop to show a viewer on
        command = shutil.which("xdg-open")
    if command is None:
        return None

    def run(path: Path) -> None:
        subprocess.Popen([command, str(path)], stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                         stderr=subprocess.DEVNULL, start_new_session=True)

    return run


def _launch(viewer: Callable[[Path], None], path: Path) -> bool:
    try:
        viewer(path)
    except OSError:
        return False
    return True
