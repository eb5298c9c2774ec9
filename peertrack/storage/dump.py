"""Every record, table by table, in and out: the lossless JSON export and its import into an empty database.

Nothing here names a table or a column: the schema is read from the database itself, so tables
and columns added by later migrations are carried along without changes to this module.
"""

from __future__ import annotations

import base64
import json
import sqlite3
from collections.abc import Generator, Iterable, Iterator
from typing import Any

from peertrack.domain.errors import InvalidInput
from peertrack.domain.limits import MAX_RECORD_NUMBER
from peertrack.storage.database import SCHEMA_VERSION, newer_schema, reading

FORMAT = "peertrack"
_INTERNAL = ("_sqlite_migrations",)
_BATCH = 500  # rows written in one statement as an export is loaded
ACCEPTED = "give a file written by: peertrack export json"


def document_text(conn: sqlite3.Connection | None, exported: str,
                  counts: dict[str, int]) -> Generator[str, None, None]:
    """The whole database as the text of one JSON document, written a row at a time: never every row at once.

    All of it is read in one moment: never the credits of a course logged after its table was read.
    "sequences" keeps the last number each numbered table gave out, so that after an import
    a new record never takes the number of one removed before the export. `counts` gets each
    table's rows as they go out. The text is what json.dumps(indent=2) makes of the same document.
    """
    yield (f'{{\n  "format": {_text(FORMAT)},\n  "schema": {SCHEMA_VERSION},\n'
           f'  "exported": {_text(exported)},\n  "tables": ')
    if conn is None:
        yield '{},\n  "sequences": {}\n}\n'
        return
    with reading(conn):
        order = table_order(conn)
        yield "{" if order else "{}"
        for place, name in enumerate(order):
            yield f'{"," if place else ""}\n    {_text(name)}: ['
            counts[name] = 0
            for row in _row_stream(conn, name):
                yield ("," if counts[name] else "") + "\n      " + _text(row).replace("\n", "\n      ")
                counts[name] += 1
            yield "\n    ]" if counts[name] else "]"
        yield "\n  }" if order else ""
        numbers = sequences(conn)
    yield ',\n  "sequences": ' + _text(numbers).replace("\n", "\n  ") + "\n}\n"


def _text(value: object) -> str:
    return json.dumps(value, indent=2, ensure_ascii=False)


def sequences(conn: sqlite3.Connection) -> dict[str, int]:
    if not conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'sqlite_sequence'").fetchone():
        return {}
    order = table_order(conn)
    return {name: seq for name, seq in conn.execute("SELECT name, seq FROM sqlite_sequence ORDER BY name")
            if name in order}


def dump_tables(conn: sqlite3.Connection) -> dict[str, list[dict[str, Any]]]:
    """Every row of every peertrack table, parents before the tables that refer to them."""
    return {name: _rows(conn, name) for name in table_order(conn)}


def record_counts(conn: sqlite3.Connection) -> dict[str, int]:
    return {name: conn.execute(f"SELECT count(*) FROM {_quote(name)}").fetchone()[0] for name in table_order(conn)}


def table_order(conn: sqlite3.Connection) -> list[str]:
    """The peertrack tables, each after every table its foreign keys point to."""
    rows = conn.execute("SELECT name, sql FROM sqlite_master WHERE type = 'table' ORDER BY rowid").fetchall()
    virtual = [name for name, sql in rows if (sql or "").upper().startswith("CREATE VIRTUAL TABLE")]
    names = [
        name for name, _ in rows
        if not name.startswith("sqlite_") and name not in _INTERNAL and name not in virtual
        and not any(name.startswith(parent + "_") for parent in virtual)  # a full-text index's own tables
    ]
    parents = {name: {row[2] for row in conn.execute(f"PRAGMA foreign_key_list({_quote(name)})")} - {name}
               for name in names}
    ordered: list[str] = []
    while len(ordered) < len(names):
        ready = [name for name in names if name not in ordered and parents[name] <= set(ordered)]
        # A cycle of references cannot be ordered; the import defers its checks to the commit anyway.
        ordered.extend(ready or [name for name in names if name not in ordered])
    return ordered


def is_fresh(conn: sqlite3.Connection) -> bool:
    """True when the database holds no records beyond those of a brand-new one."""
    fresh = _fresh_tables()
    for name, count in record_counts(conn).items():
        if count != len(fresh.get(name, [])):
            return False
        if count and _rows(conn, name) != fresh[name]:
            return False
    return True


