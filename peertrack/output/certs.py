"""Certifications: the list, one in detail with its cycles, and what adding, changing or renewing did; templates."""

from __future__ import annotations

from pathlib import Path

from rich.table import Table
from rich.text import Text

from peertrack.domain import formatting as fmt
from peertrack.output.dashboard import progress_lines
from peertrack.output.screen import is_plain, level_text, make_console, make_table, say
from peertrack.output.show_lines import show
from peertrack.output.words import rule_text

TYPE_CHECKING = False  # as typing.TYPE_CHECKING, without importing typing at start-up
if TYPE_CHECKING:
    from peertrack.domain.models import Certification, Cycle, Progress


def certs_table(items: list[Progress], dates: str = "iso") -> None:
    console = make_console()
    if not items:
        console.print("You have no certifications yet. Add yours with: peertrack init")
        return
    from peertrack.output.plain_table import CERT_COLUMNS, cert_cells

    table = make_table(console)
    for column in CERT_COLUMNS:
        table.add_column(column, overflow="fold")
    for item in items:
        cert_id, name, number, expires, hours, _ = cert_cells(item, dates)
        if item.cert.endorsement_of and not is_plain(console):
            name = f"  └ {item.cert.name}"  # under the certification it belongs to
        table.add_row(cert_id, name, number, expires, hours, level_text(item.level))
    console.print(table)


def category_line(cert: Certification) -> str | None:
    """The category words a course must be filed under to count toward the rules (with the other words
    the certification counts as each), or None when no rule has one."""
    from peertrack.domain.category_words import category_words

    words = category_words(cert.requirements)
    if not words:
        return None
    also: dict[str, list[str]] = {}
    for word, category in cert.category_aliases:
        also.setdefault(category, []).append(word)
    shown = [f"'{w}'" + (" (or " + ", ".join(f"'{a}'" for a in also[w]) + ")" if w in also else "") for w in words]
    return ", ".join(shown) + " (a course counts toward a rule only under one of its words)"


def _rules_ahead(cert: Certification) -> str | None:
    """What a new cycle starts with, when this cycle has rules of its own; None when they are the same."""
    if cert.required_seconds == cert.cycle.required_seconds and cert.next_requirements is None:
        return None
    rules = "; ".join(rule_text(r) for r in cert.rules_ahead) or "no minimums or caps"
    return f"{fmt.hours_words(cert.required_seconds)} of CE; {rules} (this cycle has its own)"


def cert_detail(item: Progress) -> None:
    console = make_console()
    cert = item.cert
    table = Table.grid(padding=(0, 2))
    table.add_column(style="bold")
    table.add_column()
    rows = [
        ("Name", cert.name),
        ("Id", cert.id),
        ("Endorsement of", cert.endorsement_of),
        ("Certifying body", cert.body),
        ("Number", cert.number),
        ("Issued", fmt.day(cert.issued) if cert.issued else None),
        ("Renewal cycle", f"every {fmt.months_words(cert.cycle_months)}"),
        ("Current cycle", f"{fmt.day(cert.cycle.starts)} to {fmt.day(cert.cycle.ends)}"),
        ("Hours a cycle", fmt.hours(cert.cycle.required_seconds)),
        ("Rules", "; ".join(rule_text(r) for r in cert.requirements)),
        ("Next cycles", _rules_ahead(cert)),
        ("Owed over cycles", "; ".join(rule_text(r) for r in cert.topics_owed) + " (due once every few years: "
         "hours you took earlier in those years count)" if cert.topics_owed else None),
        ("Category words", category_line(cert)),
        ("Carry-over", _carry_words(cert)),
        ("Renewal opens", f"{cert.opens_days} days before expiry" if cert.opens_days else None),
        ("Application due", f"{cert.submit_days} days before expiry" if cert.submit_days else None),
        ("Late renewal", f"up to {cert.grace_days} days after expiry" if cert.grace_days else None),
        ("Template", f"{cert.template} (rules change: confirm them with your certifying body)"
         if cert.template else None),
    ]
    for label, value in rows:
        if value:
            table.add_row(label, Text(value))
    console.print(table)
    console.print()
    show(progress_lines(item, plain=is_plain(console)), console)


def cycle_history(history: list[Progress], dates: str = "iso") -> None:
    console = make_console()
    console.print()
    console.print(Text("Cycles", style="bold"))
    table = make_table(console)
    for column in ("From", "To", "Hours", "Rules", "Renewed on"):
        table.add_column(column, overflow="fold")
    for item in history:
        cycle = item.cert.cycle
        table.add_row(fmt.bare_day(cycle.starts, dates), fmt.bare_day(cycle.ends, dates),
                      f"{fmt.hours(item.toward_seconds)} of {fmt.hours(cycle.required_seconds)}"
                      + (f", {fmt.hours(item.missing_seconds)} {'short' if cycle.closed_on else 'to go'}"
                         if item.missing_seconds else "")
                      + (f" ({fmt.hours(item.carried_seconds)} carried in)" if item.carried_seconds else ""),
                      "; ".join([*(rule_text(r) for r in item.cert.requirements), *(
                          [f"carry-over up to {fmt.hours(cycle.carry_cap_seconds)}"] if cycle.carry_cap_seconds
                          else [])]) or "none",
                      fmt.bare_day(cycle.closed_on, dates) if cycle.closed_on else "current")
    console.print(table)


