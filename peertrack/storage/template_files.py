"""Certification templates as files: the built-in ones shipped with peertrack, and the holder's own."""

from __future__ import annotations

import os
from collections.abc import Collection

from peertrack.domain.errors import NotFound
from peertrack.domain.templates import Template
from peertrack.storage import path_text

TYPE_CHECKING = False  # as typing.TYPE_CHECKING, without importing typing at start-up
if TYPE_CHECKING:
    from pathlib import Path


def user_template_folder() -> Path:
    """Where a holder keeps their own template files (*.json) to share with co-workers."""
    from pathlib import Path

    chosen = os.environ.get("PEERTRACK_CONFIG_DIR")
    if chosen:
        return Path(chosen).expanduser() / "templates"
    from peertrack.storage.user_folders import user_folder

    return Path(user_folder("config")) / "templates"


def user_template_folder_name() -> str:
    """str(user_template_folder()), without loading pathlib: every start reads templates."""
    chosen = os.environ.get("PEERTRACK_CONFIG_DIR")
    if os.name != "posix":
        return str(user_template_folder())
    if chosen:
        return path_text.joined(path_text.expanded(chosen), "templates")
    from peertrack.storage.user_folders import user_folder

    return path_text.joined(path_text.tidied(user_folder("config")), "templates")


def template_files(folder: str) -> list[Path]:
    """The holder's template files in `folder` (a user_template_folder_name), in order; none when it is not there."""
    if not path_text.is_dir(folder):
        return []
    from pathlib import Path

    return sorted(Path(folder).glob("*.json"))


def load_templates(only: Collection[str] | None = None) -> list[Template]:
    """The built-in templates, then the holder's own (which replace a built-in of the same id);
    with `only`, just the templates with those ids, the other built-in ones left unread."""
    from peertrack.domain.builtin_templates import TEMPLATES
    from peertrack.domain.template_format import read_template_file, templates_in

    found = {t.id: t for t in templates_in({"templates": TEMPLATES}, "built in", only)}
    for path in template_files(user_template_folder_name()):
        for template in read_template_file(path):
            if only is None or template.id in only:
                found[template.id] = template
    return list(found.values())


def find_template(template_id: str) -> Template:
    wanted = template_id.strip().lower()
    for template in load_templates({wanted}):
        return template
    raise NotFound("template", template_id, [t.id for t in load_templates()],
                   hint="See them all with: peertrack cert templates")
