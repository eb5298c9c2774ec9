"""Every command explains itself with examples, and start-up stays light."""

import os
import subprocess
import sys

import pytest
import typer
from typer.main import get_command

from peertrack.commands.app import app


def all_commands():
    root = get_command(app)
    context = typer.Context(root)

    def walk(command, path):
        yield path, command
        if hasattr(command, "list_commands"):
            for name in command.list_commands(context):
                yield from walk(command.get_command(context, name), path + [name])

    return list(walk(root, []))


@pytest.mark.parametrize("path, command", all_commands(), ids=lambda v: " ".join(v) if isinstance(v, list) else "")
def test_every_command_has_help_with_examples(run, path, command):
    result = run(*path, "--help")
    assert result.exit_code == 0
    if hasattr(command, "list_commands") and path:
        assert command.help, f"{path} has no help"
        return
    assert "Examples:" in result.stdout, f"peertrack {' '.join(path)} --help has no examples"
    assert "peertrack" in result.stdout.split("Examples:")[1]


def test_python_dash_m_runs_the_tool():
    result = subprocess.run([sys.executable, "-m", "peertrack", "--version"], capture_output=True, text=True)
    assert result.returncode == 0
    assert result.stdout.startswith("peertrack ")


def test_version_loads_no_heavy_modules():
    code = ("import sys; sys.argv=['peertrack','--version']; from peertrack.cli import main; main(); "
            "print(sorted(m for m in ('typer','rich','sqlite_utils','dateutil') if m in sys.modules))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.stdout.splitlines()[-1] == "[]"


def test_the_command_table_matches_the_commands(run):
    from peertrack.commands.app import COMMANDS, load_command

    for name, (_, summary) in COMMANDS.items():
        assert load_command(name).name == name
        assert summary.endswith((".", ")"))
    assert len(all_commands()) > 50


def test_help_and_the_fast_lane_load_only_what_they_need(tmp_path):
    code = ("import sys; sys.argv=['peertrack'] + sys.argv[1:]; from peertrack.cli import main\n"
            "try:\n    main()\nexcept SystemExit:\n    pass\n"
            "heavy = ('typer', 'rich', 'sqlite_utils', 'dateutil', 'pydantic', 'peertrack.commands.certs',"
            " 'peertrack.exchange.csv_import', 'peertrack.output.screen')\n"
            "print(sorted(m for m in heavy if m in sys.modules), file=sys.stderr)")
    env = {**os.environ, "PEERTRACK_DB": str(tmp_path / "none.db")}
    for args in (["--help"], ["due"], ["due", "--json"], ["export", "csv"], ["cert", "list", "--json"]):
        result = subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True, env=env)
        assert result.stderr.splitlines()[-1] == "[]", (args, result.stderr)


def test_the_kept_top_help_is_what_the_tree_prints():
    from typer.testing import CliRunner

    from peertrack.commands import top_help

    printed = CliRunner().invoke(app, ["--help"], prog_name="peertrack", terminal_width=top_help.WIDTH - 2).stdout
    assert printed == top_help.TEXT, "peertrack/commands/top_help.py is out of date: " \
        "run python -m peertrack.commands.app"


@pytest.mark.parametrize("columns", ["200", "80", "79", "60"])
def test_help_on_any_screen_is_the_trees_own(process, columns):
    from typer.testing import CliRunner

    from peertrack.commands import top_help

    result = process("--help", env={"COLUMNS": columns})
    tree = CliRunner().invoke(app, ["--help"], prog_name="peertrack", terminal_width=min(int(columns), 80) - 2)
    assert (result.returncode, result.stdout, result.stderr) == (0, tree.stdout, "")
    if columns == "60":
        assert result.stdout != top_help.TEXT  # a narrow screen gets the help folded to fit
