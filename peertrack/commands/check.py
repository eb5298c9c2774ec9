"""peertrack check: is the database whole, and is every certificate copy as it was stored?"""

from typing import Annotated

import typer

from peertrack.commands.common import CertOption, JsonOption, open_existing, top_options
from peertrack.services.overview import load_settings


def check(
    ctx: typer.Context,
    cert: CertOption = None,
    json: JsonOption = False,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="Print nothing; only the exit status tells.")] = False,
) -> None:
    """Check your records: the database file, every certificate copy, and courses without one.

    Each kept certificate is compared with the fingerprint (sha256) taken when it was
    stored, so a changed, damaged or missing copy is found. Exit status 1 when something
    is damaged or missing. With --cert, only that certification's current cycle is listed.

    \b
    Examples:
      peertrack check
      peertrack check --cert ca-pss
      peertrack check --quiet || echo "peertrack: a certificate copy needs mending"
    """
    from peertrack.domain.transfer import CheckReport
    from peertrack.services.checkup import check_records

    conn = open_existing(ctx)
    if conn is None:
        report = CheckReport(database_ok=True)
    else:
        listed = None
        if cert:
            from peertrack.commands.selection import select_courses

            listed = select_courses(ctx, cert=cert, cycle="current")
        report = check_records(conn, top_options(ctx).db_path, listed)
    if json:
        from peertrack.output import porcelain

        porcelain.emit(porcelain.check_report(report))
    elif not quiet:
        from peertrack.output.records import check_report

        check_report(report, load_settings(conn).date_format)
    if not report.ok:
        raise typer.Exit(1)
