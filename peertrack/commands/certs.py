"""peertrack cert add, templates, list and show: the certifications you hold and the boards' templates.

`cert edit`, `renew` and `rm` are in commands/cert_changes.py.
"""

from pathlib import Path
from typing import Annotated, Optional

import typer

from peertrack.commands import completers
from peertrack.commands.cert_options import (
    BodyOption,
    CapOption,
    CarryOption,
    GraceOption,
    HoursOption,
    IssuedOption,
    NumberOption,
    OpensOption,
    ParentOption,
    RequireOption,
    SubmitOption,
)
from peertrack.commands.common import (
    JsonOption,
    cert_or_default,
    open_db,
    reads_day_first,
    top_options,
    which_cert_words,
)
from peertrack.domain.errors import InvalidInput, unknown_cert
from peertrack.services import clock
from peertrack.services.overview import load_settings, progress_of
from peertrack.storage.certs import insert_cert, load_cert
from peertrack.storage.database import transaction

app = typer.Typer(
    help="Add, list, show, change, renew and remove your certifications.",
    no_args_is_help=True,
)


@app.command("add")
def add(
    ctx: typer.Context,
    name: Annotated[Optional[str], typer.Argument(
        help="The certification's full name (a template fills it in).", show_default=False)] = None,
    cert_id: Annotated[Optional[str], typer.Option(
        "--id", help="A short id you will type, e.g. ca-pss (a template fills it in).", show_default=False)] = None,
    template: Annotated[Optional[str], typer.Option(
        "--template", "-t", help="Start from a built-in template: see peertrack cert templates.",
        show_default=False, autocompletion=completers.template_ids)] = None,
    expires: Annotated[Optional[str], typer.Option(
        "--expires", help="When it expires (the end of this cycle).", show_default=False)] = None,
    hours: HoursOption = None,
    cycle: Annotated[Optional[str], typer.Option(
        "--cycle", help="How long one renewal cycle is: 1y, 2y, 3y, 18m. Default: 2y.", show_default=False)] = None,
    require: RequireOption = None,
    cap: CapOption = None,
    carry_over: CarryOption = None,
    opens_days: OpensOption = None,
    submit_days: SubmitOption = None,
    grace_days: GraceOption = None,
    endorsement_of: ParentOption = None,
    body: BodyOption = None,
    number: NumberOption = None,
    issued: IssuedOption = None,
    in_progress: Annotated[bool, typer.Option(
        "--in-progress", help="You are working toward it: give what you need before applying with --require "
        "training=H, service=H (supervised work), supervision=H; no --expires or --number yet.")] = False,
    exam: Annotated[Optional[str], typer.Option("--exam", help="With --in-progress: the day of your exam.",
                                                show_default=False)] = None,
    since: Annotated[Optional[str], typer.Option(
        "--since", help="With --in-progress: hours logged from this day on count. Default: all you logged.",
        show_default=False)] = None,
) -> None:
    """Add a certification you hold, with its renewal cycle and CE hours.

    Hours of service and supervision a cycle needs are rules too: --require service=50,
    --require supervision=2, --require supervision-sessions=1/quarter (or /month).

    The current cycle is the --cycle length ending on --expires (never before --issued).
    With --template, the certifying body's rules are filled in; anything you give wins.

    \b
    Examples:
      peertrack cert add --template ca-medi-cal-pss --number PSS-01234 --expires 2027-06-30
      peertrack cert add "Medi-Cal Peer Support Specialist" --id ca-pss --expires 2027-06-30 \\
          --cycle 2y --hours 20 --require ethics=6 --cap online=10
      peertrack cert add "Certified Peer Recovery Specialist" --id tn-cprs --expires 2028-03-31 --hours 20 \\
          --require service=50 --require supervision=2
      peertrack cert add "Peer Specialist" --id tx-peer --in-progress --require service=250 --exam 2027-02-15
      peertrack cert add "SOAR endorsement" --id soar --endorsement-of ca-pss --expires 2027-06-30 --hours 0
    """
    from peertrack.domain.certifications import CertInput, build_certification
    from peertrack.domain.work_rules import split_requires
    from peertrack.storage.template_files import find_template

    if in_progress:
        from peertrack.commands.in_progress import add_in_progress, refuse_held_details

        refuse_held_details(expires=expires, number=number, issued=issued)
        add_in_progress(ctx, name=name, cert_id=cert_id, template=find_template(template) if template else None,
                        require=require or [], body=body, exam=exam, since=since)
        return
    work_rules, require = split_requires(require or [])
    if not work_rules and template:
        work_rules = list(find_template(template).work)
    from peertrack.domain.certifications import board_dates_note
    from peertrack.domain.renewal_tasks import task_deadlines

    today = clock.today()
    found = find_template(template) if template else None
    cert = build_certification(today, CertInput(
        name=name, cert_id=cert_id, template=found, expires=expires, hours=hours, cycle=cycle, require=require,
        cap=cap, carry_over=carry_over, opens_days=opens_days, submit_days=submit_days, grace_days=grace_days,
        endorsement_of=endorsement_of, body=body, number=number, issued=issued,
    ), day_first=reads_day_first(ctx))
    note = board_dates_note(found, today, cycle=cycle, expires=expires, issued=issued, day_first=reads_day_first(ctx))
    tasks = task_deadlines(found, cert)
    conn = open_db(ctx)
    with transaction(conn):
        insert_cert(conn, cert)
        if work_rules:
            from peertrack.storage import work as work_store

            work_store.replace_work_rules(conn, cert.id, work_rules)
    from peertrack.output.certs import cert_summary
    from peertrack.output.screen import say

    cert_summary(cert, "Added")
    if work_rules:
        from peertrack.domain.work_rules import rule_words

        say("Also needed each cycle: " + "; ".join(rule_words(rule) for rule in work_rules) + ".")
    if note:
        say(note)
    from peertrack.domain.renewal_tasks import rules_kept_by_hand, topics_over_cycles

    over_cycles = topics_over_cycles(found, cert.cycle_months)
    if over_cycles:
        say("Counted across your cycles (the hours already taken in each window count): "
            + "; ".join(over_cycles) + ".")
    if found is not None and found.unique_hours_with:
        say("No course counts for both this and " + " or ".join(found.unique_hours_with) + ": when you hold both, "
            "each course that could count toward both is counted for one, in the split that leaves the least "
            "missing.")
    by_hand = rules_kept_by_hand(found, cert.cycle_months)
    if by_hand:
        say("Keep track of these yourself (peertrack does not count them yet): " + "; ".join(by_hand) + ".")
    if tasks:
        say("Renewal tasks, due by the certification's dates and moving with them: "
            + "; ".join(f"{task.title} ({task.key})" for task in tasks)
            + f". Mark one done with: peertrack deadline done {tasks[0].key}")
    if template:
        from peertrack.domain.templates import CONFIRM

        say(f"The rules come from the {template.lower()} template. {CONFIRM}")
    say("See where you stand with: peertrack status")


