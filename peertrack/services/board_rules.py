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
    templates = templates_of(certs)
    return {cert.id: templates[cert.template].late for cert in certs
            if cert.template in templates and templates[cert.template].late}


def training_counts(conn, certs: Iterable[Certification]) -> dict[str, list]:
    """Each certification's counts of trainings this cycle (by id), where its template counts trainings."""
    from peertrack.domain.training_counts import count_progress
    from peertrack.storage.courses import credited_courses

    certs = [cert for cert in certs if cert.template]
    if not certs:
        return {}
    templates = templates_of(certs)
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
    templates = templates_of([cert])
    return cert.template in templates and templates[cert.template].once_ever


def templates_of(certs: Iterable[Certification]) -> dict:
    """The templates of `certs` by id, read in one go, each read once for as long as the holder's own template files
    stay the same (the other templates are never read); none when a template file cannot be read."""
    from peertrack.domain.errors import PeertrackError
    from peertrack.domain.templates import load_templates, user_template_folder

    folder = user_template_folder()
    files = tuple((p.name, p.stat().st_mtime_ns) for p in sorted(folder.glob("*.json"))) if folder.is_dir() else ()
    key = (str(folder), files)
    if key not in _CACHE:
        _CACHE.clear()
        _CACHE[key] = {}
    known = _CACHE[key]  # template id -> the template, or None: no such template, or a file that cannot be read
    wanted = {cert.template for cert in certs if cert.template}
    missing = wanted - set(known)
    if missing:
        try:
            found = {t.id: t for t in load_templates(missing)}
        except PeertrackError:
            found = {}
        known.update({ident: found.get(ident) for ident in missing})
    return {ident: known[ident] for ident in wanted if known[ident] is not None}


_CACHE: dict = {}
