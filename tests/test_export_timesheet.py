"""The supervisor's sign-off sheet: a period's entries as CSV, HTML and PDF, read back and checked."""

import csv
import io
import os
import stat
import sys
from html.parser import HTMLParser

import pytest

from peertrack.domain.errors import InvalidInput


@pytest.fixture
def logged(ok):
    ok("config", "set", "name", "Jordan Rivera")
    ok("log-work", "--hours", "6", "--date", "2026-09-30", "--setting", "before the period")
    ok("log-work", "--hours", "6", "--date", "2026-10-01", "--setting", "crisis line", "--note", "private")
    ok("log-work", "--hours", "2.25", "--date", "2026-10-31", "--setting", "=HYPERLINK(\"x\")")
    ok("log-work", "--hours", "20m", "--date", "2026-10-15")
    ok("log-supervision", "--hours", "1", "--date", "2026-10-15", "--supervisor", "José Núñez, LCSW", "--group",
       "--topic", "boundaries")
    ok("log-supervision", "--hours", "0.5", "--date", "2026-11-01", "--supervisor", "Dana Reyes, LCSW")


def test_csv_lists_the_period_both_days_included(ok, logged, tmp_path):
    target = tmp_path / "october.csv"
    result = ok("export", "timesheet", "--from", "2026-10-01", "--to", "2026-10-31", "-o", str(target))
    # 6 + 2.25 + 0.33 (20 minutes): 8.58 hours of service; one supervision hour.
    assert "✓ Wrote 8.58 hours of peer service and 1 hour of supervision (4 entries)" in result.stderr
    assert target.read_bytes().decode("utf-8-sig") == (
        "Date,Kind,Hours,Setting,Supervisor,Credential,Topic\r\n"
        "2026-10-01,Peer service,6,crisis line,,,\r\n"
        "2026-10-15,Peer service,0.33,,,,\r\n"
        "2026-10-15,Group supervision,1,,José Núñez,LCSW,boundaries\r\n"
        "2026-10-31,Peer service,2.25,\"'=HYPERLINK(\"\"x\"\")\",,,\r\n"
    )
    rows = list(csv.DictReader(io.StringIO(target.read_text(encoding="utf-8-sig"))))
    assert [row["Date"] for row in rows] == ["2026-10-01", "2026-10-15", "2026-10-15", "2026-10-31"]
    if sys.platform != "win32":
        assert stat.S_IMODE(os.stat(target).st_mode) == 0o600


def test_notes_only_when_asked(ok, logged, tmp_path):
    target = tmp_path / "t.csv"
    ok("export", "timesheet", "--from", "2026-10-01", "--to", "2026-10-01", "-o", str(target))
    assert "private" not in target.read_text(encoding="utf-8-sig")
    ok("export", "timesheet", "--from", "2026-10-01", "--to", "2026-10-01", "-o", str(target), "--notes")
    assert target.read_text(encoding="utf-8-sig").splitlines()[1] == "2026-10-01,Peer service,6,crisis line,,,,private"


class TextOf(HTMLParser):
    def __init__(self):
        super().__init__()
        self.text: list[str] = []

    def handle_data(self, data):
        self.text.append(data)


def test_html_has_the_entries_totals_and_lines_to_sign(ok, logged, tmp_path):
    target = tmp_path / "october.HTML"
    ok("export", "timesheet", "--from", "2026-10-01", "--to", "2026-10-31", "-o", str(target))
    page = target.read_text(encoding="utf-8")
    parser = TextOf()
    parser.feed(page)
    text = " ".join(" ".join(parser.text).split())
    assert "Name: Jordan Rivera" in text and "Period: Thu 1 Oct 2026 to Sat 31 Oct 2026" in text
    assert "Peer service 8.58 hours" in text and "Supervision 1 hour in 1 session" in text
    assert "José Núñez, LCSW" in text and "before the period" not in text and "private" not in text
    assert "Supervisor's signature: ____" in text
    assert '=HYPERLINK("x")' in text and "<td>=HYPERLINK(&quot;x&quot;)</td>" in page  # escaped, shown as typed


def test_pdf_reads_back_with_the_same_totals(ok, logged, tmp_path):
    from pypdf import PdfReader

    target = tmp_path / "october.pdf"
    ok("export", "timesheet", "--from", "2026-10-01", "--to", "2026-10-31", "-o", str(target))
    text = "\n".join(page.extract_text() for page in PdfReader(target).pages)
    assert "Name: Jordan Rivera" in text
    assert "Peer service: 8.58 hours" in text and "Supervision: 1 hour in 1 session" in text
    assert "José Núñez, LCSW" in text and "Supervisor's signature" in text
    assert "before the period" not in text and "private" not in text


def test_an_empty_period_still_gives_a_sheet(ok, tmp_path):
    target = tmp_path / "none.html"
    ok("export", "timesheet", "--from", "2026-01-01", "--to", "2026-01-31", "-o", str(target))
    assert "No entries in this period." in target.read_text()


@pytest.mark.parametrize(("args", "words"), [
    (("--from", "2026-10-01", "--to", "2026-10-31", "-o", "hours.txt"), '--output "hours.txt" does not name a format'),
    (("--from", "2026-10-31", "--to", "2026-10-01", "-o", "h.csv"), '--to "2026-10-01" is before the first day'),
    (("--from", "soon", "--to", "2026-10-01", "-o", "h.csv"), '--from "soon"'),
])
def test_bad_input_writes_nothing(run, args, words, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = run("export", "timesheet", *args)
    assert result.exit_code == InvalidInput.EXIT_CODE and words in result.stderr
    assert list(tmp_path.iterdir()) == []


def test_the_audit_bundle_holds_the_hours_only_when_asked(ok, make_cert, tmp_path):
    import zipfile

    make_cert()  # cycle 2025-07-01 to 2027-06-30
    ok("log-work", "--hours", "3", "--date", "2025-06-30", "--setting", "before the cycle")
    ok("log-work", "--hours", "4", "--date", "2025-07-01", "--setting", "clinic", "--note", "private")
    ok("log-supervision", "--hours", "1", "--date", "2026-10-15", "--supervisor", "Dana Reyes, LCSW")
    plain = tmp_path / "plain.zip"
    ok("export", "audit", "--cert", "ca-pss", "-o", str(plain))
    assert not any(name.endswith("timesheet.csv") for name in zipfile.ZipFile(plain).namelist())
    asked = tmp_path / "asked.zip"
    ok("export", "audit", "--cert", "ca-pss", "-o", str(asked), "--work")
    archive = zipfile.ZipFile(asked)
    [name] = [name for name in archive.namelist() if name.endswith("timesheet.csv")]
    assert archive.read(name).decode("utf-8-sig") == (
        "Date,Kind,Hours,Setting,Supervisor,Credential,Topic\r\n"
        "2025-07-01,Peer service,4,clinic,,,\r\n"
        "2026-10-15,Supervision,1,,Dana Reyes,LCSW,\r\n")
