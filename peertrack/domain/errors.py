"""The errors peertrack raises: each has a plain-language message and an exit status."""

from __future__ import annotations


class PeertrackError(Exception):
    """Something the user can fix; printed as one sentence, never as a traceback."""

    EXIT_CODE = 1

    def __init__(self, message: str, hint: str | None = None, *, topic: str | None = None,
                 ref: object = None) -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint
        # Code below the commands knows no command words: it names a `topic` (and the record, `ref`),
        # and the command line words what to type next (commands/failures.py).
        self.topic, self.ref = topic, ref

    def __str__(self) -> str:
        return self.message


class InvalidInput(PeertrackError):
    """A value peertrack cannot accept. `field` names it: an option ("--hours") when the code that raises
    knows the command line, else a key ("expires") that the command turns into its option (see named)."""

    EXIT_CODE = 2

    def __init__(self, field: str, given: object, accepted: str, problem: str = "") -> None:
        self.field, self.given, self.accepted = field, given, accepted
        self.problem = problem or "is not something I can read"
        super().__init__(self._sentence())

    def _sentence(self) -> str:
        missing = self.given == "" and self.problem == "is missing"
        # "--cert is missing", not '--cert "" is missing'
        subject = self.field if missing else f'{self.field} "{_shown(self.given)}"'
        return f"{subject} {self.problem}: {self.accepted}."

    def named(self, field: str) -> InvalidInput:
        """The same error with its field named as the command line names it: "expires" becomes "--expires"."""
        self.field = field
        self.message = self._sentence()
        self.args = (self.message,)
        return self


def _shown(given: object, longest: int = 300) -> str:
    """What was given, as a message may quote it: control characters as codes, and cut short when very long."""
    from peertrack.domain.terminal_text import escaped

    text = escaped(str(given))
    return text if len(text) <= longest else f"{text[:longest - 20]}…{text[-10:]} ({len(str(given)):,} characters)"


class NotFound(PeertrackError):
    """A certification, course or other record that does not exist."""

    EXIT_CODE = 2

    def __init__(self, kind: str, given: object, known: list[str] | None = None,
                 hint: str | None = None, *, topic: str | None = None) -> None:
        message = f'There is no {kind} "{_shown(given)}".'
        suggestion = did_you_mean(str(given), known or [])
        if suggestion:
            message = f'There is no {kind} "{_shown(given)}". Did you mean "{suggestion}"?'
        super().__init__(message, hint, topic=topic, ref=given)


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
    return NotFound("certification with the id", cert_id, known, topic="cert-id" if known else "no-certs")


def did_you_mean(given: str, known: list[str]) -> str | None:
    """The one known name `given` was surely meant to be, or None.

    Closeness is counted in edits, a swap of two neighbouring letters being one ("pa-csp" is one
    edit from "pa-cps", two from "pa-crs"). A name is offered only when it is close for its length
    and clearly closer than every other: between near ties there is no guessing.
    """
    wanted = given.strip().lower()
    if not wanted:
        return None
    ranked = sorted((edit_distance(wanted, name.lower()), name) for name in dict.fromkeys(known))
    if not ranked:
        return None
    best, name = ranked[0]
    close = best <= max(1, len(wanted) // 3) and not (len(ranked) > 1 and ranked[1][0] - best < (1 if best <= 1
                                                                                             else 2))
    if close:
        return name
    # The first part of one id alone ("pa" for "pa-cps"), when no other id begins so.
    starting = [known_name for _, known_name in ranked if known_name.lower().startswith(wanted + "-")]
    return starting[0] if len(starting) == 1 else None


def edit_distance(first: str, second: str) -> int:
    """Letters added, removed, changed, or two neighbours swapped, to turn one word into the other."""
    previous2: list[int] = []
    previous = list(range(len(second) + 1))
    for i, a in enumerate(first, start=1):
        current = [i] + [0] * len(second)
        for j, b in enumerate(second, start=1):
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a != b))
            if i > 1 and j > 1 and a == second[j - 2] and first[i - 2] == b:
                current[j] = min(current[j], previous2[j - 2] + 1)
        previous2, previous = previous, current
    return previous[-1]
