"""Whether output should be plain text: no colour, no box drawing, easy for a screen reader and for grep.

The choice is one environment variable, PEERTRACK_PLAIN, so it can be set once for good in a
shell start-up file; `peertrack --plain` sets it for a single run. NO_COLOR and output that is
not a terminal give plain text too (output.screen sees those itself).
"""

from __future__ import annotations

import os

PLAIN_VAR = "PEERTRACK_PLAIN"
_OFF = {"", "0", "no", "false", "off"}


def plain_asked() -> bool:
    """True when the person asked for plain output: PEERTRACK_PLAIN=1, or --plain."""
    return os.environ.get(PLAIN_VAR, "").strip().lower() not in _OFF


def ask_for_plain() -> str | None:
    """Ask for plain output for the rest of this run; returns the earlier value, to put back."""
    earlier = os.environ.get(PLAIN_VAR)
    os.environ[PLAIN_VAR] = "1"
    return earlier


def put_back(earlier: str | None) -> None:
    if earlier is None:
        os.environ.pop(PLAIN_VAR, None)
    else:
        os.environ[PLAIN_VAR] = earlier
