"""The supervisor's sign-off sheet: a period's work and supervision entries as CSV or a printable HTML page."""

from __future__ import annotations

import csv
import datetime as dt
import html
import io

from peertrack.domain.formatting import day
from peertrack.domain.record_types import dataclass
from peertrack.domain.work import SupervisionEntry, WorkEntry, hours_text, hours_words
from peertrack.exchange.csv_export import safe_cell

CSV_COLUMNS = ("Date", "Kind", "Hours", "Setting", "Supervisor", "Credential", "Topic")


@dataclass
class Timesheet:
    """What one sheet shows: whose hours, the period, the entries; notes only when asked for."""

    holder: str | None
    starts: dt.date
    ends: dt.date
    work: list[WorkEntry]
    sessions: list[SupervisionEntry]
    notes: bool = False

    @property
    def service_seconds(self) -> int:
        return sum(e.seconds for e in self.work)

    @property
    def supervision_seconds(self) -> int:
        return sum(e.seconds for e in self.sessions)

    def rows(self) -> list[tuple[dt.date, str, int, str, str, str, str, str]]:
        """(date, kind, seconds, setting, supervisor, credential, topic, note), by date, service first on a day."""
        found = [(e.date, 0, e.id or 0, "Peer service", e.seconds, e.setting or "", "", "", "", e.note or "")
                 for e in self.work]
        found += [(e.date, 1, e.id or 0, "Group supervision" if e.group else "Supervision", e.seconds, "",
                   e.supervisor, e.credential, e.topic or "", e.note or "") for e in self.sessions]
        return [(row[0], *row[3:]) for row in sorted(found, key=lambda row: row[:3])]


def timesheet_csv(sheet: Timesheet) -> str:
    """One row per entry, a header first (no total rows, so a spreadsheet's own sums stay right); text a
    spreadsheet would run is made inert."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS + (("Note",) if sheet.notes else ()))
    for when, kind, seconds, setting, supervisor, credential, topic, note in sheet.rows():
        row = [when.isoformat(), kind, hours_text(seconds), safe_cell(setting), safe_cell(supervisor),
               safe_cell(credential), safe_cell(topic)]
        writer.writerow(row + ([safe_cell(note)] if sheet.notes else []))
    return buffer.getvalue()


def timesheet_html(sheet: Timesheet) -> str:
    """A page that prints on one or more sheets: the entries, the totals and lines to sign."""
    e = html.escape
    who = e(sheet.holder) if sheet.holder else "&nbsp;" * 40
    rows = "\n".join(
        "<tr>" + "".join(f"<td>{e(cell)}</td>" for cell in (
            day(when), kind, hours_text(seconds), setting, f"{supervisor}, {credential}" if supervisor else "", topic,
            *((note,) if sheet.notes else ()))) + "</tr>"
        for when, kind, seconds, setting, supervisor, credential, topic, note in sheet.rows())
    header = "".join(f"<th>{name}</th>" for name in ("Date", "Kind", "Hours", "Setting", "Supervisor", "Topic",
                                                      *(("Note",) if sheet.notes else ())))
    sessions = len(sheet.sessions)
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Work and supervision hours, {sheet.starts.isoformat()} to {sheet.ends.isoformat()}</title>
<style>
body {{ font-family: sans-serif; margin: 2em; color: #000; }}
table {{ border-collapse: collapse; width: 100%; }}
th, td {{ border: 1px solid #444; padding: 0.3em 0.5em; text-align: left; }}
td:nth-child(3) {{ text-align: right; }}
.totals td {{ border: none; padding: 0.2em 0.5em; }}
.sign {{ margin-top: 3em; line-height: 3em; }}
@media print {{ body {{ margin: 0; }} tr {{ page-break-inside: avoid; }} }}
</style>
</head>
<body>
<h1>Work and supervision hours</h1>
<p>Name: <strong>{who}</strong><br>
Period: {e(day(sheet.starts))} to {e(day(sheet.ends))}</p>
<table>
<thead><tr>{header}</tr></thead>
<tbody>
{rows or '<tr><td colspan="6">No entries in this period.</td></tr>'}
</tbody>
</table>
<h2>Totals</h2>
<table class="totals">
<tr><td>Peer service</td><td>{e(hours_words(sheet.service_seconds))}</td></tr>
<tr><td>Supervision</td><td>{e(hours_words(sheet.supervision_seconds))} in {sessions} \
session{"" if sessions == 1 else "s"}</td></tr>
</table>
<div class="sign">
<p>I confirm that the hours above are true and complete.</p>
<p>Signature: ____________________________________ Date: ______________</p>
<p>Supervisor's signature: ____________________________________ Date: ______________</p>
<p>Supervisor's printed name and credential: ____________________________________</p>
</div>
</body>
</html>
"""
