"""The renewal packet: one PDF with a cover page, the transcript, then every certificate of the cycle.

The cover and transcript are written with fpdf2; certificate PDFs are appended page for page with
pypdf, and pictures are placed on pages of their own. Totals and what does not count come from
the domain's Progress for the cycle, as the dashboard shows them.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Sequence
from pathlib import Path

from peertrack.domain import formatting as fmt
from peertrack.domain.record_types import dataclass

TYPE_CHECKING = False  # as typing.TYPE_CHECKING, without importing typing at start-up
if TYPE_CHECKING:
    from peertrack.exchange.bundle import Certificate

_PLAIN = {"\u2014": "-", "\u2013": "-", "\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"',
          "\u2026": "...", "\u2022": "-", "\u2713": "", "\u2717": "", "\u00a0": " "}
_CYCLE_WORDS = {"current": "current cycle", "previous": "previous cycle", "all": "every cycle on record"}


@dataclass
class Part:
    """One certificate going into the packet: its pages ("pdf" or "image"), or why it stays out."""

    certificate: Certificate
    kind: str  # "pdf", "image" or "left-out"
    reason: str = ""
    pages: int = 0


def sort_parts(certificates: Sequence) -> list[Part]:
    """Each certificate checked: a readable PDF, a picture fpdf2 can place, or left out with the reason."""
    parts = []
    for certificate in certificates:
        name = certificate.attachment.original_name
        if certificate.state != "ok" or certificate.path is None:
            parts.append(Part(certificate, "left-out", f"its stored copy is {certificate.state}"))
            continue
        media = certificate.attachment.media_type or ""
        if media == "application/pdf" or name.lower().endswith(".pdf"):
            pages, reason = _pdf_pages(certificate.path)
            parts.append(Part(certificate, "pdf", pages=pages) if pages else Part(certificate, "left-out", reason))
        elif media.startswith("image/"):
            reason = _image_problem(certificate.path)
            parts.append(Part(certificate, "image", pages=1) if not reason else Part(certificate, "left-out", reason))
        else:
            parts.append(Part(certificate, "left-out", "it is neither a PDF nor a picture"))
    return parts


def write_packet(target: Path, record, parts: Sequence[Part], version: str) -> int:
    """Write the packet whole (or not at all); the number of pages it has."""
    from pypdf import PdfReader, PdfWriter

    from peertrack.storage.files import whole_file

    front, transcript_page = _front_pages(record, parts, version)
    writer = PdfWriter()
    writer.append(PdfReader(io.BytesIO(front)))
    writer.add_outline_item(title="Cover", page_number=0)
    writer.add_outline_item(title="Transcript", page_number=transcript_page)
    for part in parts:
        if part.kind == "left-out":
            continue
        start = len(writer.pages)
        course = part.certificate.course
        if part.kind == "pdf":
            assert part.certificate.path is not None  # a part to enclose has its stored copy
            reader = PdfReader(part.certificate.path, strict=False)
            if reader.is_encrypted:
                reader.decrypt("")
            writer.append(reader)
        else:
            writer.append(PdfReader(io.BytesIO(_image_page(part))))
        writer.add_outline_item(title=_plain(f"{course.date.isoformat()} {course.title}"), page_number=start)
    writer.add_metadata({"/Title": _plain(f"Renewal packet: {record.cert.name}"), "/Creator": f"peertrack {version}"})
    with whole_file(target, ".pdf") as temporary, open(temporary, "wb") as handle:
        writer.write(handle)
    return len(writer.pages)


def requirement_rows(progress) -> list[tuple[str, str, str, str]]:
    """The cover's table, one row per requirement: (what, required, counted, standing), from Progress."""
    if progress is None:
        return []
    required = progress.cert.cycle.required_seconds
    # Missing hours that a minimum below is short of are said there, not twice.
    total = ("hours met; a minimum below is not" if progress.missing_seconds and not progress.any_kind_seconds
             else _standing(progress.missing_seconds))
    rows = [("Total hours", fmt.hours(required), fmt.hours(progress.earned_seconds), total)]
    for category in progress.categories:
        rows.append((f"At least, {_rule_name(category)}", fmt.hours(category.required_seconds),
                     fmt.hours(category.earned_seconds), _standing(category.missing_seconds)))
    for cap in progress.caps:
        rows.append((f"At most, {_rule_name(cap)}" if cap.cap_seconds else f"Not counted, {_rule_name(cap)}",
                     fmt.hours(cap.cap_seconds),
                     fmt.hours(cap.counted_seconds), "within the limit" if not cap.uncounted_seconds
                     else f"{fmt.hours(cap.uncounted_seconds)} over" if cap.cap_seconds
                     else f"{fmt.hours(cap.uncounted_seconds)} left out"))
    return rows


