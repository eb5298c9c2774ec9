"""Renewal rules through the command line: templates, caps, shared credit, renewing, deadlines, due."""

import json

import pytest

from peertrack.domain.errors import InvalidInput, NotFound


@pytest.fixture(autouse=True)
def own_templates(tmp_path, monkeypatch):
    folder = tmp_path / "config"
    monkeypatch.setenv("PEERTRACK_CONFIG_DIR", str(folder))
    return folder / "templates"


def show(ok, cert_id="ca-pss"):
    return json.loads(ok("cert", "show", cert_id, "--json").stdout)


def test_templates_list_says_rules_change_and_has_sources(ok):
    text = ok("cert", "templates").stdout
    assert "ca-medi-cal-pss" in text and "Medi-Cal Peer Support Specialist" in text
    assert "confirm them with your certifying body" in text
    data = json.loads(ok("cert", "templates", "--json").stdout)
    by_id = {t["id"]: t for t in data}
    assert by_id["ca-medi-cal-pss"]["hours"] == 20
    assert by_id["ca-medi-cal-pss"]["rules"] == [
        {"kind": "min", "dimension": "category", "name": "ethics", "category": "ethics", "hours": 6}]
    assert [(s["stage"], s["until_date"], s["fee"]) for s in by_id["ga-cares"]["late_stages"]] == [
        ("grace", "01-15", None), ("late", "02-28", 25), ("inactive", None, 100)]
    assert by_id["ny-cps"]["cycle_choices"] == [{"cycle_months": 12, "hours": 10}, {"cycle_months": 24, "hours": 20},
                                                {"cycle_months": 36, "hours": 30}]
    assert by_id["la-pss"]["confirmed"] is False
    for template in data:
        assert template["notice"].startswith("Rules change")
        if template["hours"] is not None:
            assert template["sources"], f"{template['id']} ships a number without a source"


def test_add_from_a_template(ok):
    result = ok("cert", "add", "--template", "ca-medi-cal-pss", "--number", "PSS-1", "--expires", "2027-06-30")
    assert "confirm them with your certifying body" in result.stderr
    data = show(ok, "ca-medi-cal-pss")
    assert (data["name"], data["body"], data["hours_required"], data["cycle_months"]) == (
        "Medi-Cal Peer Support Specialist", "CalMHSA", 20, 24)
    assert data["renewal_opens_days"] == 60  # the board's page now says 60 days, not 90
    assert data["template"] == "ca-medi-cal-pss"
    assert "Template" in ok("cert", "show", "ca-medi-cal-pss").stdout


def test_calendar_year_template_needs_no_expiry_and_user_values_win(ok):
    ok("cert", "add", "--template", "GA-CPS", "--id", "cps", "--hours", "14")
    data = show(ok, "cps")
    assert (data["expires"], data["cycle_start"], data["hours_required"]) == ("2026-12-31", "2026-01-01", 14)
    assert data["requirements"] == [
        {"kind": "min", "dimension": "provider", "name": "GMHCN", "category": "GMHCN", "hours": 6}]


def test_holders_choice_template(run, ok):
    ok("cert", "add", "--template", "ny-cps", "--cycle", "1y", "--expires", "2027-03-31")
    assert show(ok, "ny-cps")["hours_required"] == 10
    refused = run("cert", "add", "--template", "ny-cps", "--id", "other", "--cycle", "4y", "--expires", "2027-03-31")
    assert refused.exit_code == 2
    assert "1y or 2y or 3y" in refused.stderr


def test_unknown_template(run):
    result = run("cert", "add", "--template", "ca-medical-pss", "--expires", "2027-01-01")
    assert result.exit_code == NotFound.EXIT_CODE
    assert 'Did you mean "ca-medi-cal-pss"?' in result.stderr


def test_own_template_file(ok, own_templates):
    own_templates.mkdir(parents=True)
    (own_templates / "county.json").write_text(json.dumps({"templates": [{
        "id": "county-peer", "name": "County Peer Credential", "body": "Our County", "cycle": {"months": 12},
        "hours": 8, "rules": [{"kind": "max", "dimension": "format", "value": "online", "hours": 4}],
        "sources": ["county handbook, page 3"]}]}))
    assert "county-peer" in ok("cert", "templates").stdout
    ok("cert", "add", "--template", "county-peer", "--expires", "2027-01-31")
    assert show(ok, "county-peer")["caps"] == [
        {"kind": "max", "dimension": "format", "name": "online", "category": "online", "hours": 4}]


