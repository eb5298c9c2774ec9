# ruff: noqa: E501 - one row per case reads best as one line
"""Recurring reminders with fixed dates and no clock: rules from plain English, their dates, words and what is due."""

import calendar
import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from peertrack.domain import recurrence as r
from peertrack.domain.errors import InvalidInput
from peertrack.domain.models import Reminder, ReminderLogEntry

D = dt.date


def dates(rule, start, count=4):
    """The first `count` dates of a rule, from its aligned start."""
    first = r.align_start(rule, start)
    found = [first]
    while len(found) < count:
        found.append(r.next_occurrence(rule, first, found[-1]))
    return found


SPECS = [
    # (every, on, start, rule, words, first dates)
    ("day", None, D(2026, 11, 2), "FREQ=DAILY", "every day", [D(2026, 11, 2), D(2026, 11, 3), D(2026, 11, 4), D(2026, 11, 5)]),
    ("2 days", None, D(2026, 11, 2), "FREQ=DAILY;INTERVAL=2", "every 2 days", [D(2026, 11, 2), D(2026, 11, 4), D(2026, 11, 6), D(2026, 11, 8)]),
    ("weekday", None, D(2026, 11, 6), "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR", "every weekday", [D(2026, 11, 6), D(2026, 11, 9), D(2026, 11, 10), D(2026, 11, 11)]),
    ("weekday", None, D(2026, 11, 7), "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR", "every weekday", [D(2026, 11, 9), D(2026, 11, 10), D(2026, 11, 11), D(2026, 11, 12)]),
    ("week", None, D(2026, 11, 2), "FREQ=WEEKLY;BYDAY=MO", "every week on Monday", [D(2026, 11, 2), D(2026, 11, 9), D(2026, 11, 16), D(2026, 11, 23)]),
    ("week", "mon,thu", D(2026, 11, 4), "FREQ=WEEKLY;BYDAY=MO,TH", "every week on Monday and Thursday", [D(2026, 11, 5), D(2026, 11, 9), D(2026, 11, 12), D(2026, 11, 16)]),
    ("week", "Thursday Monday", D(2026, 11, 4), "FREQ=WEEKLY;BYDAY=MO,TH", "every week on Monday and Thursday", [D(2026, 11, 5), D(2026, 11, 9), D(2026, 11, 12), D(2026, 11, 16)]),
    ("week", "mon, wed and fri", D(2026, 11, 2), "FREQ=WEEKLY;BYDAY=MO,WE,FR", "every week on Monday, Wednesday and Friday", [D(2026, 11, 2), D(2026, 11, 4), D(2026, 11, 6), D(2026, 11, 9)]),
    ("week", "weekend", D(2026, 11, 2), "FREQ=WEEKLY;BYDAY=SA,SU", "every week on Saturday and Sunday", [D(2026, 11, 7), D(2026, 11, 8), D(2026, 11, 14), D(2026, 11, 15)]),
    ("2 weeks", None, D(2026, 11, 2), "FREQ=WEEKLY;INTERVAL=2;BYDAY=MO", "every 2 weeks on Monday", [D(2026, 11, 2), D(2026, 11, 16), D(2026, 11, 30), D(2026, 12, 14)]),
    # From a Wednesday, "every 2 weeks on Monday" first comes the next Monday, not twelve days on.
    ("2 weeks", "mon", D(2026, 11, 4), "FREQ=WEEKLY;INTERVAL=2;BYDAY=MO", "every 2 weeks on Monday", [D(2026, 11, 9), D(2026, 11, 23), D(2026, 12, 7), D(2026, 12, 21)]),
    ("2 weeks", "mon,thu", D(2026, 11, 4), "FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,TH", "every 2 weeks on Monday and Thursday", [D(2026, 11, 5), D(2026, 11, 16), D(2026, 11, 19), D(2026, 11, 30)]),
    ("month", None, D(2026, 11, 2), "FREQ=MONTHLY;BYMONTHDAY=2", "every month on the 2nd", [D(2026, 11, 2), D(2026, 12, 2), D(2027, 1, 2), D(2027, 2, 2)]),
    ("month", "1", D(2026, 11, 2), "FREQ=MONTHLY;BYMONTHDAY=1", "every month on the 1st", [D(2026, 12, 1), D(2027, 1, 1), D(2027, 2, 1), D(2027, 3, 1)]),
    ("month", "15th", D(2026, 11, 2), "FREQ=MONTHLY;BYMONTHDAY=15", "every month on the 15th", [D(2026, 11, 15), D(2026, 12, 15), D(2027, 1, 15), D(2027, 2, 15)]),
    ("month", "1,15", D(2026, 11, 2), "FREQ=MONTHLY;BYMONTHDAY=1,15", "every month on the 1st and 15th", [D(2026, 11, 15), D(2026, 12, 1), D(2026, 12, 15), D(2027, 1, 1)]),
    # "Month on the 31st" is the last day in shorter months, in leap and other years.
    ("month", "31", D(2027, 1, 1), "FREQ=MONTHLY;BYMONTHDAY=-1", "every month on the last day", [D(2027, 1, 31), D(2027, 2, 28), D(2027, 3, 31), D(2027, 4, 30)]),
    ("month", "31", D(2028, 1, 1), "FREQ=MONTHLY;BYMONTHDAY=-1", "every month on the last day", [D(2028, 1, 31), D(2028, 2, 29), D(2028, 3, 31), D(2028, 4, 30)]),
    ("month", None, D(2027, 1, 31), "FREQ=MONTHLY;BYMONTHDAY=-1", "every month on the last day", [D(2027, 1, 31), D(2027, 2, 28), D(2027, 3, 31), D(2027, 4, 30)]),
    ("month", "last", D(2028, 1, 15), "FREQ=MONTHLY;BYMONTHDAY=-1", "every month on the last day", [D(2028, 1, 31), D(2028, 2, 29), D(2028, 3, 31), D(2028, 4, 30)]),
    ("month", "15, last", D(2027, 2, 1), "FREQ=MONTHLY;BYMONTHDAY=15,-1", "every month on the 15th and last day", [D(2027, 2, 15), D(2027, 2, 28), D(2027, 3, 15), D(2027, 3, 31)]),
    ("month", "30", D(2027, 1, 1), "FREQ=MONTHLY;BYMONTHDAY=28,29,30;BYSETPOS=-1", "every month on the 30th, or the last day of a shorter month", [D(2027, 1, 30), D(2027, 2, 28), D(2027, 3, 30), D(2027, 4, 30)]),
    ("month", "30", D(2028, 1, 31), "FREQ=MONTHLY;BYMONTHDAY=28,29,30;BYSETPOS=-1", "every month on the 30th, or the last day of a shorter month", [D(2028, 2, 29), D(2028, 3, 30), D(2028, 4, 30), D(2028, 5, 30)]),
    ("month", "29", D(2027, 1, 1), "FREQ=MONTHLY;BYMONTHDAY=28,29;BYSETPOS=-1", "every month on the 29th, or the last day of a shorter month", [D(2027, 1, 29), D(2027, 2, 28), D(2027, 3, 29), D(2027, 4, 29)]),
    ("month", "29", D(2028, 2, 1), "FREQ=MONTHLY;BYMONTHDAY=28,29;BYSETPOS=-1", "every month on the 29th, or the last day of a shorter month", [D(2028, 2, 29), D(2028, 3, 29), D(2028, 4, 29), D(2028, 5, 29)]),
    ("month", "2nd tue", D(2026, 11, 2), "FREQ=MONTHLY;BYDAY=2TU", "every month on the second Tuesday", [D(2026, 11, 10), D(2026, 12, 8), D(2027, 1, 12), D(2027, 2, 9)]),
    ("month", "first monday", D(2026, 11, 3), "FREQ=MONTHLY;BYDAY=1MO", "every month on the first Monday", [D(2026, 12, 7), D(2027, 1, 4), D(2027, 2, 1), D(2027, 3, 1)]),
    ("month", "last fri", D(2026, 11, 2), "FREQ=MONTHLY;BYDAY=-1FR", "every month on the last Friday", [D(2026, 11, 27), D(2026, 12, 25), D(2027, 1, 29), D(2027, 2, 26)]),
    ("3 months", None, D(2026, 11, 2), "FREQ=MONTHLY;INTERVAL=3;BYMONTHDAY=2", "every 3 months on the 2nd", [D(2026, 11, 2), D(2027, 2, 2), D(2027, 5, 2), D(2027, 8, 2)]),
    ("3 months", "15", D(2026, 11, 20), "FREQ=MONTHLY;INTERVAL=3;BYMONTHDAY=15", "every 3 months on the 15th", [D(2026, 12, 15), D(2027, 3, 15), D(2027, 6, 15), D(2027, 9, 15)]),
    ("3 months", "31", D(2026, 11, 30), "FREQ=MONTHLY;INTERVAL=3;BYMONTHDAY=-1", "every 3 months on the last day", [D(2026, 11, 30), D(2027, 2, 28), D(2027, 5, 31), D(2027, 8, 31)]),
    ("year", None, D(2026, 11, 2), "FREQ=YEARLY;BYMONTH=11;BYMONTHDAY=2", "every year on 2 November", [D(2026, 11, 2), D(2027, 11, 2), D(2028, 11, 2), D(2029, 11, 2)]),
    ("year", None, D(2028, 2, 29), "FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=28,29;BYSETPOS=-1", "every year on the last day of February", [D(2028, 2, 29), D(2029, 2, 28), D(2030, 2, 28), D(2031, 2, 28)]),
    ("2 years", None, D(2027, 3, 31), "FREQ=YEARLY;INTERVAL=2;BYMONTH=3;BYMONTHDAY=31", "every 2 years on 31 March", [D(2027, 3, 31), D(2029, 3, 31), D(2031, 3, 31), D(2033, 3, 31)]),
]