def counted_words(cert, courses) -> str:
    """The category words of the courses listed that count as another category of the requirements, for the
    body reading them: "Courses filed under 'recovery' count as peer support." Empty when none are used."""
    used = {a.category.strip().lower() for course in courses for a in course.allocations}
    pairs = [(word, category) for word, category in cert.category_aliases if word in used and word != category.lower()]
    if not pairs:
        return ""
    return "Courses filed under " + "; ".join(f"'{word}' count as {category}" for word, category in pairs) + "."


def not_counted(progress) -> list[str]:
    """What does not count and why: the hours a cap leaves out (from Progress)."""
    lines = []
    if progress is not None:
        for cap in progress.caps:
            if cap.uncounted_seconds and not cap.cap_seconds:
                lines.append(f"{fmt.hours_words(cap.uncounted_seconds)} of {_rule_name(cap)}: the body counts none "
                             "of it.")
            elif cap.uncounted_seconds:
                lines.append(f"{fmt.hours_words(cap.uncounted_seconds)} of {_rule_name(cap)}: the body counts at "
                             f"most {fmt.hours_words(cap.cap_seconds)} of it in a cycle.")
    return lines


def not_enclosed(courses, parts: Sequence[Part]) -> list[str]:
    """The certificates not in the packet: one that could not be read, and courses with none kept. Their
    courses still count: a missing certificate is a paper to hand in, not hours taken away."""
    lines = []
    for part in parts:
        if part.kind == "left-out":
            course = part.certificate.course
            lines.append(f"The certificate {part.certificate.attachment.original_name} ({course.date.isoformat()}, "
                         f"{course.title}) is not in this packet: {part.reason}. Hand it in separately.")
    enclosed = {part.certificate.course.id for part in parts}
    lines += [f"No certificate is kept for {course.date.isoformat()} {course.title}; a missing certificate takes no "
              "hours away. Hand it in if the body asks for it." for course in courses if course.id not in enclosed]
    return lines


def _standing(missing_seconds: int) -> str:
    return "met" if not missing_seconds else f"{fmt.hours(missing_seconds)} short"


def _rule_name(rule) -> str:
    dimension = getattr(rule, "dimension", "category")
    return rule.name if dimension == "category" else f"{dimension} {rule.name}"


