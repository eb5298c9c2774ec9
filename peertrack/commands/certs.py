"""peertrack cert ...: the certifications you hold, their rules, cycles and renewals."""

from pathlib import Path
from typing import Annotated, Optional

import typer

from peertrack.commands import completers
from peertrack.commands.common import (
    JsonOption,
    YesOption,
    cert_or_default,
    confirm,
    open_db,
    reads_day_first,
    remove_after_asking,
    top_options,
)
from peertrack.domain.errors import InvalidInput, unknown_cert
from peertrack.domain.parsing import parse_date
from peertrack.services import clock
from peertrack.services.overview import load_settings, progress_of
from peertrack.storage.certs import delete_cert, insert_cert, load_cert, update_cert
from peertrack.storage.database import transaction
from peertrack.storage.safety_copies import keep_copy
from peertrack.storage.settings import save_setting

app = typer.Typer(
    help="Add, list, show, change, renew and remove your certifications.",
    no_args_is_help=True,
)

IdArgument = Annotated[str, typer.Argument(help="The certification's id, e.g. ca-pss.", show_default=False,
                                           autocompletion=completers.cert_ids)]
RequireOption = Annotated[Optional[list[str]], typer.Option(
    "--require", help="A minimum, CATEGORY=HOURS (or format:NAME=HOURS, provider:NAME=HOURS), or a rule on "
    "service and supervision: service=50, supervision=2, supervision-sessions=1/quarter; repeat for more.",
    show_default=False)]
CapOption = Annotated[Optional[list[str]], typer.Option(
    "--cap", help="A most that counts, e.g. online=10 or self-study=5 (or a category); repeat for more.",
    show_default=False)]
CarryOption = Annotated[Optional[str], typer.Option(
    "--carry-over", help="The most extra hours one cycle may pass to the next (0: none).", show_default=False)]
OpensOption = Annotated[Optional[int], typer.Option(
    "--opens-days", min=0, max=3650, help="Renewal opens this many days before expiry.", show_default=False)]
SubmitOption = Annotated[Optional[int], typer.Option(
    "--submit-days", min=0, max=3650, help="The renewal application is due this many days before expiry.",
    show_default=False)]
GraceOption = Annotated[Optional[int], typer.Option(
    "--grace-days", min=0, max=3650, help="After expiry, this many days to renew late before it lapses.",
    show_default=False)]
ParentOption = Annotated[Optional[str], typer.Option(
    "--endorsement-of", help="Makes this an endorsement of another certification (shown under it).",
    show_default=False, autocompletion=completers.cert_ids)]


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
    hours: Annotated[Optional[str], typer.Option(
        "--hours", help="CE hours required in each cycle.", show_default=False)] = None,
    cycle: Annotated[Optional[str], typer.Option(
        "--cycle", help="How long one renewal cycle is: 1y, 2y, 3y, 18m. Default: 2y.", show_default=False)] = None,
    require: RequireOption = None,
    cap: CapOption = None,
    carry_over: CarryOption = None,
    opens_days: OpensOption = None,
    submit_days: SubmitOption = None,
    grace_days: GraceOption = None,
    endorsement_of: ParentOption = None,
    body: Annotated[Optional[str], typer.Option("--body", help="The certifying body.", show_default=False)] = None,
    number: Annotated[Optional[str], typer.Option("--number", help="Your certificate number.",
                                                  show_default=False)] = None,
    issued: Annotated[Optional[str], typer.Option("--issued", help="When you were first certified.",
                                                  show_default=False)] = None,
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
        raise InvalidInput("CERT_ID", "", "name the certification, e.g. peertrack cert show ca-pss (or choose one "
                           "for every time: peertrack config set default-cert ca-pss)", problem="is missing")
    conn = open_db(ctx, unknown_cert(cert_id, []))
    today = clock.today()
    item = progress_of(conn, [load_cert(conn, cert_id.strip().lower())], today)[0]
    from peertrack.services.carry import every_cycle

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


