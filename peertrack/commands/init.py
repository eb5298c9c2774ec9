"""peertrack init: a guided first run for one certification or several, a wellness plan, then the dashboard."""

from __future__ import annotations

import datetime as dt
import sys
from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING

import typer

from peertrack.commands.common import open_existing
from peertrack.domain.errors import InvalidInput
from peertrack.domain.first_run import Chosen, Plan
from peertrack.domain.parsing import parse_cycle, parse_date, parse_hours, parse_slug, parse_text
from peertrack.services import clock
from peertrack.storage.certs import load_certs
from peertrack.storage.reminders import load_reminders

if TYPE_CHECKING:
    from peertrack.domain.models import Reminder
    from peertrack.domain.starters import Starter

WHY_STATE = "Certifications are set by each state's board, so I show your state's first."
WHY_CHOICE = "I need to know which certifications to keep track of."
WHY_EXPIRY = "Your hours are counted within each renewal cycle, and this date is where the cycle ends."
WHY_ID = "You type the id in commands, like: peertrack status --cert ca-pss"
WHY_NAME = "The name is how the certification is shown on your dashboard and in exports."


def init(ctx: typer.Context) -> None:
    """Set up your certifications, one or several, by answering a few questions.

    It asks your state, shows its certifications (and the national ones), and for each
    you choose asks its expiry date and certificate number. It offers wellness-plan
    reminders (asking the day and time of a meeting), shows everything with the total
    hours, and saves it all at once when you say yes. Run it again to add more.

    \b
    Examples:
      peertrack init
      peertrack cert add --template ca-medi-cal-pss --number PSS-01234 --expires 2027-06-30
    """
    from peertrack.storage.template_files import load_templates

    today = clock.today()
    conn = open_existing(ctx)
    settings_day_first = conn is not None and _reads_day_first(conn)
    held = load_certs(conn) if conn is not None else []
    have_reminders = {r.title.casefold() for r in load_reminders(conn)} if conn is not None else set()

    _tell("Let's set up peertrack. I will ask a few questions; nothing is saved until you say yes at the end.")
    if held:
        _tell("You already have: " + ", ".join(f"{c.name} ({c.id})" for c in held) + ". Any you add now join them.")
    templates = load_templates()
    offered = _offer_templates(templates)
    chosen_templates = _ask_choices(offered, {c.template for c in held if c.template})
    plan = Plan(held_ids=frozenset(c.id for c in held))
    for template in chosen_templates:
        plan.certs.append(_ask_details(plan, template, today, settings_day_first))
    plan.reminders.extend(_ask_wellness(have_reminders, today))

    from peertrack.output.first_run import summary_lines

    _tell("")
    for line in summary_lines(plan, today):
        _tell(line)
    if _prompt("Save all of this? (yes or no)", "yes").lower() not in ("y", "yes"):
        _tell("Nothing was saved. Run peertrack init again whenever you like.")
        raise typer.Exit(1)
    from peertrack.services.first_run import save_plan

    conn = conn or _open(ctx)
    save_plan(conn, plan)
    _after_saving(conn, plan, today)


def _reads_day_first(conn) -> bool:
    from peertrack.services.overview import load_settings

    return load_settings(conn).day_first


def _open(ctx: typer.Context):
    from peertrack.commands.common import open_db

    return open_db(ctx)


def _offer_templates(templates):
    """Ask the state, then the templates to choose from: that state's, then the national ones."""
    from peertrack.domain.states import NATIONAL, state_name
    from peertrack.domain.templates import templates_for_state

    while True:
        answer = _prompt("Which state do you work in? (a name or a code, like Pennsylvania or PA; "
                         "Enter for national ones only)")
        if not answer:
            offered = [t for t in templates if t.state == NATIONAL]
            break
        offered = templates_for_state(answer, templates)
        if offered:
            code = next((t.state for t in offered if t.state != NATIONAL), None)
            if code is None:
                _tell(f"I have no certifications of {answer.strip()} yet; here are the national ones.")
            break
        _tell(f'Sorry, "{answer.strip()}" is not a US state I know. {WHY_STATE} Type a state\'s name or its '
              "two letters, like Texas or TX, or press Enter for national ones only.")
    _tell("")
    _tell("Which of these do you hold? (Rules change: confirm them with your certifying body.)")
    for number, template in enumerate(offered, start=1):
        where = state_name(template.state) if template.state and template.state != NATIONAL else "national"
        _tell(f"  {number:2}. {template.name} ({template.body or where})")
    _tell(f"  {len(offered) + 1:2}. Another one, not listed: I will type its rules myself")
    return offered


