"""The errors peertrack raises: each has a plain-language message and an exit status."""

from __future__ import annotations

import difflib


class PeertrackError(Exception):
    """Something the user can fix; printed as one sentence, never as a traceback."""

    EXIT_CODE = 1

    def __init__(self, message: str, hint: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint

    def __str__(self) -> str:
        return self.message


class InvalidInput(PeertrackError):
    """A value on the command line that peertrack cannot accept."""

    EXIT_CODE = 2

    def __init__(self, field: str, given: object, accepted: str, problem: str = "") -> None:
        problem = problem or "is not something I can read"
        missing = given == "" and problem == "is missing"
        subject = field if missing else f'{field} "{given}"'  # "--cert is missing: ...", not '--cert "" is ...'
        super().__init__(f"{subject} {problem}: {accepted}.")
        self.field = field


class NotFound(PeertrackError):
    """A certification, course or other record that does not exist."""

    EXIT_CODE = 2

    def __init__(self, kind: str, given: object, known: list[str] | None = None,
                 hint: str | None = None) -> None:
        message = f'There is no {kind} "{given}".'
        suggestion = did_you_mean(str(given), known or [])
        if suggestion:
            message = f'There is no {kind} "{given}". Did you mean "{suggestion}"?'
        super().__init__(message, hint)


class Conflict(PeertrackError):
    """The request clashes with a record that already exists."""

    EXIT_CODE = 2


class NeedsConfirmation(PeertrackError):
    """A destructive step was asked for without a terminal to confirm on, and no --yes."""

    EXIT_CODE = 2


class DatabaseProblem(PeertrackError):
    """The database file cannot be used as it is."""

    EXIT_CODE = 2


class StorageTrouble(PeertrackError):
    """The database could not be written just now (a full disk, another program writing)."""

    EXIT_CODE = 1


def unknown_cert(cert_id: str, known: list[str]) -> NotFound:
    hint = ("See your certifications with: peertrack cert list" if known else
            "Add one first with: peertrack cert add NAME --id ID --expires DATE --hours H")
    return NotFound("certification with the id", cert_id, known, hint)


def did_you_mean(given: str, known: list[str]) -> str | None:
    matches = difflib.get_close_matches(given, known, n=1, cutoff=0.5)
    return matches[0] if matches else None
