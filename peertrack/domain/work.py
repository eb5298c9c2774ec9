"""Hours of peer service and of supervision: the records, and reading what people type about them.

Hours are exact whole seconds. Nothing about the people served is part of a record: only the
day, the hours, where (the setting) and a private note.
"""

from __future__ import annotations

import datetime as dt

from peertrack.domain.errors import InvalidInput
from peertrack.domain.formatting import hours, hours_number, hours_words
from peertrack.domain.models import HOUR
from peertrack.domain.parsing import parse_date, parse_hours
from peertrack.domain.record_types import dataclass

MAX_SECONDS_PER_ENTRY = 24 * HOUR
# Hours of work read and shown as CE hours are: one wording, kept here too for the modules that import it.
__all__ = ["hours_number", "hours_words"]
SUPERVISOR_ACCEPTED = 'give the name and the credential, separated by a comma, like "Dana Reyes, LCSW"'


@dataclass
class WorkEntry:
    """Hours of peer service on one day, and where (a setting such as "crisis line")."""

    date: dt.date
    seconds: int
    setting: str | None = None
    note: str | None = None
    id: int | None = None


@dataclass
class SupervisionEntry:
    """One supervision session: its hours, who supervised (name and credential), group or one-to-one."""

    date: dt.date
    seconds: int
    supervisor: str
    credential: str
    group: bool = False
    topic: str | None = None
    note: str | None = None
    id: int | None = None

    @property
    def supervisor_text(self) -> str:
        return f"{self.supervisor}, {self.credential}"


def parse_entry_hours(text: str, field: str = "--hours") -> int:
    """Hours of one day's entry as exact seconds: "1.5" is 5400; at most 24 hours."""
    seconds = parse_hours(text, field, limit=None)
    if seconds > MAX_SECONDS_PER_ENTRY:
        raise InvalidInput(field, text, "one day's entry can hold at most 24 hours; log each day on its own",
                           problem="is more hours than a day holds")
    return seconds


def parse_entry_date(text: str, today: dt.date, field: str = "--date") -> dt.date:
    day = parse_date(text, field, today)
    if day > today:
        raise InvalidInput(field, text, "log hours on the day you work them or after", problem="is in the future")
    return day


def parse_supervisor(text: str, field: str = "--supervisor") -> tuple[str, str]:
    """ "Dana Reyes, LCSW" -> ("Dana Reyes", "LCSW"); the credential is what follows the last comma."""
    name, comma, credential = text.strip().rpartition(",")
    name, credential = " ".join(name.split()), " ".join(credential.split())
    if not comma or not name or not credential:
        raise InvalidInput(field, text, SUPERVISOR_ACCEPTED, problem="needs a name and a credential")
    return name, credential


def hours_text(seconds: int) -> str:
    """ "1.5", "20", "0.125": for tables, sheets and sentences (the same wording as CE hours)."""
    return hours(seconds)

