"""The audit bundle: a cycle's course list, its certificates and a plain summary, in one zip file."""

from __future__ import annotations

import datetime as dt
import os
import zipfile
from collections.abc import Sequence
from pathlib import Path

from peertrack.domain import formatting as fmt
from peertrack.domain.models import Certification, Course, Progress
from peertrack.domain.record_types import dataclass
from peertrack.domain.transfer import Attachment
from peertrack.storage.files import whole_file

_UNSAFE = set('<>:"/\\|?*')
# Names Windows keeps for devices: a file called "CON.pdf" cannot be made there.
_RESERVED = {"CON", "PRN", "AUX", "NUL", *(f"COM{n}" for n in range(1, 10)), *(f"LPT{n}" for n in range(1, 10))}
_CYCLE_WORDS = {"current": "the current cycle", "previous": "the previous cycle"}


@dataclass(frozen=True)
class Certificate:
    """One certificate file going into the bundle, or left out because its stored copy is not sound."""

    course: Course
    attachment: Attachment
    state: str  # "ok", "missing" or "damaged"
    path: Path | None = None


def safe_file_name(text: str, limit: int = 80) -> str:
    """Text as a file name that works on Windows, macOS and Linux alike."""
    cleaned = "".join("-" if char in _UNSAFE or ord(char) < 32 or char == "\x7f" else char for char in text)
    cleaned = " ".join(cleaned.split()).strip(" .")[:limit].rstrip(" .")
    if not cleaned or cleaned.split(".")[0].upper() in _RESERVED:
        cleaned = "_" + cleaned
    return cleaned


def certificate_names(certificates: Sequence[Certificate]) -> list[str]:
    """A name for each certificate, by date and title: "2026-10-14 Trauma-Informed Care.pdf", never twice."""
    names: list[str] = []
    taken: set[str] = set()
    for item in certificates:
        extension = (item.path.suffix if item.path else "") or os.path.splitext(item.attachment.original_name)[1]
        extension = extension.lower() if extension[1:].isalnum() and len(extension) <= 11 else ""
        stem = safe_file_name(f"{item.course.date.isoformat()} {item.course.title}")
        name, number = stem + extension, 1
        while name.casefold() in taken:  # case-blind, as Windows and macOS compare names
            number += 1
            name = f"{stem} ({number}){extension}"
        taken.add(name.casefold())
        names.append(name)
    return names


def summary_text(*, cert: Certification, which: str, window: tuple[dt.date, dt.date] | None,
                 item: Progress | None, courses: Sequence[Course], certificates: Sequence[Certificate],
                 holder: str | None, today: dt.date, version: str, notes: bool = False) -> str:
    """The short, plain summary an auditor reads first."""
    lines = ["Continuing education record", "", f"Prepared on {fmt.day(today)} with peertrack {version}.", ""]
    facts = [
        ("Name", holder),
        ("Certification", f"{cert.name} ({cert.id})"),
        ("Certifying body", cert.body),
        ("Certificate number", cert.number),
        ("Cycle", f"{fmt.day(window[0])} to {fmt.day(window[1])} ({_CYCLE_WORDS[which]})" if window
         else "every course on record for this certification"),
    ]
    if item is not None:
        required = item.cert.cycle.required_seconds
        minimums = [c for c in item.categories if c.required_seconds]
        rule = ", of which at least " + ", ".join(f"{fmt.hours(c.required_seconds)} {_rule_name(c)}"
                                                 for c in minimums) if minimums else ""
        facts.append(("Hours required", f"{fmt.hours(required)}{rule}"))
    total = sum(course.seconds for course in courses)
    count = fmt.counted(len(courses), "course")
    facts.append(("Hours listed", f"{fmt.hours(total)} in {count}"))
    width = max(len(label) for label, _ in facts) + 2
    lines += [f"{label + ':':<{width}}{value}" for label, value in facts if value]

    lines += ["", "Hours by category"]
    by_category = _hours_by_category(courses)
    if by_category:
        name_width = max(len(name) for name in by_category) + 2
        lines += [f"  {name:<{name_width}}{fmt.hours(seconds)}" for name, seconds in by_category.items()]
    else:
        lines.append("  (no courses)")

    lines += ["", "What is missing"]
    missing = _missing(item, certificates, courses)
    lines += [f"  {entry}" if entry.startswith(" ") else f"  - {entry}" for entry in missing] or [
        "  Nothing: the hours are complete and every course has its certificate."]

    lines += ["", "In this bundle", "  courses.csv      the courses, one row per course, as a spreadsheet opens it"
              + ("; private notes included" if notes else "")]
    if any(certificate.state == "ok" for certificate in certificates):  # only those the zip holds
        lines.append("  certificates/    one file per certificate, named by date and title")
    lines += ["  summary.txt      this summary", ""]
    return "\r\n".join(lines)


def write_bundle(target: Path, folder: str, texts: Sequence[tuple[str, str]],
                 files: Sequence[tuple[str, Path]], day: dt.date) -> None:
    """The zip file, written whole or not at all, readable by its owner only."""
    stamp = (max(day.year, 1980), day.month, day.day, 0, 0, 0)
    with whole_file(target, ".zip") as temporary, zipfile.ZipFile(temporary, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, text in texts:
            archive.writestr(_entry(f"{folder}/{name}", stamp), text.encode("utf-8"))
        for name, path in files:
            with open(path, "rb") as source, archive.open(_entry(f"{folder}/certificates/{name}", stamp),
                                                         "w") as entry:
                while chunk := source.read(1024 * 1024):
                    entry.write(chunk)


def _entry(name: str, stamp: tuple) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(name, date_time=stamp)
    info.compress_type = zipfile.ZIP_DEFLATED
    info.external_attr = 0o600 << 16
    return info


def _hours_by_category(courses: Sequence[Course]) -> dict[str, int]:
    totals: dict[str, int] = {}
    for course in courses:
        for allocation in course.allocations:
            totals[allocation.category] = totals.get(allocation.category, 0) + allocation.seconds
        rest = course.seconds - sum(allocation.seconds for allocation in course.allocations)
        if rest > 0:
            totals["(no category)"] = totals.get("(no category)", 0) + rest
    return dict(sorted(totals.items(), key=lambda pair: (pair[0] == "(no category)", pair[0])))


def _missing(item: Progress | None, certificates: Sequence[Certificate], courses: Sequence[Course]) -> list[str]:
    missing = []
    if item is not None and item.missing_seconds:
        missing.append(f"{fmt.hours_words(item.missing_seconds)} more, for the "
                       f"{fmt.hours(item.cert.cycle.required_seconds)} this cycle requires.")
        missing += [f"{fmt.hours_words(c.missing_seconds)} more of {_rule_name(c)}."
                    for c in item.categories if c.missing_seconds]
    with_certificate = {c.course.id for c in certificates if c.state == "ok"}
    unsound = {c.course.id for c in certificates if c.state != "ok"}
    lacking = [course for course in courses if course.id not in with_certificate and course.id not in unsound]
    if lacking:
        missing.append("A certificate for " + fmt.counted(len(lacking), "course") + ":")
        missing += [f"    {course.date.isoformat()}  {course.title}" for course in lacking]
    for bad in certificates:
        if bad.state != "ok":
            missing.append(f"The certificate {bad.attachment.original_name} for {bad.course.date.isoformat()} "
                           f"{bad.course.title} (its stored copy is {bad.state}).")
    return missing


def _rule_name(category) -> str:
    dimension = getattr(category, "dimension", "category")
    return category.name if dimension == "category" else f"{dimension} {category.name}"
