"""Plain records that flow between storage, the domain and the output; no behaviour, no I/O.

Records are never changed in place: code makes a new one with replace().
"""

from __future__ import annotations

import datetime as dt

from peertrack.domain.record_types import dataclass, field

FORMATS = ("online", "in-person", "self-study")
HOUR = 3600  # hours are kept as whole seconds: exact at any precision a certificate uses


@dataclass(frozen=True)  # a dictionary key when caps are applied
class Requirement:
    """A rule on part of a cycle's hours: at least ("min") or at most ("max") `seconds`
    in one category, one format (online, self-study...) or from one provider."""

    value: str
    seconds: int
    kind: str = "min"
    dimension: str = "category"


@dataclass
class Cycle:
    """One renewal cycle of a certification, from `starts` to `ends` (both included)."""

    starts: dt.date
    ends: dt.date
    required_seconds: int
    id: int | None = None
    closed_on: dt.date | None = None
    # Extra hours the cycle before passed on to this one: worked out when read (services/carry.py), never stored.
    carried_seconds: int = 0
    # The most extra hours this cycle passes on to the next when it closes; None: none (no carry-over rule).
    carry_cap_seconds: int | None = None
    # What was worked out as carried into this cycle on the day its renewal was recorded: a record, not what counts.
    carried_when_renewed_seconds: int = 0

    def contains(self, day: dt.date) -> bool:
        return self.starts <= day <= self.ends


@dataclass
class Certification:
    id: str
    name: str
    cycle_months: int
    required_seconds: int
    cycle: Cycle
    body: str | None = None
    number: str | None = None
    issued: dt.date | None = None
    requirements: tuple[Requirement, ...] = ()
    anchor_day: int | None = None  # the day of the month cycles end on; 31 means the month's last day
    carry_over_seconds: int | None = None  # the most extra hours a cycle may pass on; None: none
    opens_days: int | None = None  # renewal can be applied for this many days before expiry
    submit_days: int | None = None  # the application is due this many days before expiry
    grace_days: int | None = None  # after expiry, this many days to renew late before it lapses
    endorsement_of: str | None = None
    template: str | None = None
    # `requirements` are the rules of `cycle`; these are the ones a new cycle starts with (None: the same).
    next_requirements: tuple[Requirement, ...] | None = None
    # Words of the holder's (or of a template's longer label) that count as a rule's category: (word, category).
    category_aliases: tuple[tuple[str, str], ...] = ()
    # Of topics due once over several cycles, the hours this cycle still owes, as minimums (topic_windows.py).
    topics_owed: tuple[Requirement, ...] = ()
    # The cycle before `cycle` (its credit window and carry-over cap), whose extra hours may count toward
    # `cycle`; None for a first cycle.
    carry_from: Cycle | None = None

    @property
    def rules_ahead(self) -> tuple[Requirement, ...]:
        """The minimums and caps the next cycle starts with."""
        return self.requirements if self.next_requirements is None else self.next_requirements

    @property
    def expires(self) -> dt.date:
        return self.cycle.ends

    @property
    def minimums(self) -> tuple[Requirement, ...]:
        return tuple(r for r in self.requirements if r.kind == "min")

    @property
    def caps(self) -> tuple[Requirement, ...]:
        return tuple(r for r in self.requirements if r.kind == "max")


@dataclass
class Allocation:
    """The part of a course's hours that falls in one category."""

    category: str
    seconds: int


@dataclass
class Course:
    """One continuing-education course (a CE entry)."""

    date: dt.date
    title: str
    seconds: int
    provider: str | None = None
    format: str | None = None
    approval_no: str | None = None
    note: str | None = None
    allocations: tuple[Allocation, ...] = ()
    cert_ids: tuple[str, ...] = ()
    id: int | None = None
    # Certifications that credit a different number of hours than the course's own: (cert id, seconds).
    overrides: tuple[tuple[str, int], ...] = ()
    # True when the holder named the certifications it counts toward (cert_ids, exactly); False when it
    # counts toward every certification with a cycle covering its date, worked out when read.
    credit_chosen: bool = False

    def credited_seconds(self, cert_id: str) -> int:
        return dict(self.overrides).get(cert_id, self.seconds)


