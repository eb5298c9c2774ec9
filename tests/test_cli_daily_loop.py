"""The daily loop through the real command line: add a certification, log courses, status, export."""


import json

from peertrack.domain.errors import NeedsConfirmation


def test_first_run_without_data_welcomes_and_creates_nothing(run, db_path):
    result = run()
    assert result.exit_code == 0
    assert "Welcome to peertrack" in result.stdout
    assert "peertrack cert add" in result.stdout
    assert not db_path.exists()


def test_no_arguments_shows_the_dashboard_once_there_is_data(run, make_cert):
    make_cert()
    result = run()
    assert result.exit_code == 0
    assert "Medi-Cal Peer Support Specialist" in result.stdout
    assert "0 of 20 hours" in result.stdout


def test_cert_add_and_show(ok, make_cert):
    result = make_cert(body="CalMHSA", number="PSS-01234", require=["ethics=6", "cultural=2"],
                       issued="2023-06-30")
    assert "Added Medi-Cal Peer Support Specialist (ca-pss)" in result.stderr
    data = json.loads(ok("cert", "show", "ca-pss", "--json").stdout)
    assert data["body"] == "CalMHSA"
    assert data["number"] == "PSS-01234"
    assert data["issued"] == "2023-06-30"
    assert data["expires"] == "2027-06-30"
    assert data["cycle_start"] == "2025-07-01"
    assert data["hours_required"] == 20
    assert data["requirements"] == [
        {"kind": "min", "dimension": "category", "name": "ethics", "category": "ethics", "hours": 6},
        {"kind": "min", "dimension": "category", "name": "cultural", "category": "cultural", "hours": 2},
    ]
    shown = ok("cert", "show", "CA-PSS").stdout
    assert "Tue 1 Jul 2025 to Wed 30 Jun 2027" in shown
    assert "at least 6 ethics; at least 2 cultural" in shown


def test_first_cycle_never_starts_before_the_issue_date(ok, make_cert):
    make_cert(issued="2026-03-15")
    assert json.loads(ok("cert", "show", "ca-pss", "--json").stdout)["cycle_start"] == "2026-03-15"


def test_log_ceu_counts_toward_every_cert_whose_cycle_includes_it(ok, make_cert, status_json):
    make_cert(require=["ethics=6"])
    make_cert("ga-cps", "Certified Peer Specialist", expires="2026-12-31", cycle="1y", hours="12")
    make_cert("old-cert", "Old one", expires="2026-06-30", cycle="1y", hours="10")
    result = ok("log-ceu", "Trauma-Informed Care", "--hours", "3", "--provider", "CalMHSA",
                "--category", "Ethics", "--date", "10/14/2026", "--format", "online")
    assert "Recorded course 1: Trauma-Informed Care, 3 hours on Wed 14 Oct 2026 (ethics)" in result.stderr
    # old-cert's cycle has ended: the course waits there for its next cycle, once renewed (a note, not progress)
    assert [line.split(":")[0].strip() for line in result.stderr.splitlines()[2:4]] == ["ga-cps", "ca-pss"]
    # 3 of 20 hours two thirds of the way through the cycle: behind, not on track
    assert "ca-pss: 3 of 20 hours (15%), ↓ behind; 17 hours to go, about 2.25 hours a month" in result.stderr
    assert "(still short: ethics 3 of 6)" in result.stderr
    assert "it will count toward the next cycle once you record your renewal" in result.stderr
    assert "3 of 20 hours" in result.stderr and "3 of 12 hours" in result.stderr
    certs = {c["id"]: c for c in status_json()["certifications"]}
    assert certs["ca-pss"]["hours_earned"] == 3
    assert certs["ca-pss"]["categories"] == [
        {"name": "ethics", "dimension": "category", "required": 6, "earned": 3, "met": False}]
    assert certs["ga-cps"]["hours_earned"] == 3
    assert certs["old-cert"]["hours_earned"] == 0