@pytest.mark.parametrize("every, on, start, rule, words, first", SPECS, ids=[f"{e} {o or ''} {s}" for e, o, s, *_ in SPECS])
def test_each_spec_makes_its_rule_words_and_dates(every, on, start, rule, words, first):
    assert r.rule_from_spec(every, on, start) == rule
    assert r.describe(rule) == words
    assert dates(rule, start) == first


@pytest.mark.parametrize("text, expected", [
    ("day", ("DAILY", 1, False)), ("daily", ("DAILY", 1, False)), ("Every Day", ("DAILY", 1, False)),
    ("weekday", ("WEEKLY", 1, True)), ("weekdays", ("WEEKLY", 1, True)),
    ("week", ("WEEKLY", 1, False)), ("weekly", ("WEEKLY", 1, False)), ("1 week", ("WEEKLY", 1, False)),
    ("2 weeks", ("WEEKLY", 2, False)), ("2weeks", ("WEEKLY", 2, False)), ("every 2 weeks", ("WEEKLY", 2, False)),
    ("fortnightly", ("WEEKLY", 2, False)), ("biweekly", ("WEEKLY", 2, False)), ("every other week", ("WEEKLY", 2, False)),
    ("month", ("MONTHLY", 1, False)), ("Monthly", ("MONTHLY", 1, False)), ("3 months", ("MONTHLY", 3, False)),
    ("quarterly", ("MONTHLY", 3, False)), ("year", ("YEARLY", 1, False)), ("annually", ("YEARLY", 1, False)),
    ("  2   Years ", ("YEARLY", 2, False)),
])
def test_how_often_people_say_it(text, expected):
    assert r.parse_every(text) == expected


