"""The options `cert add` and `cert edit` share, declared once: ids, rules, renewal windows, details."""

from typing import Annotated, Optional

import typer

from peertrack.commands import completers

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
HoursOption = Annotated[Optional[str], typer.Option("--hours", help="CE hours required in each cycle.",
                                                    show_default=False)]
BodyOption = Annotated[Optional[str], typer.Option("--body", help="The certifying body.", show_default=False)]
NumberOption = Annotated[Optional[str], typer.Option("--number", help="Your certificate number.", show_default=False)]
IssuedOption = Annotated[Optional[str], typer.Option("--issued", help="When you were first certified.",
                                                     show_default=False)]