def test_a_broken_own_template_file_is_one_clear_error(run, own_templates):
    own_templates.mkdir(parents=True)
    (own_templates / "broken.json").write_text("{not json")
    result = run("cert", "templates")
    assert result.exit_code == 2
    assert "broken.json cannot be read: it is not JSON" in result.stderr


def test_caps_cut_and_status_explains(ok, make_cert, status_json):
    make_cert(hours="20", cap=["online=10", "self-study=1"])
    ok("log-ceu", "Webinar one", "--hours", "8", "--format", "online", "--date", "2026-01-10")
    ok("log-ceu", "Webinar two", "--hours", "4", "--format", "online", "--date", "2026-02-10")
    ok("log-ceu", "Workbook", "--hours", "2", "--format", "self-study", "--date", "2026-03-10")
    ok("log-ceu", "Workshop", "--hours", "3", "--format", "in-person", "--date", "2026-04-10")
    cert = status_json()["certifications"][0]
    assert cert["hours_logged"] == 17
    assert cert["hours_earned"] == 14  # 10 online + 1 self-study + 3 in person
    assert cert["uncounted"] == [
        {"name": "online", "dimension": "format", "cap": 10, "logged": 12, "counted": 10, "not_counted": 2},
        {"name": "self-study", "dimension": "format", "cap": 1, "logged": 2, "counted": 1, "not_counted": 1},
    ]
    text = ok("status").stdout
    assert "2 of your 12 online hours do not count: at most 10 count" in text


def test_one_course_shared_by_two_certs_with_an_override(ok, make_cert, status_json):
    make_cert()
    make_cert("la-pss", "Louisiana PSS", expires="2027-03-31", cycle="1y", hours="10")
    ok("log-ceu", "SOAR Online Course", "--hours", "20", "--cert", "ca-pss", "--cert", "la-pss=10",
       "--date", "2026-05-01")
    certs = {c["id"]: c for c in status_json()["certifications"]}
    assert certs["ca-pss"]["hours_earned"] == 20
    assert certs["la-pss"]["hours_earned"] == 10
    course = json.loads(ok("ceu", "show", "1", "--json").stdout)
    assert course["credits"] == [{"cert": "ca-pss", "hours": 20}, {"cert": "la-pss", "hours": 10}]
    assert "la-pss (10 h)" in ok("ceu", "list").stdout
    ok("ceu", "edit", "1", "--cert", "ca-pss=3", "--cert", "la-pss")
    certs = {c["id"]: c for c in status_json()["certifications"]}
    assert (certs["ca-pss"]["hours_earned"], certs["la-pss"]["hours_earned"]) == (3, 20)


def test_renew_twice_with_carry_over_and_a_leap_day(run, ok, make_cert, monkeypatch):
    make_cert(expires="2028-02-29", cycle="2y", hours="10", carry_over="3")
    ok("log-ceu", "Big course", "--hours", "14", "--date", "2026-10-01")
    monkeypatch.setenv("PEERTRACK_TODAY", "2028-02-20")
    result = ok("cert", "renew", "ca-pss")
    # Renewed early: the new cycle starts on the renewal day and still ends two years after the old expiry.
    assert "the new cycle runs Sun 20 Feb 2028 to Thu 28 Feb 2030" in result.stderr
    assert "3 hours carried over" in result.stderr
    data = show(ok)
    assert (data["cycle_start"], data["expires"], data["hours_carried_over"], data["hours_earned"]) == (
        "2028-02-20", "2030-02-28", 3, 3)

    monkeypatch.setenv("PEERTRACK_TODAY", "2030-02-01")
    refused = run("cert", "renew", "ca-pss")
    assert refused.exit_code == 2 and "still needs 7 hours" in refused.stderr
    ok("cert", "renew", "ca-pss", "--yes", "--on", "2030-01-15")
    data = show(ok)
    assert (data["cycle_start"], data["expires"], data["hours_carried_over"]) == ("2030-01-15", "2032-02-29", 0)
    assert [(c["starts"], c["ends"], c["renewed_on"], c["hours_earned"]) for c in data["cycles"]] == [
        ("2026-03-01", "2028-02-19", "2028-02-20", 14),
        ("2028-02-20", "2030-01-14", "2030-01-15", 3),
        ("2030-01-15", "2032-02-29", None, 0),
    ]
    history = ok("cert", "show", "ca-pss", "--cycles").stdout
    assert "2028-02-20" in history and "current" in history