@dataclass
class Deadline:
    """A one-off date to meet: a renewal application, a fee, a background check.

    Stored deadlines have a number; those that follow from a certification (its expiry,
    the day renewal opens) are worked out each time and carry a `key` instead.
    """

    title: str
    due: dt.date
    cert_id: str | None = None
    note: str | None = None
    done_on: dt.date | None = None
    id: int | None = None
    key: str | None = None


@dataclass
class CategoryProgress:
    """A minimum's progress: `name` is a category, a format or a provider (see `dimension`)."""

    name: str
    required_seconds: int
    earned_seconds: int
    dimension: str = "category"

    @property
    def missing_seconds(self) -> int:
        return max(0, self.required_seconds - self.earned_seconds)

    @property
    def met(self) -> bool:
        return self.missing_seconds == 0


@dataclass
class CapUse:
    """A cap's effect: of `logged_seconds` in its category, format or provider, at most `cap_seconds`
    may count, and the best legal choice counts `counted_seconds` of them."""

    name: str
    dimension: str
    cap_seconds: int
    logged_seconds: int
    counted_seconds: int = 0

    @property
    def uncounted_seconds(self) -> int:
        """Hours under this cap that do not count, when the cap is what stops them."""
        return self.logged_seconds - self.counted_seconds if self.logged_seconds > self.cap_seconds else 0


@dataclass(frozen=True)
class LateStage:
    """One stage after expiry: a free grace period, a late-fee window, inactive, lapsed, reinstatement.

    A stage lasts until a day of the year after expiry (`until_date`, "MM-DD"), or for a number of
    days or months after expiry; the last stage has no end.
    """

    stage: str
    until_date: str | None = None
    until_days: int | None = None
    until_months: int | None = None
    fee: int | None = None  # whole dollars; None: not known


ENDED = ("inactive", "lapsed", "reinstatement")  # late stages in which the certification no longer stands


@dataclass(frozen=True)
class StageNow:
    """The late stage a day falls in: from `starts` to `ends` (both included; None: no end)."""

    stage: LateStage
    starts: dt.date
    ends: dt.date | None

    @property
    def ended(self) -> bool:
        return self.stage.stage in ENDED


@dataclass(frozen=True)
class LateStanding:
    """Where a certification past its expiry stands among its board's late stages, for `status` and `due`.

    `now` is the stage today falls in (None once the last stage with an end is over); `later` the
    stages still to come, each with its dates. `level` is "overdue" while a late renewal still keeps
    the certification, "lapsed" once it is inactive, lapsed or past every stage.
    """

    now: StageNow | None
    later: tuple[StageNow, ...]
    level: str
    words: str


@dataclass(frozen=True)
class NotApproved:
    """Hours that do not count because their courses carry no approval number, for a board that counts
    only approved courses: one provider's (None: courses with no provider), with the course numbers."""

    provider: str | None
    seconds: int
    course_ids: tuple[int, ...] = ()


