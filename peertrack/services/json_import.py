"""Loading a JSON export into an empty database: checked whole first, then loaded in one transaction."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from peertrack.domain.errors import Conflict, InvalidInput
from peertrack.exchange.export_file import ExportFile
from peertrack.storage import dump
from peertrack.storage.database import SCHEMA_VERSION, transaction


@dataclass(frozen=True)
class CheckedExport:
    """An export read through once and found sound: what it holds, and how to know it is the same file later."""

    file: Path
    source: str
    counts: list[tuple[str, int]]  # each table's records, in the file's order
    sequences: dict[str, Any]
    digest: str
    # The records of an export from an older version, brought forward in memory; None: read again to load.
    tables: dict[str, list[dict[str, Any]]] | None = None


def check_export(file: Path, source: str, whole: Callable[[], bytes]) -> CheckedExport:
    """The export checked from end to end, a record at a time; refused in one sentence if anything is wrong.

    An export from an older version is then read whole (`whole` gives its bytes) and brought
    forward the way a database file is: its hours in minutes become seconds, and so on.
    """
    export = ExportFile(file, source)
    for _ in export.records():
        pass
    checked = CheckedExport(file, source, list(export.counts.items()), export.sequences, export.digest)
    if export.schema == SCHEMA_VERSION:
        return checked
    import json

    try:
        data = json.loads(whole().decode("utf-8-sig"))
    except (UnicodeDecodeError, ValueError):  # it changed since it was read a moment ago
        raise InvalidInput("FILE", source, dump.ACCEPTED, problem="is not a JSON file") from None
    tables = dump.tables_from(data, source)
    return CheckedExport(file, source, [(name, len(rows)) for name, rows in tables.items()],
                         data.get("sequences") or {}, export.digest, tables)


def load_export(conn: sqlite3.Connection, path: Path, export: CheckedExport) -> None:
    """Every record of the export, or nothing; refused while another program writes to the database.

    The database was empty when the person was asked; a course logged meanwhile would be
    deleted by the load, so it is looked at again under the write lock. The file is read
    again as it is loaded: if it is not the file that was checked, nothing is kept.
    """
    with transaction(conn, refuse_if_busy="nothing was loaded"):
        if not dump.is_fresh(conn):
            raise Conflict(f"Records were added to {path} while you were deciding, so nothing was loaded: "
                           "a JSON export is only loaded into an empty database.",
                           "Load it into a new file with: peertrack --db NEW.db import json FILE")
        if export.tables is not None:
            dump.load_tables(conn, export.tables, export.source, export.sequences)
            return
        again = ExportFile(export.file, export.source)
        dump.load_records(conn, [name for name, _ in export.counts], again.records(), export.source,
                          export.sequences)
        if again.digest != export.digest:
            raise Conflict(f"{export.source} changed while you were deciding, so nothing was loaded.",
                           f"Import it again: peertrack import json {export.source}")
