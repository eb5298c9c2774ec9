"""peertrack cert edit, renew and rm: changing a certification, closing its cycle, removing it."""

from typing import Annotated, Optional

import typer

from peertrack.commands.cert_options import (
    BodyOption,
    CapOption,
    CarryOption,
    GraceOption,
    HoursOption,
    IdArgument,
    IssuedOption,
    NumberOption,
    OpensOption,
    ParentOption,
    RequireOption,
    SubmitOption,
)
from peertrack.commands.common import YesOption, confirm, open_db, reads_day_first, remove_after_asking, top_options
from peertrack.domain.errors import InvalidInput, unknown_cert
from peertrack.domain.parsing import parse_date
from peertrack.services import clock
from peertrack.services.overview import load_settings, progress_of
from peertrack.storage.certs import delete_cert, load_cert, update_cert
from peertrack.storage.database import transaction
from peertrack.storage.safety_copies import keep_copy
from peertrack.storage.settings import save_setting


def edit(
    ctx: typer.Context,
    cert_id: IdArgument,
    name: Annotated[Optional[str], typer.Option("--name", help="A new name.", show_default=False)] = None,
    new_id: Annotated[Optional[str], typer.Option("--new-id", help="A new id.", show_default=False)] = None,
    expires: Annotated[Optional[str], typer.Option("--expires", help="A new expiry date for this cycle.",
                                                   show_default=False)] = None,
    hours: HoursOption = None,
    cycle: Annotated[Optional[str], typer.Option(
        "--cycle", help="A new cycle length: 1y, 2y, 3y, 18m. Or current or previous: give that cycle alone "
        "its own --hours, --require, --cap or --carry-over (a first cycle with other rules); the others keep "
        "theirs.",
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
    body: BodyOption = None,
    number: NumberOption = None,
    issued: IssuedOption = None,
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
        if old.template:
            from peertrack.services.rules_updates import note_matched

            note_matched(conn, old, cert)
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
    cycle_changed(cert, cycle, rules, which, carry_given=carry is not None)


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
        remember_removed(db, certification_keys(current, derived_deadlines(current, late) + tasks, late))
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
