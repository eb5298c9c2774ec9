"""Building a certification from what the holder typed (and a template), editing it, and renewing it."""

from __future__ import annotations

import datetime as dt

from peertrack.domain.cycles import (
    anchor_day_of,
    check_dates,
    cycle_start,
    first_cycle_start,
    next_cycle,
)
from peertrack.domain.errors import InvalidInput
from peertrack.domain.models import HOUR, Certification, Cycle, Progress, Requirement
from peertrack.domain.parsing import parse_cycle, parse_date, parse_hours, parse_require, parse_slug, parse_text
from peertrack.domain.record_types import dataclass, replace

TYPE_CHECKING = False  # as typing.TYPE_CHECKING, without importing typing at start-up
if TYPE_CHECKING:
    from peertrack.domain.templates import Template

MAX_CYCLE_SECONDS = 1000 * HOUR


@dataclass(frozen=True)
class CertInput:
    """What was typed for a new certification (cert add's options), as typed; None when left out."""

    name: str | None = None
    cert_id: str | None = None
    template: Template | None = None  # found by the caller
    expires: str | None = None
    hours: str | None = None
    cycle: str | None = None
    require: list[str] | None = None
    cap: list[str] | None = None
    carry_over: str | None = None
    opens_days: int | None = None
    submit_days: int | None = None
    grace_days: int | None = None
    endorsement_of: str | None = None
    body: str | None = None
    number: str | None = None
    issued: str | None = None


def name_and_id(name: str | None, cert_id: str | None, template, example: str) -> tuple[str, str]:
    """The name and id typed, or the template's; one sentence, with `example` as the id to type, if neither."""
    name = name if name is not None else (template.name if template else None)
    if name is None:
        raise InvalidInput("NAME", "", "give the certification's name, or a --template", problem="is missing")
    cert_id = cert_id if cert_id is not None else (template.id if template else None)
    if cert_id is None:
        raise InvalidInput("--id", "", f"give a short id you will type, like --id {example}", problem="is missing")
    return name, cert_id


def build_certification(today: dt.date, given: CertInput, day_first: bool = False) -> Certification:
    """A new certification from what was typed; a template fills in the rest."""
    template, name, cert_id, cycle, number = given.template, given.name, given.cert_id, given.cycle, given.number
    expires, issued, hours, carry_over, body = given.expires, given.issued, given.hours, given.carry_over, given.body
    opens_days, submit_days, grace_days = given.opens_days, given.submit_days, given.grace_days
    endorsement_of = given.endorsement_of
    name, cert_id = name_and_id(name, cert_id, template, "ca-pss")

    if template is not None and not cycle and template.months is None and not template.month_choices:
        raise InvalidInput("--cycle", "", "its board's page does not say how long a cycle is, and a guess would put "
                           "every date wrong: give it, like --cycle 3y (your certificate's dates show it)",
                           problem="is missing")
    months = parse_cycle(cycle) if cycle else (template.months if template else None) or 24
    if template and template.month_choices and (not cycle or months not in template.month_choices):
        from peertrack.domain.formatting import cycle_text

        choices = " or ".join(cycle_text(m) for m in template.month_choices)
        if not cycle:
            raise InvalidInput("--cycle", "", f"this certification lets you choose: give --cycle {choices}",
                               problem="is missing")
        raise InvalidInput("--cycle", cycle, f"this certification's cycle is {choices}",
                           problem="is not a cycle this certification offers")
    issued_on = parse_date(issued, "--issued", today, day_first=day_first) if issued else None
    dates = _board_dates(template, months, today, issued_on,
                         parse_date(expires, "--expires", today, day_first=day_first) if expires else None)
    expires_on = dates.ends if dates else _expiry(expires, today, template, day_first)
    check_dates(issued_on, expires_on)
    from_template = template.hours_for(months) if template else None
    if hours is not None:
        required = parse_hours(hours, "--hours", allow_zero=True, limit=MAX_CYCLE_SECONDS)
    elif from_template is not None:
        required = from_template
    else:
        raise InvalidInput("--hours", "", "give the CE hours each cycle needs, like --hours 20",
                           problem="is missing")
    first_required = required
    if dates and dates.waived and hours is None:
        first_required = 0
    if dates and dates.prorated:
        assert template is not None and template.shape.first_prorated_after is not None  # board dates are its
        if hours is None:
            after = _day_words(template.shape.first_prorated_after)
            raise InvalidInput("--hours", "", f"you were certified after {after}, so your first year needs fewer "
                               f"than {required // 3600} hours and the board's page does not say how many: give "
                               "them, like --hours 10", problem="is missing")
        required = template.hours if template.hours is not None else required  # later years: the full hours
    rules = _rules(given.require, "min", template) + _rules(given.cap, "max", template)
    # A first cycle the board waives owes no minimum either; the rules start with the next one.
    first_rules = tuple(r for r in rules if r.kind == "max") if first_required == 0 < required else rules
    starts = dates.starts if dates else first_cycle_start(expires_on, months, issued_on)
    carry_cap = _carry(carry_over) if carry_over is not None else (template.carry_over_hours if template else None)
    return Certification(
        id=parse_slug(cert_id), name=parse_text(name, "NAME"),
        body=body if body is not None else (template.body if template else None),
        number=number, issued=issued_on, cycle_months=months, required_seconds=required, requirements=first_rules,
        next_requirements=rules if first_rules != rules else None,
        cycle=Cycle(starts=starts, ends=expires_on, required_seconds=first_required,
                    carry_cap_seconds=carry_cap or None),
        anchor_day=anchor_day_of(expires_on),
        carry_over_seconds=carry_cap,
        opens_days=opens_days if opens_days is not None else (template.opens_days if template else None),
        submit_days=submit_days if submit_days is not None else (template.submit_days if template else None),
        grace_days=grace_days if grace_days is not None else _template_grace(template, expires_on),
        endorsement_of=parse_slug(endorsement_of, "--endorsement-of") if endorsement_of else None,
        template=template.id if template else None,
        category_aliases=_label_words(rules, template),
    )


