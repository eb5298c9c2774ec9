"""peertrack log-work, log-supervision, work ... and supervision ...: the hours of service and supervision."""

from typing import Annotated, Optional

import typer

from peertrack.commands.common import (
    JsonOption,
    YesOption,
    load_settings,
    open_db,
    open_existing,
    remove_after_asking,
)
from peertrack.domain.errors import NotFound
from peertrack.domain.formatting import hours_words
from peertrack.domain.parsing import optional_text, parse_date, parse_number
from peertrack.domain.record_types import replace
from peertrack.domain.work import (
    SupervisionEntry,
    WorkEntry,
    parse_entry_date,
    parse_entry_hours,
    parse_supervisor,
)
from peertrack.services import clock
from peertrack.storage import work as store
from peertrack.storage.database import transaction

work_app = typer.Typer(help="List, show, change and remove the hours of peer service you logged.",
                       no_args_is_help=True)
supervision_app = typer.Typer(help="List, show, change and remove the supervision sessions you logged.",
                              no_args_is_help=True)

EntryArgument = Annotated[int, typer.Argument(
    parser=lambda text: parse_number(text, "The entry number"), metavar="NUMBER",
    help="The entry's number, shown by the list command.", show_default=False)]
HoursOption = Annotated[str, typer.Option("--hours", help="Hours: 3, 1.5, 0.25 or 45m.", show_default=False)]
DateOption = Annotated[str, typer.Option("--date", help="The day: 2026-11-02, 11/02/2026, yesterday.")]
SettingOption = Annotated[Optional[str], typer.Option(
    "--setting", help="Where you worked, e.g. \"crisis line\" or \"clinic\". Never the people you served.",
    show_default=False)]
NoteOption = Annotated[Optional[str], typer.Option(
    "--note", help="A private note; never exported unless you ask. Leave out anything about the people you serve.",
    show_default=False)]
SupervisorOption = Annotated[str, typer.Option(
    "--supervisor", help='Who supervised, with their credential: "Dana Reyes, LCSW".', show_default=False)]
TopicOption = Annotated[Optional[str], typer.Option("--topic", help="What the session was about, in a few words.",
                                                    show_default=False)]
FromOption = Annotated[Optional[str], typer.Option("--from", help="Only entries on or after this day.",
                                                   show_default=False)]
ToOption = Annotated[Optional[str], typer.Option("--to", help="Only entries on or before this day.",
                                                 show_default=False)]


def log_work(ctx: typer.Context, hours: HoursOption, date: DateOption = "today", setting: SettingOption = None,
             note: NoteOption = None, json: JsonOption = False) -> None:
    """Record hours of peer service you worked (or volunteered) on one day.

    Nothing about the people you served is asked for or kept.

    \b
    Examples:
      peertrack log-work --hours 6
      peertrack log-work --hours 3.5 --date yesterday --setting "crisis line"
      peertrack log-work --hours 8 --date 2026-10-30 --setting clinic --json
    """
    today = clock.today()
    entry = WorkEntry(date=parse_entry_date(date, today), seconds=parse_entry_hours(hours),
                      setting=optional_text(setting), note=optional_text(note))
    conn = open_db(ctx)
    with transaction(conn):
        entry = replace(entry, id=store.insert_work(conn, entry))
    _after_logging(json, {"work": _work_json(entry)},
                   f"✓ Logged {hours_words(entry.seconds)} of peer service on {_day(entry.date)} (work entry "
                   f"{entry.id}).")


def log_supervision(ctx: typer.Context, hours: HoursOption, supervisor: SupervisorOption,
                    date: DateOption = "today",
                    group: Annotated[bool, typer.Option("--group", help="It was group supervision.")] = False,
                    topic: TopicOption = None, note: NoteOption = None, json: JsonOption = False) -> None:
    """Record a supervision session: its hours and who supervised you.

    \b
    Examples:
      peertrack log-supervision --hours 1 --supervisor "Dana Reyes, LCSW"
      peertrack log-supervision --hours 1.5 --date 2026-10-28 --supervisor "Sam Ortiz, CPRS" --group
      peertrack log-supervision --hours 1 --supervisor "Dana Reyes, LCSW" --topic boundaries --json
    """
    today = clock.today()
    name, credential = parse_supervisor(supervisor)
    entry = SupervisionEntry(date=parse_entry_date(date, today), seconds=parse_entry_hours(hours), supervisor=name,
                             credential=credential, group=group, topic=optional_text(topic), note=optional_text(note))
    conn = open_db(ctx)
    with transaction(conn):
        entry = replace(entry, id=store.insert_supervision(conn, entry))
    kind = "group supervision" if entry.group else "supervision"
    _after_logging(json, {"supervision": _supervision_json(entry)},
                   f"✓ Logged {hours_words(entry.seconds)} of {kind} with {entry.supervisor_text} on "
                   f"{_day(entry.date)} (session {entry.id}).")


