"""The rules a certification's template adds beside what is stored: its board's late stages."""

from __future__ import annotations

from collections.abc import Iterable

from peertrack.domain.models import Certification


def late_stages(certs: Iterable[Certification]) -> dict[str, tuple]:
    """Each certification's late stages (by id), from the template it was added with.

    A template that is gone, or a template file that cannot be read, leaves that certification
    with its plain grace days: the daily check must still work.
    """
    certs = [cert for cert in certs if cert.template]
    if not certs:
        return {}
    templates = _templates()
    return {cert.id: templates[cert.template].late for cert in certs
            if cert.template in templates and templates[cert.template].late}


def training_counts(conn, certs: Iterable[Certification]) -> dict[str, list]:
    """Each certification's counts of trainings this cycle (by id), where its template counts trainings."""
    from peertrack.domain.training_counts import count_progress
    from peertrack.storage.courses import credited_courses

    certs = [cert for cert in certs if cert.template]
    if not certs:
        return {}
    templates = _templates()
    found = {}
    for cert in certs:
        template = templates.get(cert.template) if cert.template else None
        if template is None or not template.counts:
            continue
        courses = credited_courses(conn, cert.id, cert.cycle.starts, cert.cycle.ends)
        found[cert.id] = count_progress(template.counts, courses, cert.cycle)
    return found


def counts_once_ever(cert: Certification) -> bool:
    """Whether the certification's board counts each training only once ever (its template says so)."""
    templates = _templates()
    return cert.template in templates and templates[cert.template].once_ever


def _templates() -> dict:
    """The templates by id, read once for as long as the holder's own template files stay the same;
    none when a template file cannot be read."""
    from peertrack.domain.errors import PeertrackError
    from peertrack.domain.templates import load_templates, user_template_folder

    folder = user_template_folder()
    files = tuple((p.name, p.stat().st_mtime_ns) for p in sorted(folder.glob("*.json"))) if folder.is_dir() else ()
    key = (str(folder), files)
    if key not in _CACHE:
        try:
            _CACHE.clear()
            _CACHE[key] = {t.id: t for t in load_templates()}
        except PeertrackError:
            _CACHE[key] = {}
    return _CACHE[key]


_CACHE: dict = {}
