"""The fast lane answers the everyday commands exactly as the full command tree does."""

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
])
def test_everyday_forms_take_the_fast_lane(args, expected):
    assert fast_lane(args) == expected


@pytest.mark.parametrize("args", [
    ["--help"], ["status", "--help"], ["due", "--within"], ["due", "--json", "--json"], ["cert", "show"],
    ["due", "--json=yes"], ["status", "--cert", "--json"], ["--db"], ["due", "extra"], ["log-ceu", "x"],
    ["--plain", "--plain"], ["--db", "a", "--db", "b"], ["status", "--plain", "--plain"], ["status", "--history"],
    ["status", "--svg", "x.svg"], ["--plain", "cert", "show"], ["status", "--missing", "--missing"],
    ["cert", "--json", "list"], ["cert", "list", "--json", "--json"], ["cert", "list", "extra"], ["cert"],
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
