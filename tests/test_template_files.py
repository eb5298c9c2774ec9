"""A template file a supervisor shares: read whole, or refused with the file, the field and what is accepted."""

import json
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from peertrack.domain.template_format import TemplateFileError, exact_seconds, parse_templates

GOOD = {"id": "county-peer", "name": "County Peer Specialist", "body": "Our County", "state": "OH",
        "status": "partial", "checked": "2026-11-20", "cycle": {"months": 12}, "hours": 8,
        "rules": [{"kind": "min", "value": "Ethics", "hours": 1.5, "label": "ethics and boundaries"}],
        "late": [{"stage": "late", "until": {"days": 30}, "fee": 25}, {"stage": "lapsed"}],
        "tasks": [{"kind": "fee", "title": "Pay the county fee", "fee": 40, "days_before": 14}],
        "facts": ["Ask Maria in the county office."],
        "sources": ["County handbook, page 3", {"url": "https://county.example/peer", "quote": "8 hours a year",
                                                 "supports": ["hours"]}]}


def read(*templates):
    return parse_templates(json.dumps({"templates": list(templates)}), "county.json")


def test_a_good_file_reads_whole():
    (template,) = read(GOOD)
    assert (template.id, template.state, template.region, template.status) == ("county-peer", "OH", "Ohio", "partial")
    assert template.rules[0].value == "ethics" and template.rules[0].seconds == 5400
    assert template.labels == {"ethics": "ethics and boundaries"}
    assert [(s.stage, s.until_days, s.fee) for s in template.late] == [("late", 30, 25), ("lapsed", None, None)]
    assert template.tasks[0].fee == 40 and template.tasks[0].days_before == 14
    assert template.sources[0].url == "County handbook, page 3" and template.sources[1].supports == ("hours",)


def test_an_older_file_still_reads():
    (template,) = read({"id": "old", "name": "Old", "cycle": {"calendar_year": True}, "hours": 10,
                        "unconfirmed": True, "sources": ["a page"]})
    assert (template.months, template.calendar_year, template.status) == (12, True, "unconfirmed")


@pytest.mark.parametrize(("change", "words"), [
    ({"id": None}, ['template 1: id is null; give it as text in quotes (it is required)']),
    ({"id": "County Peer!"}, ['template "County Peer!": id is "county peer!"', "letters, digits and dashes"]),
    ({"hours": "eight"}, ['hours is "eight"', "give a number from 0 to 1000, or null"]),
    ({"hours": 1.33333}, ['hours is 1.33333', "to the second"]),
    ({"huors": 8}, ['a field is "huors"', 'did you mean "hours"?']),
    ({"cycle": {"months": 0}}, ["cycle.months is 0", "whole number from 1 to 120"]),
    ({"cycle": {"every": 12}}, ['cycle.every is "every"', "the choices are"]),
    ({"cycle": {"months": 18, "fixed": {"month": 9, "day": 1, "year": 2025}}},
     ["cycle.months is 18", "every whole number of years"]),
    ({"state": "Ohio"}, ['state is "Ohio"', "two-letter state code"]),
    ({"status": "maybe"}, ['status is "maybe"', "confirmed, partial, unconfirmed"]),
    ({"checked": "last week"}, ['checked is "last week"', '"2026-11"']),
    ({"rules": [{"kind": "atleast", "value": "ethics", "hours": 6}]}, ['rules[1].kind is "atleast"', '"min"']),
    ({"rules": [{"kind": "min", "value": "ethics", "hours": 0}]}, ["rules[1].hours is 0", "more than 0"]),
    ({"rules": [{"kind": "min", "dimension": "topic", "value": "x", "hours": 1}]}, ['rules[1].dimension is "topic"']),
    ({"late": [{"stage": "lapsed"}, {"stage": "late", "until": {"days": 30}}]},
     ["late[1].until is null", "only the last stage may have no end"]),
    ({"late": [{"stage": "late", "until": "Jan 15"}]}, ['late[1].until is "Jan 15"', '"MM-DD"']),
    ({"late": [{"stage": "overdue"}]}, ['late[1] is {"stage": "overdue"}', "grace|late|inactive|lapsed"]),
    ({"tasks": [{"kind": "fee"}]}, ['tasks[1] is {"kind": "fee"}', '"title"']),
    ({"first_cycle": {"starts": "next year"}}, ['first_cycle.starts is "next year"', '"january-after-issue"']),
    ({"sources": [{"url": "x", "quote": 5}]}, ["sources[1] is", '"quote"']),
])
def test_a_bad_field_is_one_sentence_naming_file_template_field_and_what_is_accepted(change, words):
    with pytest.raises(TemplateFileError) as caught:
        read(GOOD | change)
    message = str(caught.value)
    assert message.startswith("The template file county.json, template")
    for word in words:
        assert word in message
    assert caught.value.EXIT_CODE == 2


