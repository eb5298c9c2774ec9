"""Working toward a first certification: its entry requirements (training, supervised work, supervision
hours, an exam) and how far the holder has come; no number and no expiry until it is certified."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from peertrack.domain.errors import InvalidInput
from peertrack.domain.formatting import hours_words
from peertrack.domain.parsing import parse_hours
from peertrack.domain.record_types import dataclass

ENTRY_KINDS = {"training": "training", "service": "supervised work", "supervision": "supervision"}
ENTRY_ACCEPTED = ("for a certification in progress use training=HOURS, service=HOURS (supervised work) or "
                  "supervision=HOURS, like --require service=250")


@dataclass
class EntryRule:
    """At least `seconds` of one kind of hours before applying: training, service (supervised work), supervision."""

    kind: str
    seconds: int


@dataclass
class Pursuit:
    """A certification being worked toward. Entries dated from `started` on count toward it (every entry when None)."""

    id: str
    name: str
    started: dt.date | None = None
    rules: tuple[EntryRule, ...] = ()
    body: str | None = None
    template: str | None = None
    exam_on: dt.date | None = None
    certified_on: dt.date | None = None


@dataclass
class EntryStanding:
    rule: EntryRule
    done: int

    @property
    def missing(self) -> int:
        return max(0, self.rule.seconds - self.done)


@dataclass
class PursuitProgress:
    """How far a pursuit has come on `today`: each entry requirement, and the exam."""

    pursuit: Pursuit
    today: dt.date
    standings: tuple[EntryStanding, ...]

    @property
    def ready(self) -> bool:
        """Every hour the entry requirements ask for is in (the exam is shown apart)."""
        return all(not s.missing for s in self.standings)

    @property
    def days_to_exam(self) -> int | None:
        exam = self.pursuit.exam_on
        return None if exam is None else (exam - self.today).days


def parse_entry_rules(texts: Iterable[str], field: str = "--require") -> tuple[EntryRule, ...]:
    """ "training=40", "service=250", "supervision=25": each kind once."""
    rules: list[EntryRule] = []
    for text in texts:
        key, sep, value = text.partition("=")
        kind = key.strip().lower()
        if not sep or kind not in ENTRY_KINDS:
            raise InvalidInput(field, text, ENTRY_ACCEPTED, problem="is not an entry requirement")
        if any(r.kind == kind for r in rules):
            raise InvalidInput(field, text, "give each kind once", problem="repeats a requirement")
        rules.append(EntryRule(kind, parse_hours(value, field, limit=None)))
    return tuple(rules)


def pursuit_progress(pursuit: Pursuit, done: dict[str, int], today: dt.date) -> PursuitProgress:
    """`done` holds the seconds of each kind that count: dated from the pursuit's start on, if it has one."""
    return PursuitProgress(pursuit, today, tuple(EntryStanding(rule, done.get(rule.kind, 0)) for rule in pursuit.rules))


def rule_words(rule: EntryRule) -> str:
    """ "250 hours of supervised work"."""
    return f"{hours_words(rule.seconds)} of {ENTRY_KINDS[rule.kind]}"


def template_entry(items: list[dict]) -> tuple[EntryRule, ...]:
    """A template's "entry" list for working toward it: {"kind": "service", "hours": 250}."""
    rules = []
    for item in items:
        if item["kind"] not in ENTRY_KINDS:
            raise InvalidInput("template entry requirement", item, "kind is training, service or supervision")
        rules.append(EntryRule(item["kind"], round(float(item["hours"]) * 3600)))
    return tuple(rules)
