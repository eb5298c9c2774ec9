"""A board's rules corrected in a template reach the certifications added from it, asked, never unasked;
a rule the holder changed on purpose is never offered back unless the template changes it again."""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from peertrack.domain.models import Certification, Cycle, Requirement
from peertrack.domain.template_updates import pending, rules_text, with_update
from peertrack.domain.templates import CycleShape, Template

D = dt.date
H = 3600
CORE = Requirement("core", 0, "max")
ETHICS = Requirement("ethics", 6 * H)


def _template(hours: int | None = 20 * H, rules=(CORE,), carry: int | None = None) -> Template:
    return Template(id="county", name="County peer", body=None, region=None, months=24, calendar_year=False,
                    month_choices={}, hours=hours, rules=tuple(rules), labels={}, carry_over_hours=carry,
                    opens_days=None, submit_days=None, grace_days=None, facts=(), sources=(), checked=None,
                    status="confirmed", origin="test", state=None, shape=CycleShape())


def _cert(hours: int = 20 * H, rules=(), carry: int | None = None, cycle_hours: int | None = None,
          ahead=None) -> Certification:
    return Certification(id="county", name="County peer", cycle_months=24, required_seconds=hours,
                         cycle=Cycle(D(2025, 10, 1), D(2027, 9, 30), hours if cycle_hours is None else cycle_hours,
                                     carry_cap_seconds=carry),
                         requirements=tuple(rules), carry_over_seconds=carry, template="county",
                         next_requirements=ahead)


def test_a_certification_with_the_templates_rules_is_offered_nothing():
    template = _template()
    cert = _cert(rules=(CORE,))
    assert pending(cert, template, rules_text(template, 24)) is None
    assert pending(cert, template, None) is None


def test_rules_that_differ_and_were_never_kept_are_offered_as_differing():
    update = pending(_cert(rules=(ETHICS,)), _template(), None)
    assert update is not None and update.parts == ("rules",) and not update.since_added
    assert (update.rules, update.dropped) == ((CORE,), (ETHICS,))


def test_a_rule_the_template_adds_leaves_the_holders_own_rules_alone():
    """The holder added a minimum of their own; the template then adds another: only that one is offered, and
    taking it keeps the holder's."""
    cultural = Requirement("cultural", 1 * H)
    kept = rules_text(_template(), 24)
    mine = _cert(rules=(CORE, Requirement("ethics", 2 * H)))
    update = pending(mine, _template(rules=(CORE, cultural)), kept)
    assert update is not None and (update.rules, update.dropped, update.since_added) == ((cultural,), (), True)
    assert with_update(mine, update).requirements == (CORE, Requirement("ethics", 2 * H), cultural)


def test_a_rule_the_holder_changed_is_not_offered_back_until_the_template_changes_it():
    template = _template()
    kept = rules_text(template, 24)
    mine = _cert(hours=30 * H, rules=(CORE, ETHICS))  # the holder's own hours and an extra minimum
    assert pending(mine, template, kept) is None
    # The board lowers the hours to 18: only the hours are offered, the holder's extra minimum stays theirs.
    lowered = _template(hours=18 * H)
    update = pending(mine, lowered, kept)
    assert update is not None and update.parts == ("hours",) and update.since_added
    taken = with_update(mine, update)
    assert (taken.required_seconds, taken.cycle.required_seconds, taken.requirements) == (18 * H, 18 * H,
                                                                                         (CORE, ETHICS))


def test_a_change_the_holder_already_made_is_not_offered():
    kept = rules_text(_template(rules=()), 24)
    assert pending(_cert(rules=(CORE,)), _template(rules=(CORE,)), kept) is None


def test_a_template_that_gives_no_hours_offers_none():
    update = pending(_cert(hours=25 * H), _template(hours=None, carry=5 * H), rules_text(_template(hours=None), 24))
    assert update is not None and update.parts == ("carry",)
    taken = with_update(_cert(hours=25 * H), update)
    assert (taken.required_seconds, taken.carry_over_seconds, taken.cycle.carry_cap_seconds) == (25 * H, 5 * H, 5 * H)


