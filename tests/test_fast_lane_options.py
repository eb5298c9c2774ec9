"""The fast lane's option table agrees with the Typer definitions of status and due: one grammar."""

from __future__ import annotations

import click
import typer.main

from peertrack.cli import FAST, FLAGS
from peertrack.commands.app import app

# Options the fast lane leaves to the full command tree on purpose: they draw pictures or history.
LEFT_TO_THE_TREE = {"status": {"--history", "--svg", "--html"}, "due": set()}


def _typer_table(command: str) -> dict[str, tuple[str, bool]]:
    """Every spelling of every option of `command`, as Typer defines it: name -> (destination, is a flag)."""
    group = typer.main.get_command(app)
    found = group.get_command(click.Context(group), command)
    return {spelling: (param.name, bool(getattr(param, "is_flag", False)))
            for param in found.params if param.param_type_name == "option"
            for spelling in [*param.opts, *param.secondary_opts]}


def test_every_fast_option_is_spelt_and_stored_as_typer_defines_it() -> None:
    for command, table in FAST.items():
        typer_table = _typer_table(command)
        fast = {spelling: (key, key in FLAGS) for spelling, key in table.items()}
        assert fast == {spelling: found for spelling, found in typer_table.items()
                        if spelling not in LEFT_TO_THE_TREE[command]}, command


def test_the_fast_lane_answers_only_status_and_due() -> None:
    assert set(FAST) == set(LEFT_TO_THE_TREE)