def _ask_choices(offered, already: set):
    """The templates chosen, in the order typed; None stands for one not listed."""
    last = len(offered) + 1
    while True:
        answer = _prompt(f"Their numbers, like 1 or 1,3 (1 to {last})")
        parts = [part for part in answer.replace(" ", ",").split(",") if part]
        if not parts:
            _tell(f"Please choose at least one: {WHY_CHOICE} Type its number, or {last} for one not listed.")
            continue
        if not all(part.isascii() and part.isdigit() and 1 <= int(part) <= last for part in parts):
            _tell(f'Sorry, "{answer}" is not a list of numbers from the list: type numbers from 1 to {last}, '
                  "separated by commas, like 1,3.")
            continue
        picked = [offered[int(part) - 1] if int(part) < last else None for part in dict.fromkeys(parts)]
        twice = [t for t in picked if t is not None and t.id in already]
        if twice:
            _tell(f"You already have {twice[0].name}: see it with: peertrack cert show {twice[0].id}. "
                  "Choose the others, or press Ctrl-C to stop.")
            continue
        return picked


def _ask_details(plan: Plan, template, today, day_first: bool) -> Chosen:
    """One certification's details: its rules when the template leaves them open, its id, number and expiry."""
    from peertrack.domain.certifications import CertInput, build_certification
    from peertrack.domain.formatting import cycle_text

    name = hours = cycle = None
    title = template.name if template is not None else "the certification not listed"
    _tell("")
    _tell(f"About {title}:")
    if template is None:
        name = _ask("Its full name", lambda text: parse_text(text, "The name"), why=WHY_NAME)
    if template is not None and template.month_choices:
        lengths = " or ".join(cycle_text(m) for m in template.month_choices)
        cycle = _ask(f"Your renewal cycle ({lengths})", lambda text: _offered(text, template.month_choices),
                     why="This certification offers more than one cycle length, each with its own hours.")
    elif template is None:
        cycle = _ask("How long is one renewal cycle (like 1y, 2y or 18m)", lambda text: parse_cycle(text, "The cycle"),
                     default="2y")
    elif template.months is None:
        cycle = _ask("How long is one renewal cycle (like 1y, 2y or 3y; your certificate's dates show it)",
                     lambda text: parse_cycle(text, "The cycle"),
                     why="Its board's page does not say, and a guess would put every date and number wrong. Your "
                         "certificate, or your last renewal notice, shows it.")
    if template is None or (template.hours is None and not template.month_choices):
        hours = _ask("How many CE hours does a cycle need (like 20; 0 if you do not know yet)",
                     lambda text: parse_hours(text, "The hours", allow_zero=True, limit=None),
                     why="peertrack shows how many hours are still to go, and the pace to get there. If you do "
                         "not know yet, type 0 and set it later with: peertrack cert edit ID --hours H")
    taken = plan.held_ids | {c.cert.id for c in plan.certs}
    default_id = template.id if template is not None and template.id not in taken else None
    cert_id = _ask("A short id you will type for it (letters, digits, dashes)",
                   lambda text: _free_id(text, taken), default=default_id, why=WHY_ID)
    number = _prompt("Your certificate number (Enter to skip)")
    issued = None
    shape = template.shape if template is not None else None
    if shape is not None and (shape.first_starts_january_after_issue or shape.first_prorated_after
                              or shape.first_waived_within_months):
        # This board's first cycle depends on when you were certified: without it, a new holder would
        # be told they owe hours their board does not ask for yet.
        issued = _ask("When were you first certified (like 2026-05-01; Enter if before your last renewal)",
                      lambda text: parse_date(text, "The date", today, day_first=day_first), default="",
                      required=False) or None
    default_expiry = f"{today.year}-12-31" if template is not None and template.calendar_year else None
    if issued:  # the board's dates from the day of certification: the expiry they give is offered
        try:
            default_expiry = build_certification(today, CertInput(
                name=name, cert_id=cert_id, template=template, hours=hours or "0", cycle=cycle, issued=issued),
                day_first=day_first).expires.isoformat()
        except InvalidInput:
            pass  # the expiry is asked without a default
    expires = _ask("When does it expire (like 2027-06-30)",
                   lambda text: parse_date(text, "The date", today, day_first=day_first),
                   default=default_expiry, why=WHY_EXPIRY)
    while True:
        try:
            cert = build_certification(today, CertInput(
                name=name, cert_id=cert_id, template=template, expires=expires, hours=hours, cycle=cycle,
                number=number or None, issued=issued), day_first=day_first)
            return Chosen(cert, template)
        except InvalidInput as problem:  # an expiry the board's dates do not allow, say: ask that again
            if problem.field == "--hours":  # a pro-rated first year whose hours the board's page does not give
                _tell("Certified that late in the year, your first cycle needs fewer hours, and your board's "
                      "page does not say how many.")
                hours = _ask("How many CE hours does your first cycle need (like 10)",
                             lambda text: parse_hours(text, "The hours", allow_zero=True, limit=None))
                continue
            _tell(f"Sorry, that did not work. {problem.message}")
            expires = _ask("When does it expire (like 2027-06-30)",
                           lambda text: parse_date(text, "The date", today, day_first=day_first), why=WHY_EXPIRY)