@app.command("edit")
def edit(
    ctx: typer.Context,
    cert_id: IdArgument,
    name: Annotated[Optional[str], typer.Option("--name", help="A new name.", show_default=False)] = None,
    new_id: Annotated[Optional[str], typer.Option("--new-id", help="A new id.", show_default=False)] = None,
    expires: Annotated[Optional[str], typer.Option("--expires", help="A new expiry date for this cycle.",
                                                   show_default=False)] = None,
    hours: Annotated[Optional[str], typer.Option("--hours", help="CE hours required in each cycle.",
                                                 show_default=False)] = None,
    cycle: Annotated[Optional[str], typer.Option(
        "--cycle", help="A new cycle length: 1y, 2y, 3y, 18m. Or current or previous: give that cycle alone "
        "its own --hours, --require or --cap (a first cycle with other rules); the others keep theirs.",
        show_default=False)] = None,
    require: RequireOption = None,
    no_require: Annotated[bool, typer.Option("--no-require", help="Remove every minimum.")] = False,
    cap: CapOption = None,
    no_cap: Annotated[bool, typer.Option("--no-cap", help="Remove every cap.")] = False,
    carry_over: CarryOption = None,
    opens_days: OpensOption = None,
    submit_days: SubmitOption = None,
    grace_days: GraceOption = None,
    endorsement_of: ParentOption = None,
    body: Annotated[Optional[str], typer.Option("--body", help="The certifying body.", show_default=False)] = None,
    number: Annotated[Optional[str], typer.Option("--number", help="Your certificate number.",
                                                  show_default=False)] = None,
    issued: Annotated[Optional[str], typer.Option("--issued", help="When you were first certified.",
                                                  show_default=False)] = None,
    alias: Annotated[Optional[list[str]], typer.Option(
        "--alias", help='A word of yours that counts as one of its categories, WORD=CATEGORY, like '
        'recovery="peer support"; WORD= stops it. Repeat for more.', show_default=False)] = None,
) -> None:
    """Change a certification: only the details you give change.

    --require and --cap replace the old minimums or caps (rules on service and
    supervision replace the old ones of those). An empty value ("") clears
    a text detail, and 0 days clears a renewal window. Hours, rules and
    --carry-over apply to the current cycle and every one after it; past
    cycles keep their own. With --cycle current (or previous) they change
    that cycle only: --cycle previous --carry-over 5 corrects what the cycle
    you renewed passes on.

    \b
    Examples:
      peertrack cert edit ca-pss --number PSS-99881
      peertrack cert edit ca-pss --expires 2027-07-31 --require ethics=6 --require cultural=2
      peertrack cert edit ca-pss --cap online=10 --carry-over 5
      peertrack cert edit mt-cbhpss --cycle current --hours 10
      peertrack cert edit ca-pss --cycle previous --carry-over 5
      peertrack cert edit pa-cps --alias recovery="peer support"
    """
    from peertrack.domain.certifications import edited_certification
    from peertrack.domain.work_rules import split_requires

    work_rules, require = split_requires(require or [])
    today = clock.today()
    conn = open_db(ctx, unknown_cert(cert_id, []))
    if cycle is not None and cycle.strip().lower() in ("current", "previous"):
        others = {"--name": name, "--new-id": new_id, "--expires": expires,
                  "--opens-days": opens_days, "--submit-days": submit_days, "--grace-days": grace_days,
                  "--endorsement-of": endorsement_of, "--body": body, "--number": number, "--issued": issued,
                  "--alias": alias or None,
                  "--require (service or supervision)": work_rules or None}
        _edit_one_cycle(conn, cert_id.strip().lower(), cycle.strip().lower(), hours, require, no_require, cap,
                        no_cap, carry_over, [option for option, value in others.items() if value is not None])
        return
    with transaction(conn):
        old = load_cert(conn, cert_id.strip().lower())
        cert = edited_certification(
            old, today, name=name, new_id=new_id, expires=expires, hours=hours, cycle=cycle, require=require or None,
            no_require=no_require, cap=cap, no_cap=no_cap, carry_over=carry_over, opens_days=opens_days,
            submit_days=submit_days, grace_days=grace_days, endorsement_of=endorsement_of, body=body,
            number=number, issued=issued, alias=alias, topics=_topic_words(old),
            day_first=load_settings(conn).day_first,
        )
        update_cert(conn, old.id, cert)
        if work_rules or no_require:
            from peertrack.storage import work as work_store

            work_store.replace_work_rules(conn, cert.id, work_rules)
        if cert.id != old.id and load_settings(conn).default_cert == old.id:
            save_setting(conn, "default-cert", cert.id)  # the setting follows the new id
    from peertrack.output.certs import cert_summary

    cert_summary(cert, "Changed")
    if alias:
        from peertrack.output.screen import say

        words = "; ".join(f"'{word}' as '{category}'" for word, category in cert.category_aliases)
        say(f"Your words it counts as its categories: {words}." if words else
            "It counts no words of yours as its categories now.")
    if carry_over is not None:
        from peertrack.output.certs import carry_rule_changed

        carry_rule_changed(cert)
    if hours is not None and cert.required_seconds != old.required_seconds:
        from peertrack.domain import formatting as fmt
        from peertrack.output.screen import say

        say(f"The hours now apply to the current cycle ({fmt.day(cert.cycle.starts)} to {fmt.day(cert.cycle.ends)}) "
            f"and to every cycle after it: {fmt.hours_words(cert.required_seconds)} each. Past cycles keep their "
            f"own: peertrack cert show {cert.id} --cycles")


