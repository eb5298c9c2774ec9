"""What people type, turned into exact values: long tables of inputs."""

import datetime as dt

import pytest

from peertrack.domain.errors import InvalidInput
from peertrack.domain.models import Allocation, Requirement
from peertrack.domain.parsing import (
    allocate,
    parse_category,
    parse_cycle,
    parse_date,
    parse_days,
    parse_format,
    parse_hours,
    parse_require,
    parse_slug,
)

TODAY = dt.date(2026, 11, 2)


@pytest.mark.parametrize("text, expected", [
    ("2026-11-02", dt.date(2026, 11, 2)),
    ("2026-1-5", dt.date(2026, 1, 5)),
    ("11/02/2026", dt.date(2026, 11, 2)),
    ("1/5/2026", dt.date(2026, 1, 5)),
    ("02/29/2028", dt.date(2028, 2, 29)),
    ("today", TODAY),
    ("Today", TODAY),
    (" yesterday ", dt.date(2026, 11, 1)),
    ("tomorrow", dt.date(2026, 11, 3)),
    ("02-11-2026", dt.date(2026, 2, 11)),
    ("2026/1/13", dt.date(2026, 1, 13)),
    ("1/13/26", dt.date(2026, 1, 13)),
    ("12/31/99", dt.date(1999, 12, 31)),
    ("31.12.2026", dt.date(2026, 12, 31)),
    ("13 Jan 2026", dt.date(2026, 1, 13)),
    ("January 13, 2026", dt.date(2026, 1, 13)),
    ("Tue 13th  January 2026", dt.date(2026, 1, 13)),
])
def test_dates_people_type(text, expected):
    assert parse_date(text, "--date", TODAY) == expected


@pytest.mark.parametrize("text, problem", [
    ("2026-02-30", "is not a real date"),
    ("2027-02-29", "is not a real date"),
    ("2026-13-01", "is not a real date"),
    ("02/30/2026", "is not a real date"),
    ("next tuesday", "is not something I can read"),
    ("", "is not something I can read"),
    ("20261102", "is not something I can read"),
])
def test_dates_refused_with_the_field_and_what_is_accepted(text, problem):
    with pytest.raises(InvalidInput) as caught:
        parse_date(text, "--date", TODAY)
    message = str(caught.value)
    assert message.startswith(f'--date "{text}" {problem}')
    assert "2026-11-02" in message and "11/02/2026" in message


@pytest.mark.parametrize("text, day_first, expected", [
    ("13/01/2026", True, dt.date(2026, 1, 13)),
    ("02/11/2026", True, dt.date(2026, 11, 2)),
    ("02/11/2026", False, dt.date(2026, 2, 11)),
    ("2026-02-11", True, dt.date(2026, 2, 11)),
    ("31.12.2026", False, dt.date(2026, 12, 31)),
])
def test_the_reading_order_follows_the_setting(text, day_first, expected):
    assert parse_date(text, "--date", TODAY, day_first=day_first) == expected


def test_a_date_only_day_first_can_read_is_offered_not_guessed():
    with pytest.raises(InvalidInput) as caught:
        parse_date("13/01/2026", "--date", TODAY)
    assert str(caught.value) == (
        '--date "13/01/2026" has no month 13: peertrack reads dates month first. Did you mean 13 January 2026? '
        "Write 2026-01-13, or, if you always write the day first, run: peertrack config set date-format day-first.")


def test_a_date_only_month_first_can_read_is_offered_to_a_day_first_reader():
    with pytest.raises(InvalidInput) as caught:
        parse_date("01/13/2026", "--date", TODAY, day_first=True)
    assert str(caught.value) == (
        '--date "01/13/2026" has no month 13: your date-format setting reads dates day first. '
        "Did you mean 13 January 2026? Write 2026-01-13.")


def test_a_date_neither_order_can_read_is_not_a_real_date():
    with pytest.raises(InvalidInput) as caught:
        parse_date("13/13/2026", "--date", TODAY)
    assert str(caught.value).startswith('--date "13/13/2026" is not a real date: use a date like 2026-11-02')


@pytest.mark.parametrize("text, seconds", [
    ("1", 3600), ("1.5", 5400), ("0.25", 900), ("0.1", 360), ("3", 10800), ("90m", 5400), ("90 min", 5400),
    ("2 hrs", 7200), ("1.5 hours", 5400), ("1 hour", 3600), ("90 minutes", 5400), ("1h 30 min", 5400),
    ("1:30", 5400), ("1,5", 5400), ("3 CEUs", 10800), ("2 contact hours", 7200), ("2 Hrs.", 7200),
    ("1h30m", 5400), ("2h", 7200), ("1.5h", 5400), ("0.5", 1800), ("100", 360000), ("1.33", 4788), ("45m", 2700),
    ("0.125", 450), ("0.01", 36), ("0.0025", 9), ("1.5m", 90), ("45s", 45), ("1h1s", 3601), ("7.5m", 450),
    ("0.05", 180), ("0.875", 3150), ("7.5 minutes", 450),
])
def test_hours_are_exact_seconds(text, seconds):
    assert parse_hours(text) == seconds


