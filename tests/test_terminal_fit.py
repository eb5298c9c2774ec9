"""Fits the terminal: plain output, pictures and history, settings, JSON and --quiet, help that teaches."""

import json
import os
import subprocess
import sys

import pytest

from peertrack.domain import formatting
from peertrack.domain.errors import InvalidInput, NotFound

BOXES = "│┃─━┏┓└┘╭╮╰╯"


@pytest.fixture
def records(ok, make_cert):
    make_cert(require=["ethics=6"])
    make_cert("soar", "SOAR endorsement", endorsement_of="ca-pss", hours="0")
    ok("log-ceu", "Trauma-Informed Care", "--hours", "3", "--category", "ethics", "--date", "2026-03-01")
    ok("log-ceu", "WRAP refresher", "--hours", "2", "--category", "general", "--date", "2026-09-11")
    ok("log-ceu", "Boundaries", "--hours", "1.5", "--category", "ethics", "--date", "2026-09-20")
    ok("deadline", "add", "Renewal fee", "--due", "2026-11-20")
    ok("remind", "add", "Self-care hour", "--every", "week", "--start", "2026-10-01")
    ok("remind", "done", "1", "--on", "2026-10-01")


@pytest.fixture
def terminal(monkeypatch):
    """Output as if to a colour terminal 100 columns wide, where Rich would draw lines and colour."""
    monkeypatch.setenv("TTY_COMPATIBLE", "1")
    monkeypatch.setenv("COLUMNS", "100")
    monkeypatch.delenv("PEERTRACK_PLAIN", raising=False)


VIEWS = [("status",), ("status", "--history"), ("cert", "list"), ("cert", "show", "ca-pss", "--cycles"),
         ("ceu", "list"), ("remind", "list"), ("remind", "log"), ("deadline", "list"), ("check",)]


def is_plain(text: str) -> bool:
    return "\x1b[" not in text and not any(box in text for box in BOXES)


def test_a_terminal_gets_colour_and_lines_without_plain(records, terminal, ok):
    # The control: the same views are drawn with colour and lines, so the tests below can fail.
    assert not is_plain(ok("status").stdout)
    assert not is_plain(ok("cert", "list").stdout)
    assert not is_plain(ok("ceu", "list").stdout)


@pytest.mark.parametrize("view", VIEWS, ids=" ".join)
def test_output_to_a_pipe_has_no_escape_codes(records, ok, monkeypatch, view):
    # The control first: on a (simulated) colour terminal the same view has escape codes, so the check can fail.
    monkeypatch.setenv("TTY_COMPATIBLE", "1")
    assert "\x1b[" in ok(*view).stdout
    monkeypatch.delenv("TTY_COMPATIBLE")
    assert "\x1b[" not in ok(*view).stdout


@pytest.mark.parametrize("view", VIEWS, ids=" ".join)
def test_plain_gives_no_colour_and_no_boxes(records, terminal, ok, view):
    result = ok("--plain", *view)
    assert is_plain(result.stdout) and is_plain(result.stderr)
    assert result.stdout.strip()


@pytest.mark.parametrize("view", VIEWS, ids=" ".join)
def test_no_color_and_peertrack_plain_give_plain_output_too(records, terminal, ok, monkeypatch, view):
    monkeypatch.setenv("NO_COLOR", "1")
    assert is_plain(ok(*view).stdout)
    monkeypatch.delenv("NO_COLOR")
    monkeypatch.setenv("PEERTRACK_PLAIN", "1")
    assert is_plain(ok(*view).stdout)


def test_plain_lasts_only_for_its_own_run(records, terminal, ok):
    ok("--plain", "status")
    assert "PEERTRACK_PLAIN" not in os.environ
    assert not is_plain(ok("status").stdout)


def test_plain_output_still_says_every_level_in_words(records, terminal, ok):
    shown = ok("--plain", "status").stdout
    assert "✓ on track" in shown
    assert "Hours: 6.5 of 20 hours (33%)" in shown  # 32.5%, to the nearest whole one
    assert "SOAR endorsement (endorsement of ca-pss)" in ok("--plain", "cert", "list").stdout


@pytest.mark.parametrize("args", [["--plain"], ["--plain", "status"], ["--plain", "due"]])
def test_the_fast_lane_is_plain_on_a_terminal_too(records, terminal, run, process, args):
    fast = process(*args)
    full = run(*args)
    assert (fast.returncode, fast.stdout, fast.stderr) == (full.exit_code, full.stdout, full.stderr)
    assert is_plain(fast.stdout)


