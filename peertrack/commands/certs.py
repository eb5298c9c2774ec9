"""peertrack cert ...: the certifications you hold, their cycles and CE requirements."""

import dataclasses
from typing import Annotated, Optional

import typer

from peertrack import clock, storage
from peertrack.commands.common import (
    JsonOption,
    YesOption,
    confirm,
    open_db,
    open_existing,
    progress_of,
    session,
)
from peertrack.errors import InvalidInput
from peertrack.parsing import parse_cycle, parse_date, parse_hours, parse_require, parse_slug, parse_text

app = typer.Typer(
    help="Add, list, show, change and remove your certifications.",
    no_args_is_help=True,
)

IdArgument = Annotated[str, typer.Argument(help="The certification's id, e.g. ca-pss.", show_default=False)]


@app.command("add")
def add(
    ctx: typer.Context,
    name: Annotated[str, typer.Argument(help="The certification's full name.", show_default=False)],
    cert_id: Annotated[str, typer.Option("--id", help="A short id you will type, e.g. ca-pss.", show_default=False)],
    expires: Annotated[str, typer.Option("--expires", help="When it expires (the end of this cycle).",
                                         show_default=False)],
    hours: Annotated[str, typer.Option("--hours", help="CE hours required in each cycle.", show_default=False)],
    cycle: Annotated[str, typer.Option("--cycle", help="How long one renewal cycle is: 1y, 2y, 3y, 18m.")] = "2y",
    require: Annotated[Optional[list[str]], typer.Option(
        "--require", help="A category minimum, CATEGORY=HOURS; repeat for more.", show_default=False)] = None,
    body: Annotated[Optional[str], typer.Option("--body", help="The certifying body.", show_default=False)] = None,
    number: Annotated[Optional[str], typer.Option("--number", help="Your certificate number.",
                                                  show_default=False)] = None,
    issued: Annotated[Optional[str], typer.Option("--issued", help="When you were first certified.",
                                                  show_default=False)] = None,
) -> None:
    """Add a certification you hold, with its renewal cycle and CE hours.

    The current cycle is the --cycle length ending on --expires (never before --issued).

    \b
    Examples:
      peertrack cert add "Medi-Cal Peer Support Specialist" --id ca-pss \\
          --body CalMHSA --number PSS-01234 --expires 2027-06-30 --cycle 2y \\
          --hours 20 --require ethics=6
      peertrack cert add "Idaho CPSS" --id id-cpss --expires 12/31/2026 --cycle 1y --hours 10
    """
    from peertrack.cycles import check_dates, cycle_start
    from peertrack.models import Certification, Cycle

    today = clock.today()
    slug = parse_slug(cert_id)
    expires_on = parse_date(expires, "--expires", today)
    issued_on = parse_date(issued, "--issued", today) if issued else None
    check_dates(issued_on, expires_on)
    months = parse_cycle(cycle)
    required = parse_hours(hours, "--hours", allow_zero=True, limit=1000 * 60)
    requirements = _requirements(require or [])
    cert = Certification(
        id=slug, name=parse_text(name, "NAME"), body=body, number=number, issued=issued_on, cycle_months=months,
        required_minutes=required, requirements=requirements,
        cycle=Cycle(starts=cycle_start(expires_on, months, issued_on), ends=expires_on, required_minutes=required),
    )
    conn = open_db(ctx)
    with storage.transaction(conn):
        storage.insert_cert(conn, cert)
    from peertrack import render

    render.cert_summary(cert, "Added")
    render.say("See where you stand with: peertrack status")


@app.command("list")
def list_(ctx: typer.Context, json: JsonOption = False) -> None:
    """List your certifications with their expiry and hours.

    \b
    Examples:
      peertrack cert list
      peertrack cert list --json
    """
    items = _progress(ctx)
    if json:
        from peertrack import porcelain

        porcelain.emit([porcelain.progress(item) for item in items])
        return
    from peertrack import render

    render.certs_table(items)


