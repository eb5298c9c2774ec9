"""The one place that reads the clock; PEERTRACK_TODAY pins it for tests and demos."""

from __future__ import annotations

import datetime as dt
import os

from peertrack.domain.errors import InvalidInput


def today() -> dt.date:
    pinned = os.environ.get("PEERTRACK_TODAY", "").strip()
    if not pinned:
        return dt.date.today()
    try:
        return dt.date.fromisoformat(pinned)
    except ValueError:
        raise InvalidInput(
            "PEERTRACK_TODAY", pinned, "set it to a date like 2026-11-02, or unset it"
        ) from None
