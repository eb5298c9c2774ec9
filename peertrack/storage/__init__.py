"""The only package that speaks SQL: the database file and every record in it.

The everyday commands use the standard library's sqlite3, which starts fast; schema
migrations (storage.migrations) bring in sqlite-utils only when the schema must change.
"""

from peertrack.storage.certs import (
    cert_ids,
    delete_cert,
    insert_cert,
    load_cert,
    load_certs,
    unknown_cert,
    update_cert,
)
from peertrack.storage.courses import (
    count_courses,
    delete_course,
    find_courses,
    insert_course,
    known_categories,
    load_course,
    update_course,
)
from peertrack.storage.database import (
    RESTORE_HINT,
    SCHEMA_VERSION,
    backup_copy,
    connect,
    default_path,
    resolve_path,
    transaction,
)

__all__ = [
    "RESTORE_HINT", "SCHEMA_VERSION", "backup_copy", "cert_ids", "connect", "count_courses", "default_path",
    "delete_cert", "delete_course", "find_courses", "insert_cert", "insert_course", "known_categories",
    "load_cert", "load_certs", "load_course", "resolve_path", "transaction", "unknown_cert", "update_cert",
    "update_course",
]