BAD_SPECS = [
    # (every, on, field, words the message holds)
    ("fortnite", None, "--every", ['--every "fortnite" is not a repeat I know', "2 weeks"]),
    ("", None, "--every", ['--every "" is not a repeat I know']),
    ("hourly", None, "--every", ['--every "hourly"']),
    ("0 weeks", None, "--every", ['--every "0 weeks" is not a possible repeat', "from 1 to 999"]),
    ("1000 days", None, "--every", ['--every "1000 days" is not a possible repeat']),
    ("2 weekdays", None, "--every", ['--every "2 weekdays"', "weekday on its own"]),
    ("week", "funday", "--on", ['--on "funday" is not a day name I know', "mon,thu"]),
    ("week", ",", "--on", ['--on "," names no day']),
    ("week", "1", "--on", ['--on "1" is not a day name I know']),
    ("month", "32", "--on", ['--on "32" is not a day of the month', "1 to 31"]),
    ("month", "0", "--on", ['--on "0" is not a day of the month']),
    ("month", "mon", "--on", ['--on "mon" does not say which one in the month', "2nd tue"]),
    ("month", "6th mon", "--on", ['--on "6th mon" is not a day of the month I know']),
    ("month", "1,30", "--on", ['--on "1,30" has a day that some months do not', "31 or last"]),
    ("month", "15, 2nd tue", "--on", ['--on "15, 2nd tue" mixes days of the month and weekdays']),
    ("day", "mon", "--on", ['--on "mon" does not go with day', "--on mon,thu"]),
    ("weekday", "mon", "--on", ['--on "mon" does not go with weekday']),
    ("year", "1", "--on", ['--on "1" does not go with year', "--start sets the day"]),
]