def tables_from(data: object, source: str) -> dict[str, list[dict[str, Any]]]:
    """The tables of a peertrack JSON export read whole, checked for shape; anything else is refused."""
    if not isinstance(data, dict):
        raise InvalidInput("FILE", source, ACCEPTED, problem="is not a peertrack export")
    tables = data.get("tables")
    damaged = not isinstance(tables, dict) or not all(
        isinstance(rows, list) and all(isinstance(row, dict) and all(is_value(value) for value in row.values())
                                       for row in rows) for rows in tables.values())
    schema = checked_header(data, source, damaged)
    assert isinstance(tables, dict)
    if schema < SCHEMA_VERSION:
        return _upgraded(tables, schema, source)
    return tables


def checked_header(header: dict[str, Any], source: str, damaged: bool) -> int:
    """The schema an export's header names, checked in the order a reader meets the problems; `damaged`
    says its tables were of the wrong shape, which is told only once the header itself is sound."""
    if header.get("format") != FORMAT:
        raise InvalidInput("FILE", source, ACCEPTED, problem="is not a peertrack export")
    schema = header.get("schema")
    if not isinstance(schema, int) or isinstance(schema, bool) or schema < 1:
        raise InvalidInput("FILE", source, ACCEPTED, problem="does not say which version of peertrack wrote it")
    if schema > SCHEMA_VERSION:
        raise newer_schema(source, schema, "nothing was imported")
    numbers = header.get("sequences", {})
    if damaged or not isinstance(numbers, dict) or not all(
            isinstance(n, int) and not isinstance(n, bool) and 0 <= n <= MAX_RECORD_NUMBER for n in numbers.values()):
        raise InvalidInput("FILE", source, "export it again with: peertrack export json",
                           problem="is damaged or incomplete")
    return schema


def load_tables(conn: sqlite3.Connection, tables: dict[str, list[dict[str, Any]]], source: str,
                numbers: dict[str, int] | None = None) -> None:
    """Put every row of an export into a fresh database; call it inside one transaction."""
    chosen = [name for name in table_order(conn) if name in tables]
    load_records(conn, list(tables), ((name, row) for name in chosen for row in tables[name]), source, numbers)


def load_records(conn: sqlite3.Connection, names: list[str], records: Iterable[tuple[str, dict[str, Any]]],
                 source: str, numbers: dict[str, int] | None = None) -> None:
    """Put an export's records into a fresh database as they are read; call it inside one transaction.

    `names` are the tables the export holds; `records` gives (table, row) in any order, each
    checked as it goes in, so a bad one anywhere undoes the whole transaction.
    """
    order = table_order(conn)
    for name in names:
        if name not in order:
            raise InvalidInput("FILE", source, "export it again with this version of peertrack",
                               problem=f'holds a kind of record ("{name}") this version of peertrack does not know')
    # Checked at the commit, so rows that refer to each other may come in any order.
    conn.execute("PRAGMA defer_foreign_keys = ON")
    chosen = [name for name in order if name in names]
    # Only the rows every new database starts with can be here (see is_fresh); the export's own replace them.
    for name in reversed(chosen):
        conn.execute(f"DELETE FROM {_quote(name)}")
    from peertrack.storage.schema_check import declared_types, row_problem

    known: dict[str, tuple[set[str], dict[str, str]]] = {}
    counted: dict[str, int] = {}
    batch: list[list[object]] = []
    batch_of: tuple[str, tuple[str, ...]] = ("", ())
    for name, row in records:
        if name not in known:
            known[name] = set(_columns(conn, name)), declared_types(conn, name)
        columns, declared = known[name]
        if not columns.issuperset(row):
            unknown = sorted(column for column in row if column not in columns)
            raise InvalidInput("FILE", source, "export it again with this version of peertrack",
                               problem=f'holds a detail ("{name}.{unknown[0]}") this version does not know')
        values = row if dict not in set(map(type, row.values())) else {
            column: _sql_value(value) for column, value in row.items()}
        counted[name] = counted.get(name, 0) + 1
        problem = row_problem(name, counted[name], values, declared)
        if problem is not None:
            raise InvalidInput("FILE", source, "export it again from the database it came from",
                               problem=f"holds a value peertrack cannot use ({problem})")
        if batch_of != (name, tuple(values)) or len(batch) >= _BATCH:
            _insert(conn, batch_of, batch, source)
            batch, batch_of = [], (name, tuple(values))
        batch.append(list(values.values()))
    _insert(conn, batch_of, batch, source)
    broken = conn.execute("PRAGMA foreign_key_check").fetchone()
    if broken:
        raise InvalidInput("FILE", source, "export it again from the database it came from",
                           problem=f'holds records that refer to missing ones (in "{broken[0]}")')
    for name, seq in (numbers or {}).items():
        if name in chosen and conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'sqlite_sequence'").fetchone():
            updated = conn.execute("UPDATE sqlite_sequence SET seq = max(seq, ?) WHERE name = ?", (seq, name))
            if not updated.rowcount:
                conn.execute("INSERT INTO sqlite_sequence (name, seq) VALUES (?, ?)", (name, seq))


