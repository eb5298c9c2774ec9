"""Usage slips people make first: a title without quotes or starting with "-", a record's number left out.

Each gets what was typed, what is wanted, and the command to type next.
"""

from __future__ import annotations

import shlex
from typing import Any

from peertrack.domain.errors import PeertrackError

TITLE_NAMES = ("title", "name")  # the words a command's first argument is called when it is a title
_RECORDS = {"remind": "reminder", "ceu": "course", "cert": "certification", "deadline": "deadline",
            "work": "work entry", "supervision": "supervision session"}
_UNITS = {"h", "hr", "hrs", "hour", "hours", "m", "min", "mins", "minute", "minutes", "ceu", "ceus"}


class TitleNeedsQuotes(PeertrackError):
    """Words of a title were read as more arguments, or as an option: the shell split them."""

    EXIT_CODE = 2


def title_advice(error: Any, args: list[str]) -> TitleNeedsQuotes | None:
    """Advice for a usage error of a command that takes a title; None for any other error.

    `args` are the whole command line after the program's name, with the look and database
    options first, as the command tree saw them.
    """
    ctx = getattr(error, "ctx", None)
    command = getattr(ctx, "command", None)
    if ctx is None or command is None:
        return None
    title = next((p for p in command.params if _is_argument(p)), None)
    if title is None or title.name not in TITLE_NAMES:
        return None
    path = ctx.command_path.split()[1:]  # the program's own name is not typed after it
    start = after_top_options(args)
    if args[start:start + len(path)] != path:
        return None
    prefix = ["peertrack", *args[:start], *path]
    words, options = _split(args[start + len(path):], command.params)
    unknown = getattr(error, "option_name", None)
    message = str(getattr(error, "message", ""))
    if unknown is not None:
        dashed = next((word for word in words if word.startswith("-")), None)
        if dashed is None or getattr(error, "possibilities", None):
            return None  # a mistyped option, not a title: the command tree's own words fit better
        typed = " ".join(words)
        corrected = [*prefix, *options, "--", _in_quotes(typed)]
        return TitleNeedsQuotes(
            f'"{dashed}" is not an option of {" ".join(["peertrack", *path])}. If it is the {title.name}: a '
            f"{title.name} that starts with - goes after -- (two dashes and a space), which ends the options.",
            hint="Type: " + " ".join(corrected))
    if not message.startswith("Got unexpected extra argument") or len(words) < 2:
        return None
    typed = " ".join(words)
    corrected = [*prefix, _in_quotes(typed), *options] if not typed.startswith("-") else [
        *prefix, *options, "--", _in_quotes(typed)]
    return TitleNeedsQuotes(
        f"The {title.name} was typed as {len(words)} separate words ({typed}): a {title.name} with spaces goes "
        "in quotes, so it is read as one.",
        hint="Type: " + " ".join(corrected))


def missing_number_advice(error: Any) -> TitleNeedsQuotes | None:
    """For `remind done` with no number, say where the numbers are shown; None for any other error."""
    param, ctx = getattr(error, "param", None), getattr(error, "ctx", None)
    if type(error).__name__ != "MissingParameter" or param is None or ctx is None or not _is_argument(param):
        return None
    path = ctx.command_path.split()[1:]
    word = param.metavar or param.name.upper()
    if len(path) != 2 or word not in ("NUMBER", "ID"):
        return None
    group, action = path
    example = "1" if word == "NUMBER" else "ca-pss"
    noun = _RECORDS.get(group, "record")
    return TitleNeedsQuotes(f"peertrack {group} {action} needs the {word.lower()} of a {noun}, and none was "
                            f"given: see them with: peertrack {group} list",
                            hint=f"Then type, for example: peertrack {group} {action} {example}")


def _is_argument(param: Any) -> bool:
    return getattr(param, "param_type_name", "") == "argument"


def after_top_options(args: list[str]) -> int:
    index = 0
    while index < len(args):
        if args[index] == "--plain" or args[index].startswith("--db="):
            index += 1
        elif args[index] == "--db":
            index += 2
        else:
            break
    return index


def _split(args: list[str], params: list) -> tuple[list[str], list[str]]:
    """The words of the title, and the options with their values, in the order typed."""
    takes_value = {}
    for param in params:
        if not _is_argument(param):
            for name in [*param.opts, *getattr(param, "secondary_opts", [])]:
                takes_value[name] = not (getattr(param, "is_flag", False) or getattr(param, "count", False))
    words: list[str] = []
    options: list[str] = []
    index = 0
    while index < len(args):
        token = args[index]
        if token == "--":
            words.extend(args[index + 1:])
            break
        name = token.partition("=")[0]
        if name in takes_value:
            options.append(_quoted(token))
            if takes_value[name] and "=" not in token and index + 1 < len(args):
                value = args[index + 1]
                index += 1
                if name == "--hours" and index + 1 < len(args) and args[index + 1].lower().strip(".") in _UNITS:
                    value = f"{value} {args[index + 1]}"  # --hours 2 hrs: the unit belongs to the hours
                    index += 1
                options.append(_quoted(value))
        else:
            words.append(token)
        index += 1
    return words, options


def _in_quotes(text: str) -> str:
    """A title, always quoted, so the corrected command shows where it begins and ends."""
    quoted = _quoted(text)
    return quoted if quoted != text else f'"{text}"'


def _quoted(text: str) -> str:
    """As typed at a shell: plain words stay plain; others in double quotes, or single where those would not do."""
    if text and shlex.quote(text) == text:
        return text
    if not any(character in text for character in '"$`\\!'):
        return f'"{text}"'
    return shlex.quote(text)
