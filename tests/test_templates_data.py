"""The built-in templates: every number in a quote recorded for it, the corrections, and finding templates."""

import pytest

from peertrack.domain.builtin_templates import TEMPLATES
from peertrack.domain.late_stages import grace_days
from peertrack.domain.states import state_code
from peertrack.domain.template_evidence import spelled, unsupported
from peertrack.domain.templates import STATUSES, search_templates, templates_for_state
from peertrack.storage.template_files import load_templates

RAW = {"templates": TEMPLATES}
BY_ID = {t.id: t for t in load_templates()}


@pytest.mark.parametrize("item", RAW["templates"], ids=[t["id"] for t in RAW["templates"]])
def test_every_number_is_in_a_quote_that_supports_it(item):
    assert unsupported(item) == []
    assert item["checked"] and item["status"] in STATUSES
    assert item["sources"] and all(source["url"].startswith("http") for source in item["sources"])


@pytest.mark.parametrize("item", RAW["templates"], ids=[t["id"] for t in RAW["templates"]])
def test_unconfirmed_templates_ship_no_numbers_and_say_so(item):
    template = BY_ID[item["id"]]
    if template.status == "unconfirmed":
        assert (template.months, template.hours, template.rules, template.month_choices) == (None, None, (), {})
    if template.status != "confirmed":
        assert template.facts, "a template that is not fully confirmed says what is missing"


def test_the_set_covers_the_states_and_the_national_bodies():
    templates = list(BY_ID.values())
    states = {t.state for t in templates} - {"US"}
    confirmed_states = {t.state for t in templates if t.status == "confirmed"} - {"US"}
    assert len(templates) >= 35 and len(states) >= 28 and len(confirmed_states) >= 25
    assert {"icrc-pr", "nff-cfps", "naadac-ncprss", "ncps"} <= set(BY_ID)
    assert sum(t.status == "confirmed" for t in templates) >= 30


def test_the_contradictions_found_are_corrected():
    assert BY_ID["ca-medi-cal-pss"].opens_days == 60  # not 90
    assert BY_ID["ny-cps"].month_choices == {12: 36000, 24: 72000, 36: 108000}  # 3 years, 30 credits
    ga = BY_ID["ga-cps"]
    assert [(s.stage, s.until_date, s.fee) for s in ga.late] == [
        ("grace", "01-15", 0), ("late", "01-31", 26), ("inactive", None, 105)]
    assert grace_days(__import__("datetime").date(2026, 12, 31), ga.late) == 31  # inactive after 31 January
    assert BY_ID["id-cpss"].unique_hours_with == ("id-cfsp",)
    assert BY_ID["id-cfsp"].unique_hours_with == ("id-cpss",)
    assert any("annual fee" in fact for fact in BY_ID["il-crss"].facts)


@pytest.mark.parametrize(("quote", "kind", "value", "found"), [
    ("20 hours of continuing education earned every two years", "months", 24, True),
    ("20 hours of continuing education earned every two years", "hours", 20, True),
    ("20 hours of continuing education earned every two years", "hours", 3, False),
    ("valid for two (2) years from the date of issuance", "months", 24, True),
    ("for every 24-month renewal period", "months", 24, True),
    ("Recertification is offered annually", "months", 12, True),
    ("in each subsequent year", "months", 12, True),
    ("every three years", "months", 24, False),
    ("Forty (40) continuing education units", "hours", 40, True),
    ("a late fee of $20 (in addition to the $20 processing fee)", "fee", 20, True),
    ("Fee is $ 50.00", "fee", 50, True),
    ("Fee is $ 50.00", "fee", 5, False),
    ("a grace period until January 15th without a late fee", "month-day", "01-15", True),
    ("a grace period until January 15th without a late fee", "fee", 0, True),
    ("submitted after Jan 15, 2024", "month-day", "01-15", True),
    ("submitted after Jan 15, 2024", "month-day", "01-16", False),
    ("expire on September 1 st of each odd numbered year", "year", 2025, True),
    ("expire on September 1 st of each odd numbered year", "year", 2026, False),
    ("September 30, 2015, September 30, 2019", "year", 2015, True),
    ("one and one half hours per month lapsed", "hours", 1.5, True),
    ("At least once every six years", "years", 6, True),
    ("None at this time", "hours", 0, True),
])
def test_a_number_is_spelled_in_its_quote(quote, kind, value, found):
    assert spelled(quote, kind, value) is found


def test_a_number_no_quote_shows_is_caught():
    item = {"id": "x", "cycle": {"months": 24}, "hours": 30, "rules": [{"value": "ethics", "hours": 6}],
            "sources": [{"url": "https://example.org", "quote": "20 hours every two years, 6 in ethics",
                         "supports": ["cycle", "hours", "rule:ethics", "opens_days"]}]}
    assert unsupported(item) == ["a source supports opens_days, which the template does not have",
                                 "hours = 30 (hours) is in no quote that supports hours"]


@pytest.mark.parametrize(("text", "code"), [
    ("PA", "PA"), ("pa", "PA"), ("Pennsylvania", "PA"), ("new  york", "NY"), ("District of Columbia", "DC"),
    ("national", "US"), ("US", "US"), ("Pennsylvanya", None), ("recovery", None), ("", None)])
def test_state_code(text, code):
    assert state_code(text) == code


def test_a_states_templates_then_the_national_ones():
    found = [t.id for t in templates_for_state("pa", load_templates())]
    assert found[:2] == ["pa-cps", "pa-crs"]
    assert set(found[2:]) == {"icrc-pr", "naadac-ncprss", "ncps", "nff-cfps"}
    assert [t.id for t in templates_for_state("Georgia", load_templates())][:2] == ["ga-cares", "ga-cps"]
    assert templates_for_state("nowhere", load_templates()) == []
    assert {t.state for t in templates_for_state("national", load_templates())} == {"US"}


@pytest.mark.parametrize(("words", "expected"), [
    (["PA"], {"pa-cps", "pa-crs"}),
    (["texas"], {"tx-peer", "tx-supervisor"}),
    (["New", "York"], {"ny-crpa", "ny-carc", "ny-crpa-family", "ny-vsr", "ny-cps"}),
    (["recovery", "NY"], {"ny-crpa", "ny-carc", "ny-crpa-family", "ny-vsr"}),
    (["gmhcn"], {"ga-cps"}),
    (["no-such-words"], set()),
])
def test_search_by_state_or_words(words, expected):
    assert {t.id for t in search_templates(words, load_templates())} == expected


def test_search_by_a_word_matches_names_and_bodies():
    found = search_templates(["recovery"], load_templates())
    assert len(found) > 10
    assert all("recovery" in t.words().casefold() for t in found)