def test_log_ceu_for_named_certs_only(ok, make_cert, status_json):
    make_cert()
    make_cert("ga-cps", "Certified Peer Specialist", expires="2026-12-31", cycle="1y", hours="12")
    ok("log-ceu", "WRAP refresher", "--hours", "90m", "--cert", "ga-cps", "--date", "yesterday")
    certs = {c["id"]: c for c in status_json()["certifications"]}
    assert certs["ga-cps"]["hours_earned"] == 1.5
    assert certs["ca-pss"]["hours_earned"] == 0


def test_log_ceu_without_any_certification_still_records(ok):
    result = ok("log-ceu", "Peer support basics", "--hours", "2")
    assert "It counts toward no certification now: none of your certifications has a current cycle" in result.stderr
    assert "It will count toward a certification you add" in result.stderr
    courses = json.loads(ok("ceu", "list", "--json").stdout)
    assert [c["title"] for c in courses] == ["Peer support basics"]


def test_a_course_outside_a_named_certs_cycle_is_recorded_with_a_note(ok, make_cert, status_json):
    make_cert()
    result = ok("log-ceu", "Old course", "--hours", "2", "--date", "2024-01-10", "--cert", "ca-pss")
    assert "outside the current cycle of ca-pss" in result.stderr
    assert status_json()["certifications"][0]["hours_earned"] == 0


def test_hours_stay_exact(ok, make_cert, status_json):
    make_cert(hours="3")
    for day in range(1, 31):
        ok("log-ceu", f"Daily reading {day}", "--hours", "0.1", "--date", f"2026-10-{day:02d}")
    cert = status_json()["certifications"][0]
    assert cert["hours_earned"] == 3
    assert cert["hours_missing"] == 0
    assert cert["level"] == "ok"


def test_split_categories(ok, make_cert, status_json):
    make_cert(require=["ethics=6", "general=1"])
    ok("log-ceu", "Ethics and boundaries", "--hours", "3.5", "--category", "ethics:2", "--category", "general:1.5")
    course = json.loads(ok("ceu", "show", "1", "--json").stdout)
    assert course["category"] == "ethics: 2; general: 1.5"
    assert course["categories"] == [{"name": "ethics", "hours": 2}, {"name": "general", "hours": 1.5}]
    categories = status_json()["certifications"][0]["categories"]
    assert categories == [{"name": "ethics", "dimension": "category", "required": 6, "earned": 2, "met": False},
                          {"name": "general", "dimension": "category", "required": 1, "earned": 1.5, "met": True}]


def test_duplicate_course_needs_force(run, ok, make_cert, snapshot):
    make_cert()
    ok("log-ceu", "Trauma-Informed Care", "--hours", "3")
    before = snapshot()
    result = run("log-ceu", "trauma-informed care", "--hours", "3")
    assert result.exit_code == 2
    assert "already recorded (course 1)" in result.stderr
    assert "--force" in result.stderr
    assert snapshot() == before
    ok("log-ceu", "Trauma-Informed Care", "--hours", "3", "--force")
    assert len(json.loads(ok("ceu", "list", "--json").stdout)) == 2