@app.command("templates")
def templates(
    words: Annotated[Optional[list[str]], typer.Argument(
        help="Only templates for this state (PA, Texas, national) or with these words in their name or body.",
        show_default=False)] = None,
    check: Annotated[Optional[Path], typer.Option(
        "--check", help="Check a template file before you share it or put it in your templates folder.",
        show_default=False, dir_okay=False)] = None,
    json: JsonOption = False,
) -> None:
    """List the certification templates (built in, and your own), by state or by words.

    Each template says where its numbers were read, when, and whether the certifying
    body's page confirmed them all. Rules change: confirm them with your certifying body.
    To share your board's rules, write them as one JSON file (see the README) and put
    it in the folder this command names.

    \b
    Examples:
      peertrack cert templates
      peertrack cert templates PA
      peertrack cert templates recovery
      peertrack cert templates --json
      peertrack cert templates --check county-peer.json
      peertrack cert add --template ga-cps --number CPS-1234
    """
    from peertrack.domain.templates import search_templates
    from peertrack.storage.template_files import load_templates, user_template_folder

    if check is not None:
        from peertrack.domain.template_format import read_template_file
        from peertrack.output.screen import say

        checked = read_template_file(check)
        say(f"✓ {check} is a good template file: " + ", ".join(t.id for t in checked) + ".")
        return
    found = search_templates(words or [], load_templates())
    if json:
        from peertrack.output import porcelain

        porcelain.emit([porcelain.template(t) for t in found])
        return
    from peertrack.output.certs import templates_table

    templates_table(found, user_template_folder(), " ".join(words or []))


@app.command("list")
def list_(ctx: typer.Context, json: JsonOption = False) -> None:
    """List your certifications with their expiry and hours.

    \b
    Examples:
      peertrack cert list
      peertrack cert list --json
    """
    from peertrack.commands.views import show_cert_list

    show_cert_list(top_options(ctx).db_path, json)


@app.command("show")
def show(
    ctx: typer.Context,
    cert_id: Annotated[Optional[str], typer.Argument(
        help="The certification's id, e.g. ca-pss. Default: your default-cert setting.", show_default=False,
        autocompletion=completers.cert_ids)] = None,
    cycles: Annotated[bool, typer.Option("--cycles", help="Also list every past cycle and its hours.")] = False,
    json: JsonOption = False,
) -> None:
    """Show one certification in full: rules, cycle, progress, and past cycles.

    \b
    Examples:
      peertrack cert show ca-pss
      peertrack cert show ca-pss --cycles
      peertrack cert show --json
    """
    cert_id = cert_or_default(ctx, cert_id)
    if not cert_id:
        raise InvalidInput("CERT_ID", "", "name the certification, " + which_cert_words(ctx, "peertrack cert show ID"),
                           problem="is missing")
    conn = open_db(ctx, unknown_cert(cert_id, []))
    today = clock.today()
    item = progress_of(conn, [load_cert(conn, cert_id.strip().lower())], today)[0]
    from peertrack.services.carry import every_cycle
    from peertrack.services.rules_updates import with_updates

    item = with_updates(conn, [item])[0]

    history = every_cycle(conn, item, today) if cycles or json else []
    from peertrack.services.work_standing import certs_work

    standings = certs_work(conn, [item.cert], today)
    work = standings[0] if standings else None
    if json:
        from peertrack.output import porcelain, work_json

        data = porcelain.progress(item)
        data["work"] = work_json.cert_work(work) if work else None
        data["cycles"] = [porcelain.past_cycle(entry) for entry in history]
        from peertrack.domain.category_words import category_words

        data["category_words"] = category_words(item.cert.requirements)
        data["category_aliases"] = dict(item.cert.category_aliases)
        porcelain.emit(data)
        return
    from peertrack.output.certs import cert_detail, cycle_history

    cert_detail(item)
    if work:
        from peertrack.output.work_views import work_panel

        work_panel([work], today)
    if cycles:
        cycle_history(history, load_settings(conn).date_format)
