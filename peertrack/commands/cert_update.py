"""peertrack cert update: take the rules a certification's template gives now (a board's correction in a newer
peertrack), or keep your own."""

from typing import Annotated

import typer

from peertrack.commands.cert_options import IdArgument
from peertrack.commands.common import YesOption, confirm, open_db
from peertrack.domain.errors import InvalidInput, PeertrackError, unknown_cert


def update(
    ctx: typer.Context,
    cert_id: IdArgument,
    keep_mine: Annotated[bool, typer.Option(
        "--keep-mine", help="Keep your own rules; you are told again only if the template changes them.")] = False,
    yes: YesOption = False,
) -> None:
    """Take the rules its template gives now: hours each cycle, minimums and caps, carry-over.

    Templates are corrected as boards change their rules. A certification
    keeps the rules it was added with; status says when its template's
    rules have changed since, and this shows the change and asks before
    taking it. The rules apply to the current cycle and every one after
    it; past cycles keep their own. A rule you changed yourself is never
    offered back unless the template changes it again.

    \b
    Examples:
      peertrack cert update ny-cps
      peertrack cert update ny-cps --yes
      peertrack cert update ny-cps --keep-mine
    """
    from peertrack.output.rules_updates import update_details, what_it_did
    from peertrack.output.screen import say
    from peertrack.services.rules_updates import keep, offered, take

    conn = open_db(ctx, unknown_cert(cert_id, []))
    cert, found = offered(conn, cert_id.strip().lower())
    if cert.template is None:
        raise InvalidInput("CERT_ID", cert_id, f"it has no template's rules to take; change its rules with: "
                           f"peertrack cert edit {cert.id}", problem="was not added from a template")
    if found is None:
        from peertrack.services.board_rules import templates_of

        if cert.template not in templates_of([cert]):
            raise PeertrackError(f"The template {cert.template} of {cert.id} cannot be read now, so there are no "
                                 "rules of it to take.", "See the templates with: peertrack cert templates")
        say(f"✓ Its template ({cert.template}) has nothing new for {cert.name} ({cert.id}).")
        return
    say(f"{cert.name} ({cert.id}): its template ({found.template}) {what_it_did(found)}:")
    for line in update_details(cert, found):
        say(f"  {line}")
    if keep_mine:
        keep(conn, cert.id, found)
        say(f"✓ Kept your rules for {cert.id}. You are told again only if the template changes them.")
        return
    if not confirm("Take the template's rules for the current cycle and every one after it?", yes):
        say(f"Nothing changed. To keep your rules and stop being told: peertrack cert update {cert.id} --keep-mine")
        raise typer.Exit(1)
    before, after = take(conn, cert.id, found)
    from peertrack.output.certs import cert_summary, rules_taken

    cert_summary(after, "Changed")
    rules_taken(before, after)