@work_app.command("list")
def work_list(ctx: typer.Context, since: FromOption = None, until: ToOption = None, json: JsonOption = False) -> None:
    """List the hours of peer service you logged, oldest first.

    \b
    Examples:
      peertrack work list
      peertrack work list --from 2026-10-01 --to 2026-12-31 --json
    """
    start, end = _window(since, until)
    conn = open_existing(ctx)
    entries = store.find_work(conn, start=start, end=end) if conn else []
    if json:
        from peertrack.output import porcelain

        porcelain.emit([_work_json(e) for e in entries])
        return
    from peertrack.output import work_views

    work_views.work_table(entries, load_settings(conn).date_format)


@work_app.command("show")
def work_show(ctx: typer.Context, entry_id: EntryArgument, json: JsonOption = False) -> None:
    """Show one work entry in full.

    \b
    Examples:
      peertrack work show 3
      peertrack work show 3 --json
    """
    entry = store.load_work(open_db(ctx, _no_work(entry_id)), entry_id)
    if json:
        from peertrack.output import porcelain

        porcelain.emit(_work_json(entry))
        return
    from peertrack.output import work_views

    work_views.work_detail(entry)


@work_app.command("edit")
def work_edit(ctx: typer.Context, entry_id: EntryArgument,
              hours: Annotated[Optional[str], typer.Option("--hours", help="New hours.", show_default=False)] = None,
              date: Annotated[Optional[str], typer.Option("--date", help="A new day.", show_default=False)] = None,
              setting: SettingOption = None, note: NoteOption = None) -> None:
    """Change a work entry: only the details you give change.

    \b
    Examples:
      peertrack work edit 3 --hours 5.5
      peertrack work edit 3 --setting "peer respite" --date 2026-10-29
    """
    today = clock.today()
    seconds = parse_entry_hours(hours) if hours is not None else None
    day = parse_entry_date(date, today) if date is not None else None
    conn = open_db(ctx, _no_work(entry_id))
    with transaction(conn):
        old = store.load_work(conn, entry_id)
        entry = replace(
            old, seconds=seconds or old.seconds, date=day or old.date,
            setting=optional_text(setting) if setting is not None else old.setting,
            note=optional_text(note) if note is not None else old.note)
        store.update_work(conn, entry)
    from peertrack.output import work_views
    from peertrack.output.screen import say

    say(f"✓ Changed work entry {entry.id}.")
    work_views.work_detail(entry)


@work_app.command("rm")
def work_rm(ctx: typer.Context, entry_id: EntryArgument, yes: YesOption = False) -> None:
    """Remove a work entry logged by mistake. A backup is taken first.

    \b
    Examples:
      peertrack work rm 3
      peertrack work rm 3 --yes
    """
    from peertrack.output.screen import say

    conn = open_db(ctx, _no_work(entry_id))
    entry = store.load_work(conn, entry_id)
    question = f"Remove work entry {entry.id}, {hours_words(entry.seconds)} on {_day(entry.date)}?"
    backup = remove_after_asking(ctx, conn, question, yes, "before-work-rm", lambda db: store.delete_work(db, entry_id))
    say(f"✓ Removed work entry {entry.id}. A copy from just before is in {backup}")


@supervision_app.command("list")
def supervision_list(ctx: typer.Context, since: FromOption = None, until: ToOption = None,
                     json: JsonOption = False) -> None:
    """List the supervision sessions you logged, oldest first.

    \b
    Examples:
      peertrack supervision list
      peertrack supervision list --from 2026-07-01 --json
    """
    start, end = _window(since, until)
    conn = open_existing(ctx)
    entries = store.find_supervision(conn, start=start, end=end) if conn else []
    if json:
        from peertrack.output import porcelain

        porcelain.emit([_supervision_json(e) for e in entries])
        return
    from peertrack.output import work_views

    work_views.supervision_table(entries, load_settings(conn).date_format)


