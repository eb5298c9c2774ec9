"""The program's entry point: a fast lane for what people run many times a day, else the command tree.

`peertrack --version`, `peertrack --help`, `peertrack`, `status`, `due`, `cert list`, `export csv`
and `log-ceu` with their everyday options are answered without loading the command-line parser,
which costs more than the work itself. Anything else, Tab completion included, goes to the full
command tree, which handles every form of them too. The option table below is held to the
command tree's own definitions by tests/test_fast_lane_options.py.
"""

from __future__ import annotations

import os
import sys

FAST = {
    "status": {"--cert": "cert", "-c": "cert", "--json": "json", "--missing": "missing"},
    "due": {"--within": "within", "--json": "json", "--quiet": "quiet", "-q": "quiet"},
    "cert list": {"--json": "json"},
    "export csv": {"--cert": "cert", "-c": "cert", "--cycle": "cycle", "--output": "output", "-o": "output",
                   "--notes": "notes"},
    "log-ceu": {"--hours": "hours", "--date": "date", "--provider": "provider", "--category": "category",
                "--cert": "cert", "-c": "cert", "--format": "format", "--approval-no": "approval_no", "--note": "note",
                "--force": "force", "--json": "json"},
}
FLAGS = {"json", "quiet", "missing", "notes", "force"}
REPEATED = {"log-ceu": {"category", "cert"}}  # options that may be given again: each value kept, in order
ARGUMENT = {"log-ceu": "title"}  # the one word a command takes that is not an option
COMPLETE_VAR = "_PEERTRACK_COMPLETE"  # set by the shell completion scripts (see commands/completions.py)

# What the fast lane will do: (the --db given or None, the command, its options, whether --plain was given).
# A plain tuple: the typing module alone would add a few milliseconds to every start.
Plan = tuple[str | None, str, dict, bool]


def main() -> None:
    args = sys.argv[1:]
    if os.environ.get(COMPLETE_VAR):
        from peertrack.commands.app import run

        run(completing=True)  # a Tab press: only the command tree knows every command and option
        return
    if args == ["--version"]:
        from peertrack import __version__

        sys.stdout.write(f"peertrack {__version__}\n")
        return
    if args == ["--help"]:
        from peertrack.commands import top_help

        if _columns() >= top_help.WIDTH:
            sys.stdout.write(top_help.TEXT)
            return
    plan = fast_lane(args)
    if plan is not None:
        sys.exit(run_fast(plan))
    from peertrack.commands.app import run

    run()


def _columns() -> int:
    """The screen's width as the parser reads it (shutil.get_terminal_size, without importing shutil)."""
    try:
        columns = int(os.environ.get("COLUMNS", ""))
    except ValueError:
        columns = 0
    if columns <= 0:
        try:
            columns = os.get_terminal_size(sys.__stdout__.fileno()).columns  # type: ignore[union-attr]
        except (AttributeError, ValueError, OSError):
            columns = 0
    return columns or 80


def fast_lane(args: list[str]) -> Plan | None:
    """What to do when the fast lane can answer `args` exactly; None otherwise.

    The look and database options count wherever they are typed, as in the command tree.
    """
    from peertrack.commands.arguments import top_options_first

    args = top_options_first(args)
    db, plain = None, False
    while args:  # the global options, in any order, each once
        if args[0] == "--db" and len(args) > 1 and db is None:
            db, args = args[1], args[2:]
        elif args[0].startswith("--db=") and db is None:
            db, args = args[0][len("--db="):], args[1:]
        elif args[0] == "--plain" and not plain:
            plain, args = True, args[1:]
        else:
            break
    command, rest = (args[0], args[1:]) if args else ("status", [])
    if rest and f"{command} {rest[0]}" in FAST:  # a command of a group: cert list
        command, rest = f"{command} {rest[0]}", rest[1:]
    known = FAST.get(command)
    if known is None:
        return None
    options: dict = {}
    repeated, argument = REPEATED.get(command, set()), ARGUMENT.get(command)
    while rest:
        if argument and argument not in options and not rest[0].startswith("-"):
            options[argument], rest = rest[0], rest[1:]  # the title, before, after or between the options
            continue
        name, joined, value = _split(rest[0])
        key = known.get(name)
        if key is None or key in options and key not in repeated:
            return None  # a second word, or an option given twice: the full parser keeps the last or refuses
        if key in FLAGS:
            if joined:
                return None  # --json=, -q=, -qq: the full parser refuses or reads them
            options[key], rest = True, rest[1:]
        elif joined:  # --cert=ID, --cert= (empty), -cID, -c=ID (the ID is "=ID")
            _keep(options, key, value, key in repeated)
            rest = rest[1:]
        elif len(rest) > 1 and not rest[1].startswith("-"):
            _keep(options, key, rest[1], key in repeated)
            rest = rest[2:]
        else:
            return None  # a missing value, or one that looks like an option: the full parser words or reads it
    if "output" in options and not _writable_name(options["output"]):
        return None
    return db, command, options, plain


def _keep(options: dict, key: str, value: str, repeated: bool) -> None:
    if repeated:
        options.setdefault(key, []).append(value)  # a list, in the order typed, as the command receives it
    else:
        options[key] = value


def _writable_name(value: str) -> bool:
    """Whether the full parser takes `value` as a file to write: not a folder, nor a file that is there
    but cannot be read. An empty name it reads its own way, so that is left to it too."""
    return bool(value) and not os.path.isdir(value) and (not os.path.exists(value) or os.access(value, os.R_OK))


def _split(token: str) -> tuple[str, bool, str]:
    """An option as the full parser reads it: (its name, whether a value is joined to it, that value).

    `--cert=ID` joins at the first "="; a short option joins whatever follows its letter: `-cID`,
    and `-c=ID` gives "=ID". Anything else is a name alone.
    """
    if token.startswith("--"):
        name, equals, value = token.partition("=")
        return name, bool(equals), value
    if token.startswith("-") and len(token) > 2:
        return token[:2], True, token[2:]
    return token, False, ""


def run_fast(plan: Plan) -> int:
    from peertrack.storage.database import database_name

    db, command, options, plain = plan
    if plain:
        from peertrack.output.look import ask_for_plain

        ask_for_plain()  # for the rest of this process, which ends with this command
    if db:
        from peertrack.output.hints import remember_db

        remember_db(db)  # the hints in messages keep it, for the rest of this process
    from peertrack.storage.database import commit_count

    path, commits_before = database_name(db), commit_count()  # as text: pathlib takes long to load
    try:
        if command == "log-ceu":
            from pathlib import Path

            from peertrack.commands.course_entry import log_course

            log_course(Path(path), **options)
            return 0
        from peertrack.commands import views as daily

        if command == "due":
            return daily.show_due(path, **options)
        if command == "cert list":
            daily.show_cert_list(path, **options)
            return 0
        if command == "export csv":
            from pathlib import Path

            output = options.pop("output", None)  # a Path, as Typer hands it to the command
            daily.export_csv(path, **options, output=Path(output) if output is not None else None)
            return 0
        daily.show_status(path, **options)
        return 0
    except (Exception, KeyboardInterrupt) as error:  # noqa: BLE001 - the last guard before a traceback
        from peertrack.commands.failures import explain, point_to_help

        point_to_help(error, command.split())
        from pathlib import Path

        code, words = explain(error, Path(path), commits_before)
        if words:
            sys.stderr.write(words + "\n")
        return code
