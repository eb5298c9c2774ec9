"""The supervisor's sign-off sheet as a PDF (fpdf2): the entries, totals and lines to sign.

Imported only by `export timesheet` when the file ends in .pdf, so fpdf2 never slows anything else.
"""

from __future__ import annotations

from pathlib import Path

from fpdf import FPDF

from peertrack.domain.formatting import day
from peertrack.domain.work import hours_text, hours_words
from peertrack.exchange.timesheet import Timesheet

COLUMNS = (("Date", 30), ("Kind", 34), ("Hours", 14), ("Setting", 34), ("Supervisor", 50), ("Topic", 28))


def write_timesheet_pdf(sheet: Timesheet, target: Path) -> None:
    pdf = FPDF(format="Letter")
    pdf.set_title(f"Work and supervision hours, {sheet.starts.isoformat()} to {sheet.ends.isoformat()}")
    pdf.set_auto_page_break(auto=True, margin=15)
    pdf.add_page()
    pdf.set_font("Helvetica", "B", 16)
    pdf.cell(0, 10, "Work and supervision hours", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("Helvetica", size=11)
    pdf.cell(0, 7, _latin(f"Name: {sheet.holder or '_' * 40}"), new_x="LMARGIN", new_y="NEXT")
    pdf.cell(0, 7, f"Period: {day(sheet.starts)} to {day(sheet.ends)}", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(3)
    pdf.set_font("Helvetica", "B", 9)
    for name, width in COLUMNS:
        pdf.cell(width, 7, name, border=1)
    pdf.ln()
    pdf.set_font("Helvetica", size=9)
    for when, kind, seconds, setting, supervisor, credential, topic, _ in sheet.rows():
        cells = (day(when), kind, hours_text(seconds), setting, f"{supervisor}, {credential}" if supervisor else "",
                 topic)
        for index, ((_, width), text) in enumerate(zip(COLUMNS, cells, strict=True)):
            pdf.cell(width, 7, _fit(pdf, _latin(text), width), border=1, align="R" if index == 2 else "L")
        pdf.ln()
    if not sheet.work and not sheet.sessions:
        pdf.cell(0, 7, "No entries in this period.", border=1, new_x="LMARGIN", new_y="NEXT")
    pdf.ln(5)
    pdf.set_font("Helvetica", "B", 11)
    pdf.cell(0, 7, "Totals", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("Helvetica", size=11)
    sessions = len(sheet.sessions)
    pdf.cell(0, 7, f"Peer service: {hours_words(sheet.service_seconds)}", new_x="LMARGIN", new_y="NEXT")
    pdf.cell(0, 7, f"Supervision: {hours_words(sheet.supervision_seconds)} in {sessions} "
             f"session{'' if sessions == 1 else 's'}", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(10)
    for line in ("I confirm that the hours above are true and complete.",
                 "Signature: ________________________________   Date: ______________",
                 "Supervisor's signature: ________________________________   Date: ______________",
                 "Supervisor's printed name and credential: ________________________________"):
        pdf.cell(0, 12, line, new_x="LMARGIN", new_y="NEXT")
    pdf.output(str(target))


def _latin(text: str) -> str:
    """The built-in PDF fonts hold Latin-1 only; anything else prints as a question mark, not an error."""
    return text.encode("latin-1", "replace").decode("latin-1")


def _fit(pdf: FPDF, text: str, width: float) -> str:
    """Text cut with an ellipsis to fit a cell, so a long setting never runs into the next column."""
    if pdf.get_string_width(text) <= width - 2:
        return text
    while text and pdf.get_string_width(text + "...") > width - 2:
        text = text[:-1]
    return text + "..."
