"""On a terminal, the dashboard's lines written directly are byte for byte what the screen library draws.

The screen library keeps each style's escape codes for the rest of the process, so each kind of terminal
(16 colours, 256, true colour) is compared in a process of its own, over random lines at random widths.
"""

import os
import subprocess
import sys

import pytest

from peertrack.output import lines, terminal_lines

COMPARE = r'''
import io, os, random, sys
from peertrack.output.lines import Bar, Line
from peertrack.output.show_lines import to_rich
from peertrack.output.screen import make_console
from peertrack.output.terminal_lines import terminal_text

class Screen(io.StringIO):
    encoding = "utf-8"
    def isatty(self):
        return True

STYLES = ["", "", "bold", "dim", "green", "red", "yellow", "cyan", "magenta", "bold red", "dark_orange"]
PIECES = ["a", "peer", "support", "hours", "  ", " ", "✓ ", "✗", "•", "○", "!", "‼", "↓", "█", "(36%)", "\r",
          "Supercalifragilisticexpialidocious", "x" * 30, "12.5", ":", ",", "-", "  (no. 3)", "\x07"]
ODD = ["—", "é", "\t", "\x1b[2J", "日本"]  # measured by the screen library only
rng = random.Random(int(sys.argv[1]))
checked = drawn_by_rich = 0
for case in range(int(sys.argv[2])):
    def words():
        return "".join(rng.choice(ODD if rng.random() < 0.01 else PIECES) for _ in range(rng.randrange(0, 12)))
    def line():
        made = Line(style=rng.choice(STYLES))
        for _ in range(rng.randrange(0, 5)):
            made.add(words(), rng.choice(STYLES))
        return made
    blocks = []
    for _ in range(rng.randrange(1, 5)):
        if rng.random() < 0.25:
            total = rng.randrange(1, 40) * 900
            blocks.append(Bar(line(), total, rng.randrange(-1, total + 3600), rng.choice([16, 24]),
                              rng.choice(STYLES[2:]), line()))
        else:
            blocks.append(line())
    os.environ["COLUMNS"] = str(rng.randrange(8, 130))
    screen = sys.stdout = Screen()
    mine = terminal_text(blocks)
    console = make_console()
    for block in blocks:
        console.print(to_rich(block))
    sys.stdout = sys.__stdout__
    if mine is not None:
        checked += 1
        if mine != screen.getvalue():
            print("DIFFERENT", case, os.environ["COLUMNS"], repr(mine), repr(screen.getvalue()))
            sys.exit(1)
    else:
        drawn_by_rich += 1
print(checked, drawn_by_rich)
'''


@pytest.mark.parametrize("terminal", [{"TERM": "xterm"}, {"TERM": "xterm-256color"}, {"TERM": "screen-16color"},
                                      {"TERM": "xterm-kitty"}, {"TERM": "xterm", "COLORTERM": "truecolor"}])
def test_random_lines_are_drawn_as_the_screen_library_draws_them(terminal):
    env = {name: value for name, value in os.environ.items() if name not in ("TERM", "COLORTERM", "COLUMNS")}
    result = subprocess.run([sys.executable, "-c", COMPARE, "7", "1500"], capture_output=True, text=True,
                            env={**env, **terminal}, timeout=300)
    assert result.returncode == 0, result.stdout + result.stderr
    checked, by_rich = map(int, result.stdout.split())
    assert checked > 500 and by_rich > 100  # both ways are tried


@pytest.mark.parametrize("terminal", [{"TERM": "dumb"}, {"TERM": "unknown"}])
def test_a_terminal_without_colour_codes_is_left_to_the_screen_library(terminal, monkeypatch):
    for name, value in terminal.items():
        monkeypatch.setenv(name, value)
    assert terminal_lines.terminal_text([lines.Line("words")]) is None


@pytest.mark.parametrize("blocks", [[lines.Line("words", "blue")], [lines.Line("a").add("b", "italic")],
                                    [lines.Bar(lines.Line("Hours"), 0, 0, 24, "green", lines.Line("0 of 0"))]])
def test_a_style_or_bar_it_does_not_know_is_left_to_the_screen_library(blocks, monkeypatch):
    monkeypatch.setenv("TERM", "xterm")
    assert terminal_lines.terminal_text(blocks) is None


def test_no_columns_at_all_is_left_to_the_screen_library(monkeypatch):
    monkeypatch.setenv("TERM", "xterm")
    monkeypatch.setenv("COLUMNS", "0")
    assert terminal_lines.terminal_text([lines.Line("words")]) is None
    monkeypatch.setenv("COLUMNS", "12")
    assert terminal_lines.terminal_text([lines.Line("words and more words", "bold")]) == (
        "\x1b[1mwords and \x1b[0m\n\x1b[1mmore words\x1b[0m\n")


@pytest.mark.parametrize("args", [["status"], ["status", "--history"], ["cert", "show", "pa-cps"]])
@pytest.mark.parametrize("columns", ["80", "40", "200"])
def test_the_dashboard_on_a_terminal_is_drawn_as_the_screen_library_draws_it(args, columns, ok, make_cert,
                                                                            monkeypatch):
    from tests.test_lines import a_full_dashboard

    a_full_dashboard(ok, make_cert)
    for name, value in (("FORCE_COLOR", "1"), ("TERM", "xterm-256color"), ("COLUMNS", columns)):
        monkeypatch.setenv(name, value)
    direct = ok(*args).stdout
    assert "\x1b[" in direct
    monkeypatch.setattr(terminal_lines, "terminal_text", lambda blocks: None)
    assert ok(*args).stdout == direct