def _ask_wellness(have: set, today):
    """Offer the ready wellness-plan reminders the holder does not have yet, asking the day and time of each."""
    from peertrack.domain.reminder_input import build_reminder
    from peertrack.domain.starters import STARTERS

    left = [s for s in STARTERS if s.title.casefold() not in have]
    if not left:
        _tell("")
        _tell("Your wellness plan already has the ready reminders (see them with: peertrack remind list).")
        return []
    _tell("")
    _tell("Peer work asks a lot of you. Would you like reminders from a wellness plan?")
    for number, starter in enumerate(left, start=1):
        _tell(f"  {number}. {starter.title}: {starter.about}")
    while True:
        answer = _prompt("Their numbers, like 1,2 (Enter for none)")
        parts = [part for part in answer.replace(" ", ",").split(",") if part]
        if all(part.isascii() and part.isdigit() and 1 <= int(part) <= len(left) for part in parts):
            break
        _tell(f'Sorry, "{answer}" is not a list of numbers from the list: type numbers from 1 to {len(left)}, '
              "separated by commas, or just press Enter for none.")
    reminders = []
    for starter in (left[int(part) - 1] for part in dict.fromkeys(parts)):
        on = starter.on
        if starter.every in ("week", "2 weeks"):
            on = _ask(f"{starter.title}: which day of the week (like thu)",
                      partial(_reminder_on, today, starter),
                      why="A reminder on the wrong day is no help, so I ask rather than guess.")
        at = _ask(f"{starter.title}: at what time (like 18:30; Enter for none)",
                  partial(_reminder_at, today, starter, on), default="", required=False)
        reminders.append(build_reminder(today, title=starter.title, every=starter.every, on=on, at=at or None))
    return reminders


def _after_saving(conn, plan: Plan, today) -> None:
    from peertrack.output.dashboard import dashboard
    from peertrack.output.screen import say
    from peertrack.services.overview import progress_of

    say(f"✓ Saved {_count(plan)}.")
    dashboard(progress_of(conn, load_certs(conn), today), today)
    say("\nNext, after each course: peertrack log-ceu \"Course title\" --hours 3 --category ethics")


def _count(plan: Plan) -> str:
    from peertrack.domain.formatting import counted

    words = [counted(len(plan.certs), "certification")]
    if plan.reminders:
        words.append(counted(len(plan.reminders), "wellness reminder"))
    return " and ".join(words)


def _tell(line: str) -> None:
    """The questions and what goes with them are messages: stderr, so stdout keeps only the dashboard."""
    typer.echo(line, err=True)


def _prompt(question: str, default: str = "") -> str:
    """One answer, asked on stderr (the questions are messages too); Enter gives `default`."""
    sys.stderr.write(f"{question}{f' [{default}]' if default else ''}: ")
    sys.stderr.flush()
    line = sys.stdin.readline()
    if not line:  # the end of the input: no one is there to answer
        _tell("\nStopped before the end: nothing was saved.")
        raise typer.Exit(1)
    return line.strip() or default


def _reminder_on(today: dt.date, starter: Starter, text: str) -> Reminder:
    """The starter's reminder on the days typed: checked while asking, so a wrong day is asked again."""
    from peertrack.domain.reminder_input import build_reminder

    return build_reminder(today, title=starter.title, every=starter.every, on=text)


def _reminder_at(today: dt.date, starter: Starter, on: str | None, text: str) -> Reminder:
    """The starter's reminder at the time typed (none when blank), checked while asking."""
    from peertrack.domain.reminder_input import build_reminder

    return build_reminder(today, title=starter.title, every=starter.every, on=on, at=text or None)


def _ask(question: str, check: Callable[[str], object], default: str | None = None, why: str = "",
         required: bool = True) -> str:
    """Ask until the answer can be used: a blank or wrong one is explained, and asked again at once."""
    while True:
        answer = _prompt(question, default or "")
        if not answer and required:
            _tell(f"Please answer this one: {why or 'peertrack needs it.'}")
            continue
        if not answer:
            return answer
        try:
            check(answer)
            return answer
        except InvalidInput as problem:
            _tell(f"Sorry, that did not work. {problem.message}")


def _free_id(text: str, taken) -> str:
    cert_id = parse_slug(text, "The id")
    if cert_id in taken:
        raise InvalidInput("The id", text, "choose another one, like the same with -2 at the end",
                           problem="is already in use")
    return cert_id


def _offered(text: str, choices: dict) -> None:
    if parse_cycle(text, "The cycle") not in choices:
        raise InvalidInput("The cycle", text, "type one of the lengths offered", problem="is not offered")
