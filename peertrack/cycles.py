"""Renewal-cycle date arithmetic: where a cycle starts, given when it ends and how long it is."""

from __future__ import annotations

import datetime as dt

from dateutil.relativedelta import relativedelta

from peertrack.errors import InvalidInput


def cycle_start(expires: dt.date, months: int, issued: dt.date | None = None) -> dt.date:
    """The first day of the cycle that ends on `expires`.

    A two-year cycle ending 30 Jun 2027 starts 1 Jul 2025. Hours from before the first
    certification never count, so a cycle never starts before `issued`.
    """
    start = expires - relativedelta(months=months) + dt.timedelta(days=1)
    if issued is not None and issued > start:
        start = issued
    return start


def check_dates(issued: dt.date | None, expires: dt.date) -> None:
    if issued is not None and expires <= issued:
        raise InvalidInput(
            "--expires", expires.isoformat(), f"it must come after the issue date {issued.isoformat()}",
            problem="is not after the issue date",
        )


def months_text(months: int) -> str:
    """A cycle length as typed back to the user: 24 -> "2y", 18 -> "18m"."""
    return f"{months // 12}y" if months % 12 == 0 else f"{months}m"


def months_words(months: int) -> str:
    if months % 12 == 0:
        years = months // 12
        return "1 year" if years == 1 else f"{years} years"
    return "1 month" if months == 1 else f"{months} months"
