"""The fast lane reads its commands with the Typer definitions' grammar: one table, the same answers.

The fast lane may leave any form to the full command tree; it must never take one the tree
refuses, and when it takes one it must read the same values the tree reads.
"""

from __future__ import annotations

import pytest
import typer
import typer.main
from hypothesis import given, settings
from hypothesis import strategies as st
from typer._click.exceptions import UsageError

from peertrack.cli import ARGUMENT, FAST, FLAGS, REPEATED, fast_lane
from peertrack.commands.app import app, load_command

# Options the fast lane leaves to the full command tree on purpose: they draw pictures or history, or read a
# certificate file and ask about it.
LEFT_TO_THE_TREE = {"status": {"--history", "--svg", "--html"}, "due": set(), "cert list": set(), "export csv": set(),
                    "log-ceu": {"--from", "--certificate", "--yes", "-y"}}


def _typer_command(command: str):
    words = command.split()
    found = load_command(words[0])
    for word in words[1:]:
        found = found.commands[word]
    return found


def _typer_table(command: str) -> dict[str, tuple[str, bool, bool]]:
    """Every spelling of every option of `command`, as Typer defines it: name -> (destination, is a flag,
    may be repeated to give more values)."""
    return {spelling: (param.name, bool(getattr(param, "is_flag", False)), bool(param.multiple))
            for param in _typer_command(command).params if param.param_type_name == "option"
            for spelling in [*param.opts, *param.secondary_opts]}


def test_every_fast_option_is_spelt_and_stored_as_typer_defines_it() -> None:
    for command, table in FAST.items():
        typer_table = _typer_table(command)
        fast = {spelling: (key, key in FLAGS, key in REPEATED.get(command, ())) for spelling, key in table.items()}
        assert fast == {spelling: found for spelling, found in typer_table.items()
                        if spelling not in LEFT_TO_THE_TREE[command]}, command


def test_the_words_that_are_not_options_are_those_typer_defines() -> None:
    for command in FAST:
        arguments = [(param.name, param.nargs, param.multiple) for param in _typer_command(command).params
                     if param.param_type_name == "argument"]
        assert arguments == ([(ARGUMENT[command], 1, False)] if command in ARGUMENT else []), command


def test_the_fast_lane_answers_only_what_it_lists() -> None:
    assert set(FAST) == set(LEFT_TO_THE_TREE)


def typer_reading(args: list[str]):
    """What the full command tree makes of `args`, parsed and not run: "refused" (a usage error),
    "answered" (--help or --version print and stop), or (--db, command, options given, --plain)
    in the fast lane's shape, for any command."""
    group = typer.main.get_command(app)
    try:
        top = group.make_context("peertrack", list(args))
        rest = [*top._protected_args, *top.args]
        if rest:
            name, command, rest = group.resolve_command(top, rest)
        else:
            name, command = "status", load_command("status")  # peertrack on its own shows the dashboard
        assert name is not None and command is not None
        sub = command.make_context(name, rest, parent=top)
        while hasattr(command, "commands"):  # a group: cert list
            rest = [*sub._protected_args, *sub.args]
            if not rest:
                return "answered"  # a group on its own shows its help
            word, command, rest = command.resolve_command(sub, rest)
            assert word is not None and command is not None
            name = f"{name} {word}"
            sub = command.make_context(word, rest, parent=sub)
    except UsageError:
        return "refused"
    except typer.Exit:
        return "answered"
    # A repeatable option the command receives as a list, in the order typed; not given, it is left out.
    given = {param.name: list(value) if param.multiple else value for param in command.params
             if (value := sub.params[param.name]) != (() if param.multiple else param.default)}
    return top.params["db"], name, given, top.params["plain"]


def _agree(args: list[str]) -> None:
    plan = fast_lane(args)
    reading = typer_reading(args)
    if plan is not None:
        assert reading == plan, (args, plan, reading)


