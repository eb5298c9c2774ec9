"""The reminder rules worked out by calendar arithmetic give exactly dateutil's dates (brute force: dateutil's
own iteration), at month ends, leap days, long intervals, odd week starts and the end of the calendar."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from peertrack.domain.recurrence.simple_rules import between, on_or_after, simple_rule

dates = sys.modules["peertrack.domain.recurrence.occurrences"]  # the package gives its function that name

D = dt.date
CODES = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"]


def _dateutil_after(rule: str, starts: D, day: D, until: D | None) -> D | None:
    found = dates._compiled(rule, starts, until).after(dates.midnight(day), inc=True)
    return found.date() if found else None


def _dateutil_between(rule: str, starts: D, first: D, last: D, until: D | None) -> list[D]:
    found = dates._compiled(rule, starts, until).between(dates.midnight(first), dates.midnight(last), inc=True)
    return [moment.date() for moment in found]


@st.composite
def rules(draw) -> str:
    freq = draw(st.sampled_from(["DAILY", "WEEKLY", "MONTHLY"]))
    parts = [f"FREQ={freq}"]
    interval = draw(st.one_of(st.just(1), st.integers(1, 8), st.integers(9, 999)))
    if interval != 1 or draw(st.booleans()):
        parts.append(f"INTERVAL={interval}")
    if freq == "WEEKLY":
        if draw(st.booleans()):
            parts.append("BYDAY=" + ",".join(draw(st.lists(st.sampled_from(CODES), min_size=1, max_size=7,
                                                           unique=True))))
        if draw(st.booleans()):
            parts.append(f"WKST={draw(st.sampled_from(CODES))}")
    if freq == "MONTHLY" and draw(st.booleans()):
        days = draw(st.lists(st.one_of(st.integers(1, 31), st.integers(-31, -1), st.sampled_from([28, 29, 30, 31, -1])),
                             min_size=1, max_size=4, unique=True))
        parts.append("BYMONTHDAY=" + ",".join(str(day) for day in days))
    return ";".join(parts)


_DAYS = st.one_of(st.dates(D(1990, 1, 1), D(2100, 12, 31)),
                  st.sampled_from([D(2024, 2, 29), D(2025, 1, 31), D(2026, 3, 31), D(2100, 2, 28), D(2000, 2, 29)]))


@settings(max_examples=1500, deadline=None)
@given(rule=rules(), starts=_DAYS, offset=st.integers(-60, 2000), span=st.integers(0, 400),
       until=st.one_of(st.none(), st.integers(-30, 3000)))
@example(rule="FREQ=MONTHLY;BYMONTHDAY=31", starts=D(2026, 1, 31), offset=0, span=200, until=None)
@example(rule="FREQ=MONTHLY;INTERVAL=12;BYMONTHDAY=29", starts=D(2024, 2, 29), offset=1, span=400, until=None)
@example(rule="FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,SU;WKST=SU", starts=D(2026, 11, 4), offset=0, span=60, until=None)
@example(rule="FREQ=MONTHLY;BYMONTHDAY=-1,30", starts=D(2027, 1, 30), offset=0, span=120, until=90)
@example(rule="FREQ=MONTHLY;BYMONTHDAY=29", starts=D(2000, 1, 29), offset=1, span=60, until=None)  # leap: 400
@example(rule="FREQ=MONTHLY;BYMONTHDAY=-1", starts=D(2100, 1, 31), offset=1, span=60, until=None)  # not: 100
def test_the_same_dates_as_dateutil(rule: str, starts: D, offset: int, span: int, until: int | None) -> None:
    simple = simple_rule(rule)
    assert simple is not None
    day = starts + dt.timedelta(days=offset)
    last_day = starts + dt.timedelta(days=until) if until is not None else None
    assert on_or_after(simple, starts, day, last_day) == _dateutil_after(rule, starts, day, last_day)
    window = day + dt.timedelta(days=span)
    assert between(simple, starts, day, window, last_day) == _dateutil_between(rule, starts, day, window, last_day)


@settings(max_examples=200, deadline=None)
@given(rule=rules(), starts=st.dates(D(9990, 1, 1), D(9999, 12, 31)), offset=st.integers(0, 4000))
def test_the_end_of_the_calendar_as_dateutil(rule: str, starts: D, offset: int) -> None:
    simple = simple_rule(rule)
    assert simple is not None
    day = min(starts + dt.timedelta(days=min(offset, (D.max - starts).days)), D.max)
    ours = on_or_after(simple, starts, day, None)
    try:
        expected = _dateutil_after(rule, starts, day, None)
    except ValueError:  # dateutil runs off the end of the calendar where the next date would be: none here
        assert ours is None or ours >= day
        return
    assert ours == expected


@pytest.mark.parametrize("rule", [
    "FREQ=YEARLY", "FREQ=MONTHLY;BYDAY=1MO", "FREQ=WEEKLY;COUNT=3", "FREQ=MONTHLY;BYDAY=MO;BYSETPOS=1",
    "FREQ=WEEKLY;BYDAY=2MO", "FREQ=DAILY;BYMONTH=1", "FREQ=WEEKLY;INTERVAL=0", "FREQ=WEEKLY;INTERVAL=²",
    "FREQ=MONTHLY;BYMONTHDAY=0", "FREQ=MONTHLY;BYMONTHDAY=32", "FREQ=weekly", "FREQ=DAILY;FREQ=DAILY",
    "FREQ=DAILY;UNTIL=20270101", "FREQ=WEEKLY;BYDAY=XX", "FREQ=WEEKLY;WKST=XX", "", "FREQ=DAILY;",
    "FREQ=WEEKLY;BYDAY=", "FREQ=MONTHLY;BYMONTHDAY=", "FREQ=DAILY;INTERVAL=",
])
def test_other_rules_are_left_to_dateutil(rule: str) -> None:
    assert simple_rule(rule) is None


def test_a_rule_that_never_comes_round_has_no_date() -> None:
    """Day 30 of every twelfth month from a January: the months are all Januaries, and it does come;
    from a February they are all Februaries, which never have one."""
    assert on_or_after(simple_rule("FREQ=MONTHLY;INTERVAL=12;BYMONTHDAY=30"), D(2026, 1, 1), D(2026, 2, 1), None) \
        == D(2027, 1, 30)
    assert on_or_after(simple_rule("FREQ=MONTHLY;INTERVAL=12;BYMONTHDAY=30"), D(2026, 2, 1), D(2026, 2, 1), None) \
        is None
    assert on_or_after(simple_rule("FREQ=MONTHLY;INTERVAL=24;BYMONTHDAY=29"), D(2024, 2, 1), D(2024, 3, 1), None) \
        == D(2028, 2, 29)


def test_the_reminder_dates_come_from_the_arithmetic_for_the_usual_rules(monkeypatch) -> None:
    """The public functions answer the usual rules without dateutil, and still hand it the others."""
    asked = []
    real = dates._compiled.__wrapped__

    def counted(rule, starts, until):
        asked.append(rule)
        return real(rule, starts, until)

    monkeypatch.setattr(dates, "_compiled", counted)
    assert dates.occurrence_on_or_after("FREQ=WEEKLY;BYDAY=SU", D(2026, 11, 1), D(2026, 11, 2)) == D(2026, 11, 8)
    assert dates.next_occurrence("FREQ=DAILY;INTERVAL=3", D(2026, 11, 1), D(2026, 11, 4)) == D(2026, 11, 7)
    assert dates.occurrences("FREQ=MONTHLY;BYMONTHDAY=-1", D(2024, 1, 31), D(2024, 1, 1), D(2024, 3, 31)) \
        == [D(2024, 1, 31), D(2024, 2, 29), D(2024, 3, 31)]
    assert asked == []
    assert dates.occurrence_on_or_after("FREQ=MONTHLY;BYDAY=1MO", D(2026, 11, 1), D(2026, 11, 3)) == D(2026, 12, 7)
    assert asked == ["FREQ=MONTHLY;BYDAY=1MO"]


def test_due_and_status_with_the_starter_reminders_load_no_dateutil(ok, db_path) -> None:
    """Every starter of a wellness plan, and a weekly call, come round by arithmetic: `due` and `status` show them
    without reading dateutil."""
    from peertrack.domain.starters import STARTERS

    for starter in STARTERS:
        ok("remind", "add", "--starter", starter.key)
    ok("remind", "add", "Call my sponsor", "--every", "2 weeks", "--on", "mon")  # today, a Monday
    code = ("import sys; sys.argv=['peertrack'] + sys.argv[1:]; from peertrack.cli import main\n"
            "try:\n    main()\nexcept SystemExit:\n    pass\n"
            "print('dateutil' in sys.modules, file=sys.stderr)")
    for args in (["due"], ["status"]):
        result = subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True)
        assert "Call my sponsor" in result.stdout
        assert result.stderr.splitlines()[-1] == "False", (args, result.stderr)
