"""Writes the details of an unexpected error to a log file, so a person sees one line, not a traceback."""

from __future__ import annotations

import datetime as dt
import traceback
from pathlib import Path


def log_crash(error: BaseException, db_path: Path) -> Path:
    """Append the traceback to peertrack-errors.log beside the database, and say where it is."""
    log = db_path.parent / "peertrack-errors.log"
    try:
        log.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        with open(log, "a", encoding="utf-8") as handle:
            handle.write(f"--- {dt.datetime.now().isoformat(timespec='seconds')}\n")
            handle.write("".join(traceback.format_exception(type(error), error, error.__traceback__)))
    except OSError:
        import tempfile

        log = Path(tempfile.gettempdir()) / "peertrack-errors.log"
        with open(log, "a", encoding="utf-8") as handle:
            handle.write("".join(traceback.format_exception(type(error), error, error.__traceback__)))
    return log
