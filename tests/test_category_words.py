"""Category words: which words count toward a certification's rules, and notes for words that count for none."""

from __future__ import annotations

import json

import pytest

from peertrack.domain.category_words import check_word, label_parts, unmatched_note
from peertrack.domain.models import HOUR, Requirement

PA_CPS = (Requirement("peer support", 24 * HOUR), Requirement("ethics", 3 * HOUR))
LABELS = {"peer support": "peer support and recovery"}


@pytest.mark.parametrize(("word", "counts", "meant"), [
    ("peer support", "peer support", None),
    ("Peer Support", "peer support", None),
    ("  ETHICS ", "ethics", None),
    ("recovery", None, "peer support"),  # a word of the template's label: meant, but not counted
    ("Recovery", None, "peer support"),
    ("peer support and recovery", None, "peer support"),
    ("ethic", None, "ethics"),  # one letter off
    ("etihcs", None, "ethics"),  # two neighbours swapped
    ("peer suport", None, "peer support"),
    ("wellness", None, None),  # nothing close
    ("and", None, None),  # the joining word of a label is no part of it
])
def test_check_word(word, counts, meant):
    check = check_word(word, PA_CPS, LABELS)
    assert (check.counts_toward, check.meant) == (counts, meant)


def test_without_labels_a_label_word_is_not_meant():
    assert check_word("recovery", PA_CPS).meant is None


def test_only_category_rules_have_words():
    rules = (Requirement("online", 10 * HOUR, "max", "format"), Requirement("GMHCN", 6 * HOUR, "min", "provider"))
    assert check_word("online", rules) == check_word("online", ())
    assert unmatched_note("online", "ga-cps", rules, 1) is None


def test_label_parts():
    assert label_parts("Peer support and recovery") == ["peer support and recovery", "peer support", "recovery"]
    assert label_parts("law and ethics") == ["law and ethics", "law", "ethics"]
    assert label_parts("professional ethics") == ["professional ethics"]


def test_note_words():
    assert unmatched_note("Recovery", "pa-cps", PA_CPS, 4, LABELS) == (
        "Note: 'Recovery' counts toward no minimum of pa-cps; its minimums are 'peer support' (24 hours) and "
        "'ethics' (3 hours). Did you mean 'peer support'? Change it with: "
        'peertrack ceu edit 4 --category "peer support"')
    assert unmatched_note("wellness", "x", PA_CPS[1:], 7, only_word=False) == (
        "Note: 'wellness' counts toward no minimum of x; its minimum is 'ethics' (3 hours). "
        "Change it with: peertrack ceu edit 7 --category ...")
    assert unmatched_note("ETHICS", "pa-cps", PA_CPS, 4) is None
    # Only caps on categories: no minimum to miss, no note.
    assert unmatched_note("wellness", "x", (Requirement("general", HOUR, "max"),), 1) is None


def test_log_ceu_notes_a_label_word(ok):
    ok("cert", "add", "--template", "pa-cps", "--issued", "2025-06-01", "--expires", "2027-05-31")
    result = ok("log-ceu", "WRAP refresher", "--hours", "3", "--date", "2026-10-01", "--category", "recovery")
    assert ("Note: 'recovery' counts toward no minimum of pa-cps; its minimums are 'peer support' (24 hours) "
            "and 'ethics' (3 hours). Did you mean 'peer support'? Change it with: "
            'peertrack ceu edit 1 --category "peer support"') in result.stderr
    assert "Note: 'recovery'" not in result.stdout
    edited = ok("ceu", "edit", "1", "--category", "peer support")
    assert "counts toward no minimum" not in edited.stderr
    shown = ok("cert", "show", "pa-cps")
    assert ("Category words   'peer support', 'ethics' (a course counts toward a rule only under its word)"
            in shown.stdout)
    assert json.loads(ok("cert", "show", "pa-cps", "--json").stdout)["category_words"] == ["peer support", "ethics"]


def test_ceu_edit_notes_a_misspelt_word_and_split_courses_get_dots(ok, make_cert):
    make_cert(require="ethics=3")
    ok("log-ceu", "Ethics", "--hours", "3", "--date", "2026-10-01", "--category", "ethics")
    edited = ok("ceu", "edit", "1", "--category", "ethic:2", "--category", "ethics:1")
    assert ("Note: 'ethic' counts toward no minimum of ca-pss; its minimum is 'ethics' (3 hours). "
            "Did you mean 'ethics'? Change it with: peertrack ceu edit 1 --category ...") in edited.stderr
    assert edited.stderr.count("counts toward no minimum") == 1


def test_no_note_without_category_minimums(ok, make_cert):
    make_cert()
    result = ok("log-ceu", "Anything", "--hours", "2", "--date", "2026-10-01", "--category", "recovery")
    assert "counts toward no minimum" not in result.stderr
    assert "Category words" not in ok("cert", "show", "ca-pss").stdout
    assert json.loads(ok("cert", "show", "ca-pss", "--json").stdout)["category_words"] == []