@pytest.mark.parametrize("every, on, field, words", BAD_SPECS, ids=[f"{e}|{o}" for e, o, *_ in BAD_SPECS])
def test_bad_specs_are_one_clear_sentence(every, on, field, words):
    with pytest.raises(InvalidInput) as caught:
        r.rule_from_spec(every, on, D(2026, 11, 2))
    assert caught.value.field == field
    for word in words:
        assert word in caught.value.message
    assert caught.value.message.count(". ") == 0 and caught.value.message.endswith(".")


@pytest.mark.parametrize("text, rule, until", [
    ("FREQ=WEEKLY;BYDAY=TU", "FREQ=WEEKLY;BYDAY=TU", None),
    ("freq=weekly;byday=tu", "FREQ=WEEKLY;BYDAY=TU", None),
    ("RRULE:FREQ=WEEKLY;BYDAY=TU", "FREQ=WEEKLY;BYDAY=TU", None),
    (" FREQ=WEEKLY; BYDAY=TU ", "FREQ=WEEKLY;BYDAY=TU", None),
    ("BYDAY=TU,MO;FREQ=WEEKLY;INTERVAL=01", "FREQ=WEEKLY;BYDAY=TU,MO", None),
    ("FREQ=WEEKLY;INTERVAL=2;BYDAY=MO", "FREQ=WEEKLY;INTERVAL=2;BYDAY=MO", None),
    ("FREQ=MONTHLY;BYDAY=+2TU", "FREQ=MONTHLY;BYDAY=2TU", None),
    ("FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1", "FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1", None),
    ("FREQ=MONTHLY;BYMONTHDAY=-1", "FREQ=MONTHLY;BYMONTHDAY=-1", None),
    ("FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=29", "FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=29", None),
    ("FREQ=YEARLY;BYWEEKNO=20;BYDAY=MO", "FREQ=YEARLY;BYWEEKNO=20;BYDAY=MO", None),
    ("FREQ=DAILY;COUNT=10", "FREQ=DAILY;COUNT=10", None),
    ("FREQ=WEEKLY;WKST=SU;BYDAY=SU", "FREQ=WEEKLY;BYDAY=SU;WKST=SU", None),
    ("FREQ=WEEKLY;UNTIL=20271231", "FREQ=WEEKLY", D(2027, 12, 31)),
    ("FREQ=WEEKLY;UNTIL=20271231T235959Z", "FREQ=WEEKLY", D(2027, 12, 31)),
])
def test_typed_rules_are_tidied(text, rule, until):
    assert r.check_rrule(text) == (rule, until)