def test_a_cycle_with_rules_of_its_own_keeps_them():
    """A first cycle the board waived (0 hours, no minimums): only the cycles after it take the new rules."""
    cert = _cert(hours=20 * H, rules=(), cycle_hours=0, ahead=(ETHICS,))
    update = pending(cert, _template(hours=24 * H, rules=(ETHICS, CORE)), None)
    assert update is not None and update.parts == ("hours", "rules")
    taken = with_update(cert, update)
    assert (taken.cycle.required_seconds, taken.requirements) == (0, ())
    assert (taken.required_seconds, taken.rules_ahead) == (24 * H, (ETHICS, CORE))


def test_a_cycle_with_a_carry_over_cap_of_its_own_keeps_it():
    cert = _cert(rules=(CORE,))
    cert = Certification(**{**cert.__dict__, "cycle": Cycle(cert.cycle.starts, cert.cycle.ends, 20 * H,
                                                                 carry_cap_seconds=5 * H)})
    update = pending(cert, _template(carry=10 * H), rules_text(_template(), 24))
    assert update is not None and update.parts == ("carry",)
    taken = with_update(cert, update)
    assert (taken.carry_over_seconds, taken.cycle.carry_cap_seconds) == (10 * H, 5 * H)


def test_a_rule_the_holder_matched_and_changed_again_is_not_offered():
    from peertrack.domain.template_updates import matched

    kept = rules_text(_template(), 24)  # 20 hours when added; the holder gave 24
    mine = _cert(hours=24 * H, rules=(CORE,))
    corrected = _template(hours=24 * H)  # the template comes to 24 too: nothing to offer
    assert pending(mine, corrected, kept) is None
    noted = matched(kept, mine, corrected)  # the holder edits: what they matched is kept as seen
    assert pending(_cert(hours=30 * H, rules=(CORE,)), corrected, noted) is None
    assert pending(_cert(hours=30 * H, rules=(CORE,)), corrected, kept) is not None  # without it, offered back


def test_the_kept_text_does_not_depend_on_the_order_of_the_rules():
    assert rules_text(_template(rules=(CORE, ETHICS)), 24) == rules_text(_template(rules=(ETHICS, CORE)), 24)


# Through the command line, with New York's CPS: its template now says the 13 core courses do not count.

@pytest.fixture
def nycps(ok, db_path):
    """An NYCPS added before the template had its core rule: the rule and the kept text are gone, as then."""
    ok("cert", "add", "--template", "ny-cps", "--expires", "2027-09-30", "--cycle", "2y")
    ok("log-ceu", "Core course 4", "--hours", "3", "--category", "core", "--date", "2026-03-01")
    ok("log-ceu", "Boundaries", "--hours", "2", "--category", "ethics", "--date", "2026-04-01")
    conn = sqlite3.connect(db_path)
    conn.execute("DELETE FROM requirements WHERE value = 'core'")
    conn.execute("UPDATE certifications SET template_rules = NULL")
    conn.commit()
    conn.close()


