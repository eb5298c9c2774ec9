"""Certification templates: the built-in renewal rules, and the holder's own template files."""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from peertrack.domain.errors import InvalidInput, NotFound, PeertrackError
from peertrack.domain.models import Requirement
from peertrack.domain.pursuits import template_entry
from peertrack.domain.work_rules import template_rules

CONFIRM = "Rules change: confirm them with your certifying body."


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
    sources: tuple[str, ...]
    checked: str | None
    unconfirmed: bool
    origin: str  # "built in", or the file it came from
    work: tuple = ()  # rules on service and supervision each cycle (domain.work_rules.WorkRule)
    entry: tuple = ()  # what working toward it needs before applying (domain.pursuits.EntryRule)

    def hours_for(self, months: int) -> int | None:
        return self.month_choices.get(months, self.hours) if self.month_choices else self.hours


def user_template_folder() -> Path:
    """Where a holder keeps their own template files (*.json) to share with co-workers."""
    chosen = os.environ.get("PEERTRACK_CONFIG_DIR")
    if chosen:
        return Path(chosen).expanduser() / "templates"
    from platformdirs import user_config_dir

    return Path(user_config_dir("peertrack", appauthor=False)) / "templates"


def load_templates() -> list[Template]:
    """The built-in templates, then the holder's own (which replace a built-in of the same id)."""
    builtin = resources.files("peertrack").joinpath("data/templates.json").read_text(encoding="utf-8")
    found = {t.id: t for t in _parse(builtin, "built in")}
    folder = user_template_folder()
    if folder.is_dir():
        for path in sorted(folder.glob("*.json")):
            for template in _parse(path.read_text(encoding="utf-8"), str(path)):
                found[template.id] = template
    return list(found.values())


def find_template(template_id: str) -> Template:
    templates = load_templates()
    for template in templates:
        if template.id == template_id.strip().lower():
            return template
    raise NotFound("template", template_id, [t.id for t in templates],
                   hint="See them all with: peertrack cert templates")


def _parse(text: str, origin: str) -> list[Template]:
    try:
        data = json.loads(text)
        return [_template_from(item, origin) for item in data["templates"]]
    except (ValueError, KeyError, TypeError, AttributeError) as error:
        raise PeertrackError(f"The template file {origin} cannot be read ({error}).",
                             'Each template needs at least "id" and "name"; see: peertrack cert templates --help') \
            from None


def _template_from(item: dict, origin: str) -> Template:
    cycle = item.get("cycle") or {}
    choices = {int(months): _minutes(hours) for months, hours in (cycle.get("choices") or {}).items()}
    rules, labels = [], {}
    for rule in item.get("rules", []):
        requirement = Requirement(rule["value"].strip().lower() if rule.get("dimension", "category") == "category"
                                  else rule["value"], _minutes(rule["hours"]), rule.get("kind", "min"),
                                  rule.get("dimension", "category"))
        if requirement.kind not in ("min", "max") or requirement.dimension not in ("category", "format", "provider"):
            raise InvalidInput("template rule", rule, "kind is min or max; dimension is category, format or provider")
        rules.append(requirement)
        if rule.get("label"):
            labels[requirement.value] = rule["label"]
    return Template(
        id=str(item["id"]).strip().lower(),
        name=item["name"],
        body=item.get("body"),
        region=item.get("region"),
        months=12 if cycle.get("calendar_year") else cycle.get("months"),
        calendar_year=bool(cycle.get("calendar_year")),
        month_choices=choices,
        hours=_minutes(item.get("hours")),
        rules=tuple(rules),
        labels=labels,
        carry_over_hours=_minutes(item.get("carry_over_hours")),
        opens_days=item.get("opens_days"),
        submit_days=item.get("submit_days"),
        grace_days=item.get("grace_days"),
        facts=tuple(item.get("facts", [])),
        sources=tuple(item.get("sources", [])),
        checked=item.get("checked"),
        unconfirmed=bool(item.get("unconfirmed")),
        origin=origin,
        work=template_rules(item.get("work", [])),
        entry=template_entry(item.get("entry", [])),
    )


def _minutes(hours) -> int | None:
    return None if hours is None else round(float(hours) * 60)