def test_a_tenth_of_an_hour_thirty_times_is_exactly_three_hours():
    assert sum(parse_hours("0.1") for _ in range(30)) == 3 * 3600


@pytest.mark.parametrize("text, problem", [
    ("0", "is not a positive number of hours"),
    ("-2", "is not a positive number of hours"),
    ("0m", "is not a positive number of hours"),
    ("abc", "is not a number of hours"),
    ("nan", "is not a number of hours"),
    ("inf", "is not a number of hours"),
    ("", "is not a number of hours"),
    ("100.5", "is more hours than one course can hold"),
    ("1e9", "is more hours than one course can hold"),
    ("1E30", "is more hours than one course can hold"),
])
def test_hours_refused(text, problem):
    with pytest.raises(InvalidInput) as caught:
        parse_hours(text)
    assert str(caught.value).startswith(f'--hours "{text}" {problem}')


@pytest.mark.parametrize("text, months", [
    ("1y", 12), ("2y", 24), ("3y", 36), ("2 years", 24), ("18m", 18), ("1y6m", 18), ("12 months", 12),
    ("1 year", 12),
])
def test_cycle_lengths(text, months):
    assert parse_cycle(text) == months


@pytest.mark.parametrize("text", ["", "2", "forever", "0y", "11y", "2w"])
def test_cycle_lengths_refused(text):
    with pytest.raises(InvalidInput, match="--cycle"):
        parse_cycle(text)


@pytest.mark.parametrize("text, days", [("30d", 30), ("30", 30), ("2w", 14), ("3m", 90), ("1y", 365)])
def test_spans_in_days(text, days):
    assert parse_days(text) == days


@pytest.mark.parametrize("text, kind, expected", [
    ("Ethics=6", "min", Requirement("ethics", 6 * 3600, "min", "category")),
    ("law and ethics = 1.5", "min", Requirement("law and ethics", 5400, "min", "category")),
    ("online=10", "max", Requirement("online", 10 * 3600, "max", "format")),
    ("self-study=5", "max", Requirement("self-study", 5 * 3600, "max", "format")),
    ("format:in person=2", "min", Requirement("in-person", 2 * 3600, "min", "format")),
    ("provider:GMHCN=6", "min", Requirement("GMHCN", 6 * 3600, "min", "provider")),
    ("category:online=3", "min", Requirement("online", 3 * 3600, "min", "category")),
    ("professional development=0", "max", Requirement("professional development", 0, "max", "category")),
])
def test_requirements(text, kind, expected):
    assert parse_require(text, kind=kind) == expected


@pytest.mark.parametrize("text", ["ethics", "ethics=", "=6", "ethics=lots", "ethics:6", "colour:red=2", "provider:=2"])
def test_requirements_refused(text):
    with pytest.raises(InvalidInput) as caught:
        parse_require(text)
    assert "CATEGORY=HOURS" in str(caught.value)


def test_categories_and_splits():
    assert parse_category("Ethics") == ("ethics", None)
    assert parse_category("ethics:2") == ("ethics", 7200)
    assert allocate([("ethics", None)], 180) == (Allocation("ethics", 180),)
    assert allocate([("ethics", 120), ("general", 90)], 210) == (
        Allocation("ethics", 120), Allocation("general", 90))
    assert allocate([("ethics", 120), ("general", None)], 210) == (
        Allocation("ethics", 120), Allocation("general", 90))
    assert allocate([], 60) == ()


@pytest.mark.parametrize("parts, seconds, problem", [
    ([("ethics", 120), ("general", 120)], 180, "adds up to more hours than the course"),
    ([("ethics", None), ("general", None)], 180, "leaves the hours out of more than one category"),
    ([("ethics", 60), ("ethics", 60)], 180, "is given twice"),
])
def test_splits_refused(parts, seconds, problem):
    with pytest.raises(InvalidInput, match=problem):
        allocate(parts, seconds)


@pytest.mark.parametrize("text, expected", [
    ("online", "online"), ("In-Person", "in-person"), ("in person", "in-person"), ("self_study", "self-study"),
])
def test_formats(text, expected):
    assert parse_format(text) == expected


def test_format_refused():
    with pytest.raises(InvalidInput, match="online, in-person, self-study"):
        parse_format("webinar")


@pytest.mark.parametrize("text, ok", [("ca-pss", True), ("CA-PSS", True), ("pa.cps", True),
                                      ("has space", False), ("-x", False), ("", False), ("x" * 41, False)])
def test_slugs(text, ok):
    if ok:
        assert parse_slug(text) == text.lower()
    else:
        with pytest.raises(InvalidInput, match="--id"):
            parse_slug(text)


@pytest.mark.parametrize(("text", "problem"), [("0", "is not a number"), ("-3", "is not a number"),
                                               ("9223372036854775808", "is too large")])
def test_a_record_number_the_database_cannot_hold_is_refused(text, problem):
    from peertrack.domain.parsing import parse_number

    with pytest.raises(InvalidInput, match=problem):
        parse_number(text, "The course number")
    assert parse_number("9223372036854775807", "The course number") == 2**63 - 1
