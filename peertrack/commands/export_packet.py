"""peertrack export packet: a renewal packet to print or upload: cover, transcript and certificates in one PDF."""

from pathlib import Path
from typing import Annotated, Optional

import typer

from peertrack.commands import completers


def packet(
    ctx: typer.Context,
    cert: Annotated[Optional[str], typer.Option(
        "--cert", "-c", help="The id of the certification to renew, e.g. ca-pss. Default: your default-cert "
        "setting.", show_default=False, autocompletion=completers.cert_ids)] = None,
    cycle: Annotated[str, typer.Option("--cycle", help="current or previous.",
                                       autocompletion=completers.cycles)] = "current",
    output: Annotated[Optional[Path], typer.Option(
        "--output", "-o", help="The PDF file to write. Default: CERT-renewal-packet-DATE.pdf in this folder.",
        show_default=False, dir_okay=False)] = None,
) -> None:
    """Write a renewal packet: one PDF to print, sign and hand in, or to upload.

    Page 1 is a cover: your name (set it with peertrack config set name "Your Name"), the
    certification, its number and body, the cycle, the hours against each requirement, what
    does not count and why, and a line to sign and date. Then the transcript of the cycle's
    courses, then every certificate kept for them: PDFs page for page, photos on a page each.

    \b
    Examples:
      peertrack export packet --cert ca-pss -o ca-pss-renewal.pdf
      peertrack export packet --cert ca-pss --cycle previous -o last-cycle.pdf
      peertrack config set name "Jordan Rivera" && peertrack export packet --cert ca-pss
    """
    from peertrack import __version__
    from peertrack.commands.cycle_record import gather
    from peertrack.domain.errors import InvalidInput
    from peertrack.exchange import packet as packets
    from peertrack.output.screen import say

    which = cycle.strip().lower()
    if which not in ("current", "previous"):
        raise InvalidInput("--cycle", cycle, "use current or previous", problem="is not a cycle for a packet")
    record = gather(ctx, cert, which, what="renewed")
    target = output or Path(packets.packet_name(record.cert.id, record.today))
    if target.suffix.lower() != ".pdf":
        raise InvalidInput("--output", str(target), "name a file ending in .pdf, like renewal.pdf",
                           problem="is not a PDF file name")
    parts = packets.sort_parts(record.certificates)
    pages = packets.write_packet(target, record, parts, __version__)
    enclosed = sum(part.kind != "left-out" for part in parts)
    count = "1 course" if len(record.courses) == 1 else f"{len(record.courses)} courses"
    certificates = "1 certificate" if enclosed == 1 else f"{enclosed} certificates"
    say(f"✓ Wrote {target}: {pages} pages, {count} and {certificates}.")
    if not record.holder:
        say('The cover has no name yet: set yours with peertrack config set name "Your Name".')
    left_out = [part for part in parts if part.kind == "left-out"]
    lacking = {c.id for c in record.courses} - {p.certificate.course.id for p in parts}
    if left_out or lacking:
        say(f"{len(left_out) + len(lacking)} certificate(s) are not enclosed; the cover lists them. "
            "Keep one with: peertrack ceu attach NUMBER FILE")
