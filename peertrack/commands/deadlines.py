"""peertrack deadline ...: one-off dates to meet, beside the ones your certifications set."""

from typing import Annotated, Optional

import typer

from peertrack.commands import completers
from peertrack.commands.common import (
    JsonOption,
    YesOption,
    open_db,
    open_existing,
    reads_day_first,
    remove_after_asking,
)
from peertrack.domain.errors import InvalidInput
from peertrack.domain.parsing import LARGEST_ROW_NUMBER, parse_date, parse_text
from peertrack.services import clock
from peertrack.services.overview import load_settings
from peertrack.storage.certs import load_cert, load_certs
from peertrack.storage.database import transaction
from peertrack.storage.deadlines import (
    delete_deadline,
    insert_deadline,
    load_deadline,
    load_deadlines,
    mark_deadline_done,
)

app = typer.Typer(help="Add, list, tick off and remove deadlines: fees, applications, checks.",
                  no_args_is_help=True)

DeadlineArgument = Annotated[str, typer.Argument(help="The deadline's number (or a renewal task's name, such as "
                                                      "tx-peer:task:fee), shown by deadline list.",
                                                 show_default=False, autocompletion=completers.deadline_ids)]


@app.command("add")
def add(
    ctx: typer.Context,
    title: Annotated[str, typer.Argument(help="What is due, e.g. \"Renewal fee\".", show_default=False)],
    due: Annotated[str, typer.Option("--due", help="When it is due.", show_default=False)],
    cert: Annotated[Optional[str], typer.Option("--cert", "-c", help="The certification it belongs to.",
                                                show_default=False, autocompletion=completers.cert_ids)] = None,
    note: Annotated[Optional[str], typer.Option("--note", help="A private note.", show_default=False)] = None,
) -> None:
    """Add a deadline: a renewal application, a fee, a background check.

    Your certifications' own dates (expiry, when renewal opens) are listed already.

    \b
    Examples:
      peertrack deadline add "Renewal fee ($80)" --due 2027-06-01 --cert ca-pss
      peertrack deadline add "Background check" --due 05/15/2027
    """
    from peertrack.domain import formatting as fmt
    from peertrack.domain.models import Deadline
    from peertrack.output.screen import say

    today = clock.today()
    due_on = parse_date(due, "--due", today, day_first=reads_day_first(ctx))
    deadline = Deadline(title=parse_text(title, "TITLE"), due=due_on,
                        note=(note or "").strip() or None)
    conn = open_db(ctx)
    with transaction(conn):
        if cert:
            deadline = Deadline(**{**deadline.__dict__, "cert_id": load_cert(conn, cert.strip().lower()).id})
        number = insert_deadline(conn, deadline)
    say(f"✓ Added deadline {number}: {deadline.title}, {fmt.day_with_distance(deadline.due, today)}.")


@app.command("list")
def list_(
    ctx: typer.Context,
    all_: Annotated[bool, typer.Option("--all", help="Also show deadlines done or long past.")] = False,
    json: JsonOption = False,
) -> None:
    """List your deadlines, the soonest first, with your certifications' own dates.

    \b
    Examples:
      peertrack deadline list
      peertrack deadline list --all --json
    """
    from peertrack.domain.deadlines import all_deadlines

    today = clock.today()
    conn = open_existing(ctx)
    from peertrack.domain.deadlines import is_task
    from peertrack.services.board_rules import late_stages, renewal_tasks

    certs = load_certs(conn) if conn else []
    stored = load_deadlines(conn, include_done=all_) + renewal_tasks(conn, certs, include_done=all_) if conn else []
    found = [d for d in all_deadlines(stored, certs, late_stages(certs))
             if all_ or d.id is not None or is_task(d) or d.due >= today]
    if json:
        from peertrack.output import porcelain

        porcelain.emit([porcelain.deadline(d, today) for d in found])
        return
    from peertrack.output.deadlines import deadlines_table

    deadlines_table(found, today, load_settings(conn).date_format)


@app.command("done")
def done(
    ctx: typer.Context,
    number: DeadlineArgument,
    on: Annotated[Optional[str], typer.Option("--on", help="When you did it. Default: today.",
                                              show_default=False)] = None,
) -> None:
    """Tick off a deadline you have met, or a renewal task of the current cycle.

    \b
    Examples:
      peertrack deadline done 3
      peertrack deadline done 3 --on yesterday
      peertrack deadline done tx-peer:task:fee
    """
    from peertrack.domain.renewal_tasks import split_task_key
    from peertrack.output.screen import say

    today = clock.today()
    done_on = parse_date(on, "--on", today, day_first=reads_day_first(ctx)) if on else today
    task = split_task_key(number)
    if task is not None:
        from peertrack.domain.errors import unknown_cert
        from peertrack.services.board_rules import mark_task_done

        marked = mark_task_done(open_db(ctx, unknown_cert(task[0], [])), number, done_on)
        say(f"✓ Done for this cycle: {marked.title}. It comes back when you renew.")
        return
    conn = open_db(ctx, _no_deadline(number))
    with transaction(conn):
        deadline_id = _number(number)
        deadline = load_deadline(conn, deadline_id)
        mark_deadline_done(conn, deadline_id, done_on)
    say(f"✓ Done: {deadline.title}.")


@app.command("rm")
def rm(ctx: typer.Context, number: DeadlineArgument, yes: YesOption = False) -> None:
    """Remove a deadline you added by mistake.

    \b
    Examples:
      peertrack deadline rm 3
      peertrack deadline rm 3 --yes
    """
    from peertrack.output.screen import say

    conn = open_db(ctx, _no_deadline(number))
    deadline_id = _number(number)
    deadline = load_deadline(conn, deadline_id)
    backup = remove_after_asking(ctx, conn, f'Remove deadline {deadline_id}, "{deadline.title}"?', yes,
                                 "before-deadline-rm", lambda db: delete_deadline(db, deadline_id))
    say(f"✓ Removed deadline {deadline.id}. A copy from just before is in {backup}")


def _no_deadline(text: str) -> Exception:
    if not (text.strip().isascii() and text.strip().isdigit()):
        try:
            _number(text)
        except InvalidInput as problem:
            return problem
    from peertrack.domain.errors import NotFound

    return NotFound("deadline with the number", text, hint="See them with: peertrack deadline list")


def _number(text: str) -> int:
    if text.strip().isascii() and text.strip().isdigit() and int(text) <= LARGEST_ROW_NUMBER:
        return int(text)
    from peertrack.domain.renewal_tasks import split_task_key

    if split_task_key(text) is not None:
        raise InvalidInput("NUMBER", text, "renewal tasks come from the certification's template and cannot be "
                           f"removed; mark it done with: peertrack deadline done {text.strip()}",
                           problem="is a renewal task, not a deadline you added")
    if ":" in text:
        raise InvalidInput("NUMBER", text, "this date follows from the certification: change it with "
                           "peertrack cert edit, or move it on with peertrack cert renew",
                           problem="is not a deadline you added")
    raise InvalidInput("NUMBER", text, "use the number shown by: peertrack deadline list",
                       problem="is not a deadline number")
