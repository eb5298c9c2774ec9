"""Loading a JSON export into an empty database: one transaction that checks again it is still empty."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

from peertrack.domain.errors import Conflict
from peertrack.storage import dump
from peertrack.storage.database import transaction


def load_export(conn: sqlite3.Connection, path: Path, tables: dict[str, list[dict[str, Any]]], source: str,
                numbers: dict[str, int] | None) -> None:
    """Every record of the export, or nothing; refused while another program writes to the database.

    The database was empty when the person was asked; a course logged meanwhile would be
    deleted by the load, so it is looked at again under the write lock.
    """
    with transaction(conn, refuse_if_busy="nothing was loaded"):
        if not dump.is_fresh(conn):
            raise Conflict(f"Records were added to {path} while you were deciding, so nothing was loaded: "
                           "a JSON export is only loaded into an empty database.",
                           "Load it into a new file with: peertrack --db NEW.db import json FILE")
        dump.load_tables(conn, tables, source, numbers)
