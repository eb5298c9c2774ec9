"""The audit bundle: the cycle's CSV, every certificate named by date and title, and a plain summary."""

import datetime as dt
import hashlib
import os
import stat
import zipfile
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from peertrack.domain.errors import InvalidInput, NotFound
from peertrack.domain.models import Course
from peertrack.domain.transfer import Attachment
from peertrack.exchange import bundle

FOLDER = "ca-pss-audit-2026-11-02"


@pytest.fixture
def audited(ok, make_cert, tmp_path):
    """A certification with courses in this cycle and the last, some with certificates."""
    make_cert(body="CalMHSA", number="PSS-01234", require=["ethics=6"])
    ok("config", "set", "name", "Jordan Rivera")
    files = {}
    for name, data in (("tic.pdf", b"%PDF-1.4 Trauma-Informed Care"), ("ethics-p1.jpg", b"\xff\xd8\xff page 1"),
                       ("ethics-p2.jpg", b"\xff\xd8\xff page 2"), ("same-day.pdf", b"%PDF-1.4 other one"),
                       ("old.pdf", b"%PDF-1.4 old cycle")):
        files[name] = tmp_path / name
        files[name].write_bytes(data)
    ok("log-ceu", "Trauma-Informed Care", "--hours", "3", "--category", "ethics", "--date", "2026-10-01",
       "--provider", "CalMHSA", "--note", "felt shaky", "--certificate", str(files["tic.pdf"]))
    ok("log-ceu", "Ethics: \"boundaries\" / you?", "--hours", "2.5", "--category", "ethics:1",
       "--category", "general:1.5", "--date", "2026-10-05")
    ok("ceu", "attach", "2", str(files["ethics-p1.jpg"]), str(files["ethics-p2.jpg"]))
    ok("log-ceu", "Trauma-Informed Care", "--hours", "1", "--date", "2026-10-01", "--force",
       "--certificate", str(files["same-day.pdf"]))
    ok("log-ceu", "WRAP refresher", "--hours", "1.5", "--date", "2026-10-20")
    ok("log-ceu", "Old cycle course", "--hours", "2", "--date", "2025-01-15", "--cert", "ca-pss",
       "--certificate", str(files["old.pdf"]))
    return files


def bundle_of(ok, tmp_path, *args: str) -> zipfile.ZipFile:
    target = tmp_path / "audit.zip"
    ok("export", "audit", "--cert", "ca-pss", "-o", str(target), *args)
    return zipfile.ZipFile(target)


def test_the_bundle_holds_the_csv_the_certificates_and_a_summary(ok, audited, tmp_path):
    archive = bundle_of(ok, tmp_path)
    assert sorted(archive.namelist()) == [
        f"{FOLDER}/certificates/2026-10-01 Trauma-Informed Care (2).pdf",
        f"{FOLDER}/certificates/2026-10-01 Trauma-Informed Care.pdf",
        f"{FOLDER}/certificates/2026-10-05 Ethics- -boundaries- - you- (2).jpg",
        f"{FOLDER}/certificates/2026-10-05 Ethics- -boundaries- - you-.jpg",
        f"{FOLDER}/courses.csv",
        f"{FOLDER}/summary.txt",
    ]
    assert archive.read(f"{FOLDER}/certificates/2026-10-01 Trauma-Informed Care.pdf") == audited["tic.pdf"].read_bytes()
    assert archive.read(f"{FOLDER}/certificates/2026-10-01 Trauma-Informed Care (2).pdf") == (
        audited["same-day.pdf"].read_bytes())
    assert archive.read(f"{FOLDER}/certificates/2026-10-05 Ethics- -boundaries- - you- (2).jpg") == (
        audited["ethics-p2.jpg"].read_bytes())
    csv_text = archive.read(f"{FOLDER}/courses.csv").decode("utf-8")
    assert csv_text == "\ufeff" + ok("export", "csv", "--cert", "ca-pss").stdout.replace("\n", "\r\n").replace(
        "\r\r\n", "\r\n")
    assert "felt shaky" not in csv_text and "Old cycle course" not in csv_text


