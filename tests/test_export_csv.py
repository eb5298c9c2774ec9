"""The CSV a certifying body asks for, compared as exact text."""

import csv
import io
import json

HEADER = "Date,Title,Provider,Hours,Category,Format,Approval number\r\n"


def test_export_csv_for_a_cert_is_its_current_cycle(ok, make_cert):
    make_cert(require=["ethics=6"])
    ok("log-ceu", "Before the cycle", "--hours", "1", "--date", "2025-03-01", "--cert", "ca-pss")
    ok("log-ceu", "Trauma-Informed Care", "--hours", "3", "--provider", "CalMHSA", "--category", "ethics",
       "--format", "online", "--approval-no", "CAL-123", "--date", "2026-10-14", "--note", "private")
    ok("log-ceu", "Ethics, \"boundaries\" and you", "--hours", "1.25", "--category", "ethics:1",
       "--category", "general:0.25", "--date", "2026-10-20")
    result = ok("export", "csv", "--cert", "ca-pss")
    assert result.stdout_bytes.decode() == (
        HEADER
        + "2026-10-14,Trauma-Informed Care,CalMHSA,3,ethics,online,CAL-123\r\n"
        + '2026-10-20,"Ethics, ""boundaries"" and you",,1.25,ethics: 1; general: 0.25,,\r\n'
    )
    previous = ok("export", "csv", "--cert", "ca-pss", "--cycle", "previous").stdout_bytes.decode()
    assert previous == HEADER + "2025-03-01,Before the cycle,,1,,,\r\n"
    assert len(ok("export", "csv", "--cert", "ca-pss", "--cycle", "all").stdout.splitlines()) == 4


def test_notes_only_when_asked(ok, make_cert):
    make_cert()
    ok("log-ceu", "Trauma-Informed Care", "--hours", "3", "--note", "felt shaky afterwards")
    assert "shaky" not in ok("export", "csv").stdout
    with_notes = ok("export", "csv", "--notes").stdout
    assert with_notes.splitlines()[0].endswith(",Note")
    assert "felt shaky afterwards" in with_notes


def test_formula_cells_are_neutralised_and_hours_stay_numbers(ok, make_cert):
    make_cert()
    for title in ("=HYPERLINK(\"http://x\")", "+1", "-2", "@SUM(A1)"):
        ok("log-ceu", "--hours", "1", "--provider", "=cmd", "--", title)
    rows = list(csv.reader(io.StringIO(ok("export", "csv").stdout)))[1:]
    assert [row[1] for row in rows] == ["'=HYPERLINK(\"http://x\")", "'+1", "'-2", "'@SUM(A1)"]
    assert {row[2] for row in rows} == {"'=cmd"}
    assert {row[3] for row in rows} == {"1"}


def test_export_to_a_file_has_a_byte_order_mark_for_spreadsheets(ok, make_cert, tmp_path):
    make_cert()
    ok("log-ceu", "Café: ¿cómo estás? 🌱 שלום", "--hours", "2")
    target = tmp_path / "renewal.csv"
    result = ok("export", "csv", "--cert", "ca-pss", "-o", str(target))
    assert "Wrote 1 course to" in result.stderr
    raw = target.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"), newline="")))
    assert rows[1][1] == "Café: ¿cómo estás? 🌱 שלום"


def test_multiline_titles_round_trip_through_csv(ok, make_cert):
    make_cert()
    ok("log-ceu", "Line one\nline two", "--hours", "1")
    rows = list(csv.reader(io.StringIO(ok("export", "csv").stdout, newline="")))
    assert rows[1][1] == "Line one line two"  # titles are tidied to one line when recorded


def test_export_into_a_missing_folder_is_one_clear_error(run, make_cert, tmp_path):
    make_cert()
    result = run("export", "csv", "-o", str(tmp_path / "no" / "such" / "folder.csv"))
    assert result.exit_code == 1
    assert "Could not write" in result.stderr
    assert "Traceback" not in result.stderr


def test_safe_cell_covers_every_formula_start():
    from peertrack.exchange.csv_export import safe_cell

    for text in ("=1+1", "+1", "-1", "@A1", "\tx", "\rx"):
        assert safe_cell(text) == "'" + text
    assert safe_cell("Plain title") == "Plain title"
    assert safe_cell(None) == ""


def test_a_category_covering_part_of_a_course_keeps_its_hours_in_the_csv(ok, make_cert):
    make_cert(require=["ethics=6"])
    ok("log-ceu", "Mixed", "--hours", "3", "--category", "ethics:1")
    rows = list(csv.reader(io.StringIO(ok("export", "csv").stdout)))
    assert rows[1][4] == "ethics: 1"
    assert json.loads(ok("status", "--json").stdout)["certifications"][0]["categories"][0]["earned"] == 1


def test_a_bodys_csv_shows_the_hours_it_credits(ok, make_cert):
    make_cert()
    make_cert("la-pss", "Louisiana PSS", expires="2027-03-31", cycle="1y", hours="10")
    ok("log-ceu", "SOAR Online Course", "--hours", "20", "--category", "soar", "--cert", "ca-pss",
       "--cert", "la-pss=10", "--date", "2026-05-01")
    la = list(csv.reader(io.StringIO(ok("export", "csv", "--cert", "la-pss").stdout)))
    ca = list(csv.reader(io.StringIO(ok("export", "csv", "--cert", "ca-pss").stdout)))
    assert (la[1][3], la[1][4]) == ("10", "soar")
    assert ca[1][3] == "20"


def test_the_previous_cycle_is_the_one_on_record(ok, make_cert, monkeypatch):
    make_cert(issued="2026-01-15", expires="2026-12-31", cycle="1y", hours="1")
    ok("log-ceu", "Before certification", "--hours", "40", "--date", "2025-09-01", "--cert", "ca-pss")
    ok("log-ceu", "In the first cycle", "--hours", "2", "--date", "2026-03-01")
    assert ok("export", "csv", "--cert", "ca-pss", "--cycle", "previous").stdout.count("\n") == 1  # header only
    monkeypatch.setenv("PEERTRACK_TODAY", "2026-12-30")
    ok("cert", "renew", "ca-pss")
    previous = ok("export", "csv", "--cert", "ca-pss", "--cycle", "previous").stdout
    assert "In the first cycle" in previous and "Before certification" not in previous


def test_a_reader_that_stops_early_ends_the_export_quietly(ok, make_cert, tmp_path, db_path):
    """`peertrack export csv | head -1`: the rest goes nowhere, with no error and no traceback."""
    import os
    import subprocess
    import sys

    make_cert()
    sheet = tmp_path / "many.csv"
    sheet.write_text("Date,Title,Hours\n" + "".join(f"2026-0{1 + i % 9}-1{i % 9},A rather long course title {i},1\n"
                                                     for i in range(4000)))
    ok("import", "csv", str(sheet), "--yes")
    env = {**os.environ, "PEERTRACK_DB": str(db_path)}
    for command in (["export", "csv"], ["ceu", "list", "--json"], ["export", "json"], ["ceu", "list", "--all"],
                    ["ceu", "list"]):
        process = subprocess.Popen([sys.executable, "-m", "peertrack", *command], env=env,
                                   stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        assert process.stdout is not None and process.stderr is not None
        process.stdout.readline()
        process.stdout.close()  # as head does once it has its line
        assert process.wait(timeout=60) == 0
        assert process.stderr.read() == b""
