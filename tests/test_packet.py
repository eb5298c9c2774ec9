"""The renewal packet, read back as a person and a certifying body would: pages, totals, every certificate."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from certificate_corpus import CORPUS, Sample, make_pdf
from pypdf import PdfReader

from peertrack.domain.errors import InvalidInput


def _sample(name: str) -> Sample:
    return next(sample for sample in CORPUS if sample.name == name)


@pytest.fixture
def records(ok, make_cert, tmp_path):
    """Five courses in the current cycle (two online over a 2-hour cap), one in the previous cycle.

    Current cycle (2025-07-01 to 2027-06-30): 3 + 3 online, 15, 2 (a photo), 1 (no certificate)
    = 24 hours logged; online 6 of which only 2 count, so 20 count.
    """
    make_cert(expires="2027-06-30", hours="20", require="ethics=6", cap="online=2", number="PSS-01234",
              body="CalMHSA")
    files = tmp_path / "files"
    files.mkdir()
    ok("log-ceu", "--from", str(make_pdf(_sample("ce-hours-label"), files / "ethics.pdf")), "--category", "ethics",
       "--format", "online")
    ok("log-ceu", "--from", str(make_pdf(_sample("certifies-completed"), files / "tic.pdf")), "--format", "online")
    ok("log-ceu", "--from", str(make_pdf(_sample("ceus"), files / "mi.pdf")), "--category", "general")
    from PIL import Image

    Image.new("RGB", (800, 600), (240, 240, 250)).save(files / "photo.jpg")
    ok("log-ceu", "Peer ethics in practice", "--hours", "2", "--date", "2026-10-01", "--category", "ethics",
       "--certificate", str(files / "photo.jpg"))
    ok("log-ceu", "Self-care for helpers", "--hours", "1", "--date", "2026-09-01")
    ok("log-ceu", "--from", str(make_pdf(_sample("minutes"), files / "old.pdf")), "--date", "2025-05-01",
       "--cert", "ca-pss")
    ok("config", "set", "name", "Jordan Rivera")
    return files


def _text(reader: PdfReader, page: int) -> str:
    return " ".join(reader.pages[page].extract_text().split())


def test_the_packet_holds_cover_transcript_and_every_certificate(ok, records, tmp_path, status_json):
    target = tmp_path / "packet.pdf"
    result = ok("export", "packet", "--cert", "ca-pss", "-o", str(target))
    reader = PdfReader(target)
    # 1 cover + 1 transcript + 3 certificate PDFs of one page each + 1 page for the photo
    assert len(reader.pages) == 6
    assert f"✓ Wrote {target}: 6 pages, 5 courses and 4 certificates." in result.stderr

    cover = _text(reader, 0)
    for words in ("Name: Jordan Rivera", "Certification: Medi-Cal Peer Support Specialist (ca-pss)",
                  "Certificate number: PSS-01234", "Certifying body: CalMHSA",
                  "Cycle: Tue 1 Jul 2025 to Wed 30 Jun 2027 (current cycle)", "Courses listed: 5 courses, 24 hours",
                  "Certificates: 4 enclosed", "Signature:", "Date:"):
        assert words in cover, words
    item = status_json()["certifications"][0]
    assert item["hours_earned"] == 20  # by hand: 24 logged, 4 of the 6 online hours over the cap
    assert f"Total hours 20 20 {'met' if item['hours_missing'] == 0 else ''}" in cover or \
        f"Total hours 20 20 {item['hours_missing']:g} short" in cover
    ethics = item["categories"][0]
    standing = "met" if ethics["met"] else f"{ethics['required'] - ethics['earned']:g} short"
    assert f"At least, ethics 6 {ethics['earned']:g} {standing}" in cover
    assert "At most, format online 2 2 4 over" in cover
    assert "4 hours of format online: the body counts at most 2 hours of it in a cycle." in cover
    # A course with no certificate kept still counts: it is listed apart from what does not count.
    counts, papers = cover.split("What does not count, and why")[1].split("Certificates not enclosed")
    assert "4 hours of format online: the body counts at most 2 hours of it in a cycle." in counts
    assert "Self-care for helpers" not in counts
    assert "No certificate is kept for 2026-09-01 Self-care for helpers; a missing certificate takes no hours " \
        "away." in " ".join(papers.split())

    transcript = _text(reader, 1)
    assert "Transcript: Medi-Cal Peer Support Specialist" in transcript
    for title in ("Motivational Interviewing Foundations", "Ethics and Boundaries in Peer Work",
                  "Trauma-Informed Care for Peer Supporters", "Peer ethics in practice", "Self-care for helpers"):
        assert title in transcript
    assert "Suicide Prevention" not in transcript  # the previous cycle's course
    assert re.search(r"Total 24$", transcript)

    # The certificates, in date order, as they were: their own text on their own pages.
    assert "Motivational Interviewing Foundations" in _text(reader, 2)
    assert "Course Approval #: GMHCN-4471" in _text(reader, 3)
    assert "Trauma-Informed Care for Peer Supporters" in _text(reader, 4)
    photo = reader.pages[5]
    assert "Peer ethics in practice (photo.jpg)" in _text(reader, 5)
    assert any(obj.get_object()["/Subtype"] == "/Image" for obj in photo["/Resources"]["/XObject"].values())
    outline = [item.title for item in reader.outline]
    assert outline[:2] == ["Cover", "Transcript"] and len(outline) == 6


def test_the_previous_cycle_has_its_own_packet(ok, records, tmp_path):
    target = tmp_path / "previous.pdf"
    ok("export", "packet", "--cert", "ca-pss", "--cycle", "previous", "-o", str(target))
    reader = PdfReader(target)
    assert len(reader.pages) == 3  # cover, transcript, the one certificate
    assert "Cycle: Sat 1 Jul 2023 to Mon 30 Jun 2025 (previous cycle)" in _text(reader, 0)
    assert "Suicide Prevention: Recognizing the Warning Signs" in _text(reader, 1)
    assert "Relias" in _text(reader, 2)


def test_a_damaged_stored_certificate_is_left_out_and_named(ok, records, tmp_path, db_path):
    for stored in (db_path.parent / "attachments").glob("*.pdf"):
        if b"GMHCN-4471" in stored.read_bytes() or "Ethics and Boundaries" in PdfReader(stored).pages[0].extract_text():
            stored.write_bytes(b"%PDF-1.4 damaged")
    target = tmp_path / "packet.pdf"
    result = ok("export", "packet", "--cert", "ca-pss", "-o", str(target))
    reader = PdfReader(target)
    assert len(reader.pages) == 5
    assert "The certificate ethics.pdf (2026-02-05, Ethics and Boundaries in Peer Work) is not in this packet: " \
           "its stored copy is damaged. Hand it in separately." in _text(reader, 0)
    assert "not enclosed" in result.stderr


def test_a_packet_without_a_name_says_how_to_set_one(ok, make_cert, tmp_path):
    make_cert()
    target = tmp_path / "packet.pdf"
    result = ok("export", "packet", "--cert", "ca-pss", "-o", str(target))
    assert 'peertrack config set name "Your Name"' in result.stderr
    reader = PdfReader(target)
    assert len(reader.pages) == 2
    assert "Courses listed: 0 courses, 0 hours" in _text(reader, 0)


@pytest.mark.parametrize(("args", "words"), [
    (["--cert", "nope"], 'There is no certification with the id "nope"'),
    (["--cert", "ca-pss", "--cycle", "all"], '--cycle "all" is not a cycle for a packet'),
    (["--cert", "ca-pss", "-o", "packet.txt"], "is not a PDF file name"),
    ([], "--cert is missing"),  # two certifications: which one?
])
def test_bad_requests_write_nothing(run, make_cert, tmp_path, args, words):
    make_cert()
    if not args:
        make_cert("pa-cps", "Certified Peer Specialist")
    if "-o" not in args:
        args = [*args, "-o", str(tmp_path / "packet.pdf")]
    else:
        args = [*args[:-1], str(tmp_path / args[-1])]
    result = run("export", "packet", *args)
    assert result.exit_code == InvalidInput.EXIT_CODE, result.stderr
    assert words in result.stderr
    assert list(tmp_path.glob("packet.*")) == []


def test_odd_characters_in_titles_do_not_break_the_packet(ok, make_cert, tmp_path):
    make_cert()
    ok("log-ceu", "Ética — “Peer” recovery 🌱", "--hours", "1", "--date", "2026-10-01")
    target = tmp_path / "packet.pdf"
    ok("export", "packet", "--cert", "ca-pss", "-o", str(target))
    assert 'Ética - "Peer" recovery ?' in _text(PdfReader(target), 1)


def test_the_packet_name_defaults_to_the_cert_and_day(ok, make_cert, tmp_path, monkeypatch):
    make_cert()
    monkeypatch.chdir(tmp_path)
    ok("export", "packet", "--cert", "ca-pss")
    assert Path("ca-pss-renewal-packet-2026-11-02.pdf").is_file()


@pytest.mark.parametrize("kind", ["packet", "audit"])
def test_without_any_records_yet_a_packet_or_audit_names_the_missing_certification(run, tmp_path, db_path, kind):
    target = tmp_path / ("out.pdf" if kind == "packet" else "out.zip")
    result = run("export", kind, "--cert", "ca-pss", "-o", str(target))
    assert result.exit_code == InvalidInput.EXIT_CODE
    assert 'There is no certification with the id "ca-pss"' in result.stderr
    assert "peertrack cert add" in result.stderr
    assert not db_path.exists() and list(tmp_path.glob("out.*")) == []


def test_hours_met_while_a_minimum_is_short_reads_so(ok, make_cert, tmp_path):
    make_cert(hours="4", require="ethics=2")
    ok("log-ceu", "General topics", "--hours", "5", "--date", "2026-10-01")
    target = tmp_path / "packet.pdf"
    ok("export", "packet", "--cert", "ca-pss", "-o", str(target))
    cover = _text(PdfReader(target), 0)
    assert "Total hours 4 5 hours met; a minimum below is not" in cover
    assert "At least, ethics 2 0 2 short" in cover


def test_the_cover_says_which_words_of_the_holder_count_as_a_requirements_category(ok, tmp_path):
    """Pennsylvania's "peer support and recovery": a course filed under "recovery" counts as peer support, and the
    body reading the packet is told so beside the requirements."""
    ok("cert", "add", "--template", "pa-cps", "--expires", "2027-05-31")
    ok("log-ceu", "WRAP facilitation", "--hours", "3", "--category", "recovery", "--date", "2026-10-08")
    ok("log-ceu", "Boundaries", "--hours", "2", "--category", "ethics", "--date", "2026-10-09")
    target = tmp_path / "pa.pdf"
    ok("export", "packet", "--cert", "pa-cps", "-o", str(target))
    cover = " ".join(_text(PdfReader(target), 0).split())
    assert "Courses filed under 'recovery' count as peer support." in cover
    assert "'peer support and recovery'" not in cover  # only the words the courses listed use