def _label_words(rules: tuple[Requirement, ...], template) -> tuple[tuple[str, str], ...]:
    if template is None or not template.labels:
        return ()
    from peertrack.domain.category_words import aliases_from_labels

    return aliases_from_labels(rules, template.labels)


def board_dates_note(template, today: dt.date, *, cycle, expires, issued, day_first: bool = False) -> str | None:
    """The sentence explaining how a board's own dates set a new certification's cycle (same options as
    `build_certification`, which has already accepted them), or None."""
    months = parse_cycle(cycle) if cycle else (template.months if template else None) or 24
    issued_on = parse_date(issued, "--issued", today, day_first=day_first) if issued else None
    expires_on = parse_date(expires, "--expires", today, day_first=day_first) if expires else None
    dates = _board_dates(template, months, today, issued_on, expires_on)
    return dates.note if dates else None


def _board_dates(template, months: int, today: dt.date, issued: dt.date | None, expires: dt.date | None):
    if template is None:
        return None
    from peertrack.domain.anchored_cycles import is_shaped, shaped_dates

    if not is_shaped(template.shape):
        return None
    return shaped_dates(template.shape, months, template.calendar_year, today, issued, expires)


def _day_words(month_day: str) -> str:
    from peertrack.domain.anchored_cycles import MONTH_NAMES

    month, day = (int(part) for part in month_day.split("-"))
    return f"{day} {MONTH_NAMES[month - 1]}"


def _template_grace(template, expires: dt.date) -> int | None:
    """The template's days to renew late: given outright, or until its late stages end in inactive or lapsed."""
    if template is None:
        return None
    if template.grace_days is not None or not template.late:
        return template.grace_days
    from peertrack.domain.late_stages import grace_days

    return grace_days(expires, template.late)


def edited_certification(old: Certification, today: dt.date, *, name, new_id, expires, hours, cycle, require,
                         no_require, cap, no_cap, carry_over, opens_days, submit_days, grace_days, endorsement_of,
                         body, number, issued, alias=None, topics: tuple[str, ...] = (),
                         day_first: bool = False) -> Certification:
    """`old` with only the details given changed; the current cycle follows a new expiry or length.

    `topics` are the words of the topics its board asks for over several cycles (topic_windows.py),
    which an --alias may name as well as its rules' categories."""
    changes: dict = {}
    if alias:
        changes["category_aliases"] = edited_aliases(old, alias, topics)
    if name is not None:
        changes["name"] = parse_text(name, "--name")
    if new_id is not None:
        changes["id"] = parse_slug(new_id, "--new-id")
    if body is not None:
        changes["body"] = body.strip() or None
    if number is not None:
        changes["number"] = number.strip() or None
    if issued is not None:
        changes["issued"] = parse_date(issued, "--issued", today, day_first=day_first) if issued.strip() else None
    if cycle is not None:
        changes["cycle_months"] = parse_cycle(cycle)
    if hours is not None:
        changes["required_seconds"] = parse_hours(hours, "--hours", allow_zero=True, limit=MAX_CYCLE_SECONDS)
    # The rules given change this cycle's and those new cycles start with, each keeping its own of
    # the kind not given; hours given apply to both too. Nothing else touches a cycle's own rules.
    changes["requirements"] = edited_rules(old.requirements, require, no_require, cap, no_cap)
    ahead = edited_rules(old.rules_ahead, require, no_require, cap, no_cap)
    changes["next_requirements"] = ahead if ahead != changes["requirements"] else None
    if carry_over is not None:
        changes["carry_over_seconds"] = _carry(carry_over)
    for key, value in (("opens_days", opens_days), ("submit_days", submit_days), ("grace_days", grace_days)):
        if value is not None:
            changes[key] = value or None
    if endorsement_of is not None:
        changes["endorsement_of"] = parse_slug(endorsement_of, "--endorsement-of") if endorsement_of.strip() else None
    expires_on = parse_date(expires, "--expires", today, day_first=day_first) if expires else None

    cert = replace(old, **changes)
    ends = expires_on or cert.cycle.ends
    check_dates(cert.issued, ends)
    return replace(
        cert,
        anchor_day=anchor_day_of(ends) if expires_on else cert.anchor_day,
        cycle=replace(cert.cycle, ends=ends, starts=edited_start(old, cert, ends),
                      required_seconds=cert.required_seconds if hours is not None else cert.cycle.required_seconds,
                      # a carry-over rule given is the current cycle's (which has not closed yet) and later ones'
                      carry_cap_seconds=cert.carry_over_seconds if carry_over is not None else
                      cert.cycle.carry_cap_seconds),
    )


