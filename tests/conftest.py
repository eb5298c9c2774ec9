"""Every test gets its own database file and a fixed today; none can touch real data."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from peertrack.commands.app import app

TODAY = "2026-11-02"


# What changes how output looks, from the shell the tests happen to run in: none of it may reach a test.
OUTSIDE = ("FORCE_COLOR", "NO_COLOR", "TTY_COMPATIBLE", "TTY_INTERACTIVE", "COLUMNS", "LINES", "TERM", "COLORTERM")


@pytest.fixture(autouse=True)
def isolated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    for name in list(os.environ):
        if name in OUTSIDE or name.lstrip("_").startswith("PEERTRACK_"):
            monkeypatch.delenv(name)
    db = tmp_path / "data" / "peertrack.db"
    monkeypatch.setenv("PEERTRACK_DB", str(db))
    monkeypatch.setenv("PEERTRACK_TODAY", TODAY)
    monkeypatch.setenv("PEERTRACK_CONFIG_DIR", str(tmp_path / "config"))  # never the developer's own templates
    return db


@pytest.fixture
def db_path(isolated: Path) -> Path:
    return isolated


@pytest.fixture
def run():
    """Run peertrack's command line in-process: run("status", "--json")."""
    runner = CliRunner()

    def invoke(*args: str, input: str | None = None):
        return runner.invoke(app, list(args), input=input)

    return invoke


@pytest.fixture
def ok(run):
    """Run a command that must succeed, and return its result."""

    def invoke(*args: str):
        result = run(*args)
        assert result.exit_code == 0, result.stdout + result.stderr
        return result

    return invoke


@pytest.fixture
def make_cert(ok):
    """Add a certification through the CLI; keyword overrides change its options."""

    def make(cert_id: str = "ca-pss", name: str = "Medi-Cal Peer Support Specialist", **options: str):
        settings = {"expires": "2027-06-30", "cycle": "2y", "hours": "20"} | options
        args = ["cert", "add", name, "--id", cert_id]
        for key, value in settings.items():
            values = value if isinstance(value, list) else [value]
            for item in values:
                args += [f"--{key.replace('_', '-')}", item]
        return ok(*args)

    return make


@pytest.fixture
def status_json(ok):
    def read(*args: str) -> dict:
        return json.loads(ok("status", "--json", *args).stdout)

    return read


@pytest.fixture
def snapshot(db_path: Path):
    """Everything in the database as SQL text, to prove a failed command wrote nothing."""

    def take() -> str:
        if not db_path.exists():
            return ""
        conn = sqlite3.connect(db_path)
        try:
            return "\n".join(conn.iterdump())
        finally:
            conn.close()

    return take


@pytest.fixture
def refused(run, snapshot):
    """Run a command that must be refused: refused(args, InvalidInput, ["words", ...]).

    The house rule for bad input: the error's exit status, one plain sentence on stderr holding
    every one of `words`, nothing on stdout, no traceback, and nothing written.
    """

    def check(args: list[str], error: type, words: list[str]):
        before = snapshot()
        result = run(*args)
        assert result.exit_code == error.EXIT_CODE, result.stdout + result.stderr
        assert result.stderr.startswith("Error: ") and "Traceback" not in result.stderr + result.stdout
        for word in words:
            assert word in result.stderr, result.stderr
        assert result.stdout == ""
        assert snapshot() == before
        return result

    return check


@pytest.fixture
def process():
    """Run peertrack as its own process, the way a shell does: process("due", "--json").

    It sees this test's isolated environment; `env` adds to it (another database, another day).
    """

    def start(*args: str, env: dict[str, str] | None = None, timeout: float = 120) -> subprocess.CompletedProcess:
        return subprocess.run([sys.executable, "-m", "peertrack", *args], capture_output=True, text=True,
                              env={**os.environ, **(env or {})}, timeout=timeout)

    return start
