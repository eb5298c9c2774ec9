"""The fast lane answers the everyday commands exactly as the full command tree does."""

import json
import os

import pytest

from peertrack.cli import fast_lane


@pytest.mark.parametrize("args, expected", [
    ([], (None, "status", {}, False)),
    (["status", "--json"], (None, "status", {"json": True}, False)),
    (["status", "-c", "ca-pss"], (None, "status", {"cert": "ca-pss"}, False)),
    (["status", "--missing", "--json"], (None, "status", {"missing": True, "json": True}, False)),
    (["--db", "x.db", "due"], ("x.db", "due", {}, False)),
    (["--db=x.db", "due", "--within=60d", "--json", "-q"], ("x.db", "due", {"within": "60d", "json": True,
                                                                             "quiet": True}, False)),
    (["due", "--within", "2w"], (None, "due", {"within": "2w"}, False)),
    (["--plain"], (None, "status", {}, True)),
    (["--plain", "--db", "x.db", "status"], ("x.db", "status", {}, True)),
    (["--db", "x.db", "--plain", "due", "-q"], ("x.db", "due", {"quiet": True}, True)),
    (["cert", "list", "--json"], (None, "cert list", {"json": True}, False)),
    (["cert", "list", "--db", "x.db"], ("x.db", "cert list", {}, False)),
    (["export", "csv", "--cert", "ca-pss"], (None, "export csv", {"cert": "ca-pss"}, False)),
    (["export", "csv", "-c", "ca-pss", "--notes"], (None, "export csv", {"cert": "ca-pss", "notes": True}, False)),
    (["log-ceu", "Peer ethics", "--hours", "2"], (None, "log-ceu", {"title": "Peer ethics", "hours": "2"}, False)),
    (["log-ceu", "--hours", "3", "Ethics", "--category", "ethics:2", "--category", "general:1", "-c", "ca-pss",
      "--cert", "ga-cps=2", "--json", "--force", "--date", "yesterday", "--provider", "NAMI", "--format", "online",
      "--approval-no", "A-1", "--note", "n"],
     (None, "log-ceu", {"hours": "3", "title": "Ethics", "category": ["ethics:2", "general:1"],
                        "cert": ["ca-pss", "ga-cps=2"], "json": True, "force": True, "date": "yesterday",
                        "provider": "NAMI", "format": "online", "approval_no": "A-1", "note": "n"}, False)),
    (["log-ceu", "T", "--hours", "1", "--plain", "--db", "x.db"], ("x.db", "log-ceu", {"title": "T", "hours": "1"},
                                                                    True)),
])
def test_everyday_forms_take_the_fast_lane(args, expected):
    assert fast_lane(args) == expected


@pytest.mark.parametrize("args", [
    ["--help"], ["status", "--help"], ["due", "--within"], ["due", "--json", "--json"], ["cert", "show"],
    ["due", "--json=yes"], ["status", "--cert", "--json"], ["--db"], ["due", "extra"], ["log-ceu", "x", "y"],
    ["--plain", "--plain"], ["--db", "a", "--db", "b"], ["status", "--plain", "--plain"], ["status", "--history"],
    ["status", "--svg", "x.svg"], ["--plain", "cert", "show"], ["status", "--missing", "--missing"],
    ["cert", "--json", "list"], ["cert", "list", "--json", "--json"], ["cert", "list", "extra"], ["cert"],
    ["log-ceu", "--from", "c.pdf"], ["log-ceu", "x", "--certificate", "c.pdf"], ["log-ceu", "x", "--hours", "1", "-y"],
    ["log-ceu", "--help"], ["log-ceu", "--", "-x"], ["log-ceu", "-x"], ["log-ceu", "x", "--hours"],
    ["log-ceu", "x", "--hours", "1", "--hours", "2"], ["log-ceu", "x", "--json", "--json"], ["log-ceu", "x", "--nope"],
])
def test_anything_else_goes_to_the_full_command_tree(args):
    assert fast_lane(args) is None


