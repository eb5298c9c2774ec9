"""peertrack export ics: renewal dates and wellness-plan reminders as a calendar file for your own calendar app."""

from pathlib import Path
from typing import Annotated, Optional

import typer

from peertrack.commands import completers
from peertrack.commands.common import open_existing
from peertrack.domain.errors import InvalidInput
from peertrack.domain.formatting import joined
from peertrack.storage.certs import load_certs
from peertrack.storage.database import transaction
from peertrack.storage.deadlines import load_deadlines
from peertrack.storage.reminders import load_reminders

KINDS = ("certs", "deadlines", "reminders")


def ics(
    ctx: typer.Context,
    output: Annotated[Optional[Path], typer.Option(
        "--output", "-o", help="The file to write, e.g. peertrack.ics; without it the calendar goes to the screen.",
        show_default=False, dir_okay=False)] = None,
    only: Annotated[Optional[str], typer.Option(
        "--only", help="Only one kind of event: certs, deadlines or reminders. Default: all of them.",
        show_default=False, autocompletion=completers.event_kinds)] = None,
    notes: Annotated[bool, typer.Option("--notes", help="Put your private notes in the events too.")] = False,
) -> None:
    """Write a calendar file (.ics) to import into your own calendar app.

    Certification expiries come as all-day events with alarms 90, 30 and 7 days before,
    deadlines and renewal windows as all-day events, and wellness-plan reminders as
    repeating events. Importing a newer file updates these events
    instead of adding copies. Your private notes are left out unless you add --notes.

    \b
    Examples:
      peertrack export ics -o peertrack.ics
      peertrack export ics --only reminders --notes -o wellness-plan.ics
      peertrack export ics --only certs > renewals.ics
    """
    import datetime as dt

    from peertrack.exchange import ics as calendar

    kinds = _kinds(only)
    conn = open_existing(ctx)
    events: list = []
    counts: dict[str, int] = {}
    if conn is not None:
        if "certs" in kinds:
            found = calendar.certification_events(load_certs(conn))
            counts["certs"] = len(found)
            events += found
        if "deadlines" in kinds:
            from peertrack.domain.deadlines import all_deadlines
            from peertrack.services.board_rules import late_stages, renewal_tasks

            certs = load_certs(conn)
            stored = load_deadlines(conn, include_done=True) + renewal_tasks(conn, certs, include_done=True)
            late = late_stages(certs)
            found = calendar.deadline_events(all_deadlines(stored, certs, late), certs, notes=notes, late=late)
            counts["deadlines"] = sum(not event.cancelled for event in found)
            events += found
        if "reminders" in kinds:
            found = calendar.reminder_events(load_reminders(conn), notes=notes)
            counts["reminders"] = len(found)
            events += found
        from peertrack.storage.calendar import calendar_id, removed_events

        live = {event.uid for event in events}
        events += [event for event in calendar.removed_events(removed_events(conn), kinds) if event.uid not in live]
        counts["cancelled"] = sum(event.cancelled for event in events)
        with transaction(conn):
            own = calendar_id(conn)
    else:
        own = "0"  # no records, so no events: the UID's own part is never written
    text = calendar.calendar_text(events, dt.datetime.now(dt.timezone.utc), own)
    if output is None:
        typer.echo(text.encode("utf-8"), nl=False)  # bytes: the CRLF line ends reach the file unchanged
        return
    from peertrack.output.screen import say
    from peertrack.storage.files import write_whole_text

    write_whole_text(output, text)
    if not any(not event.cancelled for event in events):
        say(f"✓ Wrote {output}, with no events yet: there are no {_kind_words(kinds)} to put in it.")
        return
    say(f"✓ Wrote {_count_words(counts)} to {output}.\n"
        "Import it into your calendar app; importing a newer file later updates these events "
        "instead of adding copies.\n"
        "To get it onto a phone, e-mail it to yourself and open the attachment (iPhone: tap Add All); "
        "Google Calendar takes it on a computer at calendar.google.com > Settings > Import & export.")


def _kinds(only: Optional[str]) -> tuple[str, ...]:
    if only is None:
        return KINDS
    cleaned = only.strip().lower()
    aliases = {"cert": "certs", "certifications": "certs", "certification": "certs", "deadline": "deadlines",
               "reminder": "reminders", "wellness": "reminders"}
    cleaned = aliases.get(cleaned, cleaned)
    if cleaned not in KINDS:
        raise InvalidInput("--only", only, "use certs, deadlines or reminders", problem="is not a kind of event")
    return (cleaned,)


def _count_words(counts: dict[str, int]) -> str:
    words = {"certs": ("certification expiry", "certification expiries"), "deadlines": ("deadline", "deadlines"),
             "reminders": ("reminder", "reminders"),
             "cancelled": ("event marked cancelled (done or removed)", "events marked cancelled (done or removed)")}
    parts = [f"{n} {words[kind][0] if n == 1 else words[kind][1]}" for kind, n in counts.items() if n]
    return joined(parts)


def _kind_words(kinds: tuple[str, ...]) -> str:
    words = [{"certs": "certifications", "deadlines": "deadlines", "reminders": "reminders"}[kind] for kind in kinds]
    return joined(words, "or")
