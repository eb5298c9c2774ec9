"""Certification templates: what one says (a board's renewal rules), and finding some among them.

Reading them, built in or the holder's own files, is storage/template_files.py."""

from __future__ import annotations

from peertrack.domain.models import LateStage, Requirement
from peertrack.domain.record_types import dataclass, field
from peertrack.domain.states import NATIONAL, state_code

CONFIRM = "Rules change: confirm them with your certifying body."
STATUSES = ("confirmed", "partial", "unconfirmed")


@dataclass(frozen=True)
class Source:
    """Where a template's numbers were read: the page, the short quote, and which numbers it supports."""

    url: str
    quote: str | None = None
    supports: tuple[str, ...] = ()


@dataclass(frozen=True)
class Task:
    """Something a renewal asks beside CE: a fee, a background check, references, signing the code of ethics."""

    kind: str
    title: str
    fee: int | None = None
    days_before: int | None = None  # due this many days before expiry; None: by expiry
    count: int | None = None


@dataclass(frozen=True)
class TrainingCount:
    """A number of trainings each cycle ("1 peer ethics training", "2 CE classes"), counted, not summed.

    A course is one training when it has the `category` (or the word in its title); with no category,
    every course is one.
    """

    what: str
    count: int
    category: str | None = None


@dataclass(frozen=True)
class CycleShape:
    """How a board sets its dates, beyond "N months from the last expiry"."""

    fixed_month: int | None = None  # every certificate ends on this day of the year...
    fixed_day: int | None = None
    fixed_year: int | None = None  # ...in years counted from this one, every `months` months
    from_month_start: bool = False  # the cycle starts on the 1st of the certification month
    to_month_end: bool = False  # due by the last day of the month of expiry
    same_parity_as_issue: bool = False  # the renewal year is odd when the exam year was odd
    first_starts_january_after_issue: bool = False
    first_prorated_after: str | None = None  # "MM-DD": certified after it, the first cycle's hours are not known
    first_waived_within_months: int | None = None  # certified this close to the first renewal: no CE owed


@dataclass(frozen=True)
class Template:
    id: str
    name: str
    body: str | None
    region: str | None
    months: int | None  # None: not known, the holder enters it
    calendar_year: bool
    month_choices: dict[int, int | None]  # cycle length in months -> hours, for a holder's choice
    hours: int | None
    rules: tuple[Requirement, ...]
    labels: dict[str, str]
    carry_over_hours: int | None
    opens_days: int | None
    submit_days: int | None
    grace_days: int | None
    facts: tuple[str, ...]
    sources: tuple[Source, ...]
    checked: str | None
    status: str
    origin: str  # "built in", or the file it came from
    state: str | None = None
    shape: CycleShape = field(default_factory=CycleShape)
    late: tuple[LateStage, ...] = ()
    tasks: tuple[Task, ...] = ()
    # Rule shapes recorded for the holder to see, which hours alone cannot express.
    counts: tuple[TrainingCount, ...] = ()  # so many trainings each cycle, not hours
    once_ever: bool = False  # a training counts once, even when repeated in a later cycle
    once_per_cycle: bool = False  # the same program counts once in a cycle (NE), again in the next
    once_over_cycles: tuple[tuple[str, int, int | None], ...] = ()  # (topic, hours, every N years; None: once)
    unique_hours_with: tuple[str, ...] = ()  # no course counts for both this and these templates
    # A provider rule's other names: {"GMHCN": ("Georgia Mental Health Consumer Network",)}. Only these count.
    provider_aliases: dict[str, tuple[str, ...]] = field(default_factory=dict)
    approved_only: bool = False  # only courses with an approval number count
    endorsement: bool = False
    work: tuple = ()  # rules on service and supervision each cycle (domain.work_rules.WorkRule)
    entry: tuple = ()  # what working toward it needs before applying (domain.pursuits.EntryRule)

    @property
    def unconfirmed(self) -> bool:
        return self.status != "confirmed"

    def hours_for(self, months: int) -> int | None:
        return self.month_choices.get(months, self.hours) if self.month_choices else self.hours

    def words(self) -> str:
        """What a search looks in: the id, the name, the body and the region."""
        return " ".join(filter(None, (self.id, self.name, self.body, self.region, self.state)))


def templates_for_state(state: str, templates: list[Template]) -> list[Template]:
    """A state's templates (by code or name), then the national bodies' ones that anyone may hold.

    Empty for text that names no state. The national ones come last, so a state's own board is offered first.
    """
    code = state_code(state)
    if code is None:
        return []
    found = templates
    own = [t for t in found if t.state == code]
    national = [t for t in found if t.state == NATIONAL and code != NATIONAL]
    return own + national


def search_templates(words: list[str], templates: list[Template]) -> list[Template]:
    """Templates matching every word: a state ("PA", "Texas", "national") or words in the name, body or facts."""
    found = templates
    text = " ".join(words).strip()
    if not text:
        return list(found)
    whole = state_code(text)
    if whole is not None:
        return [t for t in found if t.state == whole]
    for word in words:
        code = state_code(word) if len(word.strip()) == 2 else None
        if code is not None:
            found = [t for t in found if t.state == code]
        else:
            found = [t for t in found if word.casefold() in t.words().casefold()]
    return found
