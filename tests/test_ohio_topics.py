"""Ohio's nine topic minimums in 30 hours, from the template: by hand in the domain, then the to-do list in the CLI.

The minimums: ethics 3, boundaries 3, diversity 2, system navigation 1, trauma-informed care 2, human
trafficking 1, behavioral health knowledge 1, health and wellness 1, coaching 2 (16 hours); 14 of any kind.
"""

import datetime as dt
import json

import pytest

from peertrack.domain.certifications import CertInput, build_certification
from peertrack.domain.models import Allocation, Course
from peertrack.domain.requirements import progress
from peertrack.storage.template_files import find_template

D = dt.date
H = 3600
TODAY = D(2026, 11, 2)
TOPICS = ("ethics", "boundaries", "diversity", "system navigation", "trauma-informed care", "human trafficking",
          "behavioral health knowledge", "health and wellness", "coaching")
ALL_MET = {"ethics": 3, "boundaries": 3, "diversity": 2, "system navigation": 1, "trauma-informed care": 2,
           "human trafficking": 1, "behavioral health knowledge": 1, "health and wellness": 1, "coaching": 2}


def ohio():
    return build_certification(TODAY, CertInput(template=find_template("oh-peer"), expires="2027-06-30"))


def courses(hours_by_category: dict[str, float]) -> list[Course]:
    return [Course(date=D(2026, 3, 1), title=name, seconds=int(hours * H),
                   allocations=(Allocation(name, int(hours * H)),)) for name, hours in hours_by_category.items()]


@pytest.mark.parametrize(("logged", "earned", "missing", "gaps"), [
    ({}, 0, 30, dict(ALL_MET)),  # nothing yet: every topic, and 30 in all
    (dict(ALL_MET), 16, 14, {}),  # each minimum exactly: 14 more of any kind
    ({**ALL_MET, "peer support": 14}, 30, 0, {}),  # and 14 more: done
    ({"peer support": 30}, 30, 16, dict(ALL_MET)),  # 30 hours, none in a topic: the 16 topic hours are missing
    ({"coaching": 20, "ethics": 3}, 23, 11, {k: v for k, v in ALL_MET.items() if k not in ("coaching", "ethics")}),
    ({**ALL_MET, "boundaries": 2.5, "peer support": 14}, 29.5, 0.5, {"boundaries": 0.5}),  # half an hour short
])
def test_the_nine_topics_by_hand(logged, earned, missing, gaps):
    result = progress(ohio(), courses(logged), TODAY)
    assert [c.name for c in result.categories] == list(TOPICS)
    assert (result.earned_seconds, result.missing_seconds) == (int(earned * H), int(missing * H))
    assert {c.name: c.missing_seconds / H for c in result.categories if not c.met} == gaps


def test_the_to_do_list_through_the_command_line(ok):
    ok("cert", "add", "--template", "oh-peer", "--expires", "2027-06-30")  # cycle 1 July 2025 to 30 June 2027
    for title, hours, category, day in (("Ethics for peers", "3", "ethics", "2026-01-10"),
                                        ("Boundaries", "2", "boundaries", "2026-02-10"),
                                        ("Cultural humility", "2", "diversity", "2026-03-10"),
                                        ("Trauma-informed care", "1", "trauma-informed care", "2026-04-10"),
                                        ("Coaching basics", "4", "coaching", "2026-05-10")):
        ok("log-ceu", title, "--hours", hours, "--category", category, "--date", day)
    logged = ok("log-ceu", "WRAP refresher", "--hours", "5", "--category", "wellness", "--date", "2026-06-10")
    assert "Note: 'wellness' counts toward no minimum of oh-peer" in logged.stderr
    # 17 hours count; six topics are 1 hour short each; 13 missing over 240 days (7.88 months): 1.65 a month,
    # up to the quarter hour 1.75.
    todo = " ".join(ok("--plain", "status", "--missing").stdout.split())
    assert ("1 hour of behavioral health knowledge, 1 of boundaries, 1 of health and wellness, 1 of human "
            "trafficking, 1 of system navigation, 1 of trauma-informed care and 7 more of any kind by Wed 30 Jun "
            "2027, about 1.75 hours a month.") in todo
    # The WRAP course was 1 hour of health and wellness and 4 of peer support; a split course fills two topics.
    ok("ceu", "edit", "6", "--category", "health and wellness:1", "--category", "peer support:4")
    ok("log-ceu", "Systems and trafficking", "--hours", "2", "--category", "system navigation:1", "--category",
       "human trafficking:1", "--date", "2026-07-01")
    # 19 hours count; three topics 1 short; 11 missing: 1.395 a month, up to 1.5.
    todo = " ".join(ok("--plain", "status", "--missing").stdout.split())
    assert ("1 hour of behavioral health knowledge, 1 of boundaries, 1 of trauma-informed care and 8 more of any "
            "kind by Wed 30 Jun 2027, about 1.5 hours a month.") in todo
    cert = json.loads(ok("status", "--json").stdout)["certifications"][0]
    assert (cert["hours_earned"], cert["hours_missing"], cert["hours_missing_of_any_kind"]) == (19, 11, 8)
    assert [(c["name"], c["earned"], c["met"]) for c in cert["categories"]] == [
        ("ethics", 3, True), ("boundaries", 2, False), ("diversity", 2, True), ("system navigation", 1, True),
        ("trauma-informed care", 1, False), ("human trafficking", 1, True), ("behavioral health knowledge", 0, False),
        ("health and wellness", 1, True), ("coaching", 4, True)]
