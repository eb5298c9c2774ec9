"""Late stages on the dashboard, in `status --missing` and in `due`: the stage in words, its dates, fee and level."""

import json

import pytest


def status(ok) -> dict:
    return json.loads(ok("status", "--json").stdout)["certifications"][0]


def due_item(run) -> tuple[int, dict]:
    result = run("due", "--json")
    return result.exit_code, next(i for i in json.loads(result.stdout)["items"] if i["kind"] == "certification")


GA_NAME = "Georgia Mental Health Consumer Network (GMHCN)"


def test_georgia_in_its_grace_period(ok, run, monkeypatch):
    ok("cert", "add", "--template", "ga-cps", "--issued", "2024-03-01")  # expires 31 December 2026
    monkeypatch.setenv("PEERTRACK_TODAY", "2027-01-15")  # the grace period's last day
    words = ("Grace period until Fri 15 Jan 2027 (no late fee); then late renewal until Sun 31 Jan 2027 "
             "($26 late fee); then inactive from Mon 1 Feb 2027 ($105 to reactivate).")
    shown = ok("--plain", "status").stdout
    assert "✗ overdue  expired Thu 31 Dec 2026 (15 days ago)" in shown
    assert f"This certification has expired, but it can still be renewed late. {words}" in " ".join(shown.split())
    assert f"Renew it with {GA_NAME}, then record it with: peertrack cert renew ga-cps" in shown
    cert = status(ok)
    assert cert["level"] == "overdue"
    assert cert["late_stage"] == {
        "stage": "grace", "starts": "2027-01-01", "ends": "2027-01-15", "fee": 0,
        "words": words[0].lower() + words[1:-1],
        "later": [{"stage": "late", "starts": "2027-01-16", "ends": "2027-01-31", "fee": 26},
                  {"stage": "inactive", "starts": "2027-02-01", "ends": None, "fee": 105}]}
    code, item = due_item(run)
    assert (code, item["level"], item["late_stage"]["stage"], item["late_stage"]["ends"]) == (
        1, "overdue", "grace", "2027-01-15")
    missing = " ".join(ok("--plain", "status", "--missing").stdout.split())
    assert "It expired 15 days ago; grace period until Fri 15 Jan 2027 (no late fee);" in missing


def test_georgia_with_the_late_fee_then_inactive(ok, run, monkeypatch):
    ok("cert", "add", "--template", "ga-cps", "--issued", "2024-03-01")
    monkeypatch.setenv("PEERTRACK_TODAY", "2027-01-16")
    cert = status(ok)
    assert (cert["level"], cert["late_stage"]["stage"], cert["late_stage"]["fee"]) == ("overdue", "late", 26)
    monkeypatch.setenv("PEERTRACK_TODAY", "2027-02-01")
    shown = " ".join(ok("--plain", "status").stdout.split())
    assert "✗ lapsed expired Thu 31 Dec 2026 (32 days ago)" in shown
    assert f"Inactive since Mon 1 Feb 2027 ($105 to reactivate). Contact {GA_NAME} about reactivating it." in shown
    cert = status(ok)
    assert (cert["level"], cert["late_stage"]["stage"], cert["late_stage"]["later"]) == ("lapsed", "inactive", [])
    code, item = due_item(run)
    assert (code, item["detail"]) == (1, "expired 32 days ago; inactive since Mon 1 Feb 2027 ($105 to reactivate)")
    assert "It is inactive since Mon 1 Feb 2027 ($105 to reactivate)" in ok("--plain", "status", "--missing").stdout


@pytest.mark.parametrize(("today", "level", "stage"), [
    ("2027-08-31", "urgent", None), ("2027-09-01", "overdue", "grace"), ("2028-02-29", "overdue", "grace"),
    ("2028-03-01", "overdue", "late"), ("2028-08-31", "overdue", "late"), ("2028-09-01", "lapsed", "reinstatement")])
def test_the_stages_follow_an_edited_expiry(ok, monkeypatch, today, level, stage):
    # Added expiring 28 February 2027, so the grace days worked out then were 365 (to 28 February 2028);
    # moved to 31 August 2027, the late window runs to 31 August 2028: 366 days, through 29 February.
    # (No hours are logged: on the expiry day itself it is urgent.)
    ok("cert", "add", "--template", "tx-peer", "--expires", "2027-02-28")
    assert json.loads(ok("cert", "show", "tx-peer", "--json").stdout)["grace_days"] == 365
    ok("cert", "edit", "tx-peer", "--expires", "2027-08-31")
    monkeypatch.setenv("PEERTRACK_TODAY", today)
    cert = status(ok)
    assert (cert["level"], cert["late_stage"] and cert["late_stage"]["stage"]) == (level, stage)


def test_past_the_last_stage_that_ends(ok, run, monkeypatch):
    ok("cert", "add", "--template", "ri-cprs", "--expires", "2026-06-30", "--hours", "20", "--cycle", "2y")
    monkeypatch.setenv("PEERTRACK_TODAY", "2027-07-01")
    cert = status(ok)
    assert (cert["level"], cert["late_stage"]["stage"], cert["late_stage"]["words"]) == (
        "lapsed", None, "the board's last late stage ended on Wed 30 Jun 2027")
    shown = " ".join(ok("--plain", "status").stdout.split())
    assert "This certification has lapsed: the board's last late stage ended on Wed 30 Jun 2027. Contact" in shown
    code, item = due_item(run)
    assert code == 1 and item["detail"].startswith("lapsed: the board's last late stage ended on Wed 30 Jun 2027; ")
