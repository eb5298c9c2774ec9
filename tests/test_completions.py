"""Tab completion: the committed scripts are current, and real shells get commands, ids and categories."""

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from peertrack import cli
from peertrack.commands import completions
from peertrack.commands.app import COMMANDS

SCRIPTS = Path(__file__).resolve().parent.parent / "completions"


@pytest.mark.parametrize("shell", list(completions.SCRIPTS))
def test_the_committed_scripts_are_current(shell):
    committed = SCRIPTS / completions.SCRIPTS[shell]
    assert committed.exists(), f"{committed} is missing: run peertrack completions generate -o completions"
    assert committed.read_text(encoding="utf-8") == completions.script_for(shell), (
        f"{committed} is out of date: run peertrack completions generate -o completions")


def test_generate_writes_every_script_and_show_prints_one(ok, tmp_path):
    result = ok("completions", "generate", "-o", str(tmp_path / "out"))
    for shell, name in completions.SCRIPTS.items():
        assert (tmp_path / "out" / name).read_text(encoding="utf-8") == completions.script_for(shell)
        assert name in result.stderr
    assert ok("completions", "show", "fish").stdout == completions.script_for("fish")
    assert ok("completions", "show", "pwsh").stdout == completions.script_for("powershell")
    ok("completions", "generate", "--shell", "zsh", "-o", str(tmp_path / "zsh"))
    assert [path.name for path in (tmp_path / "zsh").iterdir()] == ["_peertrack"]


@pytest.mark.parametrize("args, words", [
    (["completions", "show", "tcsh"],
     'SHELL "tcsh" is not a shell peertrack knows: use bash, zsh, fish or powershell.'),
    (["completions", "generate", "--shell", "cmd"], '--shell "cmd" is not a shell peertrack knows'),
])
def test_an_unknown_shell_is_refused(run, tmp_path, args, words):
    result = run(*args, "-o", str(tmp_path)) if "generate" in args else run(*args)
    assert result.exit_code == 2
    assert words in result.stderr
    assert not any(tmp_path.iterdir())


def test_the_scripts_and_the_entry_point_agree_on_the_variable():
    assert cli.COMPLETE_VAR == completions.COMPLETE_VAR
    for shell in completions.SCRIPTS:
        assert completions.COMPLETE_VAR in completions.script_for(shell)


# --- dynamic completion through the entry point, as a shell calls it ------------------------------


@pytest.fixture
def records(ok, make_cert):
    make_cert(require=["ethics=6"])
    make_cert("ga-cps", "Certified Peer Specialist", expires="2026-12-31", cycle="1y", hours="12")
    ok("log-ceu", "Trauma-Informed Care", "--hours", "3", "--category", "ethics", "--date", "2026-10-01")
    ok("log-ceu", "Suicide prevention", "--hours", "2", "--category", "crisis", "--date", "2026-10-02")
    ok("remind", "add", "Self-care hour", "--every", "week")
    ok("remind", "add", "Supervision", "--every", "month")
    ok("deadline", "add", "Renewal fee", "--due", "2027-05-01")


def complete(words: str, **env: str) -> subprocess.CompletedProcess:
    """What bash's completion function gets back for the command line `words` (the last word is being typed)."""
    parts = words.split(" ")
    environment = {**os.environ, "_PEERTRACK_COMPLETE": "complete_bash", "COMP_WORDS": words,
                   "COMP_CWORD": str(len(parts) - 1), **env}
    return subprocess.run([sys.executable, "-m", "peertrack"], capture_output=True, text=True, env=environment)


@pytest.mark.parametrize("words, expected", [
    ("peertrack ", list(COMMANDS)),
    ("peertrack ce", ["cert", "ceu"]),
    ("peertrack --p", ["--plain"]),
    ("peertrack status --cert ", ["ca-pss", "ga-cps"]),
    ("peertrack status --cert g", ["ga-cps"]),
    ("peertrack log-ceu Course --hours 1 --cert ", ["ca-pss", "ga-cps"]),
    ("peertrack export audit -c ", ["ca-pss", "ga-cps"]),
    ("peertrack cert show ", ["ca-pss", "ga-cps"]),
    ("peertrack remind done ", ["1", "2"]),
    ("peertrack remind log ", ["1", "2"]),
    ("peertrack log-ceu Course --category ", ["crisis", "ethics"]),
    ("peertrack ceu list --category e", ["ethics"]),
    ("peertrack ceu show ", ["2", "1"]),
    ("peertrack deadline done ", ["1"]),
    ("peertrack config set ", ["warn-days", "name", "default-cert", "date-format"]),
    ("peertrack config set date-format ", ["iso", "us", "day-first"]),
    ("peertrack config set default-cert ", ["ca-pss", "ga-cps"]),
    ("peertrack completions show ", ["bash", "zsh", "fish", "powershell"]),
    ("peertrack ceu list --cycle ", ["current", "previous", "all"]),
])
def test_tab_offers_commands_ids_and_categories(records, words, expected):
    result = complete(words)
    assert (result.returncode, result.stderr) == (0, "")
    assert result.stdout.split() == expected


