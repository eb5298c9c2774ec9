"""Rules on the work log: hours of service, hours of supervision and supervision sessions, per cycle or
per calendar quarter or month inside it; and where a holder stands against each on a given day."""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Iterable

from peertrack.domain.errors import InvalidInput
from peertrack.domain.formatting import counted, hours_words
from peertrack.domain.parsing import parse_hours
from peertrack.domain.record_types import dataclass
from peertrack.domain.work import SupervisionEntry, WorkEntry, hours_text

KINDS = {"service": "peer service", "supervision": "supervision", "supervision-sessions": "supervision sessions"}
PERIODS = ("cycle", "quarter", "month")
RULE_ACCEPTED = ('use service=HOURS, supervision=HOURS or supervision-sessions=COUNT, each for the whole cycle '
                 'or per period, like "supervision-sessions=1/quarter" or "supervision=1/month"')
URGENT_DAYS_IN_PERIOD = 7
DAYS_PER_MONTH = 30.44


@dataclass
class WorkRule:
    """At least `amount` (seconds of hours, or a count of sessions) of one kind, per cycle or per period."""

    kind: str
    amount: int
    period: str = "cycle"

    @property
    def counts_sessions(self) -> bool:
        return self.kind == "supervision-sessions"


@dataclass
class PeriodStanding:
    """One calendar quarter or month inside a cycle: what was done in it, against what a period needs."""

    starts: dt.date
    ends: dt.date
    done: int
    state: str  # "met", "missed", "open" (today is inside it) or "upcoming"


@dataclass
class RuleStanding:
    """Where a holder stands against one rule on `today`; `missing` is in the rule's own unit."""

    rule: WorkRule
    done: int
    missing: int
    level: str
    days_left: int  # to the end of the cycle, or of the current period for a rule per period
    per_month: int | None = None  # for a rule per cycle: the steady pace that meets it in time
    periods: tuple[PeriodStanding, ...] = ()

    @property
    def missed(self) -> tuple[PeriodStanding, ...]:
        return tuple(p for p in self.periods if p.state == "missed")


def parse_work_rule(text: str, field: str = "--require") -> WorkRule | None:
    """ "service=50", "supervision=2", "supervision-sessions=1/quarter"; None when `text` is a CE rule."""
    key, sep, value = text.partition("=")
    kind = "-".join(key.strip().lower().split())
    if not sep or kind not in KINDS:
        return None
    amount_text, slash, period = value.partition("/")
    period = period.strip().lower() if slash else "cycle"
    if period not in PERIODS:
        raise InvalidInput(field, text, RULE_ACCEPTED, problem=f'names a period "{period}" that is not cycle, '
                           "quarter or month")
    if kind == "supervision-sessions":
        cleaned = amount_text.strip()
        if not cleaned.isdigit() or not 0 < int(cleaned) <= 1000:
            raise InvalidInput(field, text, RULE_ACCEPTED + "; a count of sessions is a whole number from 1",
                               problem="does not give a number of sessions")
        return WorkRule(kind, int(cleaned), period)
    return WorkRule(kind, parse_hours(amount_text, field, limit=None), period)


def rule_text(rule: WorkRule) -> str:
    """ "service=50", "supervision-sessions=1/quarter": the rule as --require takes it."""
    amount = str(rule.amount) if rule.counts_sessions else hours_text(rule.amount)
    return f"{rule.kind}={amount}" + ("" if rule.period == "cycle" else f"/{rule.period}")


def rule_words(rule: WorkRule) -> str:
    """ "50 hours of peer service", "1 supervision session a quarter"."""
    if rule.counts_sessions:
        amount = counted(rule.amount, "supervision session")
    else:
        amount = f"{hours_words(rule.amount)} of {KINDS[rule.kind]}"
    return amount + ("" if rule.period == "cycle" else f" a {rule.period}")


def amount_words(rule: WorkRule, amount: int) -> str:
    if rule.counts_sessions:
        return counted(amount, "session")
    return hours_words(amount)


def periods_between(starts: dt.date, ends: dt.date, period: str) -> list[tuple[dt.date, dt.date]]:
    """The calendar quarters or months lying wholly inside `starts`..`ends` (both included).

    A part-period at either end of a cycle is not asked for: a cycle that starts on 15 March
    owes nothing for January to March.
    """
    step = 3 if period == "quarter" else 1
    year, month = starts.year, starts.month
    month -= (month - 1) % step  # back to the first month of its quarter
    found = []
    while dt.date(year, month, 1) <= ends:
        last_month = month + step - 1
        first, last = dt.date(year, month, 1), _last_day(year, last_month)
        if first >= starts and last <= ends:
            found.append((first, last))
        year, month = (year + 1, 1) if last_month == 12 else (year, last_month + 1)
    return found


def _last_day(year: int, month: int) -> dt.date:
    """The month's last day: the day before the next month's first (29 Feb in a leap year)."""
    following = dt.date(year + 1, 1, 1) if month == 12 else dt.date(year, month + 1, 1)
    return following - dt.timedelta(days=1)


