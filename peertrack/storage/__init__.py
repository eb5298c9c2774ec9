"""The only package that speaks SQL: the database file and every record in it.

The everyday commands use the standard library's sqlite3, which starts fast; schema
migrations (storage.migrations) bring in sqlite-utils only when the schema must change.
Each part is imported the first time one of its functions is used, so a command pays
only for the records it touches.
"""

import importlib

_PARTS = {
    "attachments": (
        "all_attachments", "attachments_by_course", "course_attachments", "find_attachment",
        "insert_attachment",
    ),
    "certs": (
        "cert_ids", "close_cycle", "delete_cert", "insert_cert", "insert_cycle", "load_cert", "load_certs",
        "load_cycles", "unknown_cert", "update_cert",
    ),
    "courses": (
        "count_courses", "course_keys", "credited_courses", "delete_course", "find_courses",
        "insert_course", "insert_courses", "known_categories", "load_course", "update_course",
    ),
    "database": (
        "RESTORE_HINT", "SCHEMA_VERSION", "commit_count", "connect", "default_path", "privacy_warning",
        "problem_from", "reading", "resolve_path", "transaction",
    ),
    "deadlines": (
        "delete_deadline", "insert_deadline", "load_deadline", "load_deadlines", "mark_deadline_done",
    ),
    "lookup": (
        "values_for_completion",
    ),
    "reminders": (
        "delete_reminder", "find_reminder_titled", "insert_reminder", "load_reminder", "load_reminder_log",
        "load_reminders", "log_reminder", "snooze_reminder", "unknown_reminder", "update_reminder",
    ),
    "safety_copies": (
        "keep_copy",
    ),
    "settings": (
        "load_settings", "save_setting",
    ),
}
_WHERE = {name: part for part, names in _PARTS.items() for name in names}
__all__ = sorted(_WHERE)


def __getattr__(name: str):
    part = _WHERE.get(name)
    if part is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f"{__name__}.{part}"), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return __all__
