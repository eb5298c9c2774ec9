"""Reading a course from its certificate file, as log-ceu --from and import certificates both do: what was
read, checked with the person."""

from __future__ import annotations

import re
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import typer

from peertrack.domain.certificate_text import FIELD_WORDS, Proposal
from peertrack.domain.errors import InvalidInput

if TYPE_CHECKING:
    pass

ASKED = ("title", "date", "hours", "provider", "approval_no")
OPTION_OF = {"title": "TITLE", "date": "--date", "hours": "--hours", "provider": "--provider",
             "approval_no": "--approval-no"}


def read_proposal(path: Path, field_name: str = "--from") -> tuple[Proposal, str | None]:
    """What the certificate proposes, and the sentence saying why nothing could be read (a photo, a scan)."""
    from peertrack.domain.certificate_text import read_certificate
    from peertrack.exchange.certificate_pdf import NoText, read_text

    try:
        return read_certificate(read_text(path, field_name)), None
    except NoText as no_text:
        return Proposal(), str(no_text)


def settle(read: Proposal, given: dict[str, str], source: str, no_text: str | None, yes: bool,
           dates: str = "iso", holder: str | None = None) -> dict[str, str]:
    """The course's details: typed values win, then what was read; asks about the rest on a terminal.

    Without a terminal (or with --yes) what was read is taken as it is, and a missing title,
    date or hours stops everything with one sentence naming the option to type. `holder` is
    the name setting: a certificate made out to someone else is pointed out.
    """
    from peertrack.output import certificates as view
    from peertrack.output.certificates import proposal_value

    values = {name: proposal_value(read, name, "iso") for name in ASKED}
    values = {name: value for name, value in values.items() if value} | given
    if no_text is None:
        view.proposal(read, source, given, dates)
        if holder and read.holder and not same_person(holder, read.holder):
            typer.echo(f"Note: this certificate is made out to {read.holder}, and your name is set as {holder}. "
                       "A certifying body may ask for certificates in your own name.", err=True)
    missing = [name for name in ("title", "date", "hours") if name not in values]
    asking = at_a_terminal() and not yes
    if missing and not asking:
        if no_text is not None:
            raise InvalidInput("--from", source, "no text in this file: type the details with " +
                               ", ".join(OPTION_OF[name] for name in missing), problem="has no text to read")
        words = " and ".join("the " + FIELD_WORDS[name] for name in missing)
        raise InvalidInput("--from", source, f"type {words} with " + ", ".join(OPTION_OF[n] for n in missing),
                           problem=f"does not show {words} clearly enough to read")
    if not asking:
        return values
    if no_text is not None:
        typer.echo(f"{no_text[0].upper()}{no_text[1:]}", err=True)
    doubtful = [name for name in ASKED if name not in given and (name in missing or name in read.unsure)]
    if not doubtful and typer.confirm("Log it like this?", default=True, err=True):
        return values
    for name in doubtful or [name for name in ASKED if name not in given]:
        answer = typer.prompt(FIELD_WORDS[name].capitalize(), default=values.get(name, ""),
                              show_default=bool(values.get(name)), err=True)
        if answer.strip():
            values[name] = answer.strip()
        else:
            values.pop(name, None)
    return values


def same_person(name: str, written: str) -> bool:
    """Whether a certificate's name is the holder's: every word of the shorter one is in the longer one."""
    words = [set(re.findall(r"[a-z]+", text.casefold())) for text in (name, written)]
    shorter, longer = sorted(words, key=len)
    return bool(shorter) and shorter <= longer


def at_a_terminal() -> bool:
    """Whether someone can answer questions: stdin is a terminal, not a pipe or a script."""
    return sys.stdin.isatty()