def cycle_changed(cert: Certification, cycle: Cycle, rules, which: str, carry_given: bool = False) -> None:
    """What giving one cycle its own hours and rules did, and what stays (its carry-over when it has one, or
    when `carry_given`)."""
    text = Text(f"✓ Changed the {which} cycle ", style="green")
    text.append(f"of {cert.name} ({cert.id})", style="bold")
    text.append(f", {fmt.day(cycle.starts)} to {fmt.day(cycle.ends)}: {fmt.hours_words(cycle.required_seconds)} "
                f"of CE; {'; '.join(rule_text(r) for r in rules) or 'no minimums or caps'}.")
    if cycle.carry_cap_seconds:
        text.append(f" Up to {fmt.hours_words(cycle.carry_cap_seconds)} carry over to the cycle after it.")
    elif carry_given:
        text.append(" No hours carry over to the cycle after it.")
    make_console(stderr=True).print(text)
    later = f"; up to {fmt.hours_words(cert.carry_over_seconds)} carry over" if cert.carry_over_seconds else ""
    say(f"Other cycles keep their own; a new cycle starts with {fmt.hours_words(cert.required_seconds)} of CE: "
        f"{'; '.join(rule_text(r) for r in cert.rules_ahead) or 'no minimums or caps'}{later}. "
        f"See them all with: peertrack cert show {cert.id} --cycles")


def carry_rule_changed(cert: Certification) -> None:
    """Which cycles a carry-over rule given to a certification applies to, and which keep their own."""
    rule = f"up to {fmt.hours_words(cert.carry_over_seconds)}" if cert.carry_over_seconds else "no carry-over"
    before = cert.carry_from
    kept = "" if before is None else (
        f" The cycle you renewed ({fmt.day(before.starts)} to {fmt.day(before.ends)}) keeps its own ("
        + (f"up to {fmt.hours_words(before.carry_cap_seconds)}" if before.carry_cap_seconds else "no carry-over")
        + f"); change it with: peertrack cert edit {cert.id} --cycle previous --carry-over HOURS")
    passes = "which passes its extra hours on when you renew" if cert.carry_over_seconds else \
        "which passes no hours on when you renew"
    say(f"The carry-over rule ({rule}) now applies to the current cycle ({fmt.day(cert.cycle.starts)} to "
        f"{fmt.day(cert.cycle.ends)}), {passes}, and to every cycle after it.{kept}")


def _carry_words(cert: Certification) -> str | None:
    """The current cycle's carry-over cap, and the rule for later cycles when that differs."""
    own, later = cert.cycle.carry_cap_seconds, cert.carry_over_seconds or None
    if not own and not later:
        return None
    words = f"up to {fmt.hours_words(own)} from this cycle" if own else "none from this cycle"
    return words if own == later else words + (f"; up to {fmt.hours_words(later)} from later cycles" if later
                                               else "; none from later cycles")


def renewed(cert: Certification, cycle: Cycle) -> None:
    text = Text("✓ Renewed ", style="green")
    text.append(f"{cert.name} ({cert.id})", style="bold")
    text.append(f": the new cycle runs {fmt.day(cycle.starts)} to {fmt.day(cycle.ends)}, "
                f"{fmt.hours_words(cycle.required_seconds)} of CE.")
    if cycle.carried_seconds:
        text.append(f" {fmt.hours_words(cycle.carried_seconds)} carried over.")
    make_console(stderr=True).print(text)  # a confirmation: a message, not data
    say(f"The past cycle stays in your history: peertrack cert show {cert.id} --cycles")


def cert_summary(cert: Certification, verb: str) -> None:
    text = Text(f"✓ {verb} ", style="green")
    text.append(f"{cert.name} ({cert.id})", style="bold")
    text.append(f": cycle {fmt.day(cert.cycle.starts)} to {fmt.day(cert.cycle.ends)}, "
                f"{fmt.hours_words(cert.cycle.required_seconds)} of CE")
    if cert.requirements:
        text.append(" (" + ", ".join(rule_text(r) for r in cert.requirements) + ")")
    text.append(".")
    make_console(stderr=True).print(text)  # a confirmation: a message, not data


def rules_taken(before: Certification, after: Certification) -> None:
    """Which cycles the rules taken from a template apply to: this one too, unless it has rules of its own."""
    from peertrack.domain.template_updates import has_rules_of_its_own

    cycle = after.cycle
    this = f"the current cycle ({fmt.day(cycle.starts)} to {fmt.day(cycle.ends)}) and every cycle after it"
    if has_rules_of_its_own(before):
        this = "every cycle after the current one, which keeps its own rules"
    say(f"The template's rules now apply to {this}. Past cycles keep their own: "
        f"peertrack cert show {after.id} --cycles")


def templates_table(templates: list, own_folder: Path, asked: str = "") -> None:
    if not templates:
        say(f"No template matches \"{asked}\". See them all with: peertrack cert templates")
        return
    console = make_console()
    table = make_table(console)
    for column in ("Template", "State", "Certification", "Cycle", "Hours", "Rules"):
        table.add_column(column, overflow="fold")
    for t in templates:
        if t.month_choices:
            cycle = " or ".join(fmt.months_words(m) for m in t.month_choices)
            hours = " or ".join(fmt.hours(h) for h in t.month_choices.values() if h is not None)
        else:
            cycle = "calendar year" if t.calendar_year else (fmt.months_words(t.months) if t.months else "enter it")
            hours = fmt.hours(t.hours) if t.hours is not None else "enter it"
        name = f"{t.name}\n{t.body or ''}"
        if t.status != "confirmed":
            name += ("\n(partly confirmed: enter what is missing)" if t.status == "partial"
                     else "\n(not confirmed by the certifying body)")
        table.add_row(t.id, t.state or "", name, cycle, hours, "; ".join(rule_text(r) for r in t.rules))
    console.print(table)
    console.print("Rules change: confirm them with your certifying body before you rely on them. "
                  "Each template lists its sources: peertrack cert templates --json")
    console.print(f"Your own templates (JSON files shaped like the built-in ones) go in: {own_folder}")