@supervision_app.command("show")
def supervision_show(ctx: typer.Context, entry_id: EntryArgument, json: JsonOption = False) -> None:
    """Show one supervision session in full.

    \b
    Examples:
      peertrack supervision show 2
      peertrack supervision show 2 --json
    """
    entry = store.load_supervision(open_db(ctx, _no_session(entry_id)), entry_id)
    if json:
        from peertrack.output import porcelain

        porcelain.emit(_supervision_json(entry))
        return
    from peertrack.output import work_views

    work_views.supervision_detail(entry)


@supervision_app.command("edit")
def supervision_edit(
    ctx: typer.Context, entry_id: EntryArgument,
    hours: Annotated[Optional[str], typer.Option("--hours", help="New hours.", show_default=False)] = None,
    date: Annotated[Optional[str], typer.Option("--date", help="A new day.", show_default=False)] = None,
    supervisor: Annotated[Optional[str], typer.Option(
        "--supervisor", help='A new supervisor: "Dana Reyes, LCSW".', show_default=False)] = None,
    group: Annotated[Optional[bool], typer.Option("--group/--individual", help="Group or one-to-one.",
                                                  show_default=False)] = None,
    topic: TopicOption = None, note: NoteOption = None,
) -> None:
    """Change a supervision session: only the details you give change.

    \b
    Examples:
      peertrack supervision edit 2 --hours 1.5
      peertrack supervision edit 2 --supervisor "Sam Ortiz, CPRS" --group
    """
    today = clock.today()
    seconds = parse_entry_hours(hours) if hours is not None else None
    day = parse_entry_date(date, today) if date is not None else None
    who = parse_supervisor(supervisor) if supervisor is not None else None
    conn = open_db(ctx, _no_session(entry_id))
    with transaction(conn):
        old = store.load_supervision(conn, entry_id)
        entry = replace(
            old, seconds=seconds or old.seconds, date=day or old.date,
            supervisor=who[0] if who else old.supervisor, credential=who[1] if who else old.credential,
            group=old.group if group is None else group,
            topic=optional_text(topic) if topic is not None else old.topic,
            note=optional_text(note) if note is not None else old.note)
        store.update_supervision(conn, entry)
    from peertrack.output import work_views
    from peertrack.output.screen import say

    say(f"✓ Changed supervision session {entry.id}.")
    work_views.supervision_detail(entry)


@supervision_app.command("rm")
def supervision_rm(ctx: typer.Context, entry_id: EntryArgument, yes: YesOption = False) -> None:
    """Remove a supervision session logged by mistake. A backup is taken first.

    \b
    Examples:
      peertrack supervision rm 2
      peertrack supervision rm 2 --yes
    """
    from peertrack.output.screen import say

    conn = open_db(ctx, _no_session(entry_id))
    entry = store.load_supervision(conn, entry_id)
    question = (f"Remove supervision session {entry.id}, {hours_words(entry.seconds)} with "
                f"{entry.supervisor_text} on {_day(entry.date)}?")
    backup = remove_after_asking(ctx, conn, question, yes, "before-supervision-rm",
                                 lambda db: store.delete_supervision(db, entry_id))
    say(f"✓ Removed supervision session {entry.id}. A copy from just before is in {backup}")


def _after_logging(json: bool, data: dict, message: str) -> None:
    if json:
        from peertrack.output import porcelain

        porcelain.emit(data)
        return
    typer.echo(message, err=True)


def _work_json(entry: WorkEntry) -> dict:
    from peertrack.output import work_json

    return work_json.work_entry(entry)


def _supervision_json(entry: SupervisionEntry) -> dict:
    from peertrack.output import work_json

    return work_json.supervision_entry(entry)


def _window(since: Optional[str], until: Optional[str]):
    today = clock.today()
    return (parse_date(since, "--from", today) if since else None,
            parse_date(until, "--to", today) if until else None)


def _day(day) -> str:
    from peertrack.domain.formatting import day as words

    return words(day)


def _no_work(entry_id: int) -> Exception:
    return NotFound("work entry with the number", entry_id, hint="See their numbers with: peertrack work list")


def _no_session(entry_id: int) -> Exception:
    return NotFound("supervision session with the number", entry_id,
                    hint="See their numbers with: peertrack supervision list")
