"""peertrack init: a guided first run that asks a few questions and shows the dashboard."""

import typer

from peertrack import storage
from peertrack.commands.common import open_db
from peertrack.domain.parsing import parse_cycle, parse_date, parse_hours, parse_slug, parse_text
from peertrack.services import clock
from peertrack.services.overview import progress_of


def init(ctx: typer.Context) -> None:
    """Set up your first certification by answering a few questions.

    It lists the built-in templates, asks which one is yours (or none), your
    certificate number and expiry date, offers a few wellness-plan reminders, then
    shows your dashboard. Nothing is saved until every answer is in.

    \b
    Examples:
      peertrack init
      peertrack cert add --template ca-medi-cal-pss --number PSS-01234 --expires 2027-06-30
    """
    from peertrack.domain.certifications import build_certification
    from peertrack.domain.errors import PeertrackError
    from peertrack.domain.formatting import cycle_text
    from peertrack.domain.templates import CONFIRM, load_templates
    from peertrack.output.certs import cert_summary
    from peertrack.output.dashboard import dashboard
    from peertrack.output.screen import say

    today = clock.today()
    templates = load_templates()
    typer.echo("Let's add your certification. Which of these is it?")
    for number, template in enumerate(templates, start=1):
        typer.echo(f"  {number:2}. {template.name} ({template.body or template.region})")
    typer.echo(f"  {len(templates) + 1:2}. Another one: I will type its rules myself")
    choice = _ask(f"Number (1 to {len(templates) + 1})", lambda text: _choice(text, len(templates) + 1))
    template = templates[int(choice) - 1] if int(choice) <= len(templates) else None

    answers = {"name": None, "cert_id": None, "hours": None, "cycle": None}
    ask_cycle = "How long is one renewal cycle (1y, 2y, 3y, 18m)"
    ask_hours = "How many CE hours does a cycle need"
    if template is None:
        answers["name"] = _ask("Its full name", lambda text: parse_text(text, "The name"))
        answers["cycle"] = _ask(ask_cycle, lambda text: parse_cycle(text, "The cycle"), default="2y")
        answers["hours"] = _ask(ask_hours, lambda text: parse_hours(text, "The hours", allow_zero=True, limit=None))
    else:
        typer.echo(f"{template.name}: {CONFIRM}")
        for fact in template.facts:
            typer.echo(f"  - {fact}")
        if template.month_choices:
            answers["cycle"] = _ask("Your cycle (" + " or ".join(cycle_text(m) for m in template.month_choices) + ")",
                                    lambda text: _offered(text, template.month_choices))
        elif template.months is None:
            answers["cycle"] = _ask(ask_cycle, lambda text: parse_cycle(text, "The cycle"), default="2y")
        if template.hours is None and not template.month_choices:
            answers["hours"] = _ask(ask_hours, lambda text: parse_hours(text, "The hours", allow_zero=True,
                                                                       limit=None))
    answers["cert_id"] = _ask("A short id you will type for it (letters, digits, dashes)",
                              lambda text: parse_slug(text, "The id"), default=template.id if template else None)
    number = typer.prompt("Your certificate number (Enter to skip)", default="", show_default=False)
    default_expiry = f"{today.year}-12-31" if template and template.calendar_year else None
    expires = _ask("When does it expire (e.g. 2027-06-30 or 06/30/2027)",
                   lambda text: parse_date(text, "The date", today), default=default_expiry)

    chosen_starters = _ask_for_starters()

    try:
        cert = build_certification(
            today, name=answers["name"], cert_id=answers["cert_id"], template=template,
            expires=expires, hours=answers["hours"], cycle=answers["cycle"], require=None, cap=None,
            carry_over=None, opens_days=None, submit_days=None, grace_days=None, endorsement_of=None,
            body=None, number=number.strip() or None, issued=None,
        )
    except PeertrackError as error:
        error.hint = "Nothing was saved. Run peertrack init again, or use: peertrack cert add --help"
        raise
    from peertrack.commands.reminders import build_reminder

    reminders = [build_reminder(today, title=s.title, every=s.every, on=s.on) for s in chosen_starters]
    conn = open_db(ctx)
    with storage.transaction(conn):
        storage.insert_cert(conn, cert)
        for reminder in reminders:
            if storage.find_reminder_titled(conn, reminder.title) is None:
                storage.insert_reminder(conn, reminder)
    cert_summary(cert, "Added")
    for reminder in reminders:
        say(f"✓ Added to your wellness plan: {reminder.title}")
    typer.echo()
    dashboard(progress_of(conn, [cert], today), today)
    say("\nNext, after each course: peertrack log-ceu \"Course title\" --hours 3 --category ethics")


def _ask_for_starters():
    """Offer the ready wellness-plan reminders; any number of them, or none."""
    from peertrack.domain.starters import STARTERS

    typer.echo("\nPeer work asks a lot of you. Would you like reminders from a wellness plan?")
    for number, starter in enumerate(STARTERS, start=1):
        typer.echo(f"  {number}. {starter.title}: {starter.about}")
    while True:
        answer = typer.prompt("Their numbers, like 1,4 (Enter for none)", default="", show_default=False)
        parts = [part.strip() for part in answer.replace(" ", ",").split(",") if part.strip()]
        if all((part.isascii() and part.isdigit()) and 1 <= int(part) <= len(STARTERS) for part in parts):
            return [STARTERS[int(part) - 1] for part in dict.fromkeys(parts)]
        typer.echo(f"Please type numbers from 1 to {len(STARTERS)}, separated by commas, or just press Enter.")


def _ask(question: str, check, default: str | None = None) -> str:
    """Ask until the answer can be used: a wrong one is explained, and asked again at once."""
    from peertrack.domain.errors import InvalidInput

    while True:
        answer = typer.prompt(question, default=default)
        try:
            check(answer)
            return answer
        except InvalidInput as problem:
            typer.echo(f"Sorry, that did not work. {problem.message}", err=True)


def _choice(text: str, last: int) -> None:
    from peertrack.domain.errors import InvalidInput

    if not (text.strip().isascii() and text.strip().isdigit()) or not 1 <= int(text) <= last:
        raise InvalidInput("The number", text, f"type one of the numbers from 1 to {last}",
                           problem="is not on the list")


def _offered(text: str, choices: dict) -> None:
    from peertrack.domain.errors import InvalidInput

    if parse_cycle(text, "The cycle") not in choices:
        raise InvalidInput("The cycle", text, "type one of the lengths offered", problem="is not offered")
