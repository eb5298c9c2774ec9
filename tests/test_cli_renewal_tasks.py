"""Renewal tasks through the command line: they follow the certification's dates, are marked done per cycle,
and come back at renewal; tasks stored by older versions become marks."""

import json
import sqlite3

TX = "Mental Health or Recovery Support Peer Specialist (MHPS / RSPS)"
NOTE = "A renewal task from the tx-peer template."


def tasks(ok, *more: str) -> dict[str, tuple[str, str | None]]:
    found = json.loads(ok("deadline", "list", "--json", *more).stdout)
    return {d["key"].split(":task:")[1]: (d["due"], d["done_on"]) for d in found if d["key"] and ":task:" in d["key"]}


def test_tasks_follow_an_edited_expiry_and_keep_their_done_mark(ok):
    ok("cert", "add", "--template", "tx-peer", "--expires", "2027-06-30")
    assert tasks(ok) == {"fee": ("2027-06-30", None), "background-check": ("2027-05-31", None),
                         "code-of-ethics": ("2027-06-30", None)}
    done = ok("deadline", "done", "tx-peer:task:fee", "--on", "2026-10-15")
    assert f"Done for this cycle: Pay the renewal fee ($60): {TX}." in done.stderr
    ok("cert", "edit", "tx-peer", "--expires", "2027-08-31")
    # 30 days before 31 August is 1 August; the fee stays paid: it is the same cycle.
    assert tasks(ok) == {"background-check": ("2027-08-01", None), "code-of-ethics": ("2027-08-31", None)}
    assert tasks(ok, "--all")["fee"] == ("2027-08-31", "2026-10-15")


def test_tasks_start_again_at_renewal(ok):
    ok("cert", "add", "--template", "tx-peer", "--expires", "2027-06-30")
    ok("deadline", "done", "tx-peer:task:fee")
    renewed = ok("cert", "renew", "tx-peer", "--yes")
    assert "The renewal tasks start again for the new cycle: Pay the renewal fee ($60)" in renewed.stderr
    assert tasks(ok) == {"fee": ("2029-06-30", None), "background-check": ("2029-05-31", None),
                         "code-of-ethics": ("2029-06-30", None)}


def test_a_task_past_its_day_is_overdue_in_due_until_marked_done(ok, run, monkeypatch):
    ok("cert", "add", "--template", "tx-peer", "--expires", "2027-06-30")
    monkeypatch.setenv("PEERTRACK_TODAY", "2027-06-01")  # the background check was due 31 May
    result = run("due", "--json")
    found = {item["title"]: item for item in json.loads(result.stdout)["items"]}
    check = found[f"Background check (DPS or IdentoGO): {TX}"]
    assert (result.exit_code, check["level"], check["date"], check["ref"]) == (
        1, "overdue", "2027-05-31", "tx-peer:task:background-check")
    ok("deadline", "done", "tx-peer:task:background-check")
    titles = [item["title"] for item in json.loads(run("due", "--json").stdout)["items"]]
    assert f"Background check (DPS or IdentoGO): {TX}" not in titles


def test_the_list_names_each_task_and_how_to_mark_it(ok):
    ok("cert", "add", "--template", "nc-cpss", "--expires", "2027-03-14")  # due by the month's last day
    shown = ok("--plain", "deadline", "list").stdout
    assert "nc-cpss:task:references  2027-03-31" in shown
    assert "mark one done with: peertrack deadline done nc-cpss:task:fee" in " ".join(shown.split())


def test_bad_task_names_are_refused_and_nothing_is_written(ok, run, db_path):
    ok("cert", "add", "--template", "tx-peer", "--expires", "2027-06-30")
    wrong = run("deadline", "done", "tx-peer:task:feee")
    assert wrong.exit_code == 2 and wrong.stdout == ""
    assert ('NUMBER "tx-peer:task:feee" is not a renewal task of this certification: the renewal tasks of tx-peer '
            "are tx-peer:task:fee, tx-peer:task:background-check, tx-peer:task:code-of-ethics.") in wrong.stderr
    gone = run("deadline", "done", "ny:task:fee")
    assert gone.exit_code == 2 and 'There is no certification with the id "ny"' in gone.stderr
    removing = run("deadline", "rm", "tx-peer:task:fee", "--yes")
    assert removing.exit_code == 2
    assert "is a renewal task, not a deadline you added" in removing.stderr
    assert "mark it done with: peertrack deadline done tx-peer:task:fee" in removing.stderr
    conn = sqlite3.connect(db_path)
    assert conn.execute("SELECT count(*) FROM task_marks").fetchone()[0] == 0
    assert tasks(ok)["fee"] == ("2027-06-30", None)