# Every form the two once read differently, and the edges around them.
EDGES = [
    ["status", "-c=ID"], ["due", "--json="], ["due", "-q="], ["status", "--cert=", "ID"],
    ["status", "--cert="], ["status", "--cert=ca-pss"], ["status", "--cert=a=b"], ["status", "-c"],
    ["status", "-cca-pss"], ["status", "-c", "ca-pss"], ["status", "--cert", ""], ["status", "-c", "-"],
    ["status", "--cert", "--json"], ["status", "-c", "--", "x"], ["status", "--cert", "a", "--cert", "b"],
    ["status", "-c", "a", "-c", "b"], ["status", "--json", "--json"], ["status", "--json=1"],
    ["status", "--missing=yes"], ["status", "--"], ["status", "--", "--json"], ["--", "status"],
    ["status", "-"], ["status", "--nope"], ["status", "-x"], ["status", "-cq"], ["status", "extra"],
    ["due", "-q"], ["due", "-qq"], ["due", "-q", "-q"], ["due", "-q", "--quiet"], ["due", "-qj"],
    ["due", "--quiet="], ["due", "--within="], ["due", "--within", ""], ["due", "--within"],
    ["due", "--within", "-q"], ["due", "--within=-3d"], ["due", "--within", "2w", "--within", "3w"],
    ["due", "-w", "2w"], ["due", "--json", "--"], ["due", "--help"], ["status", "--version"],
    ["--db=", "due"], ["--db", "x.db", "--db", "y.db"], ["--db"], ["due", "--db"], ["due", "--db", "x.db"],
    ["due", "--db=x.db", "-q"], ["--plain", "--plain"], ["--plain=1"], ["status", "--plain"], ["-c", "x"],
    ["--json"], ["-q"], [""], ["Status"], ["due", "--plain", "--db", "--plain"], ["--db", "--plain", "due"],
    ["cert", "list"], ["cert", "list", "--json"], ["cert", "list", "--json="], ["cert", "list", "--", "x"],
    ["cert", "--json", "list"], ["cert", "list", "--cert", "x"], ["cert", "list", "-q"], ["cert", "list", "list"],
    ["cert"], ["cert", "show"], ["cert", "lists"], ["status", "list"], ["cert", "list", "--db", "x.db"],
    ["export", "csv"], ["export", "csv", "--cert", "ca-pss"], ["export", "csv", "-c=x"], ["export", "csv", "-o", "."],
    ["export", "csv", "-o", ""], ["export", "csv", "--output=out.csv"], ["export", "csv", "-oout.csv"],
    ["export", "csv", "--notes"], ["export", "csv", "--notes=1"], ["export", "csv", "--cycle", "previous", "-c", "x"],
    ["export", "csv", "--cycle="], ["export", "--cert", "x", "csv"], ["export"], ["export", "csv", "-o"],
    ["export", "csv", "-o", "x.csv", "-o", "y.csv"], ["export", "json"], ["export", "csv", "--output", "tests"],
    ["export", "csv", "extra"], ["--db", "x.db", "export", "csv", "--plain", "-o", "-"],
    ["log-ceu"], ["log-ceu", "T"], ["log-ceu", "T", "--hours", "1"], ["log-ceu", "--hours", "1", "T"],
    ["log-ceu", "--hours", "1", "T", "--date", "yesterday"], ["log-ceu", "-c", "a", "T", "-c", "b", "--hours", "1"],
    ["log-ceu", "T", "-c=ID"], ["log-ceu", "T", "--cert="], ["log-ceu", "T", "-cID"], ["log-ceu", "T", "-c", "ID=2"],
    ["log-ceu", "T", "--cert", "a=1", "--cert=b", "-cc", "-c=d"], ["log-ceu", "T", "--category", "ethics"],
    ["log-ceu", "T", "--category", "ethics:2", "--category", "general:1.5", "--category=x"],
    ["log-ceu", "T", "--category="], ["log-ceu", "T", "--category", ""], ["log-ceu", "--category", "a", "T", "U"],
    ["log-ceu", "T", "--force"], ["log-ceu", "T", "--force="], ["log-ceu", "T", "--force=1"],
    ["log-ceu", "T", "--force", "--force"], ["log-ceu", "T", "--json"], ["log-ceu", "T", "--json="],
    ["log-ceu", "T", "--json", "--json"], ["log-ceu", "T", "U"], ["log-ceu", "T", "--hours", "1", "U"],
    ["log-ceu", "-T"], ["log-ceu", "-"], ["log-ceu", ""], ["log-ceu", "--", "-T"], ["log-ceu", "T", "--"],
    ["log-ceu", "--hours", "1", "--hours", "2", "T"], ["log-ceu", "T", "--date", "a", "--date=b"],
    ["log-ceu", "T", "--hours"], ["log-ceu", "T", "--hours", "-1"], ["log-ceu", "T", "--hours="],
    ["log-ceu", "T", "--hours=", "1"], ["log-ceu", "T", "--note", "--json"], ["log-ceu", "T", "--note", "--plain"],
    ["log-ceu", "T", "--note", "--db", "x.db"], ["log-ceu", "T", "--cert"], ["log-ceu", "T", "-c", "--json"],
    ["log-ceu", "T", "--from", "c.pdf"], ["log-ceu", "--from=c.pdf"], ["log-ceu", "T", "--certificate", "c.pdf"],
    ["log-ceu", "T", "--yes"], ["log-ceu", "T", "-y"], ["log-ceu", "T", "-cy"], ["log-ceu", "T", "--help"],
    ["log-ceu", "T", "--nope"], ["log-ceu", "T", "-x"], ["log-ceu", "T", "--provider", "NAMI", "--format=online",
    "--approval-no", "A-1", "--note=a note"], ["log-ceu", "T", "--approval_no", "A"], ["log-ceu", "T", "--hour", "1"],
    ["--plain", "log-ceu", "T"], ["log-ceu", "T", "--plain", "--db", "x.db"], ["--db=x.db", "log-ceu", "--plain"],
    ["log-ceu", "list"], ["log-ceu", "csv"], ["log-ceu", "status"], ["log-ceu", "--json", "--category", "a"],
]