@app.command("show")
def show(ctx: typer.Context, cert_id: IdArgument, json: JsonOption = False) -> None:
    """Show one certification in full: cycle, requirements and progress.

    \b
    Examples:
      peertrack cert show ca-pss
      peertrack cert show ca-pss --json
    """
    conn = open_db(ctx)
    item = progress_of(conn, [storage.load_cert(conn, cert_id.lower())], clock.today())[0]
    if json:
        from peertrack import porcelain

        porcelain.emit(porcelain.progress(item))
        return
    from peertrack import render

    render.cert_detail(item)


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
    cycle: Annotated[Optional[str], typer.Option("--cycle", help="A new cycle length: 1y, 2y, 3y, 18m.",
                                                 show_default=False)] = None,
    require: Annotated[Optional[list[str]], typer.Option(
        "--require", help="Replace the category minimums, CATEGORY=HOURS; repeat for more.",
        show_default=False)] = None,
    no_require: Annotated[bool, typer.Option("--no-require", help="Remove every category minimum.")] = False,
    body: Annotated[Optional[str], typer.Option("--body", help="The certifying body.", show_default=False)] = None,
    number: Annotated[Optional[str], typer.Option("--number", help="Your certificate number.",
                                                  show_default=False)] = None,
    issued: Annotated[Optional[str], typer.Option("--issued", help="When you were first certified.",
                                                  show_default=False)] = None,
) -> None:
    """Change a certification: only the details you give change.

    \b
    Examples:
      peertrack cert edit ca-pss --number PSS-99881
      peertrack cert edit ca-pss --expires 2027-07-31 --require ethics=6 --require cultural=2
    """
    from peertrack.cycles import check_dates, cycle_start

    today = clock.today()
    changes: dict = {}
    if name is not None:
        changes["name"] = parse_text(name, "--name")
    if new_id is not None:
        changes["id"] = parse_slug(new_id, "--new-id")
    if body is not None:
        changes["body"] = body or None
    if number is not None:
        changes["number"] = number or None
    if issued is not None:
        changes["issued"] = parse_date(issued, "--issued", today) if issued else None
    if cycle is not None:
        changes["cycle_months"] = parse_cycle(cycle)
    if hours is not None:
        changes["required_minutes"] = parse_hours(hours, "--hours", allow_zero=True, limit=1000 * 60)
    if require:
        changes["requirements"] = _requirements(require)
    elif no_require:
        changes["requirements"] = ()
    expires_on = parse_date(expires, "--expires", today) if expires else None

    conn = open_db(ctx)
    with storage.transaction(conn):
        old = storage.load_cert(conn, cert_id.lower())
        cert = dataclasses.replace(old, **changes)
        ends = expires_on or cert.cycle.ends
        check_dates(cert.issued, ends)
        cert = dataclasses.replace(cert, cycle=dataclasses.replace(
            cert.cycle, ends=ends, starts=cycle_start(ends, cert.cycle_months, cert.issued),
            required_minutes=cert.required_minutes))
        storage.update_cert(conn, old.id, cert)
    from peertrack import render

    render.cert_summary(cert, "Changed")


@app.command("rm")
def rm(ctx: typer.Context, cert_id: IdArgument, yes: YesOption = False) -> None:
    """Remove a certification. Your courses stay; a backup is taken first.

    \b
    Examples:
      peertrack cert rm ca-pss
      peertrack cert rm ca-pss --yes
    """
    from peertrack import render

    conn = open_db(ctx)
    cert = storage.load_cert(conn, cert_id.lower())
    if not confirm(f"Remove {cert.name} ({cert.id}) and its cycle history? Your courses stay.", yes):
        render.say("Nothing was removed.")
        raise typer.Exit(1)
    backup = storage.backup_copy(conn, session(ctx).db_path, "before-cert-rm")
    with storage.transaction(conn):
        storage.delete_cert(conn, cert.id)
    render.say(f"✓ Removed {cert.name} ({cert.id}). A copy from just before is in {backup}")


def _progress(ctx: typer.Context):
    conn = open_existing(ctx)
    if conn is None:
        return []
    return progress_of(conn, storage.load_certs(conn), clock.today())


def _requirements(texts: list[str]):
    requirements = [parse_require(text) for text in texts]
    names = [req.category for req in requirements]
    for name in names:
        if names.count(name) > 1:
            raise InvalidInput("--require", name, "give each category once", problem="is given twice")
    return tuple(requirements)

