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
        'peertrack ceu edit 4 --category "peer support" (or count your word as one of them: '
        'peertrack cert edit pa-cps --alias "Recovery=peer support")')
    assert unmatched_note("wellness", "x", PA_CPS[1:], 7, only_word=False) == (
        "Note: 'wellness' counts toward no minimum of x; its minimum is 'ethics' (3 hours). "
        "Change it with: peertrack ceu edit 7 --category ... (or count your word as one of them: "
        'peertrack cert edit x --alias "wellness=ethics")')
    assert unmatched_note("ETHICS", "pa-cps", PA_CPS, 4) is None
    # Only caps on categories: no minimum to miss, no note.
    assert unmatched_note("wellness", "x", (Requirement("general", HOUR, "max"),), 1) is None


def test_aliases_from_labels():
    from peertrack.domain.category_words import aliases_from_labels

    assert aliases_from_labels(PA_CPS, LABELS) == (("peer support and recovery", "peer support"),
                                                   ("recovery", "peer support"))
    assert aliases_from_labels((Requirement("ethics", 6 * HOUR),), {"ethics": "law and ethics"}) == (
        ("law and ethics", "ethics"), ("law", "ethics"))
    assert aliases_from_labels((Requirement("ethics", 6 * HOUR),), {"ethics": "IC&RC PR Code of Ethics"}) == (
        ("ic&rc pr code of ethics", "ethics"),)  # split at commas and "and" only
    provider = (Requirement("GMHCN", 6 * HOUR, "min", "provider"),)
    assert aliases_from_labels(provider, {"GMHCN": "GMHCN-sponsored"}) == ()


def test_check_word_counts_an_alias():
    check = check_word("Recovery", PA_CPS, aliases={"recovery": "peer support"})
    assert (check.counts_toward, check.meant) == ("peer support", None)


def test_a_word_of_a_templates_label_counts(ok, status_json):
    """PA CPS: 24 hours "in peer support and recovery"; a course filed under "recovery" counts toward it."""
    ok("cert", "add", "--template", "pa-cps", "--issued", "2025-06-01", "--expires", "2027-05-31")
    result = ok("log-ceu", "WRAP refresher", "--hours", "3", "--date", "2026-10-01", "--category", "recovery")
    assert "counts toward no minimum" not in result.stderr
    item = status_json()["certifications"][0]
    assert [(c["name"], c["earned"]) for c in item["categories"]] == [("peer support", 3), ("ethics", 0)]
    shown = " ".join(ok("cert", "show", "pa-cps").stdout.split())
    assert ("Category words 'peer support' (or 'peer support and recovery', 'recovery'), 'ethics' "
            "(a course counts toward a rule only under one of its words)") in shown
    data = json.loads(ok("cert", "show", "pa-cps", "--json").stdout)
    assert data["category_words"] == ["peer support", "ethics"]
    assert data["category_aliases"] == {"peer support and recovery": "peer support", "recovery": "peer support"}


def test_a_holder_maps_their_own_word(ok, make_cert, status_json, run, snapshot):
    make_cert(require="peer support=10")
    result = ok("log-ceu", "Peer work day", "--hours", "4", "--date", "2026-10-01", "--category", "Peer Work")
    assert "Note: 'peer work' counts toward no minimum of ca-pss" in result.stderr
    assert 'peertrack cert edit ca-pss --alias "peer work=peer support"' in result.stderr
    assert status_json()["certifications"][0]["categories"][0]["earned"] == 0
    changed = ok("cert", "edit", "ca-pss", "--alias", "peer work=Peer Support")
    assert "Your words it counts as its categories: 'peer work' as 'peer support'." in changed.stderr
    assert status_json()["certifications"][0]["categories"][0]["earned"] == 4
    assert json.loads(ok("cert", "show", "ca-pss", "--json").stdout)["category_aliases"] == {
        "peer work": "peer support"}
    before = snapshot()
    for bad, words in ((["--alias", "wellness=self care"], "names 'self care', which no rule of ca-pss has"),
                       (["--alias", "PEER SUPPORT=peer support"], "is already one of its rules' categories"),
                       (["--alias", "wellness"], "YOUR-WORD=CATEGORY")):
        refused = run("cert", "edit", "ca-pss", *bad)
        assert refused.exit_code == 2 and words in refused.stderr and "Traceback" not in refused.stderr
    assert snapshot() == before
    ok("cert", "edit", "ca-pss", "--alias", "peer work=")
    assert status_json()["certifications"][0]["categories"][0]["earned"] == 0


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


def test_a_certification_from_a_template_before_this_schema_gets_its_label_words(ok, db_path):
    """The fixture's ca-pss, as if added from the Medi-Cal template: its "law and ethics" label gives two words."""
    import shutil
    import sqlite3
    from pathlib import Path

    db_path.parent.mkdir(parents=True)
    shutil.copy(Path(__file__).parent / "fixtures" / "schema-4.db", db_path)
    with sqlite3.connect(db_path) as conn:
        conn.execute("UPDATE certifications SET template = 'ca-medi-cal-pss' WHERE id = 'ca-pss'")
    conn.close()
    data = json.loads(ok("cert", "show", "ca-pss", "--json").stdout)
    assert data["category_aliases"] == {"law and ethics": "ethics", "law": "ethics"}
    assert json.loads(ok("cert", "show", "ga-cps", "--json").stdout)["category_aliases"] == {}


def test_import_csv_notes_each_word_that_counts_toward_no_minimum(ok, make_cert, tmp_path):
    make_cert(require=["ethics=3", "peer support=10"])
    sheet = tmp_path / "log.csv"
    sheet.write_text("Date,Title,Hours,Category\n2026-09-01,Boundaries,1.5,Ethic\n2026-09-02,Law,1,ethic\n"
                     "2026-09-03,WRAP,2,wellness\n2026-09-04,Peer ethics,2,Ethics\n2024-01-01,Old,3,wellness\n")
    result = ok("import", "csv", str(sheet), "--yes")
    notes = [line for line in result.stderr.splitlines() if line.startswith("Note:")]
    assert notes == [
        "Note: 2 courses filed under 'ethic' count toward no minimum of ca-pss; its minimums are 'ethics' (3 hours) "
        "and 'peer support' (10 hours). Did you mean 'ethics'? Count them with: peertrack cert edit ca-pss "
        '--alias "ethic=ethics"',
        # The 2024 course is before the current cycle: it counts toward no minimum of this one anyway.
        "Note: 1 course filed under 'wellness' counts toward no minimum of ca-pss; its minimums are 'ethics' "
        "(3 hours) and 'peer support' (10 hours). Count it with: peertrack cert edit ca-pss "
        '--alias "wellness=ethics"']


def test_no_category_note_for_a_certification_the_course_does_not_count_toward(ok):
    ok("cert", "add", "--template", "pa-cps", "--issued", "2025-06-01", "--expires", "2027-05-31")
    logged = ok("log-ceu", "Long ago", "--hours", "1", "--category", "general", "--date", "2019-06-01").stderr
    assert "counts toward no minimum" not in logged and "outside the current cycle of pa-cps" in logged
