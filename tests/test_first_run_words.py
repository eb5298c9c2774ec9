"""What a newcomer types and reads: titles without quotes, options after the command, usage lines, hints."""

import json
import os
import subprocess
import sys
import zipfile

import pytest
from typer.testing import CliRunner

from peertrack.cli import fast_lane
from peertrack.commands.app import COMMANDS, app, load_command
from peertrack.commands.arguments import top_options_first
from peertrack.commands.titles import TitleNeedsQuotes
from peertrack.domain.errors import InvalidInput
from peertrack.output import hints


@pytest.mark.parametrize("args, message, corrected", [
    (["log-ceu", "Suicide", "Prevention:", "QPR", "Gatekeeper", "--hours", "2"],
     "The title was typed as 4 separate words (Suicide Prevention: QPR Gatekeeper): a title with spaces goes in "
     "quotes, so it is read as one.",
     'peertrack log-ceu "Suicide Prevention: QPR Gatekeeper" --hours 2'),
    (["remind", "add", "Morning", "walk", "--every", "day", "--at", "7:30"],
     "The title was typed as 2 separate words (Morning walk): a title with spaces goes in quotes, so it is read "
     "as one.",
     'peertrack remind add "Morning walk" --every day --at 7:30'),
    (["deadline", "add", "Renewal", "fee", "--due", "2027-01-15"],
     "The title was typed as 2 separate words (Renewal fee): a title with spaces goes in quotes, so it is read "
     "as one.",
     'peertrack deadline add "Renewal fee" --due 2027-01-15'),
    (["cert", "add", "Certified", "Peer", "Specialist", "--id", "pa-cps", "--expires", "2027-06-30", "--hours",
      "18"],
     "The name was typed as 3 separate words (Certified Peer Specialist): a name with spaces goes in quotes, so it "
     "is read as one.",
     'peertrack cert add "Certified Peer Specialist" --id pa-cps --expires 2027-06-30 --hours 18'),
    (["log-ceu", "Ethics", "&", "boundaries", "--note", "with Sam", "--hours=3"],
     "The title was typed as 3 separate words (Ethics & boundaries): a title with spaces goes in quotes, so it is "
     "read as one.",
     'peertrack log-ceu "Ethics & boundaries" --note "with Sam" --hours=3'),
])
def test_a_title_without_quotes_gets_the_corrected_command(run, make_cert, snapshot, args, message, corrected):
    make_cert()
    before = snapshot()
    result = run(*args)
    assert result.exit_code == TitleNeedsQuotes.EXIT_CODE == 2
    assert result.stderr == f"Error: {message}\nType: {corrected}\n"
    assert result.stdout == "" and snapshot() == before


def test_a_unit_after_the_hours_stays_with_the_hours(run, make_cert):
    make_cert()
    result = run("log-ceu", "Suicide", "Prevention:", "QPR", "Gatekeeper", "--hours", "2", "hrs")
    assert result.exit_code == 2
    assert result.stderr.endswith('\nType: peertrack log-ceu "Suicide Prevention: QPR Gatekeeper" --hours "2 hrs"\n')


def test_the_corrected_command_works(ok, make_cert):
    make_cert()
    ok("log-ceu", "Suicide Prevention: QPR Gatekeeper", "--hours", "2")
    assert [c["title"] for c in json.loads(ok("ceu", "list", "--json").stdout)] == [
        "Suicide Prevention: QPR Gatekeeper"]


def test_a_title_starting_with_a_dash_is_shown_how_to_type_it(run, ok, make_cert):
    make_cert()
    result = run("log-ceu", "-Dash", "of", "hope", "--hours", "2")
    assert result.exit_code == 2
    assert result.stderr == (
        'Error: "-Dash" is not an option of peertrack log-ceu. If it is the title: a title that starts with - goes '
        "after -- (two dashes and a space), which ends the options.\n"
        'Type: peertrack log-ceu --hours 2 -- "-Dash of hope"\n')
    ok("log-ceu", "--hours", "2", "--", "-Dash of hope")
    assert [c["title"] for c in json.loads(ok("ceu", "list", "--json").stdout)] == ["-Dash of hope"]


def test_a_mistyped_option_is_still_a_mistyped_option(run, make_cert):
    make_cert()
    result = run("log-ceu", "Ethics", "--hurs", "2")
    assert result.exit_code == 2 and "No such option: --hurs" in result.stderr and "--hours" in result.stderr


@pytest.mark.parametrize("args, expected", [
    (["status", "--plain"], ["--plain", "status"]),
    (["cert", "list", "--db", "x.db", "--plain"], ["--db", "x.db", "--plain", "cert", "list"]),
    (["due", "--db=x.db"], ["--db=x.db", "due"]),
    (["log-ceu", "--hours", "1", "--", "--plain"], ["log-ceu", "--hours", "1", "--", "--plain"]),
    (["status", "--db"], ["status", "--db"]),
])
def test_look_and_database_options_move_before_the_command(args, expected):
    assert top_options_first(args) == expected