# --- a picture, and the history --------------------------------------------------------------------


def test_status_history_shows_each_month_of_the_cycle(records, ok):
    shown = ok("status", "--history", "--cert", "ca-pss").stdout
    assert "CE hours by month: Medi-Cal Peer Support Specialist  (ca-pss)" in shown
    lines = shown.splitlines()
    assert "  Jul 2025    0" in lines  # the cycle's first month, empty
    assert "  Mar 2026    3  " + "#" * 26 in lines
    assert "  Sep 2026  3.5  " + "#" * 30 in lines
    assert "  Nov 2026    0" in lines
    assert "  6.5 hours logged in 17 months." in lines


def test_status_history_in_json(records, ok):
    data = json.loads(ok("status", "--history", "--json").stdout)
    months = data["certifications"][0]["history"]
    assert months[0] == {"month": "2025-07", "hours": 0}
    assert {"month": "2026-09", "hours": 3.5} in months
    assert months[-1]["month"] == "2026-11" and len(months) == 17
    assert "history" not in json.loads(ok("status", "--json").stdout)["certifications"][0]


def test_status_saves_an_svg_picture_and_a_web_page(records, ok, tmp_path):
    svg, html = tmp_path / "status.svg", tmp_path / "status.html"
    result = ok("status", "--svg", str(svg), "--html", str(html), "--history")
    assert result.stdout == ""
    assert f"Saved your dashboard to {svg}" in result.stderr
    picture = svg.read_text(encoding="utf-8")
    assert picture.startswith("<svg")
    assert "Medi-Cal" in picture
    assert 'src: local("FiraCode-Regular");' in picture and "https://cdn" not in picture  # it fetches nothing
    page = html.read_text(encoding="utf-8")
    assert "Medi-Cal Peer Support Specialist" in page and "<html" in page.lower()
    assert "CE hours by month" in page
    assert "Self-care hour" not in page + picture  # the wellness plan stays private
    if os.name == "posix":
        assert svg.stat().st_mode & 0o077 == 0


def test_a_picture_needs_a_certification_and_no_json(run, ok, make_cert, tmp_path, snapshot):
    result = run("status", "--svg", str(tmp_path / "a.svg"))
    assert result.exit_code == 1
    assert "no certification to show yet" in result.stderr and "peertrack cert add" in result.stderr
    make_cert()
    before = snapshot()
    result = run("status", "--svg", str(tmp_path / "a.svg"), "--json")
    assert result.exit_code == InvalidInput.EXIT_CODE
    assert "--json" in result.stderr and "cannot go with --svg or --html" in result.stderr
    assert not (tmp_path / "a.svg").exists() and snapshot() == before


def test_months_of_a_cycle_are_counted_from_its_first_day():
    import datetime as dt

    from peertrack.domain.history import monthly_seconds
    from peertrack.domain.models import Course

    courses = [Course(date=dt.date(2026, 1, 31), title="a", seconds=60, cert_ids=("x",)),
               Course(date=dt.date(2026, 3, 1), title="b", seconds=90, cert_ids=("x",), overrides=(("x", 30),)),
               Course(date=dt.date(2026, 3, 2), title="c", seconds=45, cert_ids=("y",))]
    months = monthly_seconds(courses, "x", dt.date(2025, 12, 15), dt.date(2026, 3, 10))
    assert [(m.month.isoformat(), m.seconds) for m in months] == [
        ("2025-12-01", 0), ("2026-01-01", 60), ("2026-02-01", 0), ("2026-03-01", 30)]
    assert monthly_seconds(courses, "x", dt.date(2027, 1, 1), dt.date(2026, 12, 31)) == ()


# --- settings: default-cert and date-format ---------------------------------------------------------


def test_config_show_lists_every_setting(ok):
    shown = ok("config", "show").stdout
    for key in ("warn-days = 90,30,7", "name = (not set)", "default-cert = (not set)", "date-format = iso"):
        assert key in shown
    assert json.loads(ok("config", "show", "--json").stdout) == {
        "warn-days": [90, 30, 7], "name": None, "default-cert": None, "date-format": "iso"}


