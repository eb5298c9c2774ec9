"""peertrack cert add --in-progress and cert certify: working toward a first certification, then holding it."""

from typing import Annotated, Optional

import typer

from peertrack.commands import completers
from peertrack.commands.common import open_db
from peertrack.commands.in_progress import template_of
from peertrack.domain.parsing import parse_date, parse_text
from peertrack.services import clock
from peertrack.storage import pursuits as store
from peertrack.storage.certs import insert_cert
from peertrack.storage.database import transaction


def certify(
    ctx: typer.Context,
    cert_id: Annotated[str, typer.Argument(help="The id of the certification in progress.", show_default=False,
                                           autocompletion=completers.cert_ids)],
    number: Annotated[str, typer.Option("--number", help="Your certificate number.", show_default=False)],
    issued: Annotated[str, typer.Option("--issued", help="The day you were certified.", show_default=False)],
    expires: Annotated[Optional[str], typer.Option(
        "--expires", help="When it expires. Default: one cycle after --issued.", show_default=False)] = None,
    cycle: Annotated[Optional[str], typer.Option(
        "--cycle", help="How long one renewal cycle is: 1y, 2y. Default: the template's (needed when its board "
        "states none; 2y without a template).",
        show_default=False)] = None,
    hours: Annotated[Optional[str], typer.Option("--hours", help="CE hours required in each cycle.",
                                                 show_default=False)] = None,
) -> None:
    """Record that you are certified: the certification in progress becomes one you hold.

    Every course, work entry and supervision session you logged is kept. The renewal
    rules come from its template (if it has one); anything you give wins.

    \b
    Examples:
      peertrack cert certify tx-peer --number MHPS-12345 --issued 2027-03-01
      peertrack cert certify il-crss --number 7788 --issued 2027-05-15 --expires 2029-05-31 --hours 40
    """
    from peertrack.domain.certifications import CertInput, build_certification
    from peertrack.domain.cycles import first_expiry
    from peertrack.domain.parsing import parse_cycle

    today = clock.today()
    conn = open_db(ctx, store.no_pursuit(cert_id, []))
    pursuit = store.load_pursuit(conn, cert_id.strip().lower())
    template = template_of(pursuit.template)
    issued_on = parse_date(issued, "--issued", today)
    months = parse_cycle(cycle) if cycle else (template.months if template and template.months else 24)
    cert = build_certification(today, CertInput(
        name=pursuit.name, cert_id=pursuit.id, template=template,
        expires=expires or first_expiry(issued_on, months).isoformat(), hours=hours, cycle=cycle,
        body=pursuit.body, number=parse_text(number, "--number"), issued=issued,
    ))
    work_rules = list(template.work) if template else []
    with transaction(conn):
        store.load_pursuit(conn, pursuit.id)  # still in progress: not certified by another command meanwhile
        insert_cert(conn, cert)
        if work_rules:
            from peertrack.storage import work as work_store

            work_store.replace_work_rules(conn, cert.id, work_rules)
        store.mark_certified(conn, pursuit.id, issued_on)
    from peertrack.output.certs import cert_summary
    from peertrack.output.screen import say

    cert_summary(cert, "Certified")
    say("Every course, work entry and supervision session you logged is kept. See where you stand with: "
        "peertrack status")