BAD_RULES = [
    ("", "is not a rule I can read"),
    ("FREQ=WEEKLY;COUNT=0", "has COUNT=0"),
    ("FREQ=WEEKLY;COUNT=-1", "has COUNT=-1"),
    ("FREQ=WEEKLY;INTERVAL=0", "has INTERVAL=0"),
    ("FREQ=DAILY;INTERVAL=100000000", "has INTERVAL=100000000"),
    ("FREQ=DAILY;INTERVAL=2,3", "has INTERVAL=2,3"),
    ("FREQ=DAILY;COUNT=1,2", "has COUNT=1,2"),
    ("FREQ=DAILY;COUNT=99999999999999999999", "has COUNT=99999999999999999999"),
    ("FREQ=MONTHLY;BYMONTHDAY=1,x", "which is not a list of numbers"),
    ("FREQ=MONTHLY;BYMONTHDAY=99999999999999999999", "which is not a list of numbers"),
    ("FREQ=WEEKLY;COUNT=3;UNTIL=20270101", "has both"),
    ("FREQ=FOO", "has an unknown FREQ"),
    ("FREQ=HOURLY", "repeats within a day"),
    ("FREQ=MINUTELY;INTERVAL=5", "repeats within a day"),
    ("FREQ=DAILY;BYHOUR=9", "has BYHOUR"),
    ("DTSTART=20260101;FREQ=DAILY", "has DTSTART"),
    ("FREQ=YEARLY;BYEASTER=0", "has a part I cannot use (BYEASTER)"),
    ("FREQ=WEEKLY;FOO=1", "has a part I cannot use (FOO)"),
    ("BYDAY=MO", "has no FREQ"),
    ("FREQ=WEEKLY;BYDAY=MO;BYDAY=TU", "gives BYDAY twice"),
    ("FREQ=WEEKLY;;", "is not a rule I can read"),
    ("FREQ=WEEKLY;BYDAY=XX", "has BYDAY=XX"),
    ("FREQ=WEEKLY;BYDAY=1MO", "goes only with FREQ=MONTHLY or FREQ=YEARLY"),
    ("FREQ=MONTHLY;BYDAY=6MO", "has BYDAY=6MO"),
    ("FREQ=MONTHLY;BYDAY=0MO", "has BYDAY=0MO"),
    ("FREQ=MONTHLY;BYMONTHDAY=0", "has BYMONTHDAY=0"),
    ("FREQ=MONTHLY;BYMONTHDAY=32", "has BYMONTHDAY=32"),
    ("FREQ=WEEKLY;BYMONTHDAY=1", "has BYMONTHDAY with FREQ=WEEKLY"),
    ("FREQ=YEARLY;BYMONTH=13", "has BYMONTH=13"),
    ("FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30", "asks for a day those months never have"),
    ("FREQ=YEARLY;BYMONTH=4,6;BYMONTHDAY=31", "asks for a day those months never have"),
    ("FREQ=MONTHLY;BYSETPOS=1", "has BYSETPOS"),
    ("FREQ=DAILY;BYDAY=MO;BYSETPOS=2", "has BYSETPOS"),
    ("FREQ=MONTHLY;BYDAY=MO;BYSETPOS=40", "has BYSETPOS=40"),
    ("FREQ=MONTHLY;BYWEEKNO=3", "has BYWEEKNO or BYYEARDAY"),
    ("FREQ=WEEKLY;UNTIL=2027", "has UNTIL=2027"),
    ("FREQ=WEEKLY;UNTIL=20270230", "has UNTIL=20270230"),
    ("FREQ=WEEKLY;WKST=XX", "has WKST=XX"),
    ("FREQ=WEEKLY\nSUMMARY:injected", "is not a rule I can read"),
    ("FREQ=WEEKLY;BYDAY=MO\r\nBEGIN:VEVENT", "is not a rule I can read"),
]


@pytest.mark.parametrize("text, problem", BAD_RULES, ids=[t[:40] for t, _ in BAD_RULES])
def test_unsafe_or_unreadable_rules_are_refused(text, problem):
    with pytest.raises(InvalidInput) as caught:
        r.check_rrule(text)
    assert caught.value.field == "--rrule"
    assert problem in caught.value.message
    assert "\n" not in caught.value.message and "\r" not in caught.value.message


def test_a_rule_that_never_comes_round_is_refused():
    with pytest.raises(InvalidInput, match="never comes round") as caught:
        r.align_start("FREQ=MONTHLY;BYMONTHDAY=31;BYDAY=2MO", D(2026, 11, 2), field="--rrule")
    assert caught.value.field == "--rrule"


def test_an_end_before_the_first_date_is_refused():
    with pytest.raises(InvalidInput) as caught:
        r.align_start("FREQ=MONTHLY;BYMONTHDAY=15", D(2026, 11, 20), until=D(2026, 12, 1))
    assert caught.value.field == "until"  # a key: the command names it --until
    assert "comes before the reminder's first date" in caught.value.message
    assert "2026-12-15" in caught.value.message


