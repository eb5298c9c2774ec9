"""Templates with rules on service and supervision (TN, ME, VT) and one to work toward (TX): each dashboard."""

import json

TODAY = "2026-11-02"


def status(ok) -> dict:
    return json.loads(ok("status", "--json").stdout)


def cert_of(data: dict, cert_id: str) -> dict:
    return next(c for c in data["certifications"] if c["id"] == cert_id)


def rules_of(data: dict, cert_id: str) -> list[tuple]:
    return [(r["kind"], r["period"], r["required"], r["done"], r["missing"], r["level"])
            for r in cert_of(data, cert_id)["work"]["rules"]]


def test_tennessee_cprs(ok):
    ok("cert", "add", "--template", "tn-cprs", "--expires", "2027-03-31", "--hours", "20", "--number", "CPRS-1")
    for day in ("2025-10-01", "2026-02-01", "2026-06-01"):
        ok("log-work", "--hours", "8", "--date", day)
    ok("log-supervision", "--hours", "2", "--date", "2026-06-01", "--supervisor", "Dana Reyes, LCSW")
    data = status(ok)
    # Cycle 2025-04-01 to 2027-03-31 (730 days); by the end of 2026-11-02, 581 days: a straight line is at
    # 50 x 581 / 730 = 39.8 hours, half of it 19.9. 24 hours done: not behind; 149 days left: on track.
    assert rules_of(data, "tn-cprs") == [("service", "cycle", 50, 24, 26, "ok"),
                                         ("supervision", "cycle", 2, 2, 0, "ok")]
    screen = ok("status").stdout
    assert "✓ 2 hours of supervision: 2 hours so far" in screen
    assert "✗ 50 hours of peer service: 24 hours so far, 26 hours to go (about 5.5 hours a month)" in screen
    # 26 hours over 149 / 30.44 = 4.895 months: 5.31 h a month, up to the next quarter hour: 5.5 h.


def test_maine_cipss(ok, run):
    ok("cert", "add", "--template", "me-cipss", "--expires", "2027-06-30", "--hours", "0")
    ok("log-supervision", "--hours", "1", "--date", "2026-07-01", "--supervisor", "Sam Ortiz, CIPSS")
    ok("log-supervision", "--hours", "1", "--date", "2026-10-30", "--supervisor", "Sam Ortiz, CIPSS")
    for day in ("2026-07-15", "2026-08-15", "2026-09-15", "2026-10-15"):
        ok("log-work", "--hours", "6", "--date", day)
    data = status(ok)
    # 24 of 75 hours; a straight line through 1 Jul 2026 to 30 Jun 2027 is at 75 x 125 / 365 = 25.7 by today.
    assert rules_of(data, "me-cipss") == [("service", "cycle", 75, 24, 51, "ok"),
                                          ("supervision-sessions", "quarter", 1, 1, 0, "ok")]
    periods = cert_of(data, "me-cipss")["work"]["rules"][1]["periods"]
    assert [(p["starts"], p["ends"], p["state"]) for p in periods] == [
        ("2026-07-01", "2026-09-30", "met"), ("2026-10-01", "2026-12-31", "met"),
        ("2027-01-01", "2027-03-31", "upcoming"), ("2027-04-01", "2027-06-30", "upcoming")]
    assert "Oct–Dec 2026: 1 session" in ok("status").stdout
    assert run("due").exit_code == 0


def test_vermont_recovery_coach(ok):
    ok("cert", "add", "--template", "vt-crc", "--expires", "2027-09-30")
    ok("log-supervision", "--hours", "1.5", "--date", "2026-10-01", "--supervisor", "Lee Park, CRC-S", "--group")
    data = status(ok)
    # Cycle 1 Oct 2025 to 30 Sep 2027 (730 days), 398 gone: a straight line is at 20 x 398 / 730 = 10.9 hours;
    # 1.5 is under half of it, so behind.
    assert rules_of(data, "vt-crc") == [("supervision", "cycle", 20, 1.5, 18.5, "behind")]
    assert [c["name"] for c in cert_of(data, "vt-crc")["categories"]] == ["ethics", "motivational interviewing"]
    assert "↓ behind" in ok("due").stdout