@dataclass
class Progress:
    """Where one certification stands on a given day: the dashboard's facts."""

    cert: Certification
    today: dt.date
    days_left: int
    earned_seconds: int
    missing_seconds: int
    level: str
    categories: tuple[CategoryProgress, ...] = field(default=())
    seconds_per_month: int | None = None
    course_count: int = 0
    logged_seconds: int = 0
    carried_seconds: int = 0
    caps: tuple[CapUse, ...] = ()
    recent_seconds_per_month: int | None = None
    projected_seconds: int | None = None  # hours counted by expiry at the recent pace; never below those earned
    toward_seconds: int = 0  # of the hours required, how many are covered (required less missing)
    expected_seconds: int = 0  # where a straight line through the cycle is today
    behind: str | None = None  # why the level is behind: "schedule" or "pace"
    exact: bool = True  # False only when the best choice could not be proven best (see allocation.py)
    late: LateStanding | None = None  # past expiry, where the board's late stages stand (late_stages.py)
    not_approved: tuple[NotApproved, ...] = ()  # courses left out: the board counts only approved ones
    # Another credential of the same body whose hours must be unique (domain/unique_hours.py), and the
    # numbers of the courses counting toward both that were given to this one and to that one.
    unique_with: str | None = None
    shared_here: tuple[int, ...] = ()
    shared_there: tuple[int, ...] = ()
    # Counts of trainings its board asks for besides hours (training_counts.CountProgress), this cycle.
    trainings: tuple = ()
    # Rules its template gives now that it does not (template_updates.RulesUpdate): offered, never taken unasked.
    rules_update: RulesUpdate | None = None

    @property
    def any_kind_seconds(self) -> int:
        """Of the hours missing, those that may be of any kind: beyond every minimum's gap."""
        gaps: dict[str, int] = {}
        for category in self.categories:
            gaps[category.dimension] = gaps.get(category.dimension, 0) + category.missing_seconds
        return self.missing_seconds - max(gaps.values(), default=0)


@dataclass(frozen=True)
class RulesUpdate:
    """What a certification's template says now that it does not (template_updates.py): the parts that differ."""

    template: str  # the template's id
    parts: tuple[str, ...]  # of "hours", "rules" and "carry", in that order
    since_added: bool  # the template changed since the certification took its rules (else: they just differ)
    hours: int | None  # the template's hours each cycle now
    rules: tuple[Requirement, ...]  # the template's minimums and caps that are new or changed
    carry: int | None  # the template's carry-over cap now (None: no hours carry over)
    text: str  # the template's rules as text, kept once they are taken or kept
    words: tuple[tuple[str, str], ...] = ()  # the words of its longer labels that count as a new rule's category
    dropped: tuple[Requirement, ...] = ()  # the certification's minimums and caps the template no longer gives
    days: tuple[tuple[str, int | None], ...] = ()  # the renewal window's days offered: ("opens", 60), ...
    months: int | None = None  # the cycle's length offered, in months


@dataclass
class Reminder:
    """A recurring wellness-plan commitment: an RFC 5545 rule (RRULE text) from its first day on.

    `starts` is always the rule's first occurrence; `added_on` is the day it was added, so that
    nothing from before then is ever counted as missed. `handled_through` is worked out from
    the log: the latest occurrence marked done or skipped.
    """

    title: str
    rrule: str
    starts: dt.date
    added_on: dt.date
    at: dt.time | None = None
    until: dt.date | None = None
    note: str | None = None
    snoozed_until: dt.date | None = None
    handled_through: dt.date | None = None
    id: int | None = None


@dataclass
class ReminderLogEntry:
    """One thing done about one occurrence of a reminder, on the day `acted_on`."""

    reminder_id: int
    occurrence: dt.date
    action: str
    acted_on: dt.date
    note: str | None = None
    id: int | None = None


@dataclass
class DueReminder:
    """A reminder due today or overdue, shown once however many times it was missed.

    `oldest_missed` is the first occurrence still open; `due_since` is the same day, or the
    end of a snooze when that came later; `missed` counts the occurrences since `due_since`.
    """

    reminder: Reminder
    oldest_missed: dt.date
    due_since: dt.date
    missed: int
    days_overdue: int


@dataclass
class ReminderState:
    """Where a reminder stands on a day: due (and since when), or the next day it asks."""

    reminder: Reminder
    next_on: dt.date | None  # None once the reminder has no more dates
    due: DueReminder | None = None
    snoozed: bool = False


@dataclass
class ReminderHistory:
    """A reminder's log, newest first, with how many times in a row it was done."""

    reminder: Reminder
    streak: int
    entries: tuple[ReminderLogEntry, ...] = ()
