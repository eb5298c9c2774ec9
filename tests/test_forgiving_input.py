"""Input as people type it: one reader each for hours, dates and names, through the real command line."""

import json

import pytest

from peertrack.domain.errors import InvalidInput, NeedsConfirmation, NotFound
from peertrack.domain.formatting import counted


def course_hours(ok) -> list:
    return [course["hours"] for course in json.loads(ok("ceu", "list", "--json").stdout)]


@pytest.mark.parametrize("typed, hours", [("2 hrs", 2), ("1.5 hours", 1.5), ("90 minutes", 1.5), ("1h 30m", 1.5),
                                          ("1:30", 1.5), ("3 CEUs", 3)])
def test_hours_on_the_command_line_take_the_words_a_spreadsheet_takes(ok, make_cert, typed, hours):
    make_cert()
    ok("log-ceu", "Ethics", "--hours", typed)
    assert course_hours(ok) == [hours]


def test_hours_refused_say_what_is_accepted(run, make_cert):
    make_cert()
    result = run("log-ceu", "Ethics", "--hours", "two")
    assert result.exit_code == InvalidInput.EXIT_CODE
    assert result.stderr.startswith('Error: --hours "two" is not a number of hours: use a number of hours like 1.5, '
                                    "2 hrs or 1h30m, or minutes like 90m or 90 minutes.\n")


def test_a_day_first_date_is_offered_not_guessed(run, make_cert, snapshot):
    make_cert()
    before = snapshot()
    result = run("log-ceu", "Ethics", "--hours", "2", "--date", "13/01/2026")
    assert result.exit_code == InvalidInput.EXIT_CODE
    assert result.stderr.startswith(
        'Error: --date "13/01/2026" has no month 13: peertrack reads dates month first. Did you mean 13 January 2026? '
        "Write 2026-01-13, or, if you always write the day first, run: peertrack config set date-format day-first.\n")
    assert result.stdout == "" and snapshot() == before


def test_the_day_first_setting_reads_and_shows_dates_day_first(ok, run, make_cert):
    make_cert()
    ok("config", "set", "date-format", "day-first")
    ok("log-ceu", "Ethics", "--hours", "2", "--date", "13/01/2026")
    ok("log-ceu", "Boundaries", "--hours", "1", "--date", "02/03/2026")
    assert [c["date"] for c in json.loads(ok("ceu", "list", "--json").stdout)] == ["2026-01-13", "2026-03-02"]
    assert "13/01/2026" in ok("ceu", "list").stdout
    refused = run("deadline", "add", "Fee", "--due", "01/13/2027")
    assert refused.exit_code == InvalidInput.EXIT_CODE
    assert refused.stderr.startswith('Error: --due "01/13/2027" has no month 13: your date-format setting reads '
                                     "dates day first. Did you mean 13 January 2027? Write 2027-01-13.\n")


def test_a_swap_of_two_letters_is_one_edit(run, make_cert):
    make_cert("pa-cps", "Certified Peer Specialist")
    make_cert("pa-crs", "Certified Recovery Specialist")
    result = run("status", "--cert", "pa-csp")
    assert result.exit_code == NotFound.EXIT_CODE
    assert result.stderr.startswith('Error: There is no certification with the id "pa-csp". Did you mean "pa-cps"?\n')


def test_no_guess_between_near_ties(run, make_cert):
    make_cert("pa-cps", "Certified Peer Specialist")
    make_cert("pa-crs", "Certified Recovery Specialist")
    result = run("status", "--cert", "pa-cxs")
    assert result.exit_code == NotFound.EXIT_CODE
    assert result.stderr.startswith('Error: There is no certification with the id "pa-cxs".\n')


def test_a_swapped_command_name_is_found(run):
    result = run("stauts")
    assert result.exit_code == 2 and "No such command 'stauts'. Did you mean 'status'?" in result.stderr


@pytest.mark.parametrize("count, noun, words", [(0, "course", "0 courses"), (1, "course", "1 course"),
                                                (2, "day", "2 days"), (1, "entry", "1 entry"),
                                                (3, "entry", "3 entries"), (2, "match", "2 matches")])
def test_counted(count, noun, words):
    assert counted(count, noun) == words


def test_one_course_to_import_is_asked_about_in_the_singular(run, make_cert, tmp_path):
    make_cert()
    sheet = tmp_path / "one.csv"
    sheet.write_text("Date,Title,Hours\n2026-03-05,Ethics,2\n2026-03-06,Boundaries,lots\n")
    asked = run("import", "csv", str(sheet))
    assert asked.exit_code == NeedsConfirmation.EXIT_CODE
    assert "Error: Add this course? Add --yes to go ahead: there is no terminal to ask on." in asked.stderr
    done = run("import", "csv", str(sheet), "--yes")
    assert done.exit_code == 0
    assert ("1 row could not be read and was left out: fix it in the file and import it again; "
            "the courses added now will be skipped then.") in done.stderr


def test_a_one_day_window_is_a_day(ok):
    assert ok("due", "--within", "1d").stdout == "✓ Nothing needs your attention in the next 1 day.\n"


def test_the_first_part_of_one_id_is_offered():
    from peertrack.domain.errors import did_you_mean

    assert did_you_mean("PA", ["pa-cps", "ga-cps"]) == "pa-cps"
    assert did_you_mean("pa", ["pa-cps", "pa-crs"]) is None  # two begin so: no guessing
    assert did_you_mean("p", ["pa-cps"]) is None  # a part, not a letter