def test_texas_peer_specialist_in_training_then_certified(ok):
    result = ok("cert", "add", "--template", "tx-peer", "--in-progress")
    assert "before applying you need 250 hours of supervised work." in result.stderr
    assert "The requirements come from the tx-peer template." in result.stderr
    ok("log-work", "--hours", "8", "--date", "2026-09-01", "--setting", "peer center")
    ok("log-supervision", "--hours", "1", "--date", "2026-09-01", "--supervisor", "Ana Cruz, PSS-S")
    [pursuit] = status(ok)["in_progress"]
    # Time receiving supervision does not count toward the 250 hours of supervised work.
    assert [(r["kind"], r["required"], r["done"], r["missing"]) for r in pursuit["requirements"]] == [
        ("service", 250, 8, 242)]
    assert "✗ Supervised work: 8 of 250 hours, 242 hours to go" in ok("status").stdout
    ok("cert", "certify", "tx-peer", "--number", "MHPS-4321", "--issued", "2026-10-20")
    data = status(ok)
    assert data["in_progress"] == []
    cert = cert_of(data, "tx-peer")
    # The template's renewal rules: two years, 20 hours, at least 3 in ethics.
    assert (cert["expires"], cert["hours_required"], cert["requirements"][0]["name"]) == ("2028-10-19", 20, "ethics")
    assert json.loads(ok("work", "list", "--json").stdout)[0]["setting"] == "peer center"


def test_the_missing_list_never_hides_service_or_supervision(ok):
    ok("cert", "add", "--template", "tn-cprs", "--expires", "2027-03-31", "--hours", "20")
    ok("cert", "add", "--template", "me-cipss", "--expires", "2027-06-30", "--hours", "0")
    ok("log-ceu", "Ethics refresher", "--hours", "20", "--date", "2026-10-01", "--cert", "tn-cprs")
    ok("log-work", "--hours", "6", "--date", "2026-10-03")
    text = ok("status", "--missing").stdout
    # Every CE hour of tn-cprs is in, but its service and supervision are not: it is not "nothing missing".
    assert "Nothing missing" not in text
    assert ("↓ behind  Certified Peer Recovery Specialist (CPRS) (tn-cprs)\n"
            "  Every CE hour this cycle needs is in.\n"
            "  Also: 44 hours of peer service by Wed 31 Mar 2027, about 9 hours a month.\n"
            "  Also: 2 hours of supervision by Wed 31 Mar 2027, about 0.5 hours a month.\n") in text
    # Maine: July to September had no co-supervision; October to December still needs one.
    assert ("✗ overdue  Certified Intentional Peer Support Specialist (CIPSS) (me-cipss)\n"
            "  Every CE hour this cycle needs is in.\n"
            "  Also: 2 CE classes this cycle.\n"  # Maine counts two classes a year, whatever their hours
            "  Also: 69 hours of peer service by Wed 30 Jun 2027, about 9 hours a month.\n"
            "  Also: 1 supervision session a quarter: none logged for Jul–Sep 2026: tell your supervisor or "
            "certifying body.\n"
            "  Also: 1 supervision session by Thu 31 Dec 2026, for Oct–Dec 2026.\n") in text
    data = json.loads(ok("status", "--missing", "--json").stdout)
    tn = next(c for c in data["certifications"] if c["id"] == "tn-cprs")
    assert tn["hours_missing"] == 0 and tn["work_level"] == "behind" and len(tn["work_todo"]) == 2
    ok("log-work", "--hours", "24", "--date", "2026-10-10")
    ok("log-work", "--hours", "20", "--date", "2026-10-11")
    ok("log-supervision", "--hours", "2", "--date", "2026-10-12", "--supervisor", "Dana Reyes, LCSW")
    assert "✓ Nothing missing: Certified Peer Recovery Specialist (CPRS) (tn-cprs)." in ok("status", "--missing").stdout
