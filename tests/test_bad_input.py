# ruff: noqa: E501 - one row per case reads best as one line
"""Every bad input: one sentence naming the field, what was given and what is accepted; exit 2; nothing written."""

import pytest

from peertrack.domain.errors import Conflict, InvalidInput, NotFound

CERT = ["cert", "add", "Medi-Cal PSS", "--id", "ca-pss", "--expires", "2027-06-30", "--hours", "20"]


@pytest.fixture
def with_data(make_cert, ok):
    make_cert()
    ok("log-ceu", "Trauma-Informed Care", "--hours", "3", "--date", "2026-10-01")


BAD = [
    # (arguments, exit status, words the one sentence must hold)
    (["log-ceu", "X", "--hours", "1", "--date", "2026-02-30"], InvalidInput, ['--date "2026-02-30" is not a real date', "2026-11-02"]),
    (["log-ceu", "X", "--hours", "1", "--date", "last week"], InvalidInput, ['--date "last week"', "11/02/2026"]),
    (["log-ceu", "X", "--hours", "0"], InvalidInput, ['--hours "0" is not a positive number of hours', "1.5"]),
    (["log-ceu", "X", "--hours", "-3"], InvalidInput, ['--hours "-3" is not a positive number of hours']),
    (["log-ceu", "X", "--hours", "three"], InvalidInput, ['--hours "three" is not a number of hours', "90m"]),
    (["log-ceu", "X", "--hours", "250"], InvalidInput, ['--hours "250" is more hours than one course can hold', "100"]),
    (["log-ceu", "X", "--hours", "1", "--date", "2026-11-03"], InvalidInput, ['--date "2026-11-03" is in the future']),
    (["log-ceu", "X", "--hours", "1", "--date", "tomorrow"], InvalidInput, ['--date "tomorrow" is in the future']),
    (["log-ceu", "X", "--hours", "1", "--cert", "ca-pps"], NotFound, ['"ca-pps"', 'Did you mean "ca-pss"?']),
    (["log-ceu", "X", "--hours", "1", "--format", "webinar"], InvalidInput, ['--format "webinar"', "in-person"]),
    (["log-ceu", "X", "--hours", "1", "--category", "a:2"], InvalidInput, ["adds up to more hours than the course"]),
    (["log-ceu", "  ", "--hours", "1"], InvalidInput, ['TITLE "  " is empty']),
    (["log-ceu", "Trauma-Informed Care", "--hours", "3", "--date", "2026-10-01"], Conflict, ["already recorded", "--force"]),
    (CERT, Conflict, ['A certification with the id "ca-pss" already exists']),
    (CERT[:4] + ["other", "--expires", "2027-06-30", "--hours", "20", "--issued", "2027-07-01"], InvalidInput,
     ['--expires "2027-06-30" is not after the issue date', "2027-07-01"]),
    (CERT[:4] + ["other", "--expires", "06/31/2027", "--hours", "20"], InvalidInput, ['--expires "06/31/2027" is not a real date']),
    (CERT[:4] + ["other", "--expires", "2027-06-30", "--hours", "20", "--require", "ethics"], InvalidInput,
     ['--require "ethics" is not a category minimum', "CATEGORY=HOURS"]),
    (CERT[:4] + ["other", "--expires", "2027-06-30", "--hours", "20", "--require", "ethics=some"], InvalidInput,
     ['--require "ethics=some"', "CATEGORY=HOURS"]),
    (CERT[:4] + ["other", "--expires", "2027-06-30", "--hours", "lots"], InvalidInput, ['--hours "lots"']),
    (CERT[:4] + ["other", "--expires", "2027-06-30", "--hours", "20", "--cycle", "often"], InvalidInput,
     ['--cycle "often" is not a cycle length', "2y"]),
    (CERT[:4] + ["has space", "--expires", "2027-06-30", "--hours", "20"], InvalidInput, ['--id "has space"']),
    (["cert", "show", "ca-pps"], NotFound, ['Did you mean "ca-pss"?']),
    (["cert", "edit", "ca-pss", "--expires", "2020-01-01", "--issued", "2021-01-01"], InvalidInput, ["is not after the issue date"]),
    (["cert", "rm", "nope", "--yes"], NotFound, ['There is no certification with the id "nope"']),
    (["ceu", "edit", "1", "--hours", "0"], InvalidInput, ['--hours "0"']),
    (["ceu", "edit", "1", "--cert", "ca-pps"], NotFound, ['Did you mean "ca-pss"?']),
    (["ceu", "edit", "9", "--hours", "1"], NotFound, ['There is no course with the number "9"']),
    (["ceu", "rm", "9", "--yes"], NotFound, ["There is no course"]),
    (["ceu", "list", "--cert", "ca-pss", "--cycle", "last"], InvalidInput, ['--cycle "last" is not a cycle']),
    (["ceu", "list", "--from", "soon"], InvalidInput, ['--from "soon"']),
    (["export", "csv", "--cert", "ca-pps"], NotFound, ['Did you mean "ca-pss"?']),
    (["deadline", "done", "9223372036854775808"], InvalidInput, ['NUMBER "9223372036854775808" is not a deadline number']),
    (["ceu", "show", "9223372036854775808"], InvalidInput, ['"9223372036854775808" is too large']),
    (["log-ceu", "X", "--hours", "1_0"], InvalidInput, ['--hours "1_0" is not a number of hours']),
    (["log-ceu", "X", "--hours", "1", "--category", "ethics=2"], InvalidInput, ['--category "ethics=2" is not a category']),
    (["log-ceu", "X", "--hours", "1", "--category", "a;b"], InvalidInput, ['--category "a;b" is not a category']),
]


