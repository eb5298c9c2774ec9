"""Every command explains itself with examples, and start-up stays light."""

import subprocess
import sys

import pytest
from typer.main import get_command

from peertrack.commands.app import app


def all_commands():
    def walk(command, path):
        yield path, command
        for name, sub in getattr(command, "commands", {}).items():
            yield from walk(sub, path + [name])

    return list(walk(get_command(app), []))


@pytest.mark.parametrize("path, command", all_commands(), ids=lambda v: " ".join(v) if isinstance(v, list) else "")
def test_every_command_has_help_with_examples(run, path, command):
    result = run(*path, "--help")
    assert result.exit_code == 0
    if getattr(command, "commands", None) and path:
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
