"""Commands suggested in messages keep the --db that was typed, so they work on the same file when copied.

`peertrack --db ~/work.db cert add ...` that ends "See your certifications with: peertrack cert list"
would show another file's certifications; with --db kept it shows these. Like --plain, the choice
lives in one environment variable for the rest of this run (standard library only: the fast lane
uses it too).
"""

from __future__ import annotations

import os
import re
import shlex

DB_VAR = "PEERTRACK_TYPED_DB"
# Every command name: a test checks this against the command tree.
COMMAND_NAMES = ("status", "due", "log-ceu", "log-work", "log-supervision", "init", "cert", "ceu", "work",
                 "supervision", "deadline", "remind", "export", "import", "backup", "restore", "check", "config",
                 "completions", "demo")
_SUGGESTED = re.compile(r"\bpeertrack (?=(?:" + "|".join(re.escape(name) for name in COMMAND_NAMES) + r")\b)")


def remember_db(path: str) -> str | None:
    """Keep `path`, typed as --db, for the rest of this run; returns the earlier value, to put back."""
    earlier = os.environ.get(DB_VAR)
    os.environ[DB_VAR] = path
    return earlier


def put_back(earlier: str | None) -> None:
    if earlier is None:
        os.environ.pop(DB_VAR, None)
    else:
        os.environ[DB_VAR] = earlier


def with_typed_db(text: str) -> str:
    """`text` with --db PATH put into every peertrack command it suggests, when --db was typed."""
    path = os.environ.get(DB_VAR)
    if not path:
        return text
    return _SUGGESTED.sub(lambda _: f"peertrack --db {shlex.quote(path)} ", text)
