"""The fast lane reads status and due with the Typer definitions' grammar: one table, the same answers.

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

from peertrack.cli import FAST, FLAGS, fast_lane
from peertrack.commands.app import app, load_command

# Options the fast lane leaves to the full command tree on purpose: they draw pictures or history.
LEFT_TO_THE_TREE = {"status": {"--history", "--svg", "--html"}, "due": set(), "cert list": set(), "export csv": set()}


def _typer_table(command: str) -> dict[str, tuple[str, bool]]:
    """Every spelling of every option of `command`, as Typer defines it: name -> (destination, is a flag)."""
    words = command.split()
    found = load_command(words[0])
    for word in words[1:]:
        found = found.commands[word]
    return {spelling: (param.name, bool(getattr(param, "is_flag", False)))
            for param in found.params if param.param_type_name == "option"
            for spelling in [*param.opts, *param.secondary_opts]}


def test_every_fast_option_is_spelt_and_stored_as_typer_defines_it() -> None:
    for command, table in FAST.items():
        typer_table = _typer_table(command)
        fast = {spelling: (key, key in FLAGS) for spelling, key in table.items()}
        assert fast == {spelling: found for spelling, found in typer_table.items()
                        if spelling not in LEFT_TO_THE_TREE[command]}, command


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
    defaults = {param.name: param.default for param in command.params}
    given = {key: value for key, value in sub.params.items() if value != defaults[key]}
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
