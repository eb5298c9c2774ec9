"""Boards' own dates through the command line: each shape through a template that uses it."""

import json

import pytest

from peertrack.domain.errors import InvalidInput


def show(ok, cert_id):
    return json.loads(ok("cert", "show", cert_id, "--json").stdout)


def deadlines(ok):
    return json.loads(ok("deadline", "list", "--json").stdout)


def test_nebraska_every_certificate_ends_on_1_september_of_odd_years(ok, run):
    added = ok("cert", "add", "--template", "ne-cpss", "--number", "NE-1")  # no date needed
    assert "1 September of odd years" in added.stderr
    data = show(ok, "ne-cpss")
    assert (data["cycle_start"], data["expires"], data["hours_required"]) == ("2025-09-02", "2027-09-01", 20)
    refused = run("cert", "add", "--template", "ne-cpss", "--id", "other", "--expires", "2027-09-30")
    assert refused.exit_code == InvalidInput.EXIT_CODE
    assert "give --expires 2027-09-01" in refused.stderr
    ok("cert", "renew", "ne-cpss", "--yes")
    assert show(ok, "ne-cpss")["expires"] == "2029-09-01"


def test_nebraska_no_ce_owed_when_certified_in_the_12_months_before_renewal(ok, status_json):
    added = ok("cert", "add", "--template", "ne-cpss", "--issued", "2026-10-01")
    assert "no CE is owed this time" in added.stderr
    cert = status_json()["certifications"][0]
    assert (cert["hours_required"], cert["hours_missing"], cert["level"], cert["categories"]) == (0, 0, "ok", [])
    ok("cert", "renew", "ne-cpss", "--on", "2026-11-02")
    renewed = show(ok, "ne-cpss")
    # Renewed early, but the board fixes every cycle's days: the new cycle keeps them.
    assert (renewed["cycle_start"], renewed["expires"], renewed["hours_required"]) == ("2027-09-02", "2029-09-01",
                                                                                     20)
    assert renewed["requirements"][0]["hours"] == 6


def test_mississippi_every_four_years_on_30_september(ok):
    ok("cert", "add", "--template", "ms-cpssp", "--issued", "2020-03-01")
    data = show(ok, "ms-cpssp")
    assert (data["cycle_start"], data["expires"]) == ("2023-10-01", "2027-09-30")
    ok("cert", "renew", "ms-cpssp", "--yes")
    assert show(ok, "ms-cpssp")["expires"] == "2031-09-30"


def test_montana_a_first_year_certified_after_1_july_needs_its_own_hours(ok, run):
    refused = run("cert", "add", "--template", "mt-cbhpss", "--issued", "2026-08-15")
    assert refused.exit_code == InvalidInput.EXIT_CODE
    assert "--hours is missing: you were certified after 1 July, so your first year needs fewer than 20 hours" \
        in refused.stderr
    ok("cert", "add", "--template", "mt-cbhpss", "--issued", "2026-08-15", "--hours", "10")
    data = show(ok, "mt-cbhpss")
    assert (data["cycle_start"], data["expires"], data["hours_required"]) == ("2026-08-15", "2026-12-31", 10)
    ok("cert", "renew", "mt-cbhpss", "--yes")
    data = show(ok, "mt-cbhpss")
    assert (data["cycle_start"], data["expires"], data["hours_required"]) == ("2027-01-01", "2027-12-31", 20)


def test_georgia_ce_starts_the_january_after_the_exam_year(ok, status_json):
    added = ok("cert", "add", "--template", "ga-cps", "--issued", "2026-06-15")
    assert "your first cycle is 2027" in added.stderr
    ok("log-ceu", "Before the cycle", "--hours", "3", "--date", "2026-08-01", "--cert", "ga-cps")
    cert = status_json()["certifications"][0]
    assert (cert["cycle_start"], cert["expires"], cert["hours_earned"], cert["level"]) == (
        "2027-01-01", "2027-12-31", 0, "ok")


@pytest.mark.parametrize(("today", "level"), [
    ("2026-12-31", "urgent"), ("2027-01-15", "overdue"), ("2027-01-31", "overdue"), ("2027-02-01", "lapsed")])
def test_georgia_after_31_december_grace_then_late_fee_then_inactive(ok, monkeypatch, status_json, today, level):
    ok("cert", "add", "--template", "ga-cps", "--issued", "2024-03-01")  # the 2026 cycle
    monkeypatch.setenv("PEERTRACK_TODAY", today)
    assert status_json()["certifications"][0]["level"] == level


def test_michigan_a_cycle_from_the_first_of_the_certification_month(ok):
    added = ok("cert", "add", "--template", "mi-cpss", "--issued", "2024-01-12")
    assert "due by 2028-01-01" in added.stderr
    data = show(ok, "mi-cpss")
    assert (data["cycle_start"], data["expires"], data["hours_required"]) == ("2026-01-01", "2027-12-31", 32)


