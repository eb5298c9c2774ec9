"""Writes the details of an unexpected error to a log file, so a person sees one line, not a traceback."""

from __future__ import annotations

import datetime as dt
import os
import traceback
from pathlib import Path


def log_crash(error: BaseException, db_path: Path) -> Path | None:
    """Append the traceback to peertrack-errors.log beside the database, and say where it is.

    The log may quote records, so it is readable by its owner only; when it cannot be written
    beside the database, a new private file in the temporary folder takes it, and when even
    that fails there is no log (None).
    """
    text = (f"--- {dt.datetime.now().isoformat(timespec='seconds')}\n"
            + "".join(traceback.format_exception(type(error), error, error.__traceback__)))
    log = db_path.parent / "peertrack-errors.log"
    try:
        from peertrack.storage.files import private_folder

        private_folder(log.parent)
        fd = os.open(log, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
        os.fchmod(fd, 0o600)
    except OSError:
        import tempfile

        try:
            fd, name = tempfile.mkstemp(prefix="peertrack-errors-", suffix=".log")  # private: 0600
        except OSError:
            return None
        log = Path(name)
    try:
        with os.fdopen(fd, "a", encoding="utf-8") as handle:
            handle.write(text)
    except OSError:
        return None
    return log