def _insert(conn: sqlite3.Connection, into: tuple[str, tuple[str, ...]], rows: list[list[object]],
            source: str) -> None:
    """Rows of one table with the same columns, in one statement."""
    if not rows:
        return
    name, columns = into
    try:
        conn.executemany(f"INSERT INTO {_quote(name)} ({', '.join(_quote(c) for c in columns)})"
                         f" VALUES ({', '.join('?' * len(columns))})", rows)
    except sqlite3.IntegrityError as error:
        raise InvalidInput("FILE", source, "export it again from the database it came from",
                           problem=f'holds records that do not fit together ("{name}": {error})') from None


# Schemas 1 to 4 only added tables and columns, and not in the order of their names: an export from
# any of them is loaded into the schema of the first four steps. Every later step runs over its rows.
_FIRST_STEPS = 4


def _upgraded(tables: dict[str, list[dict]], schema: int, source: str) -> dict[str, list[dict]]:
    """The rows of an export from an older schema, brought forward by the same steps a database file takes.

    They are loaded into a scratch database of their own schema, the later steps run over them,
    and the rows come out again in today's shape: hours in minutes become seconds, and so on.
    """
    from sqlite_utils import Database

    from peertrack.storage.migrations import steps

    conn = sqlite3.connect(":memory:", isolation_level=None)
    try:
        names = [step.name for step in steps._migrations]
        db = Database(conn, execute_plugins=False)
        steps.apply(db, stop_before=names[max(schema, _FIRST_STEPS)])
        conn.execute("BEGIN")
        load_tables(conn, tables, source)
        conn.execute("COMMIT")
        steps.apply(db)
        return dump_tables(conn)
    finally:
        conn.close()


def _rows(conn: sqlite3.Connection, name: str) -> list[dict[str, Any]]:
    return list(_row_stream(conn, name))


def _row_stream(conn: sqlite3.Connection, name: str) -> Iterator[dict[str, Any]]:
    """A table's rows in the order they went in, read from one cursor as they are asked for."""
    columns = _columns(conn, name)
    selected = ", ".join(_quote(column) for column in columns)
    for row in conn.execute(f"SELECT {selected} FROM {_quote(name)} ORDER BY {_order(conn, name)}"):
        yield {column: _json_value(value) for column, value in zip(columns, row, strict=True)}


def _columns(conn: sqlite3.Connection, name: str) -> list[str]:
    """The table's stored columns; generated ones are worked out again and never written."""
    return [row[1] for row in conn.execute(f"PRAGMA table_xinfo({_quote(name)})") if row[6] == 0]


def _order(conn: sqlite3.Connection, name: str) -> str:
    """Rows in the order they went in, so that an import puts them back in the same order."""
    try:
        conn.execute(f"SELECT rowid FROM {_quote(name)} LIMIT 0")
        return "rowid"
    except sqlite3.OperationalError:  # a table WITHOUT ROWID: its primary key orders it
        keys = sorted((row[5], row[1]) for row in conn.execute(f"PRAGMA table_info({_quote(name)})") if row[5])
        return ", ".join(_quote(column) for _, column in keys) or "1"


def _fresh_tables() -> dict[str, list[dict[str, Any]]]:
    """What a brand-new database holds: usually nothing, unless a migration put starting rows in."""
    import tempfile
    from pathlib import Path

    from peertrack.storage.database import connect

    with tempfile.TemporaryDirectory(prefix="peertrack-fresh-") as folder:
        conn = connect(Path(folder) / "fresh.db")
        try:
            return dump_tables(conn)
        finally:
            conn.close()


def _json_value(value: object) -> object:
    if isinstance(value, bytes):
        return {"base64": base64.b64encode(value).decode("ascii")}
    return value


def _sql_value(value: object) -> object:
    if isinstance(value, dict):
        return base64.b64decode(value["base64"])
    return value


def is_value(value: object) -> bool:
    if isinstance(value, dict):
        if set(value) != {"base64"} or not isinstance(value["base64"], str):
            return False
        try:
            base64.b64decode(value["base64"], validate=True)
        except ValueError:
            return False
        return True
    return value is None or isinstance(value, (str, int, float)) and not isinstance(value, bool)


def _quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'
