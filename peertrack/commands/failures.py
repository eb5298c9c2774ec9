"""Turns whatever went wrong into the words a person sees and an exit status: the one place that does."""

from __future__ import annotations

import errno
from pathlib import Path

from peertrack.domain.errors import InvalidInput, PeertrackError, StorageTrouble

# The rules and the records name a field by its key, and what went wrong by a topic; the command
# line names the field by its option, and says what to type next.
OPTIONS = {"expires": "--expires", "until": "--until"}
NEXT_STEPS = {
    "cert-id": "See your certifications with: peertrack cert list",
    "no-certs": "Add one first with: peertrack cert add NAME --id ID --expires DATE --hours H",
    "cert-id-taken": "Choose another --id, or change it with: peertrack cert edit {ref}",
    "new-id-taken": "Choose another --new-id.",
    "course-number": "See course numbers with: peertrack ceu list",
    "deadline-number": "See them with: peertrack deadline list",
    "reminder-number": "See your reminders with: peertrack remind list",
    "work-number": "See their numbers with: peertrack work list",
    "supervision-number": "See their numbers with: peertrack supervision list",
    "rules-changed-meanwhile": "See what its template offers now with: peertrack cert update {ref}",
}

# Errors that come from showing a result, not from making it: a terminal that cannot show a
# symbol, a pipe closed early. After a change was saved they must not turn it into a failure.
OUTPUT_ERRORS = (UnicodeEncodeError, BrokenPipeError)


def explain(error: BaseException, db_path: Path, commits_before: int) -> tuple[int, str]:
    """The exit status and the message (for stderr) of an error that reached the top.

    `commits_before` is commit_count() when the command began: more now means it saved a change.
    """
    from peertrack.storage.database import commit_count, problem_from

    saved = commit_count() > commits_before
    if isinstance(error, OUTPUT_ERRORS) and saved:
        return 0, "Saved. (peertrack could not show the rest of its answer on this screen.)"
    if isinstance(error, BrokenPipeError):
        # The program reading the answer stopped early (`| head`): as every command-line tool does,
        # stop quietly. What is still to be written goes nowhere, so leaving cannot fail again.
        import os
        import sys

        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0, ""
    if isinstance(error, InvalidInput) and error.field in OPTIONS:
        error.named(OPTIONS[error.field])
    if isinstance(error, PeertrackError) and error.hint is None and error.topic in NEXT_STEPS:
        error.hint = NEXT_STEPS[error.topic].format(ref=error.ref)
    if isinstance(error, PeertrackError):
        return error.EXIT_CODE, _words(error)
    if isinstance(error, KeyboardInterrupt):
        return 130, "\nStopped." if saved else "\nStopped. Nothing was changed."
    problem = problem_from(error, db_path) or _disk_problem(error)
    if problem is not None:
        return problem.EXIT_CODE, _words(problem)
    from peertrack.commands.crash_log import log_crash

    log = log_crash(error, db_path)
    where = f" The details are in {log}" if log is not None else ""
    if saved:
        state = ("Your change was saved before this happened: look before trying again, "
                 "for example with: peertrack status.")
    else:
        state = "Nothing was changed: a change is saved whole or not at all."
    return 1, (f"Something went wrong that peertrack did not expect ({type(error).__name__}: {error}).\n"
               f"{state}{where}")


def _disk_problem(error: BaseException) -> PeertrackError | None:
    """A file that could not be written, in plain words: a full disk and a read-only place are not bugs."""
    if not isinstance(error, OSError):
        return None
    where = f" ({error.filename})" if error.filename else ""
    if error.errno == errno.ENAMETOOLONG:
        from peertrack.domain.errors import InvalidInput
        from peertrack.domain.limits import MAX_FILE_NAME_BYTES

        return InvalidInput("The file name", error.filename or "", f"a name can be at most {MAX_FILE_NAME_BYTES} "
                            "bytes (letters outside English take two to four each): choose a shorter one",
                            problem="is too long")
    if error.errno == errno.ENOSPC:
        return StorageTrouble(f"The disk is full{where}.", "Free some space, then try again.")
    if error.errno == errno.EROFS:
        return StorageTrouble(f"The disk is read-only{where}.", "Choose a place you may write to.")
    if error.errno in (errno.EACCES, errno.EPERM):
        return StorageTrouble(f"Permission was refused{where}.", "Check the permissions, or choose another place.")
    return None


def point_to_help(error: BaseException, command: list[str]) -> None:
    """Give a refusal that names no next step one: where to see what `command` takes, with examples."""
    from peertrack.domain.errors import InvalidInput

    if command and isinstance(error, InvalidInput) and not error.hint and "peertrack " not in error.message:
        error.hint = f"See what it takes, with examples: peertrack {' '.join(command)} --help"


def _words(error: PeertrackError) -> str:
    from peertrack.output.hints import with_typed_db

    return with_typed_db(f"Error: {error.message}" + (f"\n{error.hint}" if error.hint else ""))