@pytest.mark.parametrize("rule, starts, words", [
    ("FREQ=WEEKLY;BYDAY=TU", None, "every week on Tuesday"),
    ("FREQ=WEEKLY", D(2026, 11, 2), "every week on Monday"),
    ("FREQ=WEEKLY", None, "every week"),
    ("FREQ=DAILY;INTERVAL=3", None, "every 3 days"),
    ("FREQ=DAILY;BYDAY=MO,FR", None, "every day on Monday and Friday"),
    ("FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,TU,WE,TH,FR", None, "every 2 weeks on weekdays"),
    ("FREQ=WEEKLY;COUNT=5;BYDAY=MO", None, "every week on Monday, 5 times"),
    ("FREQ=MONTHLY", D(2026, 11, 2), "every month on the 2nd"),
    ("FREQ=MONTHLY;BYMONTHDAY=-2", None, "every month on the 2nd to last day"),
    ("FREQ=MONTHLY;BYMONTHDAY=11,12,13,21,22,23", None, "every month on the 11th, 12th, 13th, 21st, 22nd and 23rd"),
    ("FREQ=MONTHLY;BYDAY=1MO,3MO", None, "every month on the first Monday and third Monday"),
    ("FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1", None, "every month (by the rule FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1)"),
    ("FREQ=YEARLY;BYMONTH=3;BYMONTHDAY=15", None, "every year on 15 March"),
    ("FREQ=YEARLY;BYMONTH=9;BYDAY=1MO", None, "every year on the first Monday of September"),
    ("FREQ=YEARLY;BYMONTH=12;BYMONTHDAY=-1", None, "every year on the last day of December"),
    ("FREQ=YEARLY", D(2028, 2, 29), "every year on 29 February"),
    ("FREQ=YEARLY;BYWEEKNO=20;BYDAY=MO", None, "every year (by the rule FREQ=YEARLY;BYWEEKNO=20;BYDAY=MO)"),
])
def test_rules_in_words(rule, starts, words):
    assert r.describe(rule, starts) == words


@pytest.mark.parametrize("text, expected", [
    ("18:30", dt.time(18, 30)), ("9:00", dt.time(9, 0)), ("09:05", dt.time(9, 5)), ("0930", dt.time(9, 30)),
    ("7.15", dt.time(7, 15)), ("6pm", dt.time(18, 0)), ("6:30 PM", dt.time(18, 30)), ("12am", dt.time(0, 0)),
    ("12pm", dt.time(12, 0)), ("noon", dt.time(12, 0)), ("0:00", dt.time(0, 0)), ("23:59", dt.time(23, 59)),
])
def test_times_of_day(text, expected):
    assert r.parse_at(text) == expected


@pytest.mark.parametrize("text", ["25:00", "24:00", "12:60", "13pm", "0am", "soon", "", "18:3", "1:2:3"])
def test_impossible_times_are_refused(text):
    with pytest.raises(InvalidInput, match="is not a time of day"):
        r.parse_at(text)


# --- what is due ---------------------------------------------------------------------------------

MONDAYS = "FREQ=WEEKLY;BYDAY=MO"


def reminder(rule=MONDAYS, starts=D(2026, 10, 5), added_on=None, **fields):
    return Reminder(title="Recovery meeting", rrule=rule, starts=starts, added_on=added_on or starts, id=1, **fields)


def test_missed_occurrences_collapse_into_one_item():
    item = r.due(reminder(handled_through=D(2026, 10, 12)), D(2026, 11, 2))
    assert (item.oldest_missed, item.due_since, item.missed, item.days_overdue) == (
        D(2026, 10, 19), D(2026, 10, 19), 3, 14)
    assert r.due_words(item) == "it's been 14 days"


def test_due_today_and_the_kind_words():
    today = D(2026, 11, 2)
    assert r.due_words(r.due(reminder(starts=today), today)) == "today"
    assert r.due_words(r.due(reminder(starts=today, at=dt.time(18, 30)), today)) == "today at 18:30"
    assert r.due_words(r.due(reminder(starts=today), today + dt.timedelta(days=1))) == "since yesterday"
    assert r.due(reminder(starts=today + dt.timedelta(days=7)), today) is None


def test_an_old_start_date_adds_no_pile():
    item = reminder(starts=D(2026, 1, 5), added_on=D(2026, 11, 3))
    assert r.due(item, D(2026, 11, 3)) is None
    assert r.state(item, D(2026, 11, 3)).next_on == D(2026, 11, 9)
    # ...but it keeps the weeks of an every-other-week rule where they were.
    fortnightly = reminder(rule="FREQ=WEEKLY;INTERVAL=2;BYDAY=MO", starts=D(2026, 10, 19), added_on=D(2026, 11, 3))
    assert r.state(fortnightly, D(2026, 11, 3)).next_on == D(2026, 11, 16)


