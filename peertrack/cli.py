"""The program's entry point: a fast lane for what people run many times a day, else the command tree.

`peertrack --version`, `peertrack`, `status` and `due` with their everyday options are answered
without loading the command-line parser, which costs more than the work itself. Anything
else, `--help` included, goes to the full command tree, which handles every form of them too.
"""

from __future__ import annotations

import sys

FAST = {
    "status": {"--cert": "cert", "-c": "cert", "--json": "json"},
    "due": {"--within": "within", "--json": "json", "--quiet": "quiet", "-q": "quiet"},
}
FLAGS = {"json", "quiet"}


def main() -> None:
    args = sys.argv[1:]
    if args == ["--version"]:
        from peertrack import __version__

        sys.stdout.write(f"peertrack {__version__}\n")
        return
    plan = fast_lane(args)
    if plan is not None:
        sys.exit(run_fast(*plan))
    from peertrack.commands.app import run

    run()


def fast_lane(args: list[str]) -> tuple[str | None, str, dict] | None:
    """(db option, command, options) when the fast lane can answer `args` exactly; None otherwise."""
    db = None
    if args[:1] == ["--db"] and len(args) > 1:
        db, args = args[1], args[2:]
    elif args[:1] and args[0].startswith("--db="):
        db, args = args[0][len("--db="):], args[1:]
    command, rest = (args[0], args[1:]) if args else ("status", [])
    known = FAST.get(command)
    if known is None:
        return None
    options: dict = {}
    while rest:
        name, _, attached = rest[0].partition("=")
        key = known.get(name)
        if key is None or key in options:
            return None
        if key in FLAGS:
            if attached:
                return None
            options[key], rest = True, rest[1:]
        elif attached:
            options[key], rest = attached, rest[1:]
        elif len(rest) > 1 and not rest[1].startswith("-"):
            options[key], rest = rest[1], rest[2:]
        else:
            return None  # a missing value: the full parser words that error
    return db, command, options


def run_fast(db: str | None, command: str, options: dict) -> int:
    from peertrack.storage import resolve_path

    path = resolve_path(db)
    try:
        from peertrack import daily

        if command == "due":
            return daily.show_due(path, **options)
        daily.show_status(path, **options)
        return 0
    except (Exception, KeyboardInterrupt) as error:  # noqa: BLE001 - the last guard before a traceback
        from peertrack.failures import explain

        code, words = explain(error, path)
        sys.stderr.write(words + "\n")
        return code