def test_the_summary_says_who_what_when_and_what_is_missing(ok, audited, tmp_path):
    summary = bundle_of(ok, tmp_path).read(f"{FOLDER}/summary.txt").decode("utf-8")
    assert "\r\n" in summary
    lines = summary.splitlines()
    assert "Name:               Jordan Rivera" in lines
    assert "Certification:      Medi-Cal Peer Support Specialist (ca-pss)" in lines
    assert "Certifying body:    CalMHSA" in lines
    assert "Certificate number: PSS-01234" in lines
    assert "Cycle:              Tue 1 Jul 2025 to Wed 30 Jun 2027 (the current cycle)" in lines
    assert "Hours required:     20, of which at least 6 ethics" in lines
    assert "Hours listed:       8 in 4 courses" in lines
    by_category = lines[lines.index("Hours by category") + 1:lines.index("What is missing") - 1]
    assert by_category == ["  ethics         4", "  general        1.5", "  (no category)  2.5"]
    missing = lines[lines.index("What is missing") + 1:lines.index("In this bundle") - 1]
    assert missing == [
        "  - 12 hours more, for the 20 this cycle requires.",
        "  - 2 hours more of ethics.",
        "  - A certificate for 1 course:",
        "      2026-10-20  WRAP refresher",
    ]
    assert "felt shaky" not in summary


def test_private_notes_only_when_asked(ok, audited, tmp_path):
    archive = bundle_of(ok, tmp_path, "--notes")
    assert "felt shaky" in archive.read(f"{FOLDER}/courses.csv").decode()
    assert "private notes included" in archive.read(f"{FOLDER}/summary.txt").decode()


def test_the_previous_cycle_and_every_cycle(ok, audited, tmp_path):
    previous = bundle_of(ok, tmp_path, "--cycle", "previous")
    assert [name.split("/", 1)[1] for name in sorted(previous.namelist())] == [
        "certificates/2025-01-15 Old cycle course.pdf", "courses.csv", "summary.txt"]
    summary = previous.read(f"{FOLDER}/summary.txt").decode()
    assert "Sat 1 Jul 2023 to Mon 30 Jun 2025 (the previous cycle)" in summary
    assert "18 hours more, for the 20 this cycle requires." in summary
    everything = bundle_of(ok, tmp_path, "--cycle", "all")
    summary = everything.read(f"{FOLDER}/summary.txt").decode()
    assert "Cycle:              every course on record for this certification" in summary
    assert "Hours required" not in summary
    assert len([n for n in everything.namelist() if "/certificates/" in n]) == 5


def test_a_complete_cycle_has_nothing_missing(ok, make_cert, tmp_path):
    make_cert(hours="1")
    certificate = tmp_path / "c.pdf"
    certificate.write_bytes(b"%PDF-1.4")
    ok("log-ceu", "Ethics", "--hours", "1", "--certificate", str(certificate))
    summary = bundle_of(ok, tmp_path).read(f"{FOLDER}/summary.txt").decode()
    assert "Nothing: the hours are complete and every course has its certificate." in summary
    assert "Name:" not in summary  # no name set: the line is left out, not left blank


def test_a_damaged_certificate_is_left_out_and_named(ok, audited, tmp_path, db_path):
    stored = db_path.parent / "attachments" / (hashlib.sha256(audited["tic.pdf"].read_bytes()).hexdigest() + ".pdf")
    stored.write_bytes(b"changed")
    target = tmp_path / "audit.zip"
    result = ok("export", "audit", "--cert", "ca-pss", "-o", str(target))
    assert "Wrote 4 courses and 3 certificates" in result.stderr
    archive = zipfile.ZipFile(target)
    kept = [archive.read(name) for name in archive.namelist() if "/certificates/" in name]
    assert audited["tic.pdf"].read_bytes() not in kept and b"changed" not in kept
    assert audited["same-day.pdf"].read_bytes() in kept
    assert "The certificate tic.pdf for 2026-10-01 Trauma-Informed Care (its stored copy is damaged)." in (
        archive.read(f"{FOLDER}/summary.txt").decode())


def test_the_bundle_is_private_and_has_a_default_name(ok, audited, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = ok("export", "audit", "--cert", "ca-pss")
    target = tmp_path / f"{FOLDER}.zip"
    assert f"to {FOLDER}.zip" in result.stderr
    assert stat.S_IMODE(os.stat(target).st_mode) == 0o600
    assert zipfile.ZipFile(target).testzip() is None
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".peertrack")] == []


