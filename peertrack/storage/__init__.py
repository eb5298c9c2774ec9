"""The only package that speaks SQL: the database file and every record in it.

The everyday commands use the standard library's sqlite3, which starts fast; schema
migrations (storage.migrations) bring in sqlite-utils only when the schema must change.
"""

from peertrack.storage.attachments import (
    all_attachments,
    attachments_by_course,
    course_attachments,
    find_attachment,
    insert_attachment,
)
from peertrack.storage.certs import (
    cert_ids,
    close_cycle,
    delete_cert,
    insert_cert,
    insert_cycle,
    load_cert,
    load_certs,
    load_cycles,
    unknown_cert,
    update_cert,
)
from peertrack.storage.courses import (
    count_courses,
    course_keys,
    credited_courses,
    delete_course,
    find_courses,
    insert_course,
    insert_courses,
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
    privacy_warning,
    problem_from,
    resolve_path,
    transaction,
)
from peertrack.storage.deadlines import (
    delete_deadline,
    insert_deadline,
    load_deadline,
    load_deadlines,
    mark_deadline_done,
)
from peertrack.storage.reminders import (
    delete_reminder,
    find_reminder_titled,
    insert_reminder,
    load_reminder,
    load_reminder_log,
    load_reminders,
    log_reminder,
    snooze_reminder,
    unknown_reminder,
    update_reminder,
)
from peertrack.storage.settings import load_settings, save_setting

__all__ = [
    "course_keys", "insert_courses",
    "credited_courses",
    "privacy_warning", "problem_from",
    "delete_reminder", "find_reminder_titled", "insert_reminder", "load_reminder",
    "load_reminder_log", "load_reminders", "log_reminder", "snooze_reminder", "unknown_reminder", "update_reminder",
    "all_attachments", "attachments_by_course", "course_attachments", "find_attachment", "insert_attachment",
    "close_cycle", "insert_cycle", "load_cycles", "delete_deadline", "insert_deadline", "load_deadline",
    "load_deadlines", "mark_deadline_done", "load_settings", "save_setting",
    "RESTORE_HINT", "SCHEMA_VERSION", "backup_copy", "cert_ids", "connect", "count_courses", "default_path",
    "delete_cert", "delete_course", "find_courses", "insert_cert", "insert_course", "known_categories",
    "load_cert", "load_certs", "load_course", "resolve_path", "transaction", "unknown_cert", "update_cert",
    "update_course",
]