@pytest.mark.parametrize("args", [
    [], ["status"], ["status", "--json"], ["status", "--cert", "ga-cps"], ["status", "--cert", "nope"],
    ["status", "--missing"], ["status", "--missing", "--json", "--cert", "ca-pss"],
    ["due"], ["due", "--json"], ["due", "--within", "6m"], ["due", "--within", "soon"], ["due", "--quiet"],
    ["--plain"], ["--plain", "status", "--cert", "ca-pss"], ["--plain", "due"],
    ["cert", "list"], ["cert", "list", "--json"], ["--plain", "cert", "list"], ["cert", "list", "--plain"],
    ["export", "csv"], ["export", "csv", "--cert", "ca-pss"], ["export", "csv", "--notes", "-c", "ga-cps"],
    ["export", "csv", "--cert", "ca-pss", "--cycle", "previous"], ["export", "csv", "--cert", "nope"],
    ["export", "csv", "--cycle", "current"], ["export", "csv", "--cycle", "soon", "-c", "ca-pss"],
])
def test_the_fast_lane_and_the_command_tree_agree(run, ok, make_cert, process, args):
    make_cert(require=["ethics=6"])
    make_cert("ga-cps", "Certified Peer Specialist", expires="2026-11-20", cycle="1y", hours="12")
    ok("log-ceu", "Trauma-Informed Care", "--hours", "3", "--category", "ethics", "--date", "2026-10-01")
    ok("deadline", "add", "Renewal fee", "--due", "2026-11-30")
    ok("remind", "add", "Self-care hour", "--every", "week", "--start", "2026-10-01")
    assert fast_lane(args) is not None
    fast = process(*args)
    full = run(*args)
    assert (fast.returncode, fast.stdout, fast.stderr) == (full.exit_code, full.stdout, full.stderr)


def test_the_fast_lane_explains_a_damaged_file(db_path, process):
    db_path.parent.mkdir(parents=True)
    db_path.write_text("not a database\n" * 50)
    result = process("due")
    assert result.returncode == 2
    assert "is not a peertrack database, or it is damaged" in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")
def test_peertracks_own_data_folder_is_checked_too(ok, tmp_path, monkeypatch):
    folder = tmp_path / "share" / "peertrack"
    monkeypatch.setenv("PEERTRACK_DB", str(folder / "peertrack.db"))
    ok("cert", "add", "X", "--id", "x", "--expires", "2027-01-01", "--hours", "1")
    assert "other people" not in ok("status").stderr
    folder.chmod(0o755)
    assert 'chmod 700' in ok("status").stderr


@pytest.mark.parametrize("args", [["cert", "list"], ["cert", "list", "--json"], ["due"], ["status", "--json"],
                                  ["export", "csv"], ["export", "csv", "--cert", "ca-pss"]])
def test_before_the_first_record_both_say_the_same(run, process, db_path, args):
    fast = process(*args)
    full = run(*args)
    assert (fast.returncode, fast.stdout, fast.stderr) == (full.exit_code, full.stdout, full.stderr)
    assert not db_path.exists()  # reading never creates the file


def test_export_into_a_file_is_the_same_either_way(run, process, make_cert, ok, tmp_path):
    make_cert()
    ok("log-ceu", "Ethics in practice", "--hours", "2", "--category", "ethics", "--date", "2026-10-01")
    fast, full = tmp_path / "fast.csv", tmp_path / "full.csv"
    assert fast_lane(["export", "csv", "-c", "ca-pss", "-o", str(fast)]) is not None
    by_fast = process("export", "csv", "-c", "ca-pss", "-o", str(fast))
    by_tree = run("export", "csv", "-c", "ca-pss", "-o", str(full))
    assert (by_fast.returncode, by_fast.stdout) == (by_tree.exit_code, by_tree.stdout) == (0, "")
    assert by_fast.stderr.replace("fast.csv", "full.csv") == by_tree.stderr
    assert fast.read_bytes() == full.read_bytes()
    assert fast.read_bytes().startswith("\ufeffDate,Title".encode())


# log-ceu writes, so each form runs twice on the same starting file: by the fast lane, then by the command tree.
# The exit status is worked out by hand: 0 saved; 2 refused (bad input or a duplicate), nothing written.
LOG_FORMS = [
    (["log-ceu", "Peer ethics", "--hours", "2"], 0),
    (["log-ceu", "Peer ethics", "--hours", "2", "--json"], 0),
    (["log-ceu", "--hours", "1.5", "Peer ethics", "--category", "ethics:1", "--category", "general:0.5", "-c",
      "ca-pss", "--cert=ga-cps=1"], 0),
    (["log-ceu", "Peer ethics", "--hours", "lots"], 2),
    (["log-ceu", "Peer ethics", "--hours", "0"], 2),
    (["log-ceu", "Peer ethics", "--hours", "2", "--date", "2026-02-30"], 2),
    (["log-ceu", "Peer ethics", "--hours", "2", "--date", "tomorrow"], 2),
    (["log-ceu", "Peer ethics", "--hours", "2", "--cert", "nope"], 2),
    (["log-ceu", "Peer ethics", "--hours", "2", "--cert", "auto", "-c", "ca-pss"], 2),
    (["log-ceu", "Peer ethics", "--hours", "2", "--format", "telepathy"], 2),
    (["log-ceu", "Trauma-Informed Care", "--hours", "3", "--date", "2026-10-01"], 2),
    (["log-ceu", "Trauma-Informed Care", "--hours", "3", "--date", "2026-10-01", "--force", "--json"], 0),
    (["log-ceu", "Old course", "--hours", "1", "--date", "2024-05-01"], 0),
    (["log-ceu", "Basket weaving", "--hours", "1", "--category", "crafts", "-c", "ca-pss"], 0),
    (["log-ceu", "--hours", "1"], 2),
    (["log-ceu", "Peer ethics"], 2),
    (["log-ceu", "", "--hours", "1"], 2),
    (["--plain", "log-ceu", "Peer ethics", "--hours", "2", "--provider", "NAMI", "--format", "online",
      "--approval-no", "A-1", "--note", "a note", "--cert", "none"], 0),
    (["log-ceu", "Old course", "--hours", "1", "--date", "2024-05-01", "--plain"], 0),
]