def test_tasks_stored_by_an_older_version_become_marks(ok, db_path):
    ok("cert", "add", "--template", "tx-peer", "--expires", "2027-06-30")
    ok("cert", "renew", "tx-peer", "--yes")  # cycle 1 ends 30 June 2027, cycle 2 on 30 June 2029
    conn = sqlite3.connect(db_path, isolation_level=None)
    # As the older version left it: no marks, and its tasks as stored deadlines of both cycles.
    conn.execute("DROP TABLE task_marks")
    conn.execute("DELETE FROM _sqlite_migrations WHERE name = '0013-renewal-task-marks'")
    conn.execute("PRAGMA user_version = 10")
    rows = [(f"Pay the renewal fee ($60): {TX}", "2027-06-30", NOTE, "2026-10-01"),
            (f"Background check (DPS or IdentoGO): {TX}", "2027-05-31", NOTE, None),
            (f"Pay the renewal fee ($60): {TX}", "2029-06-30", NOTE, "2026-11-02"),
            (f"Sign the ethical standards: {TX}", "2029-06-30", NOTE, None),
            (f"Get a letter from the county: {TX}", "2029-06-30", NOTE, None),  # no longer in the template
            ("Renew CPR card", "2027-01-15", None, None)]  # the holder's own
    conn.executemany("INSERT INTO deadlines (title, due, cert_id, note, done_on, created_at)"
                     " VALUES (?, ?, 'tx-peer', ?, ?, '2026-11-02T00:00:00')", rows)
    conn.close()
    assert tasks(ok, "--all") == {"fee": ("2029-06-30", "2026-11-02"), "background-check": ("2029-05-31", None),
                                  "code-of-ethics": ("2029-06-30", None)}
    conn = sqlite3.connect(db_path)
    assert conn.execute("SELECT title FROM deadlines ORDER BY id").fetchall() == [
        (f"Get a letter from the county: {TX}",), ("Renew CPR card",)]
    assert conn.execute("SELECT y.ends, m.task, m.done_on FROM task_marks m JOIN cycles y ON y.id = m.cycle_id"
                        " ORDER BY y.ends").fetchall() == [("2027-06-30", "fee", "2026-10-01"),
                                                           ("2029-06-30", "fee", "2026-11-02")]


def test_an_older_export_with_stored_tasks_imports_as_marks(ok, run, tmp_path):
    ok("cert", "add", "--template", "tx-peer", "--expires", "2027-06-30")
    path = tmp_path / "all.json"
    ok("export", "json", "-o", str(path))
    data = json.loads(path.read_text())
    data["schema"] = 10  # as the version before marks wrote it: the tasks were deadlines
    del data["tables"]["task_marks"]
    del data["tables"]["category_aliases"]  # and what later versions added
    data["tables"]["requirements"] = [{k: v for k, v in row.items() if k != "cycle_id"}
                                      for row in data["tables"]["requirements"] if row["cycle_id"] is None]
    data["tables"]["ceus"] = [{k: v for k, v in row.items() if k != "credit_chosen"} for row in data["tables"]["ceus"]]
    data["tables"]["certifications"] = [{k: v for k, v in row.items() if k != "template_rules"}
                                        for row in data["tables"]["certifications"]]
    data["tables"]["cycles"] = [{("carried_seconds" if k == "carried_when_renewed_seconds" else k): v
                                 for k, v in row.items() if k != "carry_cap_seconds"}
                                for row in data["tables"]["cycles"]]
    data["tables"]["deadlines"] = [
        {"id": 1, "title": f"Pay the renewal fee ($60): {TX}", "due": "2027-06-30", "cert_id": "tx-peer",
         "note": NOTE, "done_on": "2026-10-01", "created_at": "2026-10-01T00:00:00"},
        {"id": 2, "title": "Renew CPR card", "due": "2027-01-15", "cert_id": None, "note": None, "done_on": None,
         "created_at": "2026-10-01T00:00:00"}]
    path.write_text(json.dumps(data))
    other = str(tmp_path / "other.db")
    imported = run("--db", other, "import", "json", str(path), "--yes")
    assert imported.exit_code == 0, imported.stderr
    assert "1 deadline," in imported.stdout and "1 renewal task done" in imported.stdout
    found = json.loads(ok("--db", other, "deadline", "list", "--all", "--json").stdout)
    assert [(d["id"], d["title"]) for d in found if d["id"] is not None] == [(2, "Renew CPR card")]
    assert {d["key"]: d["done_on"] for d in found if d["key"] and ":task:" in d["key"]} == {
        "tx-peer:task:fee": "2026-10-01", "tx-peer:task:background-check": None, "tx-peer:task:code-of-ethics": None}
