"""The dashboard's lines written directly are byte for byte what the screen library writes for plain output."""

import io
import os
import subprocess
import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from peertrack.output import show_lines as lines
from peertrack.output.lines import Line

STYLES = ("", "bold", "dim", "green", "red", "yellow", "cyan", "bold red", "dark_orange")
# Words as records may hold them: letters of any alphabet, wide ones, emoji, the level symbols, control characters.
WORDS = st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)) | st.sampled_from("✓✗•○!‼↓ \x1b\r\x07\x7f"),
                max_size=40)
LINES = st.lists(st.builds(lambda base, spans: _line(base, spans), st.sampled_from(STYLES),
                           st.lists(st.tuples(WORDS, st.sampled_from(STYLES)), max_size=4)), max_size=8)


def _line(base: str, spans: list[tuple[str, str]]) -> Line:
    line = Line(style=base)
    for words, style in spans:
        line.add(words, style)
    return line


def written(blocks, by_rich: bool) -> str:
    """What `show` writes to a standard output that is not a terminal; `by_rich` makes the screen library draw."""
    out = io.StringIO()
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(sys, "stdout", out)
        if by_rich:
            patch.setattr(lines, "_plain_text", lambda blocks: None)
        lines.show(blocks)
    return out.getvalue()


@settings(max_examples=300, deadline=None)
@given(blocks=LINES)
def test_random_lines_are_written_as_the_screen_library_writes_them(blocks):
    assert written(blocks, by_rich=False) == written(blocks, by_rich=True)


def test_a_tab_goes_to_the_screen_library_which_turns_it_into_spaces():
    blocks = [Line("Title\twith a tab", "bold"), Line("é\tx")]
    assert lines._plain_text(blocks) is None
    assert written(blocks, by_rich=False) == "Title   with a tab\né       x\n"


@pytest.mark.parametrize(("env", "tty", "plain"), [
    ({}, False, True), ({}, True, False), ({"NO_COLOR": "1"}, True, True), ({"NO_COLOR": ""}, True, False),
    ({"PEERTRACK_PLAIN": "1"}, True, True), ({"FORCE_COLOR": "1"}, False, False), ({"FORCE_COLOR": ""}, True, True),
    ({"TTY_COMPATIBLE": "1"}, False, False), ({"TTY_COMPATIBLE": "0"}, True, True),
    ({"TTY_COMPATIBLE": "1", "NO_COLOR": "x"}, False, True)])
def test_plain_is_decided_as_the_screen_library_decides_it(env, tty, plain, monkeypatch):
    from peertrack.output.screen import is_plain, make_console

    class Output(io.StringIO):
        def isatty(self) -> bool:
            return tty

    for name, value in env.items():
        monkeypatch.setenv(name, value)
    monkeypatch.setattr(sys, "stdout", Output())
    assert lines.plain_output() is plain
    assert is_plain(make_console()) is plain


def a_full_dashboard(ok, make_cert) -> None:
    """Certifications with every kind of line: minimums met and not, trainings, caps, endorsements, work rules,
    deadlines, courses by month, reminders due and missed, and titles holding control characters."""
    ok("cert", "add", "--template", "ga-cps", "--id", "ga-cps")
    ok("cert", "add", "--template", "pa-cps", "--id", "pa-cps", "--expires", "2028-03-31")
    ok("cert", "add", "--template", "tn-cprs", "--expires", "2027-03-31", "--hours", "20", "--number", "CPRS-1")
    make_cert("ca-pss", expires="2026-12-15", cap="online=2", require="ethics=6")
    make_cert("soar", "SOAR endorsement\x1b[2J", expires="2026-12-31", cycle="1y", hours="2",
              endorsement_of="ca-pss")
    for day, hours, category, form in (("2026-01-10", "3", "ethics", "online"),
                                       ("2026-03-02", "2.5", "general", "online"),
                                       ("2026-06-20", "4", "peer support", "in-person"),
                                       ("2026-10-01", "1.5", "recovery", "self-study")):
        ok("log-ceu", f"Course of {day}\r", "--hours", hours, "--date", day, "--category", category, "--format", form)
    ok("log-work", "--hours", "8", "--date", "2026-06-01")
    ok("log-supervision", "--hours", "2", "--date", "2026-06-01", "--supervisor", "Dana Reyes, LCSW")
    ok("deadline", "add", "Send the renewal form\x07", "--due", "2026-11-20")
    ok("remind", "add", "Self-care hour", "--every", "week")
    ok("remind", "add", "Call my sponsor", "--every", "day", "--start", "2026-10-20")


@pytest.mark.parametrize("args", [["status"], ["status", "--history"], ["status", "--cert", "pa-cps"],
                                  ["cert", "show", "pa-cps"]])
def test_the_dashboard_is_written_as_the_screen_library_writes_it(args, ok, make_cert, monkeypatch):
    a_full_dashboard(ok, make_cert)
    direct = ok(*args).stdout
    monkeypatch.setattr(lines, "_plain_text", lambda blocks: None)
    assert ok(*args).stdout == direct
    if args == ["status"]:
        for words in ("Coming up", "Wellness plan", "Service and supervision for tn-cprs", "✗ ethics: 2 of 6 hours",
                      "SOAR endorsement\\x1b[2J", "Send the renewal form\n", "peer ethics training: 1 of 1",
                      "! 3.5 of your 5.5 online hours do not count", "Call my sponsor: today"):
            assert words in direct, words


def test_plain_status_leaves_the_screen_library_unloaded(ok, make_cert):
    a_full_dashboard(ok, make_cert)
    check = ("import sys\nfrom peertrack.cli import main\nsys.argv = ['peertrack', 'status', '--history']\n"
             "try:\n    main()\nexcept SystemExit:\n    pass\n"
             "sys.stderr.write(str(sorted(name for name in sys.modules if name.startswith('rich'))))")
    shown = subprocess.run([sys.executable, "-c", check], capture_output=True, text=True, env=dict(os.environ))
    assert "Coming up" in shown.stdout and shown.stderr.endswith("[]"), shown.stderr


def test_an_output_not_in_utf8_is_left_to_the_screen_library(monkeypatch):
    monkeypatch.setattr(sys, "stdout", io.TextIOWrapper(io.BytesIO(), encoding="ascii"))
    assert lines._direct_text([Line("words")]) is None


def test_a_reader_that_stops_early_ends_the_command_quietly(ok, make_cert, tmp_path):
    """`peertrack status | head -n 0`: the reader is gone before the answer is written."""
    a_full_dashboard(ok, make_cert)
    env = {name: value for name, value in os.environ.items() if name != "PYTHONUNBUFFERED"}
    for args in (["status"], ["status", "--history"], ["demo"]):
        shown = subprocess.run(f"{sys.executable} -m peertrack {' '.join(args)} | head -n 0", shell=True,
                               capture_output=True, text=True, env=env)
        assert (shown.returncode, shown.stderr) == (0, ""), args


def test_the_answer_comes_before_the_messages_after_it(ok, make_cert):
    """`peertrack demo 2>&1`: the dashboard, then the words on stderr that follow it, in that order."""
    env = {name: value for name, value in os.environ.items() if name != "PYTHONUNBUFFERED"}
    shown = subprocess.run([sys.executable, "-m", "peertrack", "demo"], stdout=subprocess.PIPE,
                           stderr=subprocess.STDOUT, text=True, env=env)
    assert shown.stdout.index("Your certifications on") < shown.stdout.index("That was example data")
