"""Turns whatever went wrong into the words a person sees and an exit status: the one place that does."""

from __future__ import annotations

from pathlib import Path

from peertrack.domain.errors import PeertrackError


def explain(error: BaseException, db_path: Path) -> tuple[int, str]:
    """The exit status and the message (for stderr) of an error that reached the top."""
    if isinstance(error, PeertrackError):
        return error.EXIT_CODE, _words(error)
    if isinstance(error, KeyboardInterrupt):
        return 130, "\nStopped. Nothing was changed."
    from peertrack import storage

    problem = storage.problem_from(error, db_path)
    if problem is not None:
        return problem.EXIT_CODE, _words(problem)
    from peertrack.commands.crash_log import log_crash

    log = log_crash(error, db_path)
    return 1, (f"Something went wrong that peertrack did not expect ({type(error).__name__}: {error}).\n"
               f"Your records are safe: a change is saved whole or not at all. The details are in {log}")


def _words(error: PeertrackError) -> str:
    return f"Error: {error.message}" + (f"\n{error.hint}" if error.hint else "")