def renewal(item: Progress, renewed_on: dt.date | None = None) -> Cycle:
    """The cycle that follows `item`'s current one, under the certification's rules for later cycles.

    The extra hours the closing cycle passes on are not part of it: they follow from that cycle's
    courses and its own carry-over cap whenever they are read (services/carry.py).

    Renewed early (before the expiry day), the new cycle starts on the renewal day (courses from then
    on count toward it); it still ends a whole cycle after the old expiry. Renewed on the expiry day
    or later, the old cycle keeps every one of its days.
    """
    cert = item.cert
    following = replace(next_cycle(cert.cycle, cert.cycle_months, cert.anchor_day, cert.required_seconds),
                        carry_cap_seconds=cert.carry_over_seconds or None)
    if renewed_on is not None and cert.cycle.starts < renewed_on < min(cert.cycle.ends, following.starts):
        following = replace(following, starts=renewed_on)
    return following


def edited_start(old: Certification, cert: Certification, ends: dt.date) -> dt.date:
    """A first cycle is measured back from its end; a renewed one still starts the day after the last."""
    if old.cycle.starts == cycle_start(old.cycle.ends, old.cycle_months, old.issued):
        return cycle_start(ends, cert.cycle_months, cert.issued)
    return old.cycle.starts


def _expiry(expires, today: dt.date, template, day_first: bool) -> dt.date:
    if expires:
        return parse_date(expires, "--expires", today, day_first=day_first)
    if template and template.calendar_year:
        return dt.date(today.year, 12, 31)
    raise InvalidInput("--expires", "", "give the date it expires, like --expires 2027-06-30", problem="is missing")


def edited_aliases(cert: Certification, texts: list[str], topics: tuple[str, ...] = ()) -> tuple[tuple[str, str], ...]:
    """The certification's words for its categories with each WORD=CATEGORY given added (WORD= removes one)."""
    from peertrack.domain.category_words import category_words, folded

    own = {folded(word): word for word in [*category_words(cert.requirements + cert.rules_ahead), *topics]}
    found = dict(cert.category_aliases)
    for text in texts:
        word, sep, category = (part.strip() for part in text.partition("="))
        if not sep or not word:
            raise InvalidInput("--alias", text, 'give YOUR-WORD=CATEGORY, like --alias recovery="peer support"',
                               problem="is not a word and a category")
        if folded(word) in own:
            raise InvalidInput("--alias", text, f"'{own[folded(word)]}' is already one of its rules' categories",
                               problem="needs no other word")
        if not category:
            found.pop(" ".join(word.split()).lower(), None)
            continue
        if folded(category) not in own:
            listed = ", ".join(f"'{w}'" for w in own.values()) or "none yet: add one with --require"
            raise InvalidInput("--alias", text, f"name one of its rules' categories: {listed}",
                               problem=f"names '{category}', which no rule of {cert.id} has")
        found[" ".join(word.split()).lower()] = own[folded(category)]
    return tuple(sorted(found.items()))


def edited_rules(old: tuple[Requirement, ...], require, no_require: bool, cap, no_cap: bool) -> tuple[Requirement, ...]:
    """`old` minimums and caps with those given (--require, --cap) in place of their kind, or removed."""
    minimums = tuple(r for r in old if r.kind == "min") if require is None and not no_require else \
        _rules(require, "min", None)
    caps = tuple(r for r in old if r.kind == "max") if cap is None and not no_cap else _rules(cap, "max", None)
    return minimums + caps


def _rules(texts, kind: str, template) -> tuple[Requirement, ...]:
    """Rules as typed; without any, the template's rules of that kind."""
    if not texts:
        return tuple(r for r in template.rules if r.kind == kind) if template else ()
    field = "--require" if kind == "min" else "--cap"
    rules = [parse_require(text, field, kind) for text in texts]
    seen = set()
    for rule in rules:
        if (rule.dimension, rule.value) in seen:
            raise InvalidInput(field, rule.value, "give each one once", problem="is given twice")
        seen.add((rule.dimension, rule.value))
    return tuple(rules)


def _carry(text: str) -> int | None:
    seconds = parse_hours(text, "--carry-over", allow_zero=True, limit=MAX_CYCLE_SECONDS)
    return seconds or None
