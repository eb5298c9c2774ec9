"""What Tab offers after an option or argument: your certification ids, reminder numbers, categories.

Each function is a Typer `autocompletion` callback. They read the database quietly and
read-only, and never fail aloud: with no database yet, or a damaged one, Tab offers nothing.
"""

from __future__ import annotations

import typer

Offer = list[tuple[str, str]]


def _from_database(ctx: typer.Context, kind: str, incomplete: str) -> Offer:
    try:
        from peertrack.storage.database import resolve_path
        from peertrack.storage.lookup import values_for_completion

        path = resolve_path(ctx.find_root().params.get("db"))
        found = values_for_completion(path, kind, incomplete)
    except Exception:  # noqa: BLE001 - a Tab press must never print an error
        return []
    return [(value, description or "") for value, description in found]


def cert_ids(ctx: typer.Context, incomplete: str) -> Offer:
    return _from_database(ctx, "certs", incomplete)


def reminder_ids(ctx: typer.Context, incomplete: str) -> Offer:
    return _from_database(ctx, "reminders", incomplete)


def course_ids(ctx: typer.Context, incomplete: str) -> Offer:
    return _from_database(ctx, "courses", incomplete)


def deadline_ids(ctx: typer.Context, incomplete: str) -> Offer:
    return _from_database(ctx, "deadlines", incomplete)


def categories(ctx: typer.Context, incomplete: str) -> Offer:
    return _from_database(ctx, "categories", incomplete)


def template_ids(incomplete: str) -> Offer:
    try:
        from peertrack.storage.template_files import load_templates

        return [(template.id, template.name) for template in load_templates()]
    except Exception:  # noqa: BLE001 - a Tab press must never print an error
        return []


def starter_keys(incomplete: str) -> Offer:
    from peertrack.domain.starters import STARTERS

    return [(starter.key, starter.title) for starter in STARTERS]


def cycles(incomplete: str) -> Offer:
    return [("current", "the cycle running now"), ("previous", "the one before"), ("all", "every course")]


def formats(incomplete: str) -> Offer:
    return [("online", ""), ("in-person", ""), ("self-study", "")]


def event_kinds(incomplete: str) -> Offer:
    return [("certs", "expiry dates"), ("deadlines", "deadlines"), ("reminders", "wellness-plan reminders")]


def setting_keys(incomplete: str) -> Offer:
    from peertrack.domain.settings import KEYS

    return [(key, explanation.split(":")[0].split(".")[0]) for key, explanation in KEYS.items()]


def setting_values(ctx: typer.Context, incomplete: str) -> Offer:
    key = (ctx.params.get("key") or "").strip().lower()
    if key == "date-format":
        return [("iso", "2027-06-30"), ("us", "06/30/2027"), ("day-first", "30/06/2027")]
    if key == "default-cert":
        return cert_ids(ctx, incomplete)
    if key == "warn-days":
        return [("90,30,7", "the default")]
    return []
