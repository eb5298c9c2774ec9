"""The template file format: reading one, and refusing a bad one with the file, the field and what is accepted."""

from __future__ import annotations

import re
from collections.abc import Collection

from peertrack.domain.errors import PeertrackError, did_you_mean
from peertrack.domain.models import Requirement
from peertrack.domain.states import NAMES, state_name
from peertrack.domain.templates import STATUSES, CycleShape, LateStage, Source, Task, Template, TrainingCount

TYPE_CHECKING = False  # as typing.TYPE_CHECKING, without importing typing at start-up
if TYPE_CHECKING:
    from pathlib import Path

STAGES = ("grace", "late", "inactive", "lapsed", "reinstatement")
KEYS = {
    "id", "name", "body", "state", "region", "status", "unconfirmed", "checked", "cycle", "first_cycle", "hours",
    "rules", "carry_over_hours", "opens_days", "submit_days", "grace_days", "late", "tasks", "counts", "once_ever",
    "once_per_cycle", "once_over_cycles", "unique_hours_with", "approved_providers_only", "endorsement", "facts",
    "sources", "work", "entry",
}
CYCLE_KEYS = {"months", "calendar_year", "choices", "fixed", "from_month_start", "to_month_end", "same_parity_as_issue"}
FIRST_KEYS = {"starts", "prorated_after", "waived_within_months"}
MONTH_DAY = r"^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$"


class TemplateFileError(PeertrackError):
    """A template file that cannot be used as it is; nothing is loaded from it."""

    EXIT_CODE = 2


def read_template_file(path: Path) -> list[Template]:
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise TemplateFileError(f"The template file {path} cannot be read ({error}).", _HINT) from None
    return parse_templates(text, str(path))


_HINT = "The template file format is described in the README (Sharing your board's rules)."


def parse_templates(text: str, origin: str, only: Collection[str] | None = None) -> list[Template]:
    """Every template in a file's text, or those whose id is in `only` (the others are not read);
    the first problem found is one clear error naming the field."""
    return templates_in(decoded(text, origin), origin, only)


def decoded(text: str, origin: str) -> dict:
    """A template file's text read as JSON, with its list of templates at the top."""
    import json  # the built-in templates are Python data: only a holder's own files need it

    try:
        data = json.loads(text)
    except ValueError as error:
        raise TemplateFileError(f"The template file {origin} cannot be read: it is not JSON ({error}).", _HINT) \
            from None
    if not isinstance(data, dict) or not isinstance(data.get("templates"), list):
        raise TemplateFileError(f'The template file {origin} needs a list called "templates" at its top, like '
                                '{"templates": [{"id": "county-peer", "name": "County Peer Specialist"}]}.', _HINT)
    return data


def templates_in(data: dict, origin: str, only: Collection[str] | None = None) -> list[Template]:
    """The templates of a decoded template file, or those whose id is in `only`."""
    found, seen = [], set()
    for number, item in enumerate(data["templates"], start=1):
        if only is not None and not (isinstance(item, dict) and str(item.get("id", "")).lower() in only):
            continue
        template = _Reader(origin, number, item).template()
        if template.id in seen:
            raise TemplateFileError(f'The template file {origin} has the id "{template.id}" twice: give each '
                                    'template its own id.', _HINT)
        seen.add(template.id)
        found.append(template)
    return found


def exact_seconds(hours: int | float) -> int | None:
    """Hours as a file writes them (1.5, 0.125) in whole seconds; None when they are not to the second.

    Read from the number's decimal text, as written (digits and a power of ten), not from the binary
    fraction nearest to it.
    """
    if isinstance(hours, int):
        return hours * 3600
    mantissa, _, power = repr(hours).partition("e")
    whole, _, fraction = mantissa.partition(".")
    try:
        digits, power_of_ten = int(whole + fraction), int(power or 0) - len(fraction)
    except ValueError:  # inf or nan: no number of seconds
        return None
    if power_of_ten >= 0:
        return digits * 3600 * 10 ** power_of_ten
    seconds, rest = divmod(digits * 3600, 10 ** -power_of_ten)
    return None if rest else seconds