@pytest.mark.parametrize("args, error, words", [
    (["config", "set", "date-format", "european"], InvalidInput,
     'date-format "european" is not a date format: use iso (2027-06-30), us (06/30/2027) or day-first (30/06/2027).'),
    (["config", "set", "default-cert", "ca-pps"], NotFound,
     'There is no certification with the id "ca-pps". Did you mean "ca-pss"?'),
    (["config", "set", "default-cert", "two words"], InvalidInput, 'default-cert "two words" is not a certification'),
    (["config", "set", "colour", "blue"], NotFound, 'There is no setting "colour".'),
])
def test_bad_settings_are_refused_plainly_and_change_nothing(run, make_cert, snapshot, args, error, words):
    make_cert()
    before = snapshot()
    result = run(*args)
    assert result.exit_code == error.EXIT_CODE
    assert words in result.stderr
    assert "Traceback" not in result.stderr and result.stdout == ""
    assert snapshot() == before


def test_us_dates_show_in_tables_but_never_in_json_or_csv(records, ok):
    ok("config", "set", "date-format", "US")
    assert "03/01/2026" in ok("ceu", "list").stdout
    assert "06/30/2027" in ok("cert", "list").stdout
    assert "11/20/2026" in ok("deadline", "list").stdout
    assert "07/01/2025" in ok("cert", "show", "ca-pss", "--cycles").stdout
    assert json.loads(ok("ceu", "list", "--json").stdout)[0]["date"] == "2026-03-01"
    assert "2026-03-01,Trauma-Informed Care" in ok("export", "csv").stdout
    result = ok("log-ceu", "Late one", "--hours", "1", "--date", "2025-01-05", "--cert", "ca-pss")
    assert "Note: 01/05/2025 is outside the current cycle of ca-pss (07/01/2025 to 06/30/2027)" in result.stderr
    ok("config", "unset", "date-format")
    assert "2026-03-01" in ok("ceu", "list").stdout


def test_default_cert_fills_in_where_one_certification_is_needed(records, ok, run, tmp_path):
    for args, words in ((["export", "audit", "-o", str(tmp_path / "a.zip")], "--cert is missing: name the"),
                        (["ceu", "list", "--cycle", "current"], '--cycle "current" needs --cert'),
                        (["cert", "show"], "CERT_ID is missing: name the certification")):
        result = run(*args)
        assert result.exit_code == InvalidInput.EXIT_CODE
        assert words in result.stderr and "peertrack config set default-cert ca-pss" in result.stderr
    ok("config", "set", "default-cert", "CA-PSS")
    assert json.loads(ok("config", "show", "--json").stdout)["default-cert"] == "ca-pss"
    ok("export", "audit", "-o", str(tmp_path / "a.zip"))
    assert (tmp_path / "a.zip").exists()
    assert json.loads(ok("cert", "show", "--json").stdout)["id"] == "ca-pss"
    assert len(json.loads(ok("ceu", "list", "--cycle", "current", "--json").stdout)) == 3
    assert len(json.loads(ok("status", "--json").stdout)["certifications"]) == 2  # status still shows them all


def test_default_cert_follows_a_new_id_and_goes_with_its_certification(records, ok):
    ok("config", "set", "default-cert", "ca-pss")
    ok("cert", "edit", "ca-pss", "--new-id", "medi-cal")
    assert json.loads(ok("config", "show", "--json").stdout)["default-cert"] == "medi-cal"
    ok("cert", "rm", "medi-cal", "--yes")
    assert json.loads(ok("config", "show", "--json").stdout)["default-cert"] is None


@pytest.mark.parametrize("style, expected", [("iso", "2027-06-30"), ("us", "06/30/2027")])
def test_bare_dates(style, expected):
    import datetime as dt

    assert formatting.bare_day(dt.date(2027, 6, 30), style) == expected


# --- machine-readable: --json and --quiet -----------------------------------------------------------


def test_log_ceu_json_gives_the_course_and_the_new_progress(ok, make_cert):
    make_cert()
    data = json.loads(ok("log-ceu", "Peer ethics", "--hours", "2", "--category", "ethics", "--json").stdout)
    assert data["course"]["id"] == 1 and data["course"]["hours"] == 2
    assert [(c["id"], c["hours_earned"]) for c in data["certifications"]] == [("ca-pss", 2)]