@pytest.mark.parametrize("args", EDGES, ids=" ".join)
def test_the_fast_lane_takes_only_what_the_tree_reads_the_same(args: list[str]) -> None:
    _agree(args)


@pytest.mark.parametrize("args, reading", [
    (["status", "-c=ID"], (None, "status", {"cert": "=ID"}, False)),
    (["status", "--cert="], (None, "status", {"cert": ""}, False)),
    (["status", "-cca-pss"], (None, "status", {"cert": "ca-pss"}, False)),
    (["due", "--json="], "refused"), (["due", "-q="], "refused"), (["status", "--cert=", "ID"], "refused"),
    (["status", "-c"], "refused"), (["due", "--help"], "answered"),
    (["cert", "list", "--json"], (None, "cert list", {"json": True}, False)), (["cert", "--json", "list"], "refused"),
    (["cert", "list", "x"], "refused"), (["--plain", "cert", "list"], (None, "cert list", {}, True)),
    (["export", "csv", "-o", "."], "refused"), (["export", "csv", "--output", "tests"], "refused"),
    (["export", "csv", "-o", "new.csv", "--notes"],
     (None, "export csv", {"output": "new.csv", "notes": True}, False)),
    (["log-ceu", "-c", "a", "T", "--cert=", "-cb", "-c=c", "--hours", "1"],
     (None, "log-ceu", {"cert": ["a", "", "b", "=c"], "title": "T", "hours": "1"}, False)),
    (["log-ceu", "T", "--hours", "1", "--hours", "2"], (None, "log-ceu", {"title": "T", "hours": "2"}, False)),
    (["log-ceu", "T", "--force", "--force"], (None, "log-ceu", {"title": "T", "force": True}, False)),
    (["log-ceu", "-"], (None, "log-ceu", {"title": "-"}, False)), (["log-ceu", "T", "U"], "refused"),
    (["log-ceu", "T", "--force="], "refused"), (["log-ceu", "T", "--json="], "refused"),
    (["log-ceu", "--category", "--json"], (None, "log-ceu", {"category": ["--json"]}, False)),
])
def test_the_tree_reads_the_edge_forms_as_click_does(args, reading) -> None:
    assert typer_reading(args) == reading  # the yardstick itself, worked out by hand


HEADS = [[], ["status"], ["due"], ["--plain"], ["--db", "x.db", "status"], ["due", "--plain"], ["cert"],
         ["cert", "list"], ["--plain", "cert", "list"], ["export", "csv"], ["export"]]
WORDS = ["status", "due", "--cert", "-c", "--cert=", "--cert=x", "-c=x", "-cx", "x", "--json", "--json=",
         "--json=1", "-q", "-q=", "-qq", "--quiet", "--within", "--within=", "--within=2w", "2w", "--missing",
         "--history", "--", "-", "--db", "--db=x.db", "--plain", "--nope", "", "--help", "cert", "list", "csv",
         "-o", ".", "--notes", "--output=x.csv", "--cycle", "previous"]


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(HEADS), st.lists(st.sampled_from(WORDS), max_size=4))
def test_any_mix_of_words_is_read_alike(head: list[str], words: list[str]) -> None:
    _agree(head + words)


LOG_HEADS = [["log-ceu"], ["--plain", "log-ceu"], ["log-ceu", "Peer ethics"], ["log-ceu", "--hours", "2"]]
LOG_WORDS = ["Peer ethics", "T", "2", "", "-", "-T", "--hours", "--hours=1", "--hours=", "--date", "--date=yesterday",
             "--provider", "--category", "--category=ethics", "--category=", "--cert", "-c", "--cert=", "-c=x",
             "-cx", "x=2", "--format", "--approval-no", "--note", "--force", "--force=", "--json", "--json=",
             "--from", "--certificate", "--yes", "-y", "--help", "--", "--nope", "--db", "--plain", "x.db"]


@settings(max_examples=400, deadline=None)
@given(st.sampled_from(LOG_HEADS), st.lists(st.sampled_from(LOG_WORDS), max_size=6))
def test_any_mix_of_log_ceu_words_is_read_alike(head: list[str], words: list[str]) -> None:
    _agree(head + words)
