"""What a first run has gathered before anything is saved: the certifications chosen and the reminders."""

from __future__ import annotations

from peertrack.domain.models import Certification, Reminder
from peertrack.domain.record_types import dataclass, field

TYPE_CHECKING = False  # as typing.TYPE_CHECKING, without importing typing at start-up
if TYPE_CHECKING:
    from peertrack.domain.templates import Template


@dataclass(frozen=True)
class Chosen:
    """A certification as it will be saved, and the template it came from (None: rules typed by hand)."""

    cert: Certification
    template: Template | None


@dataclass
class Plan:
    """Everything `init` will save in one transaction, once the holder says yes."""

    held_ids: frozenset[str] = frozenset()
    certs: list[Chosen] = field(default_factory=list)
    reminders: list[Reminder] = field(default_factory=list)

    @property
    def required_seconds(self) -> int:
        """The CE hours the chosen certifications' current cycles need, added up."""
        return sum(chosen.cert.cycle.required_seconds for chosen in self.certs)