def _dump(db_path) -> str:
    """The database as SQL, without the moments rows were made: those differ from run to run."""
    import re
    import sqlite3

    conn = sqlite3.connect(db_path)
    try:
        return re.sub(r"'\d{4}-\d\d-\d\dT[\d:.]+(\+00:00)?'", "'moment'", "\n".join(conn.iterdump()))
    finally:
        conn.close()


@pytest.mark.parametrize("args, code", LOG_FORMS, ids=lambda value: " ".join(value) if isinstance(value, list) else "")
def test_log_ceu_is_the_same_by_either_way(run, ok, make_cert, process, db_path, args, code):
    make_cert(require=["ethics=6"])
    make_cert("ga-cps", "Certified Peer Specialist", expires="2026-11-20", cycle="1y", hours="12")
    ok("log-ceu", "Trauma-Informed Care", "--hours", "3", "--category", "ethics", "--date", "2026-10-01")
    start = db_path.read_bytes()
    before = _dump(db_path)
    assert fast_lane(args) is not None
    fast = process(*args)
    after_fast = _dump(db_path)
    db_path.write_bytes(start)
    full = run(*args)
    assert (fast.returncode, fast.stdout, fast.stderr) == (full.exit_code, full.stdout, full.stderr)
    assert after_fast == _dump(db_path)
    assert fast.returncode == code, fast.stderr
    if code:
        assert fast.stderr.startswith("Error: ") and fast.stdout == ""
        assert after_fast == before  # nothing written
    else:
        assert after_fast != before


@pytest.mark.parametrize("args", [["log-ceu", "Peer ethics", "--hours", "lots"], ["log-ceu", "Peer ethics"],
                                  ["log-ceu", "Peer ethics", "--hours", "1", "--date", "tomorrow"]])
def test_a_refused_first_course_leaves_no_file_either_way(run, process, db_path, args):
    fast = process(*args)
    assert not db_path.exists()
    full = run(*args)
    assert not db_path.exists()
    assert (fast.returncode, fast.stdout, fast.stderr) == (full.exit_code, full.stdout, full.stderr)
    assert fast.returncode == 2


def test_a_first_course_makes_the_file_either_way(run, process, db_path, tmp_path):
    fast = process("log-ceu", "Peer ethics", "--hours", "1", "--json")
    assert fast.returncode == 0 and db_path.exists()
    db_path.unlink()
    full = run("log-ceu", "Peer ethics", "--hours", "1", "--json")
    assert (fast.returncode, fast.stdout, fast.stderr) == (full.exit_code, full.stdout, full.stderr)
    assert json.loads(fast.stdout)["course"]["title"] == "Peer ethics"


@pytest.mark.parametrize("args", [["log-ceu", "Peer ethics", "--hours", "lots", "--db"],
                                  ["--db", "log-ceu", "Peer ethics", "--hours", "1", "--date", "2024-05-01"]])
def test_log_ceu_with_a_typed_database_is_the_same_either_way(run, process, make_cert, db_path, args):
    make_cert()
    args = [word if word != "--db" else f"--db={db_path}" for word in args]  # hints repeat the --db typed
    start = db_path.read_bytes()
    assert fast_lane(args) is not None
    fast = process(*args)
    db_path.write_bytes(start)
    full = run(*args)
    assert (fast.returncode, fast.stdout, fast.stderr) == (full.exit_code, full.stdout, full.stderr)
    assert fast.returncode in (0, 2) and (fast.returncode == 0 or f"--db {db_path}" in fast.stderr)