def test_plain_and_db_after_the_command(ok, make_cert, tmp_path):
    make_cert()
    assert "Your certifications on" in ok("status", "--plain").stdout
    other = tmp_path / "other.db"
    ok("cert", "add", "Other", "--id", "other", "--expires", "2027-01-31", "--hours", "5", "--db", str(other))
    assert [c["id"] for c in json.loads(ok("cert", "list", "--json", "--db", str(other)).stdout)] == ["other"]
    assert [c["id"] for c in json.loads(ok("cert", "list", "--json").stdout)] == ["ca-pss"]


@pytest.mark.parametrize("args, expected", [
    (["status", "--plain"], (None, "status", {}, True)),
    (["due", "--json", "--db", "x.db"], ("x.db", "due", {"json": True}, False)),
    (["status", "--cert", "ca-pss", "--plain", "--db=x.db"], ("x.db", "status", {"cert": "ca-pss"}, True)),
])
def test_the_fast_lane_takes_them_after_the_command_too(args, expected):
    assert fast_lane(args) == expected


@pytest.mark.parametrize("args", [
    ["status", "--plain", "--plain"], ["status", "--db"], ["status", "--cert", "--plain"], ["due", "--", "--plain"],
])
def test_the_fast_lane_leaves_odd_forms_to_the_command_tree(args):
    assert fast_lane(args) is None


def peertrack(db_path, *args):
    env = {**os.environ, "PEERTRACK_DB": str(db_path), "PEERTRACK_TODAY": "2026-11-02"}
    env.pop("NO_COLOR", None)
    return subprocess.run([sys.executable, "-m", "peertrack", *args], capture_output=True, text=True, env=env)


@pytest.mark.parametrize("args", [
    ["status", "--plain"], ["due", "--plain"], ["status", "--cert", "nope", "--plain"], ["status", "--db"],
    ["status", "--cert", "--plain"], ["due", "--plain", "--plain"],
])
def test_the_fast_lane_and_the_command_tree_agree_after_the_command(run, make_cert, db_path, args):
    make_cert()
    fast = peertrack(db_path, *args)
    full = run(*args)
    assert (fast.returncode, fast.stdout, fast.stderr) == (full.exit_code, full.stdout, full.stderr)


def test_hints_keep_the_db_that_was_typed(run, tmp_path):
    other = tmp_path / "my records.db"
    run("cert", "add", "X", "--id", "x", "--expires", "2027-01-31", "--hours", "5", "--db", str(other))
    result = run("--db", str(other), "cert", "show", "nope")
    assert result.stderr == ('Error: There is no certification with the id "nope".\n'
                             f"See your certifications with: peertrack --db '{other}' cert list\n")
    fast = peertrack(tmp_path / "unused.db", "status", "--cert", "nope", "--db", str(other))
    assert fast.stderr == result.stderr
    plain = run("cert", "show", "nope")
    assert "peertrack --db" not in plain.stderr


def test_every_command_name_is_known_to_the_hints():
    assert set(hints.COMMAND_NAMES) == set(COMMANDS)


def _leaves(command, path):
    children = getattr(command, "commands", None)
    if not children:
        yield path, command
        return
    yield path, command
    for name, child in children.items():
        yield from _leaves(child, [*path, name])


def _every_command():
    for name in COMMANDS:
        yield from _leaves(load_command(name), [name])


@pytest.mark.parametrize("path", [path for path, _ in _every_command()], ids=lambda path: " ".join(path))
def test_usage_lines_name_arguments_in_capitals_and_never_cut_a_sentence(path):
    result = CliRunner().invoke(app, [*path, "--help"])
    assert result.exit_code == 0
    usage = result.stdout.splitlines()[0]
    assert usage.startswith(f"Usage: peertrack {' '.join(path)}")
    assert "{" not in usage and "_" not in usage and usage == usage.replace("[title]", "")
    assert not any(word.islower() and word.isalpha() for word in usage.split()[2 + len(path):]), usage
    assert "..." not in result.stdout.split("Commands:")[-1] if "Commands:" in result.stdout else True


def test_remind_help_lists_each_command_in_whole_sentences(ok):
    text = ok("remind", "--help").stdout
    assert "add       Add a reminder to your wellness plan: something you come back to\n" in text
    assert "log       Look back: what you did and skipped, and how many times in a row you\n" in text
    assert "..." not in text.split("Commands:")[1]


def test_the_demo_ends_with_peertrack_init(ok):
    assert ok("demo").stderr.rstrip().endswith("Start your own with: peertrack init")