def test_status_says_so_and_cert_update_takes_the_rule_after_asking(nycps, ok, run, status_json, snapshot):
    item = status_json()["certifications"][0]
    assert item["hours_earned"] == 5 and item["template_update"]["parts"] == ["rules"]
    words = "Its template (ny-cps) gives other rules than yours: no core hours count."
    assert item["template_update"]["words"] == words
    shown = ok("status").stdout
    assert "! Its template (ny-cps) gives other rules than yours: no core hours count." in shown
    assert "take it or keep yours: peertrack cert update ny-cps" in shown
    before = snapshot()
    asked = run("cert", "update", "ny-cps")  # no terminal to ask on: nothing changes
    assert asked.exit_code == 2 and "Add --yes" in asked.stderr and snapshot() == before
    assert "The template now says: no core hours count." in asked.stderr
    taken = ok("cert", "update", "ny-cps", "--yes")
    assert "✓ Changed NY Certified Peer Specialist (NYCPS) (ny-cps)" in taken.stderr
    assert "now apply to the current cycle (Wed 1 Oct 2025 to Thu 30 Sep 2027) and every cycle after it" \
        in taken.stderr
    item = status_json()["certifications"][0]
    assert (item["hours_earned"], item["template_update"]) == (2, None)  # the 3 core hours no longer count
    assert "Its template" not in ok("status").stdout
    again = ok("cert", "update", "ny-cps")
    assert "✓ Its template (ny-cps) has nothing new for NY Certified Peer Specialist (NYCPS) (ny-cps)." in again.stderr


def test_keeping_ones_own_rules_stops_the_offer(nycps, ok, status_json):
    kept = ok("cert", "update", "ny-cps", "--keep-mine")
    assert "✓ Kept your rules for ny-cps" in kept.stderr
    item = status_json()["certifications"][0]
    assert (item["hours_earned"], item["template_update"]) == (5, None)
    assert "Its template" not in ok("cert", "show", "ny-cps").stdout


def _own_template(tmp_path: Path, **changes) -> None:
    """The holder's own template file with the id ny-cps, which replaces the built-in one: a board's correction."""
    folder = tmp_path / "config" / "templates"
    folder.mkdir(parents=True, exist_ok=True)
    template = {"id": "ny-cps", "name": "NY Certified Peer Specialist (NYCPS)",
                "cycle": {"choices": {"12": 10, "24": 20, "36": 30}},
                "rules": [{"kind": "max", "value": "core", "hours": 0}]} | changes
    (folder / "ny.json").write_text(json.dumps({"templates": [template]}), encoding="utf-8")


def test_a_template_changed_after_adding_is_offered_only_what_changed(ok, tmp_path, status_json):
    # Added with hours of the holder's own: kept as theirs when the template later changes its rules.
    ok("cert", "add", "--template", "ny-cps", "--expires", "2027-09-30", "--cycle", "2y", "--hours", "24")
    assert status_json()["certifications"][0]["template_update"] is None
    _own_template(tmp_path, cycle={"choices": {"12": 12, "24": 24, "36": 36}},
                  rules=[{"kind": "max", "value": "core", "hours": 0}, {"kind": "min", "value": "ethics", "hours": 3}])
    update = status_json()["certifications"][0]["template_update"]
    # The hours changed too (20 to 24), but the holder has 24 already: only the new minimum is offered.
    assert (update["parts"], update["changed_since_added"]) == (["rules"], True)
    assert update["words"] == "Its template (ny-cps) has changed: at least 3 ethics."
    ok("cert", "update", "ny-cps", "--yes")
    item = status_json()["certifications"][0]
    assert [c["name"] for c in item["categories"]] == ["ethics"] and item["hours_missing"] == 24


def test_a_cycle_with_rules_of_its_own_keeps_all_of_them_when_the_rules_are_taken(ok, tmp_path, status_json):
    """The current cycle was given 8 hours of its own; the template then changes its hours and adds a minimum:
    the current cycle keeps its 8 hours and no minimum, the cycles after it take both."""
    ok("cert", "add", "--template", "ny-cps", "--expires", "2027-09-30", "--cycle", "2y")
    ok("cert", "edit", "ny-cps", "--cycle", "current", "--hours", "8")
    _own_template(tmp_path, cycle={"choices": {"12": 12, "24": 22, "36": 36}},
                  rules=[{"kind": "max", "value": "core", "hours": 0}, {"kind": "min", "value": "ethics", "hours": 3}])
    taken = ok("cert", "update", "ny-cps", "--yes")
    assert "every cycle after the current one, which keeps its own rules" in taken.stderr
    data = json.loads(ok("cert", "show", "ny-cps", "--json").stdout)
    assert (data["hours_required"], data["next_cycles"]["hours_required"]) == (8, 22)
    assert data["categories"] == [] and data["template_update"] is None
    assert "at least 3 ethics" in ok("cert", "show", "ny-cps").stdout  # the next cycles' rules


