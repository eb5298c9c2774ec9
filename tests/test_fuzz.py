"""Random input at every command: never a traceback, only exit status 0, 1 or 2, and a sound database."""

import os
import sqlite3
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from peertrack.commands.app import app

# The limits: numbers of thousands of digits, record numbers past 2**63, names far too long, file
# names past 255 bytes, and terminal escape sequences.
huge = st.sampled_from(["9" * 5000, str(2**63), str(2**64 + 1), "1" + "0" * 400 + "h", "-" + "9" * 5000])
long_names = st.sampled_from(["T" * 5000, "é" * 200, "a\x1b[2Jb", "x\x07\x1b]0;title\x07y", "ü" * 130 + ".pdf"])
words = st.one_of(
    st.text(alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"), max_size=30),
    long_names)
dates = st.one_of(words, st.dates().map(lambda d: d.isoformat()), st.dates().map(lambda d: d.strftime("%m/%d/%Y")),
                  st.sampled_from(["today", "yesterday", "tomorrow", "2026-02-29", "13/45/2026", "0001-01-01",
                                   "9999-12-31", "12/31/9999", "01/01/0001"]))
numbers = st.one_of(words, huge, st.integers(-1000, 100_000).map(str), st.floats(allow_nan=True).map(str),
                    st.sampled_from(["90m", "1h30m", "0", "-0", "1e308", "0.001", "100.01"]))
cert_ids = st.one_of(words, st.sampled_from(["ca-pss", "ga-cps", "nope", "x" * 300]))

commands = st.one_of(
    st.tuples(st.just("log-ceu"), words, st.just("--hours"), numbers, st.just("--date"), dates,
              st.just("--category"), words, st.just("--cert"), cert_ids, st.just("--format"), words),
    st.tuples(st.just("log-ceu"), words, st.just("--hours"), numbers, st.just("--force")),
    st.tuples(st.just("cert"), st.just("add"), words, st.just("--id"), cert_ids, st.just("--expires"), dates,
              st.just("--hours"), numbers, st.just("--cycle"), words, st.just("--require"), words,
              st.just("--cap"), words, st.just("--issued"), dates),
    st.tuples(st.just("cert"), st.just("add"), st.just("--template"), words, st.just("--expires"), dates),
    st.tuples(st.just("cert"), st.just("edit"), cert_ids, st.just("--expires"), dates, st.just("--hours"), numbers,
              st.just("--new-id"), cert_ids),
    st.tuples(st.just("cert"), st.just("renew"), cert_ids, st.just("--on"), dates, st.just("--yes")),
    st.tuples(st.just("cert"), st.just("rm"), cert_ids, st.just("--yes")),
    st.tuples(st.just("ceu"), st.just("list"), st.just("--cert"), cert_ids, st.just("--cycle"), words,
              st.just("--from"), dates, st.just("--to"), dates),
    st.tuples(st.just("ceu"), st.just("edit"), numbers, st.just("--hours"), numbers, st.just("--date"), dates),
    st.tuples(st.just("ceu"), st.just("rm"), numbers, st.just("--yes")),
    st.tuples(st.just("deadline"), st.just("add"), words, st.just("--due"), dates, st.just("--cert"), cert_ids),
    st.tuples(st.just("deadline"), st.just("done"), words),
    st.tuples(st.just("due"), st.just("--within"), words),
    st.tuples(st.just("status"), st.just("--cert"), cert_ids),
    st.tuples(st.just("export"), st.just("csv"), st.just("--cert"), cert_ids, st.just("--cycle"), words),
    st.tuples(st.just("config"), st.just("set"), words, words),
    st.tuples(st.just("ceu"), st.just("show"), numbers),
    st.tuples(st.just("due"), st.just("--within"), numbers),
    st.tuples(st.just("log-ceu"), words, st.just("--hours"), st.just("1"), st.just("--certificate"), long_names),
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(commands, min_size=1, max_size=6))
def test_random_input_never_breaks_peertrack(batch):
    runner = CliRunner()
    with tempfile.TemporaryDirectory() as folder:
        db = Path(folder) / "fuzz.db"
        env = {"PEERTRACK_DB": str(db), "PEERTRACK_TODAY": "2026-11-02",
               "PEERTRACK_CONFIG_DIR": os.path.join(folder, "config")}
        runner.invoke(app, ["cert", "add", "Medi-Cal PSS", "--id", "ca-pss", "--expires", "2027-06-30",
                            "--hours", "20", "--require", "ethics=6"], env=env)
        for args in batch:
            result = runner.invoke(app, list(args), env=env)
            assert result.exit_code in (0, 1, 2), (args, result.stdout, result.stderr)
            assert result.exception is None or isinstance(result.exception, SystemExit), (args, result.exception)
            assert "Traceback" not in result.stdout + result.stderr
            assert "did not expect" not in result.stderr, (args, result.stderr)
        conn = sqlite3.connect(db)
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
        conn.close()