@pytest.mark.parametrize("args, error, words", [
    (["--cert", "ca-pps"], NotFound, ['Did you mean "ca-pss"?']),
    (["--cert", "ca-pss", "--cycle", "last"], InvalidInput, ['--cycle "last" is not a cycle']),
    (["--cert", "ca-pss", "-o", "{tmp}/no/such/folder/a.zip"], None, ["Could not write"]),
])
def test_bad_audit_requests_write_nothing(run, audited, snapshot, tmp_path, args, error, words):
    before = snapshot()
    result = run("export", "audit", *[arg.format(tmp=tmp_path) for arg in args])
    assert result.exit_code == (error.EXIT_CODE if error else 1)
    for word in words:
        assert word in result.stderr
    assert snapshot() == before
    assert not list(tmp_path.glob("*.zip"))


def test_a_cert_is_required(run):
    result = run("export", "audit")
    assert result.exit_code == 2 and "--cert" in result.stderr


# The pure parts


@pytest.mark.parametrize("text, name", [
    ("2026-10-01 Trauma-Informed Care", "2026-10-01 Trauma-Informed Care"),
    ('Ethics: "boundaries" / you?', "Ethics- -boundaries- - you-"),
    ("a\\b|c*d<e>f", "a-b-c-d-e-f"),
    ("tab\tand\nnewline", "tab-and-newline"),
    ("  trailing dots... ", "trailing dots"),
    ("CON", "_CON"),
    ("nul.txt", "_nul.txt"),
    ("", "_"),
    ("...", "_"),
    ("Café 🌱 שלום", "Café 🌱 שלום"),
    ("x" * 200, "x" * 80),
])
def test_safe_file_names(text, name):
    assert bundle.safe_file_name(text) == name


def _certificate(title: str, day: int, original: str) -> bundle.Certificate:
    course = Course(date=dt.date(2026, 10, day), title=title, seconds=60, id=day)
    return bundle.Certificate(course, Attachment(sha256="a" * 64, original_name=original, size=1), "ok", None)


def test_certificate_names_never_collide_even_ignoring_case():
    names = bundle.certificate_names([
        _certificate("Ethics", 1, "a.PDF"), _certificate("ethics", 1, "b.pdf"), _certificate("Ethics", 1, "c.pdf"),
        _certificate("Ethics", 2, "scan"), _certificate("Ethics", 2, "weird.p df"),
    ])
    assert names == ["2026-10-01 Ethics.pdf", "2026-10-01 ethics (2).pdf", "2026-10-01 Ethics (3).pdf",
                     "2026-10-02 Ethics", "2026-10-02 Ethics (2)"]


@given(st.lists(st.tuples(st.text(max_size=30), st.integers(1, 3), st.sampled_from(["a.pdf", "b.JPG", "c"])),
                max_size=12))
def test_certificate_names_are_unique_and_safe(items):
    names = bundle.certificate_names([_certificate(title, day, original) for title, day, original in items])
    assert len({name.casefold() for name in names}) == len(names)
    for name in names:
        assert not set(name) & set('<>:"/\\|?*') and name == name.strip() and Path(name).name == name


def test_an_audit_with_no_records_yet_says_so_and_creates_nothing(run, db_path, tmp_path):
    result = run("export", "audit", "--cert", "CA-PSS", "-o", str(tmp_path / "audit.zip"))
    assert result.exit_code == NotFound.EXIT_CODE == 2
    assert result.stderr.startswith('Error: There is no certification with the id "ca-pss".')
    assert "peertrack cert add" in result.stderr and "went wrong" not in result.stderr
    assert not db_path.exists() and not (tmp_path / "audit.zip").exists()


def test_a_past_cycle_is_summed_up_by_its_own_rules(ok, make_cert, tmp_path):
    """Renewed here, then the past cycle given its own rules: 5 hours, no minimum. Its one course of 5 hours
    meets them, so the summary the body reads must say so, not "10 required, 3 of ethics"."""
    make_cert(expires="2026-10-31", cycle="1y", hours="10", require=["ethics=3"])
    ok("log-ceu", "Recovery planning", "--hours", "5", "--date", "2026-03-01")
    ok("cert", "renew", "ca-pss", "--on", "2026-10-31", "--yes")
    ok("cert", "edit", "ca-pss", "--cycle", "previous", "--hours", "5", "--no-require")
    summary = bundle_of(ok, tmp_path, "--cycle", "previous").read(f"{FOLDER}/summary.txt").decode()
    assert "Hours required:     5" in summary, summary
    assert "ethics" not in summary and "more" not in summary