def test_a_carry_over_cap_of_the_current_cycle_is_kept(ok, tmp_path, status_json):
    ok("cert", "add", "--template", "ny-cps", "--expires", "2027-09-30", "--cycle", "2y")
    ok("cert", "edit", "ny-cps", "--cycle", "current", "--carry-over", "5")
    _own_template(tmp_path, carry_over_hours=10)
    assert status_json()["certifications"][0]["template_update"]["parts"] == ["carry"]
    ok("cert", "update", "ny-cps", "--yes")
    item = status_json()["certifications"][0]
    assert (item["carry_over_hours"], item["carry_over_hours_this_cycle"]) == (10, 5)


def test_a_rule_of_the_holders_own_stays_when_the_template_adds_another(ok, tmp_path, status_json):
    ok("cert", "add", "--template", "ny-cps", "--expires", "2027-09-30", "--cycle", "2y")
    ok("cert", "edit", "ny-cps", "--require", "ethics=2", "--cap", "core=0")
    _own_template(tmp_path, rules=[{"kind": "max", "value": "core", "hours": 0},
                                   {"kind": "min", "value": "cultural", "hours": 1}])
    update = status_json()["certifications"][0]["template_update"]
    assert update["words"] == "Its template (ny-cps) has changed: at least 1 cultural."
    ok("cert", "update", "ny-cps", "--yes")
    names = [(c["name"], c["required"]) for c in status_json()["certifications"][0]["categories"]]
    assert names == [("ethics", 2), ("cultural", 1)]


def test_hours_the_holder_matched_and_changed_again_are_not_offered_back(ok, tmp_path, status_json):
    ok("cert", "add", "--template", "ny-cps", "--expires", "2027-09-30", "--cycle", "2y", "--hours", "24")
    _own_template(tmp_path, cycle={"choices": {"12": 12, "24": 24, "36": 36}})  # the template comes to 24 too
    assert status_json()["certifications"][0]["template_update"] is None
    ok("cert", "edit", "ny-cps", "--hours", "30")  # the holder's own again
    assert status_json()["certifications"][0]["template_update"] is None


def test_kept_rules_are_offered_again_when_the_template_changes_them_again(nycps, ok, tmp_path, status_json):
    ok("cert", "update", "ny-cps", "--keep-mine")
    assert status_json()["certifications"][0]["template_update"] is None
    _own_template(tmp_path, rules=[{"kind": "max", "value": "core", "hours": 0},
                                   {"kind": "max", "dimension": "format", "value": "online", "hours": 10}])
    update = status_json()["certifications"][0]["template_update"]
    assert update["words"] == "Its template (ny-cps) has changed: at most 10 online."


def test_the_holders_removed_category_words_do_not_come_back(ok, tmp_path, status_json):
    from peertrack.domain.builtin_templates import TEMPLATES

    ok("cert", "add", "--template", "ca-medi-cal-pss", "--id", "ca-pss", "--expires", "2027-06-30")
    ok("cert", "edit", "ca-pss", "--alias", "law=")  # "law" (of "law and ethics") no longer counts as ethics
    medi_cal = next(t for t in TEMPLATES if t["id"] == "ca-medi-cal-pss")
    folder = tmp_path / "config" / "templates"
    folder.mkdir(parents=True)
    changed = medi_cal | {"rules": [*medi_cal["rules"], {"kind": "max", "dimension": "format", "value": "online",
                                                         "hours": 10}]}
    (folder / "ca.json").write_text(json.dumps({"templates": [changed]}), encoding="utf-8")
    words = ok("cert", "show", "ca-pss").stdout.split("Category words")[-1].split("\n")[0]
    assert "'law and ethics'" in words and "'law'" not in words
    ok("cert", "update", "ca-pss", "--yes")
    assert ok("cert", "show", "ca-pss").stdout.split("Category words")[-1].split("\n")[0] == words