def _topic_words(cert) -> tuple[str, ...]:
    from peertrack.services.board_rules import topic_rules

    return tuple(rule.value for rule in topic_rules([cert]).get(cert.id, ()))


def _edit_one_cycle(conn, cert_id: str, which: str, hours, require, no_require: bool, cap, no_cap: bool,
                    carry_over, others: list[str]) -> None:
    from peertrack.domain.certifications import MAX_CYCLE_SECONDS
    from peertrack.domain.parsing import parse_hours
    from peertrack.output.certs import cycle_changed
    from peertrack.services.cycle_rules import change_cycle

    if others:
        raise InvalidInput(others[0], "", f"with --cycle {which} give only --hours, --require, --cap, --no-require, "
                           f"--no-cap or --carry-over; change the rest with another peertrack cert edit {cert_id}",
                           problem=f"cannot go with --cycle {which}")
    if hours is None and not require and not no_require and not cap and not no_cap and carry_over is None:
        raise InvalidInput("--cycle", which, "give what that cycle needs, like --hours 10, --require ethics=3 or "
                           "--carry-over 5", problem="changes nothing on its own")
    seconds = parse_hours(hours, "--hours", allow_zero=True, limit=MAX_CYCLE_SECONDS) if hours is not None else None
    carry = parse_hours(carry_over, "--carry-over", allow_zero=True, limit=MAX_CYCLE_SECONDS) \
        if carry_over is not None else None
    cert, cycle, rules = change_cycle(conn, cert_id, which, hours=seconds, require=require or None,
                                      no_require=no_require, cap=cap or None, no_cap=no_cap, carry=carry)
    cycle_changed(cert, cycle, rules, which)


