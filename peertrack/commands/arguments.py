"""The command line as people type it: the look and database options may come before or after the command.

Standard library only: the fast lane in peertrack/cli.py reads it before anything else loads.
"""

from __future__ import annotations

TOP_FLAGS = ("--plain",)
TOP_VALUES = ("--db",)


def top_options_first(args: list[str]) -> list[str]:
    """`args` with --plain and --db PATH moved before the command, wherever they were typed.

    `peertrack status --plain` then means `peertrack --plain status`. Nothing after `--` moves:
    that is a title, whatever it looks like. A --db with nothing after it stays where it is, so the
    command it was typed after says what is missing rather than taking the command for a file name.
    """
    front: list[str] = []
    rest: list[str] = []
    index = 0
    while index < len(args):
        token = args[index]
        if token == "--":
            rest.extend(args[index:])
            break
        if token in TOP_FLAGS or token.startswith(tuple(f"{name}=" for name in TOP_VALUES)):
            front.append(token)
        elif token in TOP_VALUES and index + 1 < len(args):
            front += [token, args[index + 1]]
            index += 1
        else:
            rest.append(token)
        index += 1
    return front + rest