def test_north_carolina_due_by_the_last_day_of_the_month_then_a_late_month(ok, monkeypatch, status_json):
    added = ok("cert", "add", "--template", "nc-cpss", "--expires", "2027-03-14")
    assert "last day of the month: 2027-03-31" in added.stderr
    assert show(ok, "nc-cpss")["expires"] == "2027-03-31"
    found = {d["title"]: d["due"] for d in deadlines(ok)}
    assert found["Pay the processing fee ($20): NC Certified Peer Support Specialist (NCCPSS)"] == "2027-03-31"
    assert found["Get two Personal Reference Forms: NC Certified Peer Support Specialist (NCCPSS)"] == "2027-03-31"
    late = "Last day to renew with the $20 late fee: NC Certified Peer Support Specialist (NCCPSS)"
    assert found[late] == "2027-04-30"
    monkeypatch.setenv("PEERTRACK_TODAY", "2027-04-30")
    assert status_json()["certifications"][0]["level"] == "overdue"
    monkeypatch.setenv("PEERTRACK_TODAY", "2027-05-01")
    assert status_json()["certifications"][0]["level"] == "lapsed"


def test_wisconsin_the_renewal_year_has_the_exam_years_parity(ok, run):
    refused = run("cert", "add", "--template", "wi-cps", "--issued", "2025-05-01", "--expires", "2028-05-01")
    assert refused.exit_code == InvalidInput.EXIT_CODE and "other parity" in refused.stderr
    ok("cert", "add", "--template", "wi-cps", "--issued", "2025-05-01", "--expires", "2027-05-01")


def test_west_virginia_90_days_with_a_late_fee_then_lapsed(ok, monkeypatch, status_json):
    ok("cert", "add", "--template", "wv-prss", "--expires", "2026-09-30")
    assert show(ok, "wv-prss")["grace_days"] == 90
    monkeypatch.setenv("PEERTRACK_TODAY", "2026-12-29")
    assert status_json()["certifications"][0]["level"] == "overdue"
    monkeypatch.setenv("PEERTRACK_TODAY", "2026-12-30")
    assert status_json()["certifications"][0]["level"] == "lapsed"


@pytest.mark.parametrize(("today", "words"), [
    ("2027-01-10", "expired 10 days ago; grace period until Fri 15 Jan 2027 (no late fee); then late renewal until "
                   "Sun 31 Jan 2027 ($26 late fee); then inactive from Mon 1 Feb 2027 ($105 to reactivate)"),
    ("2027-01-20", "expired 20 days ago; late renewal until Sun 31 Jan 2027 ($26 late fee); then inactive from "
                   "Mon 1 Feb 2027 ($105 to reactivate)"),
    ("2027-02-02", "expired 33 days ago; inactive since Mon 1 Feb 2027 ($105 to reactivate)"),
])
def test_due_says_which_late_stage_and_its_fee(run, ok, monkeypatch, today, words):
    ok("cert", "add", "--template", "ga-cps", "--issued", "2024-03-01")
    monkeypatch.setenv("PEERTRACK_TODAY", today)
    result = run("due", "--json")
    assert result.exit_code == 1
    cert = next(item for item in json.loads(result.stdout)["items"] if item["kind"] == "certification")
    assert (cert["level"], cert["detail"]) == ("overdue", words)


def test_the_late_stages_are_deadlines_of_the_cycle(ok):
    ok("cert", "add", "--template", "ga-cps", "--issued", "2024-03-01")
    found = [(d["title"], d["due"], d["key"]) for d in deadlines(ok) if ":late:" in d["key"] or ":exp" in d["key"]]
    assert found == [
        ("Certified Peer Specialist (CPS-MH) expires", "2026-12-31", "ga-cps:expires"),
        ("Last day without a late fee: Certified Peer Specialist (CPS-MH)", "2027-01-15", "ga-cps:late:grace"),
        ("Last day to renew with the $26 late fee: Certified Peer Specialist (CPS-MH)", "2027-01-31",
         "ga-cps:late:late")]
    ok("cert", "renew", "ga-cps", "--yes")
    assert [d["due"] for d in deadlines(ok) if ":task:" not in d["key"]] == ["2027-12-31", "2028-01-15", "2028-01-31"]


def test_north_carolina_counts_from_a_mid_month_certificate_date(ok, status_json):
    """Certified 17 Mar 2025: renewal by 31 Mar 2027; the first cycle starts on the certificate day, so
    a course of 20 Mar 2025 counts (training "after your last recertification date"); one of 10 Mar does not."""
    ok("cert", "add", "--template", "nc-cpss", "--issued", "2025-03-17")
    ok("log-ceu", "Before", "--hours", "6", "--date", "2025-03-10")
    ok("log-ceu", "Just after", "--hours", "6", "--date", "2025-03-20")
    ok("log-ceu", "Later", "--hours", "6", "--date", "2026-02-20")
    item = status_json()["certifications"][0]
    assert (item["cycle_start"], item["expires"], item["hours_earned"]) == ("2025-03-17", "2027-03-31", 12)


def test_a_template_that_states_no_cycle_needs_one_given(refused, ok, status_json):
    """New York's CRPA: its board's page gives no cycle length, so none is guessed."""
    from peertrack.domain.errors import InvalidInput

    refused(["cert", "add", "--template", "ny-crpa", "--expires", "2028-03-31"], InvalidInput,
            ["--cycle is missing", "its board's page does not say how long a cycle is", "--cycle 3y"])
    ok("cert", "add", "--template", "ny-crpa", "--expires", "2028-03-31", "--cycle", "3y")
    assert status_json()["certifications"][0]["cycle_start"] == "2025-04-01"