def amount_done(rule: WorkRule, work: Iterable[WorkEntry], sessions: Iterable[SupervisionEntry],
                starts: dt.date, ends: dt.date) -> int:
    """Seconds of service or supervision, or a count of sessions, dated `starts`..`ends`."""
    if rule.kind == "service":
        return sum(e.seconds for e in work if starts <= e.date <= ends)
    chosen = [e for e in sessions if starts <= e.date <= ends]
    return len(chosen) if rule.counts_sessions else sum(e.seconds for e in chosen)


def standing(rule: WorkRule, cycle_starts: dt.date, cycle_ends: dt.date, work: list[WorkEntry],
             sessions: list[SupervisionEntry], today: dt.date, soon_days: int = 90,
             urgent_days: int = 30) -> RuleStanding:
    """Where `rule` stands on `today` in the cycle `cycle_starts`..`cycle_ends`."""
    if rule.period == "cycle":
        return _per_cycle(rule, cycle_starts, cycle_ends, work, sessions, today, soon_days, urgent_days)
    return _per_period(rule, cycle_starts, cycle_ends, work, sessions, today)


def _per_cycle(rule, starts, ends, work, sessions, today, soon_days, urgent_days) -> RuleStanding:
    done = amount_done(rule, work, sessions, starts, ends)
    missing = max(0, rule.amount - done)
    days_left = (ends - today).days
    if days_left < 0:
        level = "overdue" if missing else "ok"
    elif missing and days_left <= urgent_days:
        level = "urgent"
    elif missing and _behind(rule.amount, done, starts, ends, today):
        level = "behind"
    elif missing and days_left <= soon_days:
        level = "due-soon"
    else:
        level = "ok"
    per_month = None
    if missing and days_left >= 31 and not rule.counts_sessions:
        # Up to the next quarter hour: a pace people can plan with, and never too slow.
        per_month = math.ceil(missing / (days_left / DAYS_PER_MONTH) / 900) * 900
    return RuleStanding(rule, done, missing, level, days_left, per_month)


def _behind(amount: int, done: int, starts: dt.date, ends: dt.date, today: dt.date) -> bool:
    """Behind the schedule as CE hours are (see requirements.behind_because): once a quarter of the cycle
    has gone, under half of what a straight line from nothing on its first day to all on its last reaches."""
    length = (ends - starts).days + 1
    elapsed = min((today - starts).days + 1, length)
    return elapsed * 4 >= length and done * 2 * length < amount * elapsed


def _per_period(rule, starts, ends, work, sessions, today) -> RuleStanding:
    found = []
    for first, last in periods_between(starts, ends, rule.period):
        if first > today:
            state, done = "upcoming", 0
        else:
            done = amount_done(rule, work, sessions, first, last)
            state = "met" if done >= rule.amount else ("open" if last >= today else "missed")
        found.append(PeriodStanding(first, last, done, state))
    current = next((p for p in found if p.starts <= today <= p.ends), None)
    ended = [p for p in found if p.ends < today]
    if current is None:
        missing, days_left, level = 0, (ends - today).days, "ok"
    else:
        missing, days_left = max(0, rule.amount - current.done), (current.ends - today).days
        length = (current.ends - current.starts).days + 1
        if not missing:
            level = "ok"
        elif days_left < URGENT_DAYS_IN_PERIOD:
            level = "urgent"
        elif days_left < length // 2:
            level = "due-soon"
        else:
            level = "ok"
    if ended and ended[-1].state == "missed" and current is not None:
        level = "overdue"  # said while the next period runs; the miss stays on the record after that
    done = current.done if current is not None else 0
    return RuleStanding(rule, done, missing, level, days_left, None, tuple(found))


def period_name(p: PeriodStanding) -> str:
    """ "Nov 2026" for a month, "Oct–Dec 2026" for a quarter."""
    if p.starts.month == p.ends.month:
        return f"{p.starts:%b %Y}"
    return f"{p.starts:%b}–{p.ends:%b %Y}"


LEVEL_ORDER = ("ok", "due-soon", "behind", "urgent", "overdue")


def worst(levels: Iterable[str]) -> str:
    return max(levels, key=LEVEL_ORDER.index, default="ok")


def split_requires(texts: Iterable[str], field: str = "--require") -> tuple[list[WorkRule], list[str]]:
    """--require values: the rules on the work log, and the CE rules left for the certification itself."""
    rules: list[WorkRule] = []
    rest: list[str] = []
    for text in texts:
        rule = parse_work_rule(text, field)
        if rule is None:
            rest.append(text)
        elif any((r.kind, r.period) == (rule.kind, rule.period) for r in rules):
            raise InvalidInput(field, text, "give each kind of rule once per period", problem="repeats a rule")
        else:
            rules.append(rule)
    return rules, rest


def template_rules(items: list[dict]) -> tuple[WorkRule, ...]:
    """A template's "work" list: {"kind": "service", "hours": 50} or {"kind": "supervision-sessions", "count": 1,
    "period": "quarter"}."""
    rules = []
    for item in items:
        kind, period = item["kind"], item.get("period", "cycle")
        if kind not in KINDS or period not in PERIODS:
            raise InvalidInput("template work rule", item, "kind is service, supervision or supervision-sessions; "
                               "period is cycle, quarter or month")
        amount = int(item["count"]) if kind == "supervision-sessions" else round(float(item["hours"]) * 3600)
        rules.append(WorkRule(kind, amount, period))
    return tuple(rules)