class _Reader:
    """Reads one template, remembering where it is so that each error can say so."""

    def __init__(self, origin: str, number: int, item: object) -> None:
        self.origin, self.raw = origin, item
        self.item: dict = item if isinstance(item, dict) else {}
        self.where = f"template {number}"
        if isinstance(item, dict) and isinstance(item.get("id"), str):
            self.where = f'template "{item["id"]}"'

    def fail(self, field: str, given: object, accepted: str) -> TemplateFileError:
        import json

        shown = json.dumps(given, ensure_ascii=False) if not isinstance(given, str) else f'"{given}"'
        return TemplateFileError(f"The template file {self.origin}, {self.where}: {field} is {shown}; "
                                 f"{accepted}.", _HINT)

    def template(self) -> Template:
        item = self.raw
        if not isinstance(item, dict):
            raise self.fail("the entry", item, 'each template is an object like {"id": "...", "name": "..."}')
        for key in item:
            if key not in KEYS:
                guess = did_you_mean(key, sorted(KEYS))
                raise self.fail("a field", key, f'did you mean "{guess}"?' if guess else
                                "the fields are " + ", ".join(sorted(KEYS)))
        ident = self.required_text("id").lower()
        if not re.fullmatch(r"[a-z0-9][a-z0-9._-]*", ident):
            raise self.fail("id", ident, "use letters, digits and dashes, like county-peer")
        cycle = self.obj("cycle", CYCLE_KEYS)
        first = self.obj("first_cycle", FIRST_KEYS)
        months = self.whole(cycle, "months", "cycle.months", low=1, high=120)
        calendar_year = self.flag(cycle, "calendar_year", "cycle.calendar_year")
        rules, labels, aliases = self.rules()
        return Template(
            id=ident, name=self.required_text("name"), body=self.text("body"), region=self.region(),
            months=12 if calendar_year else months, calendar_year=calendar_year, month_choices=self.choices(cycle),
            hours=self.seconds(item, "hours", "hours"), rules=rules, labels=labels,
            carry_over_hours=self.seconds(item, "carry_over_hours", "carry_over_hours"),
            opens_days=self.days("opens_days"), submit_days=self.days("submit_days"),
            grace_days=self.days("grace_days"), facts=tuple(self.strings("facts")), sources=self.sources(),
            checked=self.checked(), status=self.status(), origin=self.origin, state=self.state(),
            shape=self.shape(cycle, first, months), late=self.late(), tasks=self.tasks(),
            counts=self.counts(), once_ever=self.flag(item, "once_ever", "once_ever"),
            once_per_cycle=self.flag(item, "once_per_cycle", "once_per_cycle"),
            once_over_cycles=self.once_over_cycles(),
            unique_hours_with=tuple(s.lower() for s in self.strings("unique_hours_with")),
            provider_aliases=aliases,
            approved_only=self.flag(item, "approved_providers_only", "approved_providers_only"),
            endorsement=self.flag(item, "endorsement", "endorsement"), work=self.work_and_entry("work"),
            entry=self.work_and_entry("entry"),
        )

    def work_and_entry(self, key: str) -> tuple:
        """Rules on service and supervision ("work"), or what working toward it needs ("entry")."""
        from peertrack.domain.errors import InvalidInput
        from peertrack.domain.pursuits import template_entry
        from peertrack.domain.work_rules import template_rules

        raw = self.item.get(key) or []
        if not raw:
            return ()  # most templates have neither: their readers stay unloaded
        try:
            return (template_rules if key == "work" else template_entry)(raw)
        except (InvalidInput, KeyError, TypeError, ValueError, AttributeError) as error:
            accepted = ('give a list like [{"kind": "service", "hours": 50}, {"kind": "supervision-sessions", '
                        '"count": 1, "period": "quarter"}]' if key == "work" else
                        'give a list like [{"kind": "service", "hours": 250}] (kind: training, service or '
                        'supervision)')
            raise self.fail(key, raw, accepted) from error

    # --- plain values
    def text(self, key: str, required: bool = False) -> str | None:
        value = self.item.get(key)
        if value is None and not required:
            return None
        if not isinstance(value, str) or not value.strip():
            raise self.fail(key, value, "give it as text in quotes" + (" (it is required)" if required else ""))
        return value.strip()

    def required_text(self, key: str) -> str:
        value = self.text(key, required=True)
        assert value is not None  # text() refuses a missing one
        return value

    def strings(self, key: str) -> list[str]:
        value = self.item.get(key) or []
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise self.fail(key, value, 'give a list of texts, like ["one", "two"]')
        return value

    def flag(self, holder: dict, key: str, field: str) -> bool:
        value = holder.get(key, False)
        if not isinstance(value, bool):
            raise self.fail(field, value, "give true or false")
        return value

    def whole(self, holder: dict, key: str, field: str, low: float = 0, high: float = 10000) -> int | None:
        value = self._checked_number(holder, key, field, True, low, high)
        return None if value is None else int(value)

    def _checked_number(self, holder: dict, key: str, field: str, whole: bool, low: float,
                        high: float) -> int | float | None:
        value = holder.get(key)
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, (int, float)) or not low <= value <= high \
                or (whole and value != int(value)):
            kind = "a whole number" if whole else "a number"
            raise self.fail(field, value, f"give {kind} from {low:g} to {high:g}, or null when it is not known")
        return value

    def seconds(self, holder: dict, key: str, field: str) -> int | None:
        hours = self._checked_number(holder, key, field, False, 0, 1000)
        if hours is None:
            return None
        seconds = exact_seconds(hours)
        if seconds is None:
            raise self.fail(field, holder[key], "give hours to the second, like 1.5, 0.25 or 0.125")
        return seconds

    def days(self, key: str) -> int | None:
        return self.whole(self.item, key, key, high=3650)

    def obj(self, key: str, allowed: set[str]) -> dict:
        value = self.item.get(key) or {}
        if not isinstance(value, dict):
            raise self.fail(key, value, "give an object like {" + ", ".join(f'"{k}": ...' for k in sorted(allowed))
                            + "}")
        for name in value:
            if name not in allowed:
                raise self.fail(f"{key}.{name}", name, "the choices are " + ", ".join(sorted(allowed)))
        return value

    def month_day(self, value: object, field: str) -> str:
        if not isinstance(value, str) or not re.match(MONTH_DAY, value):
            raise self.fail(field, value, 'give a month and day as "MM-DD", like "01-15"')
        return value

    # --- structured parts
    def region(self) -> str | None:
        return self.text("region") or (state_name(self.state()) if self.state() else None)

    def state(self) -> str | None:
        code = self.text("state")
        if code is not None and code.upper() not in NAMES:
            raise self.fail("state", code, 'give the two-letter state code, like "PA", or "US" for a national body')
        return code.upper() if code else None

    def status(self) -> str:
        status = self.text("status")
        if status is None:
            return "unconfirmed" if self.flag(self.item, "unconfirmed", "unconfirmed") else "confirmed"
        if status not in STATUSES:
            raise self.fail("status", status, "give " + ", ".join(STATUSES))
        return status

    def checked(self) -> str | None:
        checked = self.text("checked")
        if checked is not None and not re.fullmatch(r"\d{4}-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?", checked):
            raise self.fail("checked", checked, 'give the month or day the rules were checked, like "2026-11"')
        return checked

    def choices(self, cycle: dict) -> dict[int, int | None]:
        raw = cycle.get("choices") or {}
        if not isinstance(raw, dict):
            raise self.fail("cycle.choices", raw, 'give months and hours, like {"12": 10, "24": 20}')
        found = {}
        for months, _ in raw.items():
            if not str(months).isdigit() or not 1 <= int(months) <= 120:
                raise self.fail("cycle.choices", months, "each choice is a cycle length in months, from 1 to 120")
            found[int(months)] = self.seconds(raw, months, f"cycle.choices.{months}")
        return found

    def shape(self, cycle: dict, first: dict, months: int | None) -> CycleShape:
        fixed = cycle.get("fixed")
        if fixed is not None:
            if not isinstance(fixed, dict) or set(fixed) - {"month", "day", "year"} or "month" not in fixed \
                    or "day" not in fixed:
                raise self.fail("cycle.fixed", fixed, 'give the day every certificate ends, like {"month": 9, '
                                '"day": 1, "year": 2025} (year: any year it ends in)')
            month = self.whole(fixed, "month", "cycle.fixed.month", low=1, high=12)
            day = self.whole(fixed, "day", "cycle.fixed.day", low=1, high=31)
            year = self.whole(fixed, "year", "cycle.fixed.year", low=1900, high=2200)
            if months and months % 12 and year is not None:
                raise self.fail("cycle.months", months, "a fixed date repeats every whole number of years")
        else:
            month = day = year = None
        starts = first.get("starts")
        if starts not in (None, "january-after-issue"):
            raise self.fail("first_cycle.starts", starts, 'the choice is "january-after-issue"')
        prorated = first.get("prorated_after")
        return CycleShape(
            fixed_month=month, fixed_day=day, fixed_year=year,
            from_month_start=self.flag(cycle, "from_month_start", "cycle.from_month_start"),
            to_month_end=self.flag(cycle, "to_month_end", "cycle.to_month_end"),
            same_parity_as_issue=self.flag(cycle, "same_parity_as_issue", "cycle.same_parity_as_issue"),
            first_starts_january_after_issue=starts == "january-after-issue",
            first_prorated_after=self.month_day(prorated, "first_cycle.prorated_after") if prorated else None,
            first_waived_within_months=self.whole(first, "waived_within_months", "first_cycle.waived_within_months",
                                                   low=1, high=120),
        )

    def rules(self) -> tuple[tuple[Requirement, ...], dict[str, str], dict[str, tuple[str, ...]]]:
        raw = self.item.get("rules") or []
        if not isinstance(raw, list):
            raise self.fail("rules", raw, 'give a list like [{"kind": "min", "value": "ethics", "hours": 6}]')
        rules, labels, aliases = [], {}, {}
        for number, rule in enumerate(raw, start=1):
            field = f"rules[{number}]"
            if not isinstance(rule, dict):
                raise self.fail(field, rule, 'give an object like {"kind": "min", "value": "ethics", "hours": 6}')
            kind, dimension = rule.get("kind", "min"), rule.get("dimension", "category")
            if kind not in ("min", "max"):
                raise self.fail(f"{field}.kind", kind, 'give "min" (at least) or "max" (at most)')
            if dimension not in ("category", "format", "provider"):
                raise self.fail(f"{field}.dimension", dimension, 'give "category", "format" or "provider"')
            value = rule.get("value")
            if not isinstance(value, str) or not value.strip():
                raise self.fail(f"{field}.value", value, "give the category, format or provider it is about")
            seconds = self.seconds(rule, "hours", f"{field}.hours")
            if seconds is None or (not seconds and kind == "min"):  # a cap of 0: none of those hours count
                raise self.fail(f"{field}.hours", rule.get("hours"), "give the hours, more than 0 for a minimum "
                                "(0 for a cap: none of them count)")
            value = value.strip().lower() if dimension == "category" else value.strip()
            rules.append(Requirement(value, seconds, kind, dimension))
            if isinstance(rule.get("label"), str):
                labels[value] = rule["label"]
            if "aliases" in rule:
                others = rule["aliases"]
                if dimension != "provider" or not isinstance(others, list) or not others or not all(
                        isinstance(other, str) and other.strip() for other in others):
                    raise self.fail(f"{field}.aliases", others, "give a provider rule's other names as a list, "
                                    'like ["Georgia Mental Health Consumer Network"]')
                aliases[value] = tuple(other.strip() for other in others)
        return tuple(rules), labels, aliases

    def sources(self) -> tuple[Source, ...]:
        found = []
        for number, entry in enumerate(self.item.get("sources") or [], start=1):
            field = f"sources[{number}]"
            if isinstance(entry, str):
                found.append(Source(entry))
                continue
            if not isinstance(entry, dict) or not isinstance(entry.get("url"), str) \
                    or not isinstance(entry.get("quote") or "", str) or set(entry) - {"url", "quote", "supports"}:
                raise self.fail(field, entry, 'give a text, or {"url": "...", "quote": "...", "supports": ["hours"]}')
            supports = entry.get("supports") or []
            if not isinstance(supports, list) or not all(isinstance(s, str) for s in supports):
                raise self.fail(f"{field}.supports", supports, 'give a list of the numbers it supports, like ["hours"]')
            found.append(Source(entry["url"], entry.get("quote"), tuple(supports)))
        return tuple(found)

    def late(self) -> tuple[LateStage, ...]:
        raw = self.item.get("late") or []
        stages = []
        for number, stage in enumerate(raw if isinstance(raw, list) else [raw], start=1):
            field = f"late[{number}]"
            if not isinstance(stage, dict) or stage.get("stage") not in STAGES \
                    or set(stage) - {"stage", "until", "fee"}:
                raise self.fail(field, stage, 'give {"stage": "' + '|'.join(STAGES) + '", "until": "MM-DD" or '
                                '{"days": N} or {"months": N}, "fee": dollars}')
            until = stage.get("until")
            date = days = months = None
            if isinstance(until, str):
                date = self.month_day(until, f"{field}.until")
            elif isinstance(until, dict) and len(until) == 1 and set(until) <= {"days", "months"}:
                days = self.whole(until, "days", f"{field}.until.days", low=1, high=3650)
                months = self.whole(until, "months", f"{field}.until.months", low=1, high=120)
            elif until is not None:
                raise self.fail(f"{field}.until", until, 'give "MM-DD", {"days": N} or {"months": N}')
            if until is None and number < len(raw):
                raise self.fail(f"{field}.until", None, "only the last stage may have no end")
            fee = self.whole(stage, "fee", f"{field}.fee", high=100000)
            stages.append(LateStage(stage["stage"], date, days, months, fee))
        return tuple(stages)

    def tasks(self) -> tuple[Task, ...]:
        found = []
        for number, task in enumerate(self.item.get("tasks") or [], start=1):
            field = f"tasks[{number}]"
            if not isinstance(task, dict) or not isinstance(task.get("title"), str) \
                    or not isinstance(task.get("kind"), str) or set(task) - {"kind", "title", "fee", "days_before",
                                                                              "count"}:
                raise self.fail(field, task, 'give {"kind": "fee", "title": "Pay the renewal fee", "fee": 50} '
                                '(optional: "days_before", "count")')
            found.append(Task(task["kind"], task["title"],
                              self.whole(task, "fee", f"{field}.fee", high=100000),
                              self.whole(task, "days_before", f"{field}.days_before", high=3650),
                              self.whole(task, "count", f"{field}.count", low=1, high=100)))
        return tuple(found)

    def counts(self) -> tuple[TrainingCount, ...]:
        found = []
        for number, entry in enumerate(self.item.get("counts") or [], start=1):
            if not isinstance(entry, dict) or not isinstance(entry.get("what"), str) \
                    or set(entry) - {"what", "count", "category"} \
                    or not isinstance(entry.get("category", ""), str):
                raise self.fail(f"counts[{number}]", entry, 'give {"what": "peer ethics training", "count": 1, '
                                '"category": "ethics"} (no category: every course counts)')
            found.append(TrainingCount(entry["what"], self.whole(entry, "count", f"counts[{number}].count",
                                                                 low=1, high=100) or 1,
                                       (entry.get("category") or "").strip().lower() or None))
        return tuple(found)

    def once_over_cycles(self) -> tuple[tuple[str, int, int | None], ...]:
        found = []
        for number, entry in enumerate(self.item.get("once_over_cycles") or [], start=1):
            field = f"once_over_cycles[{number}]"
            if not isinstance(entry, dict) or not isinstance(entry.get("value"), str) or "hours" not in entry:
                raise self.fail(field, entry, 'give {"value": "suicide prevention", "hours": 3, "years": 6}')
            seconds = self.seconds(entry, "hours", f"{field}.hours")
            if seconds is None:
                raise self.fail(f"{field}.hours", None, "give the hours, like 3")
            found.append((entry["value"], seconds, self.whole(entry, "years", f"{field}.years", low=1, high=50)))
        return tuple(found)