def test_tab_reads_the_database_named_with_db(records, tmp_path, ok, monkeypatch):
    other = tmp_path / "other.db"
    monkeypatch.setenv("PEERTRACK_DB", str(other))
    ok("cert", "add", "Other", "--id", "other-one", "--expires", "2027-01-01", "--hours", "1")
    monkeypatch.undo()
    assert complete(f"peertrack --db {other} status --cert ").stdout.split() == ["other-one"]


@pytest.mark.parametrize("state", ["none", "damaged", "folder"])
def test_tab_offers_nothing_and_says_nothing_without_a_good_database(db_path, state):
    db_path.parent.mkdir(parents=True, exist_ok=True)
    if state == "damaged":
        db_path.write_text("not a database\n" * 50)
    elif state == "folder":
        db_path.mkdir()
    for words in ("peertrack status --cert ", "peertrack remind done ", "peertrack log-ceu X --category "):
        result = complete(words)
        assert (result.returncode, result.stdout.strip(), result.stderr) == (0, "", "")
    assert state != "none" or not db_path.exists()  # a Tab press never creates the database


def test_a_tab_press_never_takes_the_fast_lane(records):
    # With no words after the program, the fast lane would show the dashboard.
    result = complete("peertrack ")
    assert "Your certifications" not in result.stdout
    assert "status" in result.stdout.split()


# --- the committed scripts in real shells -----------------------------------------------------------


@pytest.fixture
def on_path(tmp_path):
    """A PATH whose `peertrack` runs this checkout with this interpreter, as the scripts call it."""
    folder = tmp_path / "bin"
    folder.mkdir()
    program = folder / "peertrack"
    program.write_text(f'#!/bin/sh\nexec "{sys.executable}" -m peertrack "$@"\n')
    program.chmod(0o755)
    return f"{folder}{os.pathsep}{os.environ.get('PATH', '')}"


BASH_DRIVER = r"""
source "$1"
complete -p peertrack
offer() {
    COMP_WORDS=("$@"); COMP_CWORD=$(( ${#COMP_WORDS[@]} - 1 ))
    COMPREPLY=()
    _peertrack_completion peertrack "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD-1]}"
    echo "${COMPREPLY[*]}"
}
offer peertrack ce
offer peertrack status --cert ""
offer peertrack remind done ""
offer peertrack log-ceu Course --category e
"""


@pytest.mark.skipif(shutil.which("bash") is None, reason="bash is not installed")
def test_the_bash_script_in_a_real_bash(records, on_path):
    result = subprocess.run(["bash", "--norc", "--noprofile", "-c", BASH_DRIVER, "driver",
                             str(SCRIPTS / "peertrack.bash")],
                            capture_output=True, text=True, env={**os.environ, "PATH": on_path})
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == [
        "complete -o default -F _peertrack_completion peertrack",
        "cert ceu",
        "ca-pss ga-cps",
        "1 2",
        "ethics",
    ]


ZSH_DRIVER = r"""
compdef() { :; }
source "$1"
_arguments() { print -r -- "$@"; }
_files() { print -r -- "(files)"; }
words=(peertrack status --cert ""); CURRENT=4; _peertrack_completion
words=(peertrack remind done ""); CURRENT=4; _peertrack_completion
"""


@pytest.mark.skipif(shutil.which("zsh") is None, reason="zsh is not installed")
def test_the_zsh_script_in_a_real_zsh(records, on_path):
    result = subprocess.run(["zsh", "-f", "-c", ZSH_DRIVER, "driver", str(SCRIPTS / "_peertrack")],
                            capture_output=True, text=True, env={**os.environ, "PATH": on_path})
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == [
        '*: :(("ca-pss":"Medi-Cal Peer Support Specialist" "ga-cps":"Certified Peer Specialist"))',
        '*: :(("1":"Self-care hour" "2":"Supervision"))',
    ]


@pytest.mark.skipif(shutil.which("fish") is None, reason="fish is not installed")
def test_the_fish_script_in_a_real_fish(records, on_path):
    script = f"source {SCRIPTS / 'peertrack.fish'}; complete -C 'peertrack sta'; complete -C 'peertrack status --cert '"
    result = subprocess.run(["fish", "--no-config", "-c", script], capture_output=True, text=True,
                            env={**os.environ, "PATH": on_path})
    assert result.returncode == 0, result.stderr
    assert [line.split("\t")[0] for line in result.stdout.splitlines()] == ["status", "ca-pss", "ga-cps"]