@pytest.mark.parametrize("args", [
    ["cert", "add", "Medi-Cal PSS", "--id", "ca-pss", "--expires", "2027-06-30", "--hours", "20"],
    ["log-ceu", "Ethics", "--hours", "2"],
    ["remind", "add", "Walk", "--every", "week"],
    ["remind", "done", "1"],
    ["deadline", "add", "Fee", "--due", "2027-01-15"],
    ["config", "set", "name", "Sam"],
    ["cert", "renew", "ca-pss", "--yes"],
])
def test_confirmations_are_messages_on_stderr_and_stdout_stays_for_data(run, args):
    if args[0] != "cert" or args[1] != "add":
        run("cert", "add", "Medi-Cal PSS", "--id", "ca-pss", "--expires", "2027-06-30", "--hours", "20")
    if args[:2] == ["remind", "done"]:
        run("remind", "add", "Walk", "--every", "week")
    result = run(*args)
    assert result.exit_code == 0, result.stderr
    assert result.stdout == "" and result.stderr.startswith("✓ ")


def test_log_ceu_json_is_data_on_stdout(ok, make_cert):
    make_cert()
    result = ok("log-ceu", "Ethics", "--hours", "2", "--json")
    assert json.loads(result.stdout)["course"]["title"] == "Ethics"


def test_remind_edit_on_alone_keeps_a_weekly_reminder_weekly(ok, run):
    ok("remind", "add", "Walk", "--every", "2 weeks", "--on", "mon")
    result = ok("remind", "edit", "1", "--on", "thu")
    assert "✓ Changed reminder 1: Walk, every 2 weeks on Thursday." in result.stderr
    ok("remind", "add", "Check-in", "--every", "day")
    refused = run("remind", "edit", "2", "--on", "thu")
    assert refused.exit_code == InvalidInput.EXIT_CODE
    assert 'Error: --on "thu" needs --every: say how often too, like --every week --on mon,thu.' in refused.stderr


def test_the_audit_summary_lists_a_certificates_folder_only_when_the_zip_has_one(ok, make_cert, tmp_path):
    make_cert()
    ok("log-ceu", "Ethics", "--hours", "2", "--date", "2026-10-01")
    target = tmp_path / "audit.zip"
    ok("export", "audit", "--cert", "ca-pss", "-o", str(target))
    archive = zipfile.ZipFile(target)
    assert not any("/certificates/" in name for name in archive.namelist())
    summary = archive.read("ca-pss-audit-2026-11-02/summary.txt").decode()
    assert "certificates/" not in summary and "summary.txt      this summary" in summary
    certificate = tmp_path / "ethics.pdf"
    certificate.write_bytes(b"%PDF-1.4 ethics")
    ok("ceu", "attach", "1", str(certificate))
    ok("export", "audit", "--cert", "ca-pss", "-o", str(target))
    assert "certificates/    one file per certificate" in zipfile.ZipFile(target).read(
        "ca-pss-audit-2026-11-02/summary.txt").decode()


def test_a_refusal_without_a_next_step_points_to_the_commands_help(run, make_cert):
    make_cert()
    result = run("deadline", "add", "Fee", "--due", "soon")
    assert result.exit_code == InvalidInput.EXIT_CODE
    assert result.stderr == ('Error: --due "soon" is not something I can read: use a date like 2026-11-02 or '
                             "11/02/2026, or today or yesterday.\n"
                             "See what it takes, with examples: peertrack deadline add --help\n")


def test_a_refusal_that_names_its_next_step_gets_no_other(run, make_cert):
    make_cert()
    result = run("log-ceu", "X", "--hours", "2", "--date", "13/01/2026")
    assert result.stderr.count("peertrack ") == 2 and "--help" not in result.stderr


def test_the_calendar_export_says_how_to_reach_a_phone(ok, make_cert, tmp_path):
    make_cert()
    result = ok("export", "ics", "-o", str(tmp_path / "p.ics"))
    assert result.stderr.endswith(
        "To get it onto a phone, e-mail it to yourself and open the attachment (iPhone: tap Add All); Google "
        "Calendar takes it on a computer at calendar.google.com > Settings > Import & export.\n")


@pytest.mark.parametrize("args, words", [
    (["remind", "done"], "Error: peertrack remind done needs the number of a reminder, and none was given: see them "
                         "with: peertrack remind list\nThen type, for example: peertrack remind done 1\n"),
    (["cert", "edit"], "Error: peertrack cert edit needs the id of a certification, and none was given: see them "
                       "with: peertrack cert list\nThen type, for example: peertrack cert edit ca-pss\n"),
])
def test_a_number_left_out_says_where_the_numbers_are(run, args, words):
    result = run(*args)
    assert result.exit_code == 2 and result.stderr == words
