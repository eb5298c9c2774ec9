"""Provider identity and approved-only boards, worked out by hand."""

import datetime as dt

import pytest

from peertrack.domain.models import Certification, Course, Cycle, NotApproved, Requirement
from peertrack.domain.providers import (
    approval_hint,
    is_approved,
    known_as,
    not_approved,
    not_approved_words,
    provider_key,
    same_provider,
)
from peertrack.domain.requirements import progress

D = dt.date
H = 3600
GMHCN = {"GMHCN": ("Georgia Mental Health Consumer Network", "Georgia Mental Health Consumer Network (GMHCN)",
                   "GMHCN-sponsored")}


@pytest.mark.parametrize(("name", "key"), [
    ("GMHCN-sponsored", "gmhcn sponsored"), ("  Acme   Training. ", "acme training"), ("AT&T", "at&t"),
    ("Georgia Mental Health Consumer Network (GMHCN)", "georgia mental health consumer network gmhcn")])
def test_a_providers_name_as_compared(name, key):
    assert provider_key(name) == key


@pytest.mark.parametrize(("one", "other", "same"), [
    ("GMHCN", "gmhcn", True), ("GMHCN", "G.M.H.C.N.", False), ("GMHCN", "GMHCN approved vendor", False),
    ("GMHCN", "GMHCN Atlanta", False), ("GMHCN sponsored", "GMHCN-Sponsored", True)])
def test_one_provider_exactly(one, other, same):
    assert same_provider(one, other) is same


def course(provider, hours, approval_no=None, number=None, day=D(2026, 3, 1)):
    return Course(date=day, title="c", seconds=int(hours * H), provider=provider, approval_no=approval_no, id=number)


def test_other_names_become_the_rules_name_and_nothing_else_does():
    found = known_as([course("Georgia Mental Health Consumer Network", 2), course("GMHCN approved vendor", 3),
                      course("gmhcn sponsored", 0.5), course(None, 1)], GMHCN)
    assert [c.provider for c in found] == ["GMHCN", "GMHCN approved vendor", "GMHCN", None]


def test_georgia_hours_from_gmhcn_by_any_of_its_names():
    # 2 + 1 + 0.5 hours are GMHCN's own (three of its names); the vendor's 3 count toward the 12 only.
    cert = Certification(id="ga-cps", name="GA CPS", cycle_months=12, required_seconds=12 * H,
                         requirements=(Requirement("GMHCN", 6 * H, "min", "provider"),),
                         cycle=Cycle(starts=D(2026, 1, 1), ends=D(2026, 12, 31), required_seconds=12 * H))
    courses = known_as([course("Georgia Mental Health Consumer Network", 2), course("GMHCN approved vendor", 3),
                        course("gmhcn", 1), course("GMHCN-sponsored", 0.5)], GMHCN)
    result = progress(cert, courses, D(2026, 11, 2))
    assert (result.earned_seconds, result.categories[0].earned_seconds, result.missing_seconds) == (
        int(6.5 * H), int(3.5 * H), int(5.5 * H))


def test_hours_without_an_approval_number_are_counted_by_provider():
    courses = [course("Acme Training", 2, number=2), course("NYCB", 4, "NYCB-1", number=1),
               course("ACME training", 1, "  ", number=3), course(None, 1.5, number=4)]
    assert [is_approved(c) for c in courses] == [False, True, False, False]
    found = not_approved(courses, "ny-crpa")
    assert found == (NotApproved("Acme Training", 3 * H, (2, 3)), NotApproved(None, int(1.5 * H), (4,)))
    assert not_approved_words(found[0], "ny-crpa") == (
        "3 hours from Acme Training do not count: ny-crpa counts only courses from approved providers")
    assert not_approved_words(NotApproved(None, H), "fl-crps") == (
        "1 hour from courses with no provider does not count: fl-crps counts only courses from approved providers")
    assert approval_hint(found) == "If a course was approved, add its approval number: peertrack ceu edit 2 " \
                                   "--approval-no NUMBER"
    assert not_approved([courses[1]], "ny-crpa") == () and approval_hint(()) is None