def test_renew_without_carry_over_rule_carries_nothing(ok, make_cert, monkeypatch):
    make_cert(expires="2027-08-31", cycle="6m", hours="5")
    monkeypatch.setenv("PEERTRACK_TODAY", "2027-08-30")
    ok("log-ceu", "Course", "--hours", "9", "--date", "2027-05-01")
    ok("cert", "renew", "ca-pss")
    data = show(ok)
    assert (data["cycle_start"], data["expires"], data["hours_carried_over"]) == ("2027-08-30", "2028-02-29", 0)
    monkeypatch.setenv("PEERTRACK_TODAY", "2028-02-28")
    ok("cert", "renew", "ca-pss", "--yes")
    assert show(ok)["expires"] == "2028-08-31"


def test_a_course_after_expiry_counts_once_renewed(ok, make_cert, monkeypatch):
    make_cert(expires="2026-10-31", cycle="1y", hours="5")
    ok("log-ceu", "Late course", "--hours", "2", "--date", "2026-11-01")
    assert show(ok)["hours_earned"] == 0
    ok("cert", "renew", "ca-pss", "--yes")
    assert show(ok)["hours_earned"] == 2


def test_lapsed_after_grace_is_shown_as_lapsed(ok, make_cert, status_json):
    make_cert("old", "Old credential", expires="2026-08-31", cycle="1y", hours="10", grace_days="30")
    make_cert("late", "Late credential", expires="2026-10-20", cycle="1y", hours="10", grace_days="30")
    levels = {c["id"]: c["level"] for c in status_json()["certifications"]}
    assert levels == {"old": "lapsed", "late": "overdue"}
    text = ok("status").stdout
    assert "✗ lapsed" in text and "has lapsed" in text


def test_endorsement_is_shown_under_its_certification(run, ok, make_cert, status_json):
    make_cert("zz-main", "Main certification", expires="2028-01-01")
    make_cert("aa-other", "Other", expires="2027-01-31", cycle="1y", hours="5")
    make_cert("soar", "SOAR endorsement", expires="2026-12-31", cycle="1y", hours="2", endorsement_of="zz-main")
    assert [c["id"] for c in status_json()["certifications"]] == ["aa-other", "zz-main", "soar"]
    assert "endorsement of zz-main" in ok("status").stdout
    bad = run("cert", "add", "X", "--id", "x", "--expires", "2027-01-01", "--hours", "1", "--endorsement-of", "soar")
    assert bad.exit_code == InvalidInput.EXIT_CODE and "is itself an endorsement" in bad.stderr
    ok("cert", "rm", "zz-main", "--yes")
    assert status_json()["certifications"][-1]["endorsement_of"] is None


def test_deadlines_stored_and_derived(run, ok, make_cert):
    make_cert(expires="2027-01-31", opens_days="90", submit_days="45")
    ok("deadline", "add", "Renewal fee ($80)", "--due", "2026-12-01", "--cert", "ca-pss")
    ok("deadline", "add", "Background check", "--due", "11/20/2026", "--note", "fingerprints")
    listed = json.loads(ok("deadline", "list", "--json").stdout)
    assert [(d["id"], d["key"], d["due"]) for d in listed] == [
        (None, "ca-pss:opens", "2026-11-02"),
        (2, None, "2026-11-20"),
        (1, None, "2026-12-01"),
        (None, "ca-pss:submit", "2026-12-17"),
        (None, "ca-pss:expires", "2027-01-31"),
    ]
    ok("deadline", "done", "2")
    assert [d["id"] for d in json.loads(ok("deadline", "list", "--json").stdout) if d["id"]] == [1]
    assert [d["done_on"] for d in json.loads(ok("deadline", "list", "--all", "--json").stdout) if d["id"] == 2] == [
        "2026-11-02"]
    refused = run("deadline", "done", "ca-pss:expires")
    assert refused.exit_code == 2 and "follows from the certification" in refused.stderr
    assert run("deadline", "rm", "1").exit_code == 2
    ok("deadline", "rm", "1", "--yes")
    assert "Renewal fee" not in ok("deadline", "list").stdout
    missing = run("deadline", "done", "9")
    assert missing.exit_code == 2 and 'There is no deadline with the number "9"' in missing.stderr


