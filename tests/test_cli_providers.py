"""Providers through the command line: one provider by its other names (Georgia), approved-only boards (New York)."""

import json


def cert_json(ok) -> dict:
    return json.loads(ok("status", "--json").stdout)["certifications"][0]


def test_only_approved_courses_count_for_ny_crpa(ok):
    ok("cert", "add", "--template", "ny-crpa", "--expires", "2027-06-30", "--cycle", "3y")
    ok("log-ceu", "Ethics in peer work", "--hours", "4", "--category", "ethics", "--provider", "NY Certification Board",
       "--approval-no", "NYCB-0042", "--date", "2026-03-01")
    logged = ok("log-ceu", "Boundaries", "--hours", "2", "--provider", "Acme Training", "--date", "2026-04-01")
    assert ("Note: ny-crpa counts only courses from approved providers, and this course has no approval number, so "
            "it does not count there. If it was approved, add the number with: peertrack ceu edit 2 --approval-no "
            "NUMBER") in " ".join(logged.stderr.split())
    ok("log-ceu", "Wellness", "--hours", "1", "--provider", "ACME training", "--date", "2026-05-01")
    ok("log-ceu", "Reading", "--hours", "1.5", "--date", "2026-05-02")
    cert = cert_json(ok)
    assert (cert["hours_earned"], cert["hours_missing"]) == (4, 24)
    assert cert["not_approved"] == [
        {"provider": "Acme Training", "hours": 3, "courses": [2, 3],
         "words": "3 hours from Acme Training do not count: ny-crpa counts only courses from approved providers"},
        {"provider": None, "hours": 1.5, "courses": [4],
         "words": "1.5 hours from courses with no provider do not count: ny-crpa counts only courses from "
                  "approved providers"}]
    shown = " ".join(ok("--plain", "status").stdout.split())
    assert "! 3 hours from Acme Training do not count: ny-crpa counts only courses from approved providers" in shown
    assert "If a course was approved, add its approval number: peertrack ceu edit 2 --approval-no NUMBER" in shown
    ok("ceu", "edit", "2", "--approval-no", "OASAS-77")
    cert = cert_json(ok)
    assert (cert["hours_earned"], [(n["provider"], n["hours"], n["courses"]) for n in cert["not_approved"]]) == (
        6, [("ACME training", 1, [3]), (None, 1.5, [4])])
    assert "1 hour from ACME training does not count" in ok("--plain", "status").stdout


def test_a_board_that_takes_any_provider_counts_them_all(ok):
    ok("cert", "add", "--template", "tx-peer", "--expires", "2027-06-30")
    ok("log-ceu", "Boundaries", "--hours", "2", "--provider", "Acme Training", "--date", "2026-04-01")
    cert = cert_json(ok)
    assert (cert["hours_earned"], cert["not_approved"]) == (2, [])
    assert "approval" not in ok("log-ceu", "More", "--hours", "1", "--date", "2026-04-02").stderr


def test_georgia_counts_gmhcn_by_its_names_but_not_an_approved_vendor(ok):
    ok("cert", "add", "--template", "ga-cps", "--issued", "2024-03-01")  # the 2026 calendar year: 12 hours
    for title, hours, provider in (("A", "2", "Georgia Mental Health Consumer Network"),
                                   ("B", "3", "GMHCN approved vendor"), ("C", "1", "gmhcn"),
                                   ("D", "0.5", "GMHCN Sponsored")):
        ok("log-ceu", title, "--hours", hours, "--provider", provider, "--date", "2026-04-01")
    cert = cert_json(ok)
    assert (cert["hours_earned"], cert["categories"][0]["earned"], cert["hours_missing"]) == (6.5, 3.5, 5.5)
    assert "✗ from GMHCN: 3.5 of 6 hours, 2.5 hours to go" in ok("--plain", "status").stdout
    template = next(t for t in json.loads(ok("cert", "templates", "GA", "--json").stdout) if t["id"] == "ga-cps")
    assert "Georgia Mental Health Consumer Network" in template["provider_aliases"]["GMHCN"]


def test_a_template_file_with_aliases_on_a_category_rule_is_refused(run, tmp_path):
    path = tmp_path / "county.json"
    path.write_text(json.dumps({"templates": [{"id": "county", "name": "County peer", "hours": 10, "rules": [
        {"kind": "min", "value": "ethics", "hours": 2, "aliases": ["morals"]}]}]}))
    result = run("cert", "templates", "--check", str(path))
    assert result.exit_code == 2 and result.stdout == ""
    assert "rules[1].aliases" in result.stderr and "give a provider rule's other names as a list" in result.stderr
    path.write_text(json.dumps({"templates": [{"id": "county", "name": "County peer", "hours": 10,
                                               "approved_providers_only": True, "rules": [
        {"kind": "min", "dimension": "provider", "value": "County", "hours": 2, "aliases": ["County BH"]}]}]}))
    assert run("cert", "templates", "--check", str(path)).exit_code == 0