def test_a_snooze_hides_the_pile_until_its_day_then_counts_from_it():
    item = reminder(handled_through=D(2026, 10, 12), snoozed_until=D(2026, 11, 5))
    assert r.due(item, D(2026, 11, 2)) is None
    state = r.state(item, D(2026, 11, 2))
    assert (state.next_on, state.snoozed, state.due) == (D(2026, 11, 5), True, None)
    later = r.due(item, D(2026, 11, 6))
    assert (later.oldest_missed, later.due_since, later.days_overdue) == (D(2026, 10, 19), D(2026, 11, 5), 1)
    assert r.due_words(later) == "since yesterday"


def test_a_snooze_before_the_next_date_changes_nothing():
    item = reminder(handled_through=D(2026, 11, 2), snoozed_until=D(2026, 11, 4))
    state = r.state(item, D(2026, 11, 3))
    assert (state.next_on, state.snoozed) == (D(2026, 11, 9), False)


def test_an_ended_reminder_has_no_next_date():
    item = reminder(until=D(2026, 10, 20), handled_through=D(2026, 10, 19))
    assert r.state(item, D(2026, 11, 2)).next_on is None
    assert r.due(item, D(2026, 11, 2)) is None
    assert r.covered_occurrence(item, D(2026, 11, 2), {D(2026, 10, 19)}) is None


@pytest.mark.parametrize("handled_through, day, handled, settles", [
    (D(2026, 10, 12), D(2026, 11, 2), {D(2026, 10, 12)}, D(2026, 11, 2)),   # a pile: the latest settles it all
    (D(2026, 10, 12), D(2026, 10, 27), {D(2026, 10, 12)}, D(2026, 10, 26)),  # done late for last week
    (D(2026, 10, 26), D(2026, 11, 1), {D(2026, 10, 26)}, D(2026, 11, 2)),   # done the day before: early
    (D(2026, 11, 2), D(2026, 11, 2), {D(2026, 11, 2)}, D(2026, 11, 9)),     # twice in a day: the next one
    (D(2026, 11, 2), D(2026, 10, 26), {D(2026, 11, 2)}, D(2026, 10, 26)),   # filling in history
    (D(2026, 11, 2), D(2026, 10, 27), {D(2026, 11, 2), D(2026, 10, 26)}, D(2026, 11, 9)),
    (None, D(2026, 10, 1), set(), D(2026, 10, 5)),                           # before it began: the first
])
def test_the_occurrence_done_or_skip_settles(handled_through, day, handled, settles):
    item = reminder(handled_through=handled_through)
    assert r.covered_occurrence(item, day, handled) == settles


def test_done_and_skip_move_the_next_occurrence():
    today = D(2026, 11, 2)
    item = reminder(handled_through=D(2026, 10, 12))
    assert r.state(item, today).next_on == D(2026, 10, 19)
    settled = r.covered_occurrence(item, today, {D(2026, 10, 12)})
    after = Reminder(**{**item.__dict__, "handled_through": settled})
    assert r.due(after, today) is None
    assert r.state(after, today).next_on == D(2026, 11, 9)


def log(*rows):
    return [ReminderLogEntry(1, day, action, day) for day, action in rows]


@pytest.mark.parametrize("rows, today, streak", [
    ([], D(2026, 11, 2), 0),
    ([(D(2026, 10, 26), "done")], D(2026, 11, 2), 1),                          # today's is still open
    ([(D(2026, 10, 19), "done"), (D(2026, 10, 26), "done"), (D(2026, 11, 2), "done")], D(2026, 11, 2), 3),
    ([(D(2026, 10, 19), "done"), (D(2026, 10, 26), "skipped"), (D(2026, 11, 2), "done")], D(2026, 11, 2), 2),
    ([(D(2026, 10, 12), "done"), (D(2026, 10, 26), "done")], D(2026, 11, 2), 1),  # 19 Oct was missed
    ([(D(2026, 10, 26), "done")], D(2026, 11, 3), 0),                          # 2 Nov is now missed
    ([(D(2026, 11, 2), "done"), (D(2026, 11, 9), "done")], D(2026, 11, 2), 2),  # one done early counts
])
def test_streaks(rows, today, streak):
    assert r.streak(reminder(), log(*rows), today) == streak


# --- invariants ----------------------------------------------------------------------------------