def _front_pages(record, parts: Sequence[Part], version: str) -> tuple[bytes, int]:
    """The cover and the transcript, and the index of the transcript's first page."""
    from fpdf import FPDF

    pdf = FPDF(format="Letter")
    pdf.set_auto_page_break(True, margin=18)
    pdf.set_title(_plain(f"Renewal packet: {record.cert.name}"))
    pdf.add_page()
    width = pdf.w - pdf.l_margin - pdf.r_margin
    pdf.set_font("Helvetica", "B", 18)
    pdf.cell(width, 10, "Continuing education record for renewal", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("Helvetica", "", 9)
    pdf.cell(width, 6, _plain(f"Prepared on {fmt.day(record.today)} with peertrack {version}."),
             new_x="LMARGIN", new_y="NEXT")
    pdf.ln(3)
    cert = record.cert
    window = record.window
    cycle = (f"{fmt.day(window[0])} to {fmt.day(window[1])} ({_CYCLE_WORDS[record.which]})" if window
             else _CYCLE_WORDS["all"])
    facts = [("Name", record.holder or "(not set: peertrack config set name \"Your Name\")"),
             ("Certification", f"{cert.name} ({cert.id})"), ("Certificate number", cert.number or "(none on record)"),
             ("Certifying body", cert.body or "(none on record)"), ("Cycle", cycle)]
    total = sum(course.seconds for course in record.courses)
    count = fmt.counted(len(record.courses), "course")
    facts.append(("Courses listed", f"{count}, {fmt.hours_words(total)}"))
    included = sum(part.kind != "left-out" for part in parts)
    facts.append(("Certificates", f"{included} enclosed, after the transcript"))
    pdf.set_font("Helvetica", "", 11)
    for label, value in facts:
        pdf.set_font("Helvetica", "B", 11)
        pdf.cell(45, 7, _plain(label + ":"))
        pdf.set_font("Helvetica", "", 11)
        pdf.multi_cell(width - 45, 7, _plain(value), new_x="LMARGIN", new_y="NEXT")
    rows = requirement_rows(record.progress)
    if rows:
        _heading(pdf, width, "Requirements for this cycle")
        pdf.set_font("Helvetica", "", 10)
        with pdf.table(col_widths=(50, 17, 17, 20), text_align=("LEFT", "RIGHT", "RIGHT", "LEFT")) as table:
            table.row(["Requirement", "Required", "Counted", "Standing"])
            for row in rows:
                table.row([_plain(cell) for cell in row])
    words = counted_words(cert, record.courses)
    if words:
        pdf.set_font("Helvetica", "", 10)
        pdf.multi_cell(width, 6, _plain(words), new_x="LMARGIN", new_y="NEXT")
    carried = record.progress.carried_seconds if record.progress is not None else 0
    if carried:
        pdf.set_font("Helvetica", "", 10)
        pdf.multi_cell(width, 6, _plain(f"Counted besides the courses: {fmt.hours_words(carried)} carried over from "
                                        "the cycle before."), new_x="LMARGIN", new_y="NEXT")
    _heading(pdf, width, "What does not count, and why")
    pdf.set_font("Helvetica", "", 10)
    for line in not_counted(record.progress) or ["Nothing: every course listed counts."]:
        pdf.multi_cell(width, 6, _plain(f"- {line}"), new_x="LMARGIN", new_y="NEXT")
    missing = not_enclosed(record.courses, parts)
    if missing:
        _heading(pdf, width, "Certificates not enclosed")
        pdf.set_font("Helvetica", "", 10)
        for line in missing:
            pdf.multi_cell(width, 6, _plain(f"- {line}"), new_x="LMARGIN", new_y="NEXT")
    _heading(pdf, width, "Signature")
    pdf.set_font("Helvetica", "", 10)
    pdf.multi_cell(width, 6, "I confirm that I completed the courses listed in this record as stated.",
                   new_x="LMARGIN", new_y="NEXT")
    pdf.ln(12)
    pdf.cell(width * 0.6, 6, "Signature: _________________________________")
    pdf.cell(width * 0.4, 6, "Date: ____________________", new_x="LMARGIN", new_y="NEXT")

    pdf.add_page()
    transcript_page = pdf.page_no() - 1
    pdf.set_font("Helvetica", "B", 14)
    pdf.cell(width, 9, _plain(f"Transcript: {cert.name}"), new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("Helvetica", "", 9)
    with pdf.table(col_widths=(20, 52, 34, 22, 20, 12), text_align=("LEFT", "LEFT", "LEFT", "LEFT", "LEFT", "RIGHT"),
                   repeat_headings=1) as table:
        table.row(["Date", "Title", "Provider", "Approval no.", "Category", "Hours"])
        for course in record.courses:
            table.row([_plain(text) for text in (course.date.isoformat(), course.title, course.provider or "",
                                                 course.approval_no or "", fmt.category_text(course)
                                                 if course.allocations else "", fmt.hours(course.seconds))])
        table.row(["", "Total", "", "", "", fmt.hours(total)])
    return bytes(pdf.output()), transcript_page


def _heading(pdf, width: float, text: str) -> None:
    pdf.ln(4)
    pdf.set_font("Helvetica", "B", 13)
    pdf.cell(width, 8, text, new_x="LMARGIN", new_y="NEXT")


def _image_page(part: Part) -> bytes:
    from fpdf import FPDF

    course = part.certificate.course
    pdf = FPDF(format="Letter")
    pdf.set_auto_page_break(False)
    pdf.add_page()
    width = pdf.w - pdf.l_margin - pdf.r_margin
    pdf.set_font("Helvetica", "", 9)
    pdf.cell(width, 6, _plain(f"Certificate for {course.date.isoformat()} {course.title} "
                              f"({part.certificate.attachment.original_name})"), new_x="LMARGIN", new_y="NEXT")
    top = pdf.get_y() + 2
    pdf.image(str(part.certificate.path), x=pdf.l_margin, y=top, w=width, h=pdf.h - top - pdf.b_margin,
              keep_aspect_ratio=True)
    return bytes(pdf.output())


def _pdf_pages(path: Path) -> tuple[int, str]:
    import logging

    from pypdf import PdfReader

    logging.getLogger("pypdf").setLevel(logging.ERROR)
    try:
        reader = PdfReader(path, strict=False)
        if reader.is_encrypted and not reader.decrypt(""):
            return 0, "it is locked with a password"
        return len(reader.pages), "" if len(reader.pages) else "it has no pages"
    except Exception:  # noqa: BLE001 - pypdf raises many kinds of error for a damaged file
        return 0, "it could not be read as a PDF"


def _image_problem(path: Path) -> str:
    from PIL import Image

    try:
        with Image.open(path) as picture:
            picture.verify()
    except Exception:  # noqa: BLE001 - Pillow raises many kinds of error for a file it cannot read
        return "the picture could not be read"
    return ""


def _plain(text: str) -> str:
    """Text the PDF's built-in font can show (Latin-1): typographic marks made plain, the rest replaced."""
    for mark, plain in _PLAIN.items():
        text = text.replace(mark, plain)
    return text.encode("latin-1", "replace").decode("latin-1")


def packet_name(cert_id: str, today: dt.date) -> str:
    return f"{cert_id}-renewal-packet-{today.isoformat()}.pdf"