@pytest.mark.parametrize(("text", "words"), [
    ("{not json", "is not JSON"),
    ('{"templates": {}}', 'needs a list called "templates"'),
    ('[1, 2]', 'needs a list called "templates"'),
    (json.dumps({"templates": [GOOD, GOOD]}), 'has the id "county-peer" twice'),
])
def test_a_bad_file(text, words):
    with pytest.raises(TemplateFileError, match=words):
        parse_templates(text, "county.json")


def test_check_a_file_before_sharing_it(run, ok, tmp_path):
    good = tmp_path / "county.json"
    good.write_text(json.dumps({"templates": [GOOD]}))
    result = ok("cert", "templates", "--check", str(good))
    assert "is a good template file: county-peer" in result.stderr
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps({"templates": [GOOD | {"hours": -2}]}))
    refused = run("cert", "templates", "--check", str(bad))
    assert refused.exit_code == TemplateFileError.EXIT_CODE
    assert 'bad.json, template "county-peer": hours is -2' in refused.stderr
    assert refused.stdout == ""


def test_a_shared_file_in_the_folder_is_offered_and_used(ok, tmp_path):
    folder = tmp_path / "config" / "templates"
    folder.mkdir(parents=True)
    (folder / "county.json").write_text(json.dumps({"templates": [GOOD]}))
    assert [t["id"] for t in json.loads(ok("cert", "templates", "OH", "--json").stdout)] == ["oh-peer", "county-peer"]
    ok("cert", "add", "--template", "county-peer", "--expires", "2027-03-31")
    data = json.loads(ok("cert", "show", "county-peer", "--json").stdout)
    assert (data["hours_required"], data["grace_days"]) == (8, 30)


def test_templates_by_state_and_by_words(ok):
    text = ok("cert", "templates", "PA").stdout
    assert "pa-cps" in text and "pa-crs" in text and "tx-peer" not in text
    found = json.loads(ok("cert", "templates", "recovery", "--json").stdout)
    assert found and all("recovery" in (t["name"] + (t["body"] or "")).lower() for t in found)
    nothing = ok("cert", "templates", "no-such-words")
    assert 'No template matches "no-such-words"' in nothing.stderr


def test_every_template_in_json_has_its_sources_checked_date_and_confirmation(ok):
    data = json.loads(ok("cert", "templates", "--json").stdout)
    assert len(data) >= 35
    for template in data:
        assert template["checked"] and template["status"] in ("confirmed", "partial", "unconfirmed")
        assert template["confirmed"] is (template["status"] == "confirmed")
        assert template["sources"] and all(set(s) == {"url", "quote", "supports"} for s in template["sources"])
    ga = next(t for t in data if t["id"] == "ga-cps")
    assert any("January 15th" in s["quote"] and s["supports"] == ["late:grace"] for s in ga["sources"])


def test_rules_on_service_and_what_working_toward_it_needs_read_from_a_file():
    (template,) = read(GOOD | {"work": [{"kind": "service", "hours": 50}], "entry": [{"kind": "training",
                                                                                       "hours": 40}]})
    assert len(template.work) == 1 and len(template.entry) == 1
    with pytest.raises(TemplateFileError, match='template "county-peer": work is'):
        read(GOOD | {"work": [{"kind": "cooking", "hours": 5}]})


@given(st.one_of(st.integers(0, 1000), st.floats(0, 1000, allow_nan=False),
                 st.floats(allow_nan=False, allow_infinity=False),
                 st.builds(lambda whole, part, digits: round(whole + part, digits), st.integers(0, 999),
                           st.floats(0, 1), st.integers(0, 6))))
def test_hours_in_seconds_are_those_of_the_written_fraction(hours):
    """Held to the plain reckoning: the number's text as an exact fraction, times 3600."""
    written = Fraction(str(hours)) * 3600
    assert exact_seconds(hours) == (int(written) if written.denominator == 1 else None)


@pytest.mark.parametrize(("hours", "seconds"), [(1.5, 5400), (0.125, 450), (0.01, 36), (20, 72000), (0, 0),
                                                (0.0001, None), (1 / 3, None), (1e-05, None), (-1.5, -5400),
                                                (1e16, 36 * 10 ** 18), (2.5e-3, 9), (float("inf"), None),
                                                (float("nan"), None)])
def test_hours_in_seconds_at_the_edges(hours, seconds):
    assert exact_seconds(hours) == seconds

