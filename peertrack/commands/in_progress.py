"""Certifications in progress, as cert add --in-progress and cert rm see them: adding one, and removing one."""

from typing import Optional

import typer

from peertrack.commands.common import open_db
from peertrack.domain.parsing import optional_text, parse_date, parse_slug, parse_text
from peertrack.services import clock
from peertrack.storage import pursuits as store
from peertrack.storage.certs import cert_ids
from peertrack.storage.database import transaction


def add_in_progress(ctx: typer.Context, *, name: Optional[str], cert_id: Optional[str], template,
                    require: list[str], body: Optional[str], exam: Optional[str], since: Optional[str]) -> None:
    """`cert add --in-progress`: a certification with entry requirements, and no number or expiry yet."""
    from peertrack.domain.certifications import name_and_id
    from peertrack.domain.errors import InvalidInput
    from peertrack.domain.pursuits import Pursuit, parse_entry_rules, rule_words

    today = clock.today()
    name, cert_id = name_and_id(name, cert_id, template, "tx-peer")
    rules = parse_entry_rules(require) if require else (template.entry if template else ())
    if not rules:
        raise InvalidInput("--require", "", "give what you need before applying, like --require service=250 "
                           "--require supervision=25 --require training=40", problem="is missing")
    started = parse_date(since, "--since", today) if since else None
    exam_on = parse_date(exam, "--exam", today) if exam else None
    conn = open_db(ctx)
    with transaction(conn):
        pursuit = Pursuit(id=parse_slug(cert_id), name=parse_text(name, "NAME"), rules=rules,
                          body=optional_text(body) if body is not None else (template.body if template else None),
                          template=template.id if template else None, exam_on=exam_on,
                          started=started)
        store.insert_pursuit(conn, pursuit)
    from peertrack.domain.formatting import day
    from peertrack.output.screen import say

    say(f"✓ Added {pursuit.name} ({pursuit.id}), in progress: before applying you need "
        + "; ".join(rule_words(rule) for rule in rules) + ".")
    say((f"Hours you logged from {day(started)} on count toward it." if started else
         "Every hour you logged counts toward it (to count only from a day on, add --since DATE).")
        + (f" Your exam is on {day(exam_on)}." if exam_on else ""))
    if template:
        from peertrack.domain.templates import CONFIRM

        say(f"The requirements come from the {template.id} template. {CONFIRM}")
    say(f"When you are certified, record it with: peertrack cert certify {pursuit.id} --number NUMBER --issued DATE")


def refuse_held_details(**given: Optional[str]) -> None:
    """An expiry, number or issue day belongs to a certification you hold: it is recorded by cert certify."""
    from peertrack.domain.errors import InvalidInput

    for option, value in given.items():
        if value is not None:
            raise InvalidInput(f"--{option}", value, "a certification in progress has none yet; record it when you "
                               "are certified with: peertrack cert certify ID --number NUMBER --issued DATE",
                               problem="cannot go with --in-progress")


def remove_in_progress(ctx: typer.Context, conn, pursuit_id: str, yes: bool) -> bool:
    """`cert rm` of a certification in progress: ask, keep a backup, remove it; False when `pursuit_id` is not one."""
    if pursuit_id in cert_ids(conn) or pursuit_id not in {p.id for p in store.load_pursuits(conn)}:
        return False
    from peertrack.commands.common import remove_after_asking
    from peertrack.output.screen import say

    pursuit = store.load_pursuit(conn, pursuit_id)
    backup = remove_after_asking(
        ctx, conn, f"Remove {pursuit.name} ({pursuit.id}), the certification you are working toward? Your courses, "
        "work entries and supervision sessions stay.", yes, "before-cert-rm",
        lambda db: store.delete_pursuit(db, pursuit.id))
    say(f"✓ Removed {pursuit.name} ({pursuit.id}). A copy from just before is in {backup}")
    return True


def template_of(template_id: Optional[str]):
    """The template a certification in progress was added with, or None."""
    if template_id is None:
        return None
    from peertrack.storage.template_files import find_template

    return find_template(template_id)
