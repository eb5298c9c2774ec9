"""Hours a board does not count at all: a cap of 0 (New York's "the 13 core courses do not count")."""

import json

import pytest

from peertrack.domain.template_format import TemplateFileError, parse_templates


def ny_cps(ok):
    ok("cert", "add", "--template", "ny-cps", "--expires", "2027-06-30", "--cycle", "2y")


def test_ny_cps_leaves_the_core_courses_out_and_says_so_everywhere(ok, status_json):
    ny_cps(ok)
    first = ok("log-ceu", "Introduction to peer support", "--hours", "3", "--category", "core", "--date", "2026-10-01")
    # 3 hours, all core: none count. Cycle 1 Jul 2025 to 30 Jun 2027 (2 years, 20 hours).
    assert "ny-cps: 0 of 20 hours (0%)" in first.stderr
    assert "(your 3 core hours do not count toward this certification)" in first.stderr
    second = ok("log-ceu", "Ethics and boundaries", "--hours", "2", "--date", "2026-10-02")
    assert "do not count" not in second.stderr  # none of its own hours are core
    # A course split 1.5 core and 1 ethics: only the ethics hour counts. 2 + 1 = 3 of 20.
    ok("log-ceu", "Advocacy day", "--hours", "2.5", "--category", "core:1.5", "--category", "ethics:1",
       "--date", "2026-10-03")
    [cert] = status_json()["certifications"]
    assert (cert["hours_earned"], cert["hours_missing"]) == (3, 17)
    assert cert["uncounted"] == [{"name": "core", "dimension": "category", "cap": 0, "logged": 4.5, "counted": 0,
                                  "not_counted": 4.5}]
    screen = ok("status").stdout
    assert "! Your 4.5 core hours do not count toward this certification" in screen
    assert "Hours: 3 of 20 hours (15%)" in screen
    assert "Still needed: 17 hours, of any kind but core, about " in screen  # hours of any kind leave core out
    assert cert["needs"] == [{"hours": 17, "name": None, "dimension": None, "but": ["core"]}]
    missing = json.loads(ok("status", "--missing", "--json").stdout)
    assert missing["certifications"][0]["needs"] == [{"hours": 17, "name": None, "dimension": None, "but": ["core"]}]
    assert "Core hours do not count toward this certification." in ok("status", "--missing").stdout
    assert "no core hours count" in ok("cert", "show", "ny-cps").stdout


def test_a_cap_of_none_can_be_typed_and_taken_back(ok, make_cert, status_json):
    make_cert("ca-pss", hours="10", cap="online=0")
    ok("log-ceu", "Webinar", "--hours", "2", "--format", "online", "--date", "2026-10-01")
    ok("log-ceu", "Workshop", "--hours", "1", "--format", "in-person", "--date", "2026-10-01")
    assert status_json()["certifications"][0]["hours_earned"] == 1
    ok("cert", "edit", "ca-pss", "--require", "ethics=2")
    assert "Still needed: 9 hours (2 of ethics, 7 of any kind but online)" in ok("status").stdout
    assert "no online hours count" in ok("cert", "show", "ca-pss").stdout
    ok("cert", "edit", "ca-pss", "--no-cap")
    assert status_json()["certifications"][0]["hours_earned"] == 3


def test_a_template_may_cap_at_zero_but_not_ask_for_a_minimum_of_zero():
    county = {"id": "county-peer", "name": "County Peer Specialist", "status": "partial", "checked": "2026-11",
              "cycle": {"months": 12}, "hours": 8}
    [template] = parse_templates(json.dumps({"templates": [county | {"rules": [
        {"kind": "max", "value": "core", "hours": 0}]}]}), "county.json")
    assert [(r.value, r.seconds, r.kind) for r in template.rules] == [("core", 0, "max")]
    with pytest.raises(TemplateFileError, match="more than 0 for a minimum"):
        parse_templates(json.dumps({"templates": [county | {"rules": [{"kind": "min", "value": "core", "hours": 0}]}]}),
                        "county.json")


def test_the_renewal_list_for_ny_cps_leaves_out_the_courses_it_counts_none_of(ok, tmp_path):
    ny_cps(ok)
    ok("log-ceu", "Introduction to peer support", "--hours", "3", "--category", "core", "--date", "2026-10-01")
    ok("log-ceu", "Advocacy day", "--hours", "2.5", "--category", "core:1.5", "--category", "ethics:1",
       "--date", "2026-10-03")  # partly counted: it stays, as the body counts its ethics hour
    ok("log-ceu", "Ethics and boundaries", "--hours", "2", "--date", "2026-10-02")
    listed = ok("export", "csv", "--cert", "ny-cps")
    assert [line.split(",")[1] for line in listed.stdout.splitlines()[1:]] == ["Ethics and boundaries",
                                                                              "Advocacy day"]
    assert "Left out 1 course that ny-cps counts none of (no core hours count)." in listed.stderr
    everything = ok("export", "csv").stdout
    assert "Introduction to peer support" in everything and "Left out" not in ok("export", "csv").stderr


def test_the_audit_bundle_and_packet_list_only_courses_the_body_counts(ok, tmp_path):
    import zipfile

    from pypdf import PdfReader

    ny_cps(ok)
    ok("log-ceu", "Introduction to peer support", "--hours", "3", "--category", "core", "--date", "2026-10-01")
    ok("log-ceu", "Ethics and boundaries", "--hours", "2", "--date", "2026-10-02")
    ok("export", "audit", "--cert", "ny-cps", "-o", str(tmp_path / "audit.zip"))
    with zipfile.ZipFile(tmp_path / "audit.zip") as bundle:
        listed = next(bundle.read(name) for name in bundle.namelist() if name.endswith("courses.csv"))
    assert b"Ethics and boundaries" in listed and b"Introduction to peer support" not in listed
    ok("config", "set", "name", "Jordan Rivera")
    ok("export", "packet", "--cert", "ny-cps", "-o", str(tmp_path / "packet.pdf"))
    text = " ".join(" ".join(page.extract_text().split()) for page in PdfReader(tmp_path / "packet.pdf").pages)
    assert "3 hours of core: the body counts none of it." in text
    assert "Introduction to peer support" not in text and "Ethics and boundaries" in text