def test_what_changed_while_the_holder_was_asked_is_not_taken(nycps, ok, db_path):
    from peertrack.domain.errors import Conflict
    from peertrack.services.rules_updates import offered, take
    from peertrack.storage.database import connect

    conn = connect(db_path)
    cert, shown = offered(conn, "ny-cps")
    assert shown is not None
    ok("cert", "edit", "ny-cps", "--require", "ethics=4")  # another peertrack, while the question was open
    with pytest.raises(Conflict, match="changed while you were deciding"):
        take(conn, "ny-cps", shown)
    conn.close()
    assert [c["name"] for c in json.loads(ok("status", "--json").stdout)["certifications"][0]["categories"]] \
        == ["ethics"]


def test_a_certification_without_a_template_has_nothing_to_take(make_cert, refused):
    from peertrack.domain.errors import InvalidInput

    make_cert()
    refused(["cert", "update", "ca-pss"], InvalidInput, ["ca-pss", "was not added from a template",
                                                          "peertrack cert edit ca-pss"])


@pytest.mark.parametrize("unreadable", [False, True])
def test_the_upgrade_keeps_the_rules_of_certifications_that_have_them_and_offers_the_others(ok, db_path, tmp_path,
                                                                                              status_json,
                                                                                              unreadable):
    """A file from before: one NYCPS with the core rule (nothing to offer), one without (offered once), one from
    a template since gone (nothing). A template file of the holder's that cannot be read leaves the built-in."""
    ok("cert", "add", "--template", "ny-cps", "--expires", "2027-09-30", "--cycle", "2y")
    ok("cert", "add", "--template", "ny-cps", "--id", "ny-old", "--expires", "2027-09-30", "--cycle", "2y")
    ok("cert", "add", "--template", "ny-cps", "--id", "gone", "--expires", "2027-09-30", "--cycle", "2y")
    if unreadable:
        (tmp_path / "config" / "templates").mkdir(parents=True)
        (tmp_path / "config" / "templates" / "broken.json").write_text("{not json", encoding="utf-8")
    conn = sqlite3.connect(db_path)
    conn.execute("UPDATE certifications SET template = 'a-board-since-gone' WHERE id = 'gone'")
    conn.execute("DELETE FROM requirements WHERE value = 'core' AND cert_id = 'ny-old'")
    conn.execute("ALTER TABLE certifications DROP COLUMN template_rules")
    conn.execute("DELETE FROM _sqlite_migrations WHERE name = '0018-template-rules-kept'")
    conn.execute("PRAGMA user_version = 15")
    conn.commit()
    conn.close()
    conn = sqlite3.connect(db_path)
    migrated = subprocess.run([sys.executable, "-m", "peertrack", "cert", "list"], capture_output=True, text=True)
    assert migrated.returncode == 0, migrated.stderr
    kept = dict(conn.execute("SELECT id, template_rules FROM certifications").fetchall())
    conn.close()
    assert kept["ny-cps"] is not None and (kept["ny-old"], kept["gone"]) == (None, None)
    if unreadable:
        return  # status cannot read the broken file either: it offers nothing until the file is mended
    updates = {item["id"]: item["template_update"] for item in status_json()["certifications"]}
    assert (updates["ny-cps"], updates["gone"]) == (None, None)
    assert updates["ny-old"]["parts"] == ["rules"] and not updates["ny-old"]["changed_since_added"]