def test_status_levels_and_pace(ok, make_cert, status_json):
    make_cert("soon", "Due soon", expires="2027-01-15", cycle="1y", hours="10")
    make_cert("urgent", "Urgent", expires="2026-11-20", cycle="1y", hours="10")
    make_cert("expired", "Expired", expires="2026-10-01", cycle="1y", hours="10")
    make_cert("fine", "Fine", expires="2028-01-01", cycle="2y", hours="10")
    make_cert("done", "Done", expires="2026-11-20", cycle="1y", hours="1")
    make_cert("late", "Behind", expires="2027-03-01", cycle="1y", hours="10")
    ok("log-ceu", "One hour", "--hours", "1", "--cert", "done", "--date", "2026-10-02")
    # A straight line through their cycles reaches about 8 (soon) and 4.2 (fine) hours by today:
    # half of that or more is not behind.
    ok("log-ceu", "Four hours", "--hours", "4", "--cert", "soon", "--date", "2026-10-02")
    ok("log-ceu", "Two hours", "--hours", "2.1", "--cert", "fine", "--date", "2026-10-02")
    levels = {c["id"]: c["level"] for c in status_json()["certifications"]}
    assert levels == {"soon": "due-soon", "urgent": "urgent", "expired": "overdue", "fine": "ok", "done": "ok",
                      "late": "behind"}
    text = ok("status").stdout
    assert "! due soon" in text and "‼ urgent" in text and "✗ overdue" in text and "✓ on track" in text
    assert "↓ behind" in text
    assert "expired Thu 1 Oct 2026 (32 days ago)" in text
    assert "10 hours in the next 18 days" in text
    assert "about 0.75 hours a month" in text  # 10 h over 14 months: "fine"
    assert "All the hours this cycle needs are in" in text


def test_status_for_one_cert_and_did_you_mean(run, ok, make_cert):
    make_cert()
    make_cert("ga-cps", "Certified Peer Specialist", expires="2026-12-31", cycle="1y", hours="12")
    data = json.loads(ok("status", "--cert", "ga-cps", "--json").stdout)
    assert [c["id"] for c in data["certifications"]] == ["ga-cps"]
    assert data["today"] == "2026-11-02"
    result = run("status", "--cert", "ca-pps")
    assert result.exit_code == 2
    assert 'There is no certification with the id "ca-pps". Did you mean "ca-pss"?' in result.stderr
    assert result.stdout == ""


def test_status_json_shape(ok, make_cert, status_json):
    make_cert(require=["ethics=6"])
    ok("log-ceu", "A course", "--hours", "1.25", "--category", "ethics")
    cert = status_json()["certifications"][0]
    for key in ("id", "name", "expires", "days_left", "hours_required", "hours_earned", "hours_missing",
                "level", "categories"):
        assert key in cert
    assert cert["hours_earned"] == 1.25 and isinstance(cert["hours_missing"], (int, float))
    assert cert["days_left"] == 240


def test_ceu_list_filters(ok, make_cert):
    make_cert(require=["ethics=6"])
    make_cert("ga-cps", "Certified Peer Specialist", expires="2026-12-31", cycle="1y", hours="12")
    ok("log-ceu", "Before the cycle", "--hours", "1", "--date", "2025-03-01", "--cert", "ca-pss")
    ok("log-ceu", "Ethics", "--hours", "2", "--date", "2026-02-01", "--category", "ethics")
    ok("log-ceu", "General", "--hours", "1", "--date", "2026-10-01", "--cert", "ga-cps")

    def titles(*args):
        return [c["title"] for c in json.loads(ok("ceu", "list", "--json", *args).stdout)]

    assert titles() == ["Before the cycle", "Ethics", "General"]
    assert titles("--cert", "ca-pss") == ["Before the cycle", "Ethics"]
    assert titles("--cert", "ca-pss", "--cycle", "current") == ["Ethics"]
    assert titles("--cert", "ca-pss", "--cycle", "previous") == ["Before the cycle"]
    assert titles("--cert", "ga-cps", "--cycle", "current") == ["Ethics", "General"]
    assert titles("--category", "Ethics") == ["Ethics"]
    assert titles("--from", "2026-01-01", "--to", "2026-06-30") == ["Ethics"]
    table = ok("ceu", "list").stdout
    assert "Before the cycle" in table and "3 courses, 4 hours in all." in table


