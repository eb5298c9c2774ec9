"""Writing a file people asked for: all of it or none of it, readable by its owner only."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from peertrack.errors import PeertrackError


def write_whole_text(path: Path, text: str) -> None:
    """A half-written export is worse than none, and every export holds health-adjacent records."""
    folder = path.parent if str(path.parent) else Path(".")
    temporary = None
    try:
        fd, temporary = tempfile.mkstemp(dir=folder, prefix=".peertrack-", suffix=".tmp")  # created 0600
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
            handle.write(text)
        os.replace(temporary, path)
    except OSError as error:
        raise PeertrackError(f"Could not write {path}: {error.strerror}.",
                             "Check the folder exists and you may write to it.") from None
    finally:
        if temporary and os.path.exists(temporary):
            os.unlink(temporary)