def test_a_cycle_of_another_length_is_offered_its_hours_as_differing_not_as_changed():
    """Added on a 2-year cycle (20 hours), changed to 3 years: the template's 30 hours for 3 years are offered,
    but the template did not change."""
    two_years = Template(**{**_template().__dict__, "month_choices": {24: 20 * H, 36: 30 * H}, "hours": None})
    kept = rules_text(two_years, 24)
    cert = Certification(**{**_cert(rules=(CORE,)).__dict__, "cycle_months": 36})
    update = pending(cert, two_years, kept)
    assert update is not None and update.parts == ("hours",) and update.hours == 30 * H and not update.since_added


def test_a_corrected_renewal_window_is_offered_and_taken(ok, db_path, status_json):
    """Medi-Cal's page once said renewal opens 90 days before expiry; it now says 60. A certification added then
    is offered the 60 days, and taking them moves the day renewal opens."""
    ok("cert", "add", "--template", "ca-medi-cal-pss", "--id", "ca-pss", "--expires", "2027-06-30")
    conn = sqlite3.connect(db_path)
    conn.execute("UPDATE certifications SET opens_days = 90, template_rules = NULL")
    conn.commit()
    conn.close()
    update = status_json()["certifications"][0]["template_update"]
    assert (update["parts"], update["days"]) == (["opens"], {"renewal_opens_days": 60})
    assert update["words"] == ("Its template (ca-medi-cal-pss) gives other rules than yours: renewal opens 60 days "
                               "before expiry.")
    asked = ok("cert", "update", "ca-pss", "--yes")
    assert "The template now says: renewal opens 60 days before expiry (yours: renewal opens 90 days before " \
        "expiry)." in asked.stderr
    assert json.loads(ok("cert", "show", "ca-pss", "--json").stdout)["renewal_opens_days"] == 60
    assert status_json()["certifications"][0]["template_update"] is None


def test_late_renewal_days_a_templates_late_stages_set_are_never_offered(ok, db_path, status_json):
    """Georgia's days to renew late follow its late stages from each expiry: read from the template every time,
    so a certification's stored days are never a rule to offer."""
    ok("cert", "add", "--template", "ga-cps", "--id", "ga-cps")
    conn = sqlite3.connect(db_path)
    conn.execute("UPDATE certifications SET grace_days = 3, template_rules = NULL")
    conn.commit()
    conn.close()
    assert status_json()["certifications"][0]["template_update"] is None


def test_a_cycle_length_the_template_comes_to_state_is_offered_and_re_dates_a_first_cycle(ok, tmp_path,
                                                                                           status_json):
    """New York's CRPA states no cycle; the holder gave 2 years. A corrected template says 3: offered, and taken,
    the first cycle is measured again from its expiry: 31 Mar 2028 back 3 years, from 1 Apr 2025."""
    ok("cert", "add", "--template", "ny-crpa", "--expires", "2028-03-31", "--cycle", "2y")
    assert status_json()["certifications"][0]["template_update"] is None
    from peertrack.domain.builtin_templates import TEMPLATES

    crpa = next(t for t in TEMPLATES if t["id"] == "ny-crpa")
    folder = tmp_path / "config" / "templates"
    folder.mkdir(parents=True)
    (folder / "ny.json").write_text(json.dumps({"templates": [crpa | {"cycle": {"months": 36}}]}), encoding="utf-8")
    update = status_json()["certifications"][0]["template_update"]
    assert (update["parts"], update["cycle_months"], update["changed_since_added"]) == (["cycle"], 36, True)
    assert update["words"] == "Its template (ny-crpa) has changed: a renewal cycle of 3 years."
    asked = ok("cert", "update", "ny-crpa", "--yes")
    assert "The template now says: a renewal cycle of 3 years (yours: 2 years)" in asked.stderr
    item = status_json()["certifications"][0]
    assert (item["cycle_months"], item["cycle_start"], item["template_update"]) == (36, "2025-04-01", None)


def test_a_cycle_the_holder_chose_among_the_templates_choices_is_never_offered(ok, status_json):
    ok("cert", "add", "--template", "ny-cps", "--expires", "2027-09-30", "--cycle", "3y")
    assert status_json()["certifications"][0]["template_update"] is None
