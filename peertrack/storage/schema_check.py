"""Is a database file shaped as peertrack's schema defines, and does every value in it fit?

A backup can carry SQL of its own: a trigger that deletes every course at the next edit, a view,
a table nobody asked for. Only the objects a new database of this version has are kept; the
rest are named, and dropped from a file about to be restored.
"""

from __future__ import annotations

import functools
import sqlite3

from peertrack.domain.stored_values import value_problem

_INTERNAL = ("sqlite_sequence", "sqlite_stat1", "sqlite_stat4")


def foreign_objects(conn: sqlite3.Connection, schema: str = "main") -> list[tuple[str, str]]:
    """(kind, name) of every trigger, view, table or index the schema does not define."""
    expected = _expected()
    found = []
    for kind, name, sql in conn.execute(f"SELECT type, name, sql FROM {schema}.sqlite_master ORDER BY rowid"):
        if name.startswith("sqlite_autoindex_") or name in _INTERNAL:
            continue
        if (kind, name) not in expected or (kind in ("trigger", "view") and expected[(kind, name)] != sql):
            found.append((kind, name))
    return found


def drop_foreign(conn: sqlite3.Connection, found: list[tuple[str, str]]) -> None:
    """Drop the objects `foreign_objects` named; triggers and views first, so none runs meanwhile."""
    order = {"trigger": 0, "view": 1, "index": 2, "table": 3}
    for kind, name in sorted(found, key=lambda item: order.get(item[0], 4)):
        if kind in order:
            conn.execute(f"DROP {kind.upper()} IF EXISTS {_quote(name)}")


def shape_problem(conn: sqlite3.Connection) -> str | None:
    """Why the tables are not those of peertrack's schema (one missing, a column changed), or None."""
    expected = _expected_columns()
    tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    for table, columns in expected.items():
        if table not in tables:
            return f'has no "{table}" table'
        if _columns(conn, table) != columns:
            return f'has a "{table}" table of another shape'
    return None


def value_problems(conn: sqlite3.Connection, limit: int = 1) -> list[str]:
    """The first `limit` values no command could use, each as words naming the record and the column."""
    found: list[str] = []
    for table, columns in _expected_columns().items():
        names = [column[0] for column in columns]
        kinds = {column[0]: column[1] for column in columns}
        selected = ", ".join(_quote(name) for name in names)
        for number, row in enumerate(conn.execute(f"SELECT {selected} FROM {_quote(table)}"), start=1):
            for name, value in zip(names, row, strict=True):
                why = value_problem(name, kinds[name], value)
                if why is not None:
                    found.append(f'{table} record {number}, {name} {shown(value)} {why}')
                    if len(found) >= limit:
                        return found
    return found


def row_problem(table: str, number: int, row: dict, declared: dict[str, str]) -> str | None:
    """The first value in a row about to be imported (the table's `number`th) that no command could use, or None."""
    for name, value in row.items():
        why = value_problem(name, declared.get(name, ""), value)
        if why is not None:
            return f'{table} record {number}, {name} {shown(value)} {why}'
    return None


def declared_types(conn: sqlite3.Connection, table: str) -> dict[str, str]:
    return {row[1]: row[2] for row in conn.execute(f"PRAGMA table_info({_quote(table)})")}


def shown(value: object) -> str:
    """A value as a message may quote it: short, and with control characters escaped."""
    text = repr(value) if not isinstance(value, str) else value
    if len(text) > 40:
        text = text[:40] + "…"
    from peertrack.domain.terminal_text import escaped

    return f'"{escaped(text)}"'


def _columns(conn: sqlite3.Connection, table: str) -> list[tuple]:
    return [(row[1], row[2].upper(), row[3], row[5]) for row in conn.execute(f"PRAGMA table_info({_quote(table)})")]


@functools.lru_cache(maxsize=1)
def _expected() -> dict[tuple[str, str], str]:
    conn = _fresh()
    try:
        return {(kind, name): sql for kind, name, sql in conn.execute("SELECT type, name, sql FROM sqlite_master")
                if not name.startswith("sqlite_autoindex_") and name not in _INTERNAL}
    finally:
        conn.close()


@functools.lru_cache(maxsize=1)
def _expected_columns() -> dict[str, list[tuple]]:
    conn = _fresh()
    try:
        tables = [row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY rowid")
                  if row[0] not in _INTERNAL]
        return {table: _columns(conn, table) for table in tables}
    finally:
        conn.close()


def _fresh() -> sqlite3.Connection:
    from peertrack.storage.migrations import reference

    return reference()


def _quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'
