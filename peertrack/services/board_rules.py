"""The rules a certification's template adds beside what is stored: its board's late stages, renewal tasks
and provider rules (other names of a provider; only approved courses count)."""

from __future__ import annotations

from collections.abc import Iterable

from peertrack.domain.models import Certification, Course, Deadline, NotApproved, Requirement


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


def provider_rules(conn, cert: Certification, courses: list[Course]) -> tuple[list[Course], tuple[NotApproved, ...]]:
    """The courses as the template's provider rules see them: a provider's other names become the name
    its rule uses; for a board that counts only approved courses, those without an approval number are
    left out, and returned by provider so `status` can say so."""
    template = templates_of([cert]).get(cert.template) if cert.template and courses else None
    if template is None:
        return courses, ()
    from peertrack.domain.providers import is_approved, known_as, not_approved

    if template.provider_aliases:
        courses = known_as(courses, template.provider_aliases)
    if not template.approved_only:
        return courses, ()
    from peertrack.domain.record_types import replace
    from peertrack.storage.approvals import approval_numbers

    numbers = approval_numbers(conn, [course.id for course in courses if course.id is not None])
    courses = [replace(course, approval_no=numbers.get(course.id or 0)) for course in courses]
    return [course for course in courses if is_approved(course)], not_approved(courses, cert.id)


def renewal_tasks(conn, certs: Iterable[Certification], *, include_done: bool = False) -> list[Deadline]:
    """Each certification's renewal tasks for its current cycle, from its template and its dates today
    (so they follow renewals and edited expiries); those marked done only when asked."""
    from peertrack.domain.renewal_tasks import task_deadlines
    from peertrack.storage.task_marks import load_task_marks

    certs = [cert for cert in certs if cert.template]
    templates = templates_of(certs) if certs else {}
    certs = [cert for cert in certs if cert.template in templates and templates[cert.template].tasks]
    if not certs:
        return []
    marks = load_task_marks(conn)
    return [task for cert in certs for task in task_deadlines(templates[cert.template], cert, marks.get(cert.id))
            if include_done or task.done_on is None]


def mark_task_done(conn, text: str, on) -> Deadline:
    """Mark a renewal task ("tx-peer:task:fee") of its certification's current cycle done, in one transaction."""
    from peertrack.domain.errors import InvalidInput
    from peertrack.domain.renewal_tasks import keyed_tasks, split_task_key, task_deadlines
    from peertrack.storage.certs import load_cert
    from peertrack.storage.database import transaction
    from peertrack.storage.task_marks import mark_task_done as mark

    cert_id, key = split_task_key(text) or ("", "")
    with transaction(conn):
        cert = load_cert(conn, cert_id)
        template = templates_of([cert]).get(cert.template or "")
        keys = [found for found, _ in keyed_tasks(template.tasks)] if template else []
        if key not in keys:
            names = ", ".join(f"{cert.id}:task:{found}" for found in keys)
            raise InvalidInput("NUMBER", text, f"the renewal tasks of {cert.id} are {names}" if names else
                               f"{cert.id} has no renewal tasks from a template; see your deadlines with: "
                               "peertrack deadline list", problem="is not a renewal task of this certification")
        mark(conn, cert.id, key, on)
    return next(task for task in task_deadlines(template, cert) if task.key and task.key.endswith(f":task:{key}"))


def training_counts(certs: Iterable[Certification], courses: dict[str, list[Course]]) -> dict[str, list]:
    """Each certification's counts of trainings this cycle (by id), where its template counts trainings,
    from the courses that count toward it (`courses`, by id: what its progress was worked out from)."""
    from peertrack.domain.training_counts import count_progress

    certs = [cert for cert in certs if cert.template]
    templates = templates_of(certs) if certs else {}
    return {cert.id: count_progress(templates[cert.template].counts, courses.get(cert.id, []), cert.cycle)
            for cert in certs if cert.template in templates and templates[cert.template].counts}


def topic_rules(certs: Iterable[Certification]) -> dict[str, tuple[Requirement, ...]]:
    """Each certification's topics due once over several cycles (by id), as the minimums they are at most."""
    certs = [cert for cert in certs if cert.template]
    templates = templates_of(certs)
    return {cert.id: tuple(Requirement(word, seconds) for word, seconds, _ in templates[cert.template].once_over_cycles)
            for cert in certs if cert.template in templates and templates[cert.template].once_over_cycles}


def template_labels(certs: Iterable[Certification]) -> dict[str, dict[str, str]]:
    """Each certification's template's longer rule labels (by id), for proposing what a word meant."""
    certs = [cert for cert in certs if cert.template]
    templates = templates_of(certs)
    return {cert.id: templates[cert.template].labels for cert in certs if cert.template in templates}


def counts_once_a_cycle(cert: Certification) -> bool:
    """Whether the certification's board counts the same program only once in a cycle (its template says so)."""
    templates = templates_of([cert])
    return cert.template in templates and templates[cert.template].once_per_cycle


def counts_once_ever(cert: Certification) -> bool:
    """Whether the certification's board counts each training only once ever (its template says so)."""
    templates = templates_of([cert])
    return cert.template in templates and templates[cert.template].once_ever


def templates_of(certs: Iterable[Certification]) -> dict:
    """The templates of `certs` by id, read in one go, each read once for as long as the holder's own template files
    stay the same (the other templates are never read); none when a template file cannot be read."""
    from peertrack.domain.errors import PeertrackError
    from peertrack.storage.template_files import load_templates, template_files, user_template_folder_name

    folder = user_template_folder_name()
    key = (folder, tuple((p.name, p.stat().st_mtime_ns) for p in template_files(folder)))
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