SPEC_CHOICES = [(e, o) for e, o, *_ in SPECS] + [("weekday", None), ("month", "2nd tue,last fri"), ("5 days", None)]
starts = st.dates(min_value=D(2000, 1, 1), max_value=D(2090, 12, 31))


@given(st.sampled_from(SPEC_CHOICES), starts, st.integers(0, 800))
@settings(max_examples=150, deadline=None)
def test_the_next_occurrence_is_always_later_and_is_an_occurrence(spec, start, offset):
    every, on = spec
    rule = r.rule_from_spec(every, on, start)
    first = r.align_start(rule, start)
    assert first >= start
    day = first + dt.timedelta(days=offset)
    previous = day
    for _ in range(5):
        following = r.next_occurrence(rule, first, previous)
        assert following > previous
        assert r.occurrence_on_or_after(rule, first, following) == following
        previous = following


@given(st.integers(1, 31), starts)
@settings(max_examples=100, deadline=None)
def test_month_on_a_day_never_drifts_and_falls_back_to_the_last_day(day, start):
    rule = r.rule_from_spec("month", str(day), start)
    first = r.align_start(rule, start)
    for found in r.occurrences(rule, first, first, first + dt.timedelta(days=800)):
        assert found.day == min(day, calendar.monthrange(found.year, found.month)[1])


@given(st.sampled_from(SPEC_CHOICES), starts, st.integers(0, 400), st.integers(0, 400))
@settings(max_examples=150, deadline=None)
def test_a_pile_is_one_item_and_settling_it_clears_it(spec, start, handled_after, days_later):
    every, on = spec
    rule = r.rule_from_spec(every, on, start)
    first = r.align_start(rule, start)
    handled = r.occurrence_on_or_before(rule, first, first + dt.timedelta(days=handled_after))
    item = Reminder(title="x", rrule=rule, starts=first, added_on=first, handled_through=handled, id=1)
    today = first + dt.timedelta(days=handled_after + days_later)
    waiting = r.due(item, today)
    if waiting is not None:
        assert waiting.oldest_missed == r.open_occurrence(item) <= today
        assert waiting.days_overdue == (today - waiting.oldest_missed).days >= 0
        assert waiting.missed == len(r.occurrences(rule, first, waiting.oldest_missed, today))
    settled = r.covered_occurrence(item, today, {handled} if handled else set())
    after = Reminder(**{**item.__dict__, "handled_through": max(settled, handled or settled)})
    assert r.due(after, today) is None
    assert r.state(after, today).next_on > today


rule_parts = st.one_of(
    st.sampled_from(["FREQ=DAILY", "FREQ=WEEKLY", "FREQ=MONTHLY", "FREQ=YEARLY", "FREQ=HOURLY", "FREQ="]),
    st.builds("INTERVAL={}".format, st.integers(-2, 1200)),
    st.builds("COUNT={}".format, st.integers(-2, 20)),
    st.builds("BYDAY={}{}".format, st.sampled_from(["", "1", "-1", "2", "+3", "6", "0"]),
              st.sampled_from(["MO", "TU", "FR", "SU", "XX"])),
    st.builds("BYMONTHDAY={}".format, st.integers(-33, 33)),
    st.builds("BYMONTH={}".format, st.integers(0, 13)),
    st.builds("BYSETPOS={}".format, st.integers(-8, 8)),
    st.builds("BYWEEKNO={}".format, st.integers(-54, 54)),
    st.builds("BYYEARDAY={}".format, st.integers(-367, 367)),
    st.sampled_from(["UNTIL=20280101", "UNTIL=2028", "WKST=SU", "BYHOUR=9", "X-NAME=1", ";", "=", "BYDAY=MO,WE"]),
)


@given(st.lists(rule_parts, min_size=1, max_size=5).map(";".join), starts)
@settings(max_examples=300, deadline=None)
def test_any_typed_rule_is_either_refused_plainly_or_works(text, start):
    try:
        rule, until = r.check_rrule(text)
    except InvalidInput as refused:
        assert refused.field == "--rrule"
        return
    assert r.check_rrule(rule) == (rule, None)  # the tidy form is itself accepted as it is
    try:
        first = r.align_start(rule, start, field="--rrule", given=text)
    except InvalidInput as refused:
        assert "never comes round" in refused.message
        return
    following = r.next_occurrence(rule, first, first)
    assert following is None or following > first
    assert r.occurrence_on_or_after(rule, first, first) == first