@app.command("renew")
def renew(
    ctx: typer.Context,
    cert_id: IdArgument,
    on: Annotated[Optional[str], typer.Option("--on", help="The day you renewed. Default: today.",
                                              show_default=False)] = None,
    yes: YesOption = False,
) -> None:
    """Record that you renewed: close this cycle and start the next one.

    The new cycle starts the day after this one ends and lasts as long; renewed
    early (before the expiry day), it starts on the day you renewed, so courses from
    then on count toward it (boards whose every cycle has fixed dates keep theirs).
    Extra hours carry over only where your certification allows it (see --carry-over).

    \b
    Examples:
      peertrack cert renew ca-pss
      peertrack cert renew ca-pss --on 2027-06-12
      peertrack cert show ca-pss --cycles
    """
    from peertrack.domain import formatting as fmt
    from peertrack.domain.certifications import renewal
    from peertrack.domain.record_types import replace
    from peertrack.output.certs import renewed
    from peertrack.output.screen import say

    today = clock.today()
    renewed_on = parse_date(on, "--on", today, day_first=reads_day_first(ctx)) if on else today
    if renewed_on > today:
        raise InvalidInput("--on", on, "give the day you renewed, today or earlier", problem="is in the future")
    conn = open_db(ctx, unknown_cert(cert_id, []))
    item = progress_of(conn, [load_cert(conn, cert_id.strip().lower())], today)[0]
    if item.cert.cycle.starts >= renewed_on:  # a renewal closes a cycle of at least one day
        raise InvalidInput("--on", renewed_on.isoformat(), f"the current cycle of {item.cert.id} starts on "
                           f"{item.cert.cycle.starts.isoformat()}: it is already renewed",
                           problem="is not after the day the current cycle starts")
    if item.missing_seconds and not confirm(
            f"{item.cert.name} still needs {fmt.hours_words(item.missing_seconds)} this cycle. Renew anyway?", yes):
        say("Nothing was changed.")
        raise typer.Exit(1)
    new_cycle = renewal(item, None if _board_fixes_the_dates(item.cert) else renewed_on)
    from peertrack.services.renewal import renew as renew_cert

    keep_copy(conn, top_options(ctx).db_path, "before-cert-renew")
    carried = renew_cert(conn, item.cert, renewed_on, new_cycle, today)
    renewed(item.cert, replace(new_cycle, carried_seconds=carried))
    from peertrack.services.board_rules import renewal_tasks

    tasks = renewal_tasks(conn, [load_cert(conn, item.cert.id)])
    if tasks:
        say("The renewal tasks start again for the new cycle: " + "; ".join(
            f"{task.title}, by {fmt.day(task.due)}" for task in tasks) + ".")


@app.command("rm")
def rm(ctx: typer.Context, cert_id: IdArgument, yes: YesOption = False) -> None:
    """Remove a certification (or one in progress). Your courses stay; a backup is taken first.

    \b
    Examples:
      peertrack cert rm ca-pss
      peertrack cert rm ca-pss --yes
    """
    from peertrack.output.screen import say

    conn = open_db(ctx, unknown_cert(cert_id, []))
    from peertrack.commands.in_progress import remove_in_progress

    if remove_in_progress(ctx, conn, cert_id.strip().lower(), yes):
        return
    cert = load_cert(conn, cert_id.strip().lower())

    def remove(db) -> None:
        from peertrack.domain.deadlines import derived_deadlines
        from peertrack.exchange.ics import certification_keys
        from peertrack.storage.calendar import remember_removed

        current = load_cert(db, cert.id)  # looked at again after the question: changed or gone meanwhile?
        # Its expiry and renewal dates leave the calendar too: the next calendar file cancels them.
        from peertrack.services.board_rules import late_stages, renewal_tasks

        tasks = renewal_tasks(db, [current], include_done=True)
        late = late_stages([current]).get(current.id, ())
        remember_removed(db, certification_keys(current, derived_deadlines(current, late) + tasks))
        delete_cert(db, cert.id)
        if load_settings(db).default_cert == cert.id:
            save_setting(db, "default-cert", None)

    backup = remove_after_asking(
        ctx, conn, f"Remove {cert.name} ({cert.id}), its cycle history and its deadlines? Your courses stay.", yes,
        "before-cert-rm", remove)
    say(f"✓ Removed {cert.name} ({cert.id}). A copy from just before is in {backup}")


def _board_fixes_the_dates(cert) -> bool:
    """True when the body's template sets every cycle's days (a calendar year, a fixed day): an early
    renewal does not move them. Otherwise the new cycle starts on the day of an early renewal."""
    if not cert.template:
        return False
    from peertrack.domain.errors import NotFound
    from peertrack.storage.template_files import find_template

    try:
        template = find_template(cert.template)
    except NotFound:
        return False
    return template.calendar_year or template.shape.fixed_month is not None