def test_status_lists_what_is_coming_up(ok, make_cert):
    make_cert(expires="2027-01-31", opens_days="90")
    ok("deadline", "add", "Renewal fee", "--due", "2026-12-01")
    text = ok("status").stdout
    assert "Coming up" in text and "Renewal fee" in text and "Renewal opens for" in text


def test_due_is_quiet_and_zero_when_nothing_needs_attention(run, make_cert):
    make_cert(expires="2028-06-30")
    result = run("due")
    assert result.exit_code == 0
    assert "Nothing needs your attention in the next 30 days" in result.stdout
    assert run("due", "--quiet").stdout == ""


def test_due_lists_urgent_and_overdue_and_exits_one(run, ok, make_cert):
    make_cert("urgent", "Urgent one", expires="2026-11-20", cycle="1y", hours="10")
    make_cert("soon", "Soon one", expires="2027-01-15", cycle="1y", hours="10")
    make_cert("fine", "Fine one", expires="2028-01-15", hours="10")
    ok("deadline", "add", "Fee", "--due", "2026-10-30")
    ok("deadline", "add", "Far away", "--due", "2027-05-01")
    result = run("due")
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    assert lines[0].startswith("✗ overdue  Fee: was due 3 days ago")
    assert lines[1].startswith("‼ urgent  Urgent one (urgent): 10 hours still needed")
    # 0 of 10 hours, 74 days left, most of the cycle gone: behind, listed in its last 90 days
    assert lines[2].startswith("↓ behind  Soon one (soon): 10 hours still needed")
    # Fine one is behind too (0 of 10 at 40% of its cycle), but has more than 90 days left
    assert not any("Far away" in line or "Fine one" in line for line in lines)
    data = json.loads(run("due", "--json").stdout)
    assert data["needs_action"] is True
    assert [(i["kind"], i["level"], i["ref"]) for i in data["items"]] == [
        ("deadline", "overdue", "1"), ("certification", "urgent", "urgent"), ("certification", "behind", "soon")]
    assert "Far away" in run("due", "--within", "6m").stdout


def test_due_exits_one_in_the_last_days_before_a_deadline(run, ok, make_cert):
    make_cert(expires="2028-06-30")
    ok("deadline", "add", "Supervision hours form", "--due", "2026-11-06")
    result = run("due")
    assert result.exit_code == 1
    assert "‼ urgent  Supervision hours form" in result.stdout


def test_warn_days_setting_moves_the_levels(run, ok, make_cert, status_json):
    make_cert(expires="2027-03-01", cycle="1y", hours="10")
    ok("log-ceu", "Four hours", "--hours", "4", "--date", "2026-10-02")  # not behind: half the line is 3.4
    assert status_json()["certifications"][0]["level"] == "ok"
    ok("config", "set", "warn-days", "150,60,14")
    assert status_json()["certifications"][0]["level"] == "due-soon"
    assert json.loads(ok("config", "show", "--json").stdout)["warn-days"] == [150, 60, 14]
    bad = run("config", "set", "warn-days", "7,30,90")
    assert bad.exit_code == 2 and 'warn-days "7,30,90" is not in order' in bad.stderr
    unknown = run("config", "set", "warn-dayz", "1")
    assert unknown.exit_code == 2 and 'Did you mean "warn-days"?' in unknown.stderr
    ok("config", "unset", "warn-days")
    assert status_json()["certifications"][0]["level"] == "ok"


def test_a_template_with_a_choice_of_cycles_asks_for_one(run):
    result = run("cert", "add", "--template", "ny-cps", "--expires", "2027-03-31")
    assert result.exit_code == 2
    assert "--cycle is missing" in result.stderr and "1y or 2y" in result.stderr


def test_renewing_keeps_a_backup_and_refuses_a_cycle_not_yet_started(run, ok, make_cert, db_path, monkeypatch):
    make_cert(expires="2026-12-31", cycle="1y", hours="0")
    monkeypatch.setenv("PEERTRACK_TODAY", "2026-12-20")
    ok("cert", "renew", "ca-pss")
    assert any("before-cert-renew" in p.name for p in (db_path.parent / "backups").iterdir())
    again = run("cert", "renew", "ca-pss")
    assert again.exit_code == 2 and "is not after the day the current cycle starts" in again.stderr