def test_import_csv_dry_run_json_lists_what_would_be_added(ok, tmp_path, snapshot):
    sheet = tmp_path / "log.csv"
    sheet.write_text("Date,Course,Hours\n2026-10-01,Ethics,3\nsoon,Broken,1\n", encoding="utf-8")
    before = snapshot()
    data = json.loads(ok("import", "csv", str(sheet), "--dry-run", "--json").stdout)
    assert [(row["row"], row["title"], row["hours"]) for row in data["new"]] == [(2, "Ethics", 3)]
    assert [row["row"] for row in data["unreadable"]] == [3]
    assert {"column": "Course", "field": "title"} in data["columns"]
    assert snapshot() == before


def test_check_quiet_tells_only_by_its_exit_status(ok, run, make_cert, tmp_path, db_path):
    make_cert()
    ok("log-ceu", "Ethics", "--hours", "1")
    certificate = tmp_path / "certificate.pdf"
    certificate.write_bytes(b"%PDF-1.4 a certificate")
    ok("ceu", "attach", "1", str(certificate))
    result = run("check", "--quiet")
    assert (result.exit_code, result.stdout) == (0, "")
    for stored in (db_path.parent / "attachments").iterdir():
        stored.unlink()
    result = run("check", "-q")
    assert (result.exit_code, result.stdout) == (1, "")
    assert json.loads(run("check", "--json").stdout)["ok"] is False


# --- help that teaches ------------------------------------------------------------------------------


def test_a_mistyped_command_gets_a_suggestion(run):
    result = run("stauts")
    assert result.exit_code == 2
    assert "No such command 'stauts'. Did you mean 'status'?" in result.stderr


def test_no_arguments_welcomes_first_then_shows_the_dashboard(db_path, make_cert, process):
    first = process()
    assert first.returncode == 0
    assert "Welcome to peertrack" in first.stdout and "peertrack init" in first.stdout
    assert not db_path.exists()
    make_cert()
    later = process()
    assert "Your certifications on Mon 2 Nov 2026" in later.stdout and "Welcome" not in later.stdout


def test_version_comes_from_the_one_place_it_is_kept(ok):
    from peertrack import __version__

    assert ok("--version").stdout == f"peertrack {__version__}\n"


def test_the_package_says_what_it_is_and_installs_a_command():
    tomllib = pytest.importorskip("tomllib")
    from pathlib import Path

    data = tomllib.loads((Path(__file__).resolve().parent.parent / "pyproject.toml").read_text(encoding="utf-8"))
    project = data["project"]
    assert project["license"] == "MIT" and project["description"] and project["classifiers"]
    assert project["scripts"] == {"peertrack": "peertrack.cli:main"}
    assert project["dynamic"] == ["version"]
    assert data["tool"]["setuptools"]["dynamic"]["version"] == {"attr": "peertrack.__version__"}
    tests_need = [requirement.split(">")[0].split("=")[0] for requirement in project["optional-dependencies"]["test"]]
    assert {"pytest", "hypothesis", "icalendar"} <= set(tests_need)


@pytest.mark.parametrize("args", [["--plain", "due"], ["--plain", "--db", "x.db", "due", "-q"]])
def test_plain_due_still_takes_the_fast_lane(tmp_path, args):
    code = ("import sys; sys.argv=['peertrack'] + sys.argv[1:]; from peertrack.cli import main\n"
            "try:\n    main()\nexcept SystemExit:\n    pass\n"
            "heavy = ('typer', 'rich', 'sqlite_utils', 'dateutil', 'pydantic', 'peertrack.output.screen')\n"
            "print(sorted(m for m in heavy if m in sys.modules), file=sys.stderr)")
    env = {**os.environ, "PEERTRACK_DB": str(tmp_path / "none.db")}
    result = subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True, env=env,
                            cwd=tmp_path)
    assert result.stderr.splitlines()[-1] == "[]", result.stderr


def test_brackets_in_titles_are_text_not_markup(ok, make_cert):
    make_cert()
    ok("deadline", "add", "Fee [/]x [bold]", "--due", "2027-01-01")
    ok("log-ceu", "Ethics [part 1] [/]", "--hours", "1")
    assert "Fee [/]x [bold]" in ok("deadline", "list").stdout
    assert "Ethics [part 1] [/]" in ok("ceu", "list").stdout
    assert 'Removed course 1, "Ethics [part 1] [/]"' in ok("ceu", "rm", "1", "--yes").stderr