@pytest.mark.parametrize("args, error, words", BAD, ids=[" ".join(a)[:60] for a, _, _ in BAD])
def test_bad_input_is_refused_plainly_and_changes_nothing(refused, with_data, args, error, words):
    assert error.EXIT_CODE == 2
    refused(args, error, words)


def test_bad_input_on_a_new_database_creates_no_file(run, db_path):
    result = run("log-ceu", "X", "--hours", "zero")
    assert result.exit_code == 2
    assert not db_path.exists()


def test_a_bad_pinned_today_is_explained(run, monkeypatch):
    monkeypatch.setenv("PEERTRACK_TODAY", "someday")
    result = run("status")
    assert result.exit_code == 2
    assert 'PEERTRACK_TODAY "someday"' in result.stderr


def test_a_missing_required_option_is_a_usage_error(run):
    result = run("log-ceu", "X")
    assert result.exit_code == 2
    assert "--hours" in result.stderr


@pytest.mark.parametrize("args", [
    ["cert", "show", "ca-pss"], ["cert", "rm", "ca-pss", "--yes"], ["cert", "renew", "ca-pss", "--yes"],
    ["cert", "edit", "ca-pss", "--hours", "3"], ["ceu", "show", "1"], ["ceu", "rm", "1", "--yes"],
    ["ceu", "edit", "1", "--hours", "2"], ["ceu", "open", "1"], ["deadline", "done", "1"],
    ["deadline", "rm", "1", "--yes"],
])
def test_looking_for_a_record_never_creates_the_database(run, db_path, args):
    result = run(*args)
    assert result.exit_code == 2
    assert "There is no" in result.stderr
    assert not db_path.exists() and not db_path.parent.exists()


@pytest.mark.parametrize("args, words", [
    (["ceu", "show", "abc"], 'The course number "abc" is not a number'),
    (["ceu", "rm", "0", "--yes"], 'The course number "0" is not a number'),
    (["remind", "done", "Walk"], 'The reminder number "Walk" is not a number'),
])
def test_record_numbers_are_explained_in_plain_words(run, make_cert, args, words):
    make_cert()
    result = run(*args)
    assert result.exit_code == 2
    assert words in result.stderr and "valid int" not in result.stderr