def test_ceu_show_edit_rm(run, ok, make_cert, status_json):
    make_cert()
    ok("log-ceu", "Trauma-Informed Care", "--hours", "3", "--note", "Loved it")
    shown = ok("ceu", "show", "1").stdout
    assert "Trauma-Informed Care" in shown and "Loved it" in shown and "ca-pss" in shown
    ok("ceu", "edit", "1", "--hours", "2.5", "--category", "ethics", "--provider", "CalMHSA")
    course = json.loads(ok("ceu", "show", "1", "--json").stdout)
    assert (course["hours"], course["category"], course["provider"], course["note"]) == (
        2.5, "ethics", "CalMHSA", "Loved it")
    assert course["certs"] == ["ca-pss"]
    assert status_json()["certifications"][0]["hours_earned"] == 2.5

    refused = run("ceu", "rm", "1")
    assert refused.exit_code == NeedsConfirmation.EXIT_CODE
    assert "--yes" in refused.stderr
    assert len(json.loads(ok("ceu", "list", "--json").stdout)) == 1
    removed = ok("ceu", "rm", "1", "--yes")
    assert "Removed course 1" in removed.stderr
    assert json.loads(ok("ceu", "list", "--json").stdout) == []
    missing = run("ceu", "show", "1")
    assert missing.exit_code == 2 and "There is no course with the number" in missing.stderr


def test_rm_keeps_a_backup_to_undo_with(ok, make_cert, db_path):
    make_cert()
    ok("log-ceu", "Trauma-Informed Care", "--hours", "3")
    ok("ceu", "rm", "1", "--yes")
    backups = list((db_path.parent / "backups").glob("*.db"))
    assert len(backups) == 1
    import sqlite3

    conn = sqlite3.connect(backups[0])
    assert conn.execute("SELECT title FROM ceus").fetchall() == [("Trauma-Informed Care",)]
    conn.close()


def test_cert_edit_and_rm(run, ok, make_cert, status_json):
    make_cert(require=["ethics=6"])
    ok("log-ceu", "Trauma-Informed Care", "--hours", "3")
    ok("cert", "edit", "ca-pss", "--new-id", "ca-medi-cal", "--expires", "2027-12-31", "--hours", "24",
       "--require", "ethics=4", "--number", "PSS-9")
    cert = status_json()["certifications"][0]
    assert (cert["id"], cert["expires"], cert["cycle_start"], cert["hours_required"], cert["number"]) == (
        "ca-medi-cal", "2027-12-31", "2026-01-01", 24, "PSS-9")
    assert [(r["category"], r["hours"]) for r in cert["requirements"]] == [("ethics", 4)]
    assert cert["hours_earned"] == 3  # the course's credit followed the new id
    ok("cert", "edit", "ca-medi-cal", "--no-require")
    assert status_json()["certifications"][0]["requirements"] == []

    assert run("cert", "rm", "ca-medi-cal").exit_code == 2
    ok("cert", "rm", "ca-medi-cal", "--yes")
    assert status_json()["certifications"] == []
    courses = json.loads(ok("ceu", "list", "--json").stdout)
    assert [c["title"] for c in courses] == ["Trauma-Informed Care"]
    assert courses[0]["certs"] == []


def test_cert_list(ok, make_cert):
    make_cert()
    make_cert("ga-cps", "Certified Peer Specialist", expires="2026-12-31", cycle="1y", hours="12")
    listed = json.loads(ok("cert", "list", "--json").stdout)
    assert [c["id"] for c in listed] == ["ga-cps", "ca-pss"]  # soonest expiry first
    table = ok("cert", "list").stdout
    assert "ga-cps" in table and "↓ behind" in table  # 0 of 12 hours with 2 months left


def test_json_lists_are_empty_arrays_without_a_database(ok, db_path):
    assert json.loads(ok("cert", "list", "--json").stdout) == []
    assert json.loads(ok("ceu", "list", "--json").stdout) == []
    assert json.loads(ok("status", "--json").stdout) == {"today": "2026-11-02", "certifications": [], "in_progress": [],
                                                          "reminders": []}
    assert not db_path.exists()


