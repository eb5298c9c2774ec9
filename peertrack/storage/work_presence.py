"""Whether there is anything on the work log's rules or a certification in progress: two cheap questions the
dashboard asks first, so that people without any never load the modules that work them out."""

from __future__ import annotations

import sqlite3


def work_rules_exist(conn: sqlite3.Connection) -> bool:
    return conn.execute("SELECT EXISTS (SELECT 1 FROM work_requirements)").fetchone()[0] == 1


def pursuits_exist(conn: sqlite3.Connection) -> bool:
    return conn.execute("SELECT EXISTS (SELECT 1 FROM pursuits WHERE certified_on IS NULL)").fetchone()[0] == 1