def test_db_option_and_env(ok, tmp_path, monkeypatch):
    other = tmp_path / "elsewhere.db"
    ok("--db", str(other), "cert", "add", "X", "--id", "x", "--expires", "2027-01-01", "--hours", "1")
    assert other.exists()
    assert json.loads(ok("status", "--json").stdout)["certifications"] == []
    monkeypatch.setenv("PEERTRACK_DB", str(other))
    assert [c["id"] for c in json.loads(ok("status", "--json").stdout)["certifications"]] == ["x"]


def test_version(ok):
    from peertrack import __version__

    assert ok("--version").stdout == f"peertrack {__version__}\n"


def test_demo_shows_a_dashboard_without_touching_the_database(ok, db_path):
    result = ok("demo")
    assert "Medi-Cal Peer Support Specialist" in result.stdout
    assert "due soon" in result.stdout
    assert "your own records were not touched" in result.stderr
    assert not db_path.exists()


def test_a_lapsed_certification_is_trouble_in_due(run, make_cert):
    make_cert("old", "Old credential", expires="2026-08-31", cycle="1y", hours="10", grace_days="30")
    result = run("due")
    assert result.exit_code == 1
    assert "lapsed: contact" in result.stdout and "peertrack cert rm old" in result.stdout


def test_changing_a_split_courses_hours_keeps_its_proportions(ok, make_cert):
    make_cert()
    ok("log-ceu", "Split", "--hours", "3", "--category", "ethics:2", "--category", "general:1")
    ok("ceu", "edit", "1", "--hours", "1.5")
    course = json.loads(ok("ceu", "show", "1", "--json").stdout)
    assert course["categories"] == [{"name": "ethics", "hours": 1}, {"name": "general", "hours": 0.5}]


def test_with_one_certification_it_need_not_be_named(ok, run, make_cert, tmp_path):
    make_cert("pa-cps", "Certified Peer Specialist")
    assert "Certified Peer Specialist" in ok("cert", "show").stdout
    ok("export", "audit", "-o", str(tmp_path / "audit.zip"))  # the only one: no --cert needed
    ok("log-ceu", "Ethics refresher", "--hours", "2", "--date", "2026-10-01")
    assert "Ethics refresher" in ok("ceu", "list", "--cycle", "current").stdout
    make_cert("ny-cps", "NY Certified Peer Specialist")
    asked = " ".join(run("ceu", "list", "--cycle", "current").stderr.split())
    assert '--cycle "current" needs --cert: name the certification too, e.g. --cert ny-cps --cycle current ' \
        "(yours: ny-cps, pa-cps;" in asked
    refused = run("cert", "show")
    assert refused.exit_code == 2
    assert "name the certification, e.g. peertrack cert show ny-cps (yours: ny-cps, pa-cps; or choose one for " \
        "every time: peertrack config set default-cert ny-cps)" in " ".join(refused.stderr.split())


def test_due_names_a_certification_behind_on_hours_that_it_does_not_list_yet(ok, run, make_cert):
    """Behind with over a year to go: not listed (that would be every day for a year), but not hidden either."""
    make_cert("ca-pss", expires="2027-12-31", cycle="2y", hours="20")  # 10 of 24 months gone, nothing logged
    result = run("due")
    assert result.exit_code == 0
    assert result.stdout == ("✓ Nothing needs your attention in the next 30 days. Behind on hours, with time to "
                             "catch up: ca-pss (see peertrack status).\n")
    assert json.loads(run("due", "--json").stdout)["behind_not_listed"] == ["ca-pss"]
    ok("deadline", "add", "Send the form", "--due", "2026-11-20")  # listed: the behind one comes after it
    assert run("due").stdout.splitlines()[1:] == ["Behind on hours, with time to catch up: ca-pss (see peertrack "
                                                  "status)."]
    ok("log-ceu", "Big course", "--hours", "15", "--date", "2026-10-01")
    assert "Behind" not in run("due").stdout
