"""Certificates kept with courses: content-addressed copies that survive the original, checked by `check`."""

import hashlib
import json
import os
import sqlite3
import stat
from pathlib import Path

import pytest

from peertrack.commands import attach as attach_command
from peertrack.domain.errors import Conflict, InvalidInput, NotFound
from peertrack.domain.transfer import Attachment
from peertrack.storage import file_store as attachments

PDF = b"%PDF-1.4\n% certificate of completion: Trauma-Informed Care, 3 CE hours\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32


def sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


@pytest.fixture
def certificate(tmp_path: Path) -> Path:
    path = tmp_path / "downloads" / "Trauma Informed Care certificate.PDF"
    path.parent.mkdir()
    path.write_bytes(PDF)
    return path


@pytest.fixture
def store(db_path: Path) -> Path:
    return db_path.parent / "attachments"


@pytest.fixture
def no_viewer(monkeypatch):
    monkeypatch.setattr(attach_command, "_viewer", lambda: None)


# The file store on its own


def test_a_stored_copy_is_named_by_its_content_and_private(tmp_path, certificate):
    folder = tmp_path / "data" / "attachments"
    kept, written = attachments.store(certificate, folder)
    assert written
    assert kept == Attachment(sha256=sha(PDF), original_name=certificate.name, size=len(PDF),
                              media_type="application/pdf")
    path = folder / f"{sha(PDF)}.pdf"
    assert path.read_bytes() == PDF
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o600
    assert stat.S_IMODE(os.stat(folder).st_mode) == 0o700
    assert [p.name for p in folder.iterdir()] == [path.name]  # no temporary file left behind


def test_the_same_content_is_kept_once(tmp_path, certificate):
    folder = tmp_path / "attachments"
    attachments.store(certificate, folder)
    copy = tmp_path / "copy.pdf"
    copy.write_bytes(PDF)
    kept, written = attachments.store(copy, folder)
    assert not written and kept.sha256 == sha(PDF)
    assert len(list(folder.iterdir())) == 1


def test_a_damaged_copy_is_mended_by_storing_the_original_again(tmp_path, certificate):
    folder = tmp_path / "attachments"
    kept, _ = attachments.store(certificate, folder)
    (folder / f"{sha(PDF)}.pdf").write_bytes(b"scribbled over")
    assert attachments.check(folder, kept) == "damaged"
    _, written = attachments.store(certificate, folder)
    assert written
    assert attachments.check(folder, kept) == "ok"


@pytest.mark.parametrize("name, head, expected", [
    ("certificate.pdf", PDF, ".pdf"),
    ("Scan.JPG", b"\xff\xd8\xff\xe0", ".jpg"),
    ("certificate", PDF, ".pdf"),  # no extension: the content says what it is
    ("photo", PNG, ".png"),
    ("notes", b"plain words", ""),
    ("weird.p df", PDF, ".pdf"),
    ("archive.tar.gz", b"\x1f\x8b", ".gz"),
    ("too-long.extension12", b"x", ""),
])
def test_stored_names_keep_a_tidy_extension(name, head, expected):
    media_type = attachments.media_type_of(name, head)
    assert attachments.stored_name("a" * 64, name, media_type) == "a" * 64 + expected


@pytest.mark.parametrize("bad", ["", "../../etc/passwd", "A" * 64, "a" * 63, "a" * 64 + "/..", "g" * 64])
def test_a_name_never_leads_out_of_the_store(tmp_path, bad):
    folder = tmp_path / "attachments"
    folder.mkdir()
    (tmp_path / "secret.txt").write_text("not yours")
    with pytest.raises(ValueError):
        attachments.stored_name(bad, "x.pdf")
    assert attachments.find(folder, Attachment(sha256=bad, original_name="../secret.txt", size=1)) is None
    assert attachments.verify(folder, "a" * 64, "../secret.txt") == "missing"


def test_a_symlink_in_the_store_is_not_followed(tmp_path):
    folder = tmp_path / "attachments"
    folder.mkdir()
    outside = tmp_path / "outside.pdf"
    outside.write_bytes(PDF)
    (folder / f"{sha(PDF)}.pdf").symlink_to(outside)
    kept = Attachment(sha256=sha(PDF), original_name="c.pdf", size=len(PDF))
    assert attachments.find(folder, kept) is None
    assert attachments.check(folder, kept) == "missing"


@pytest.mark.parametrize("name, words", [
    ("nowhere.pdf", 'FILE "{path}" is not a file that exists'),
    ("", 'FILE "{path}" is a folder, not a file'),
    ("empty.pdf", 'FILE "{path}" is empty'),
])
def test_check_file_refuses_with_one_sentence(tmp_path, name, words):
    (tmp_path / "empty.pdf").write_bytes(b"")
    path = tmp_path / name if name else tmp_path
    with pytest.raises(InvalidInput) as caught:
        attachments.check_file(path)
    assert caught.value.EXIT_CODE == 2
    assert str(caught.value).startswith(words.format(path=path))
    assert str(caught.value).count(".") >= 1 and "\n" not in str(caught.value)


# Through the command line


def test_log_ceu_with_a_certificate_survives_deleting_the_original(ok, make_cert, certificate, store, no_viewer):
    make_cert()
    result = ok("log-ceu", "Trauma-Informed Care", "--hours", "3", "--date", "2026-10-01",
                "--certificate", str(certificate))
    assert f"Kept a copy of its certificate, {certificate.name}" in result.stderr
    certificate.unlink()
    shown = ok("ceu", "show", "1").stdout
    assert "Certificates" in shown and certificate.name in shown and "PDF" in shown
    data = json.loads(ok("ceu", "show", "1", "--json").stdout)
    assert data["attachments"] == [{
        "id": 1, "course": 1, "file": certificate.name, "sha256": sha(PDF), "size": len(PDF),
        "media_type": "application/pdf", "added_at": data["attachments"][0]["added_at"],
        "path": str(store / f"{sha(PDF)}.pdf"),
    }]
    opened = ok("ceu", "open", "1")
    assert Path(opened.stdout.strip()).read_bytes() == PDF  # no viewer here, so the path is printed
    assert ok("check").exit_code == 0


def test_ceu_open_uses_the_system_viewer(ok, make_cert, certificate, monkeypatch):
    opened = []
    monkeypatch.setattr(attach_command, "_viewer", lambda: opened.append)
    make_cert()
    ok("log-ceu", "Trauma-Informed Care", "--hours", "3", "--certificate", str(certificate))
    result = ok("ceu", "open", "1")
    assert [path.read_bytes() for path in opened] == [PDF]
    assert result.stdout == ""
    assert f"Opening {certificate.name}" in result.stderr


def test_the_viewer_follows_the_platform(monkeypatch):
    monkeypatch.setattr(attach_command.sys, "platform", "linux")
    monkeypatch.delenv("DISPLAY", raising=False)
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
    assert attach_command._viewer() is None  # a terminal without a desktop
    monkeypatch.setenv("DISPLAY", ":0")
    monkeypatch.setattr(attach_command.shutil, "which", lambda name: f"/usr/bin/{name}")
    assert attach_command._viewer() is not None
    monkeypatch.setattr(attach_command.shutil, "which", lambda name: None)
    assert attach_command._viewer() is None
    monkeypatch.setattr(attach_command.sys, "platform", "win32")
    monkeypatch.setattr(attach_command.os, "startfile", print, raising=False)
    assert attach_command._viewer() is print


def test_ceu_attach_several_files_and_again(ok, make_cert, tmp_path, store):
    make_cert()
    ok("log-ceu", "Ethics and boundaries", "--hours", "3")
    front, back = tmp_path / "front.png", tmp_path / "back.png"
    front.write_bytes(PNG + b"front")
    back.write_bytes(PNG + b"back")
    result = ok("ceu", "attach", "1", str(front), str(back))
    assert 'Kept front.png with course 1, "Ethics and boundaries"' in result.stderr
    assert "Kept back.png" in result.stderr
    again = ok("ceu", "attach", "1", str(front))
    assert "already kept with course 1; nothing changed" in again.stderr
    files = json.loads(ok("ceu", "show", "1", "--json").stdout)["attachments"]
    assert [f["file"] for f in files] == ["front.png", "back.png"]
    assert len(list(store.iterdir())) == 2


def test_attaching_the_original_again_mends_a_damaged_copy(ok, run, make_cert, certificate, store):
    make_cert()
    ok("log-ceu", "Trauma-Informed Care", "--hours", "3", "--certificate", str(certificate))
    (store / f"{sha(PDF)}.pdf").write_bytes(b"changed")
    assert run("check").exit_code == 1
    mended = ok("ceu", "attach", "1", str(certificate))
    assert "is now whole again" in mended.stderr
    assert run("check").exit_code == 0


def test_check_catches_a_tampered_and_a_missing_certificate(ok, run, make_cert, certificate, tmp_path, store):
    make_cert()
    ok("log-ceu", "Trauma-Informed Care", "--hours", "3", "--date", "2026-10-01", "--certificate", str(certificate))
    other = tmp_path / "ethics.jpg"
    other.write_bytes(b"\xff\xd8\xff\xe0 ethics certificate")
    ok("log-ceu", "Ethics", "--hours", "2", "--date", "2026-10-02", "--certificate", str(other))
    ok("log-ceu", "No paper for this one", "--hours", "1", "--date", "2026-10-03")
    tampered = store / f"{sha(PDF)}.pdf"
    tampered.write_bytes(PDF.replace(b"3 CE hours", b"9 CE hours"))
    next(store.glob("*.jpg")).unlink()

    result = run("check")
    assert result.exit_code == 1
    assert "The database file is whole" in result.stdout
    assert "2 of 2 certificate files are damaged or missing" in result.stdout
    assert f'damaged: course 1 (2026-10-01, "Trauma-Informed Care"): {certificate.name}' in result.stdout
    assert 'missing: course 2 (2026-10-02, "Ethics"): ethics.jpg' in result.stdout
    assert "1 course has no certificate yet" in result.stdout and "No paper for this one" in result.stdout

    data = json.loads(run("check", "--json").stdout)
    assert data["ok"] is False and data["database"] == "ok"
    assert [(f["course"], f["state"]) for f in data["files"]] == [(1, "damaged"), (2, "missing")]
    assert [c["title"] for c in data["courses_without_certificate"]] == ["No paper for this one"]


def test_check_with_a_cert_lists_only_its_current_cycle(ok, make_cert):
    make_cert()
    ok("log-ceu", "Old course", "--hours", "1", "--date", "2024-01-10", "--cert", "ca-pss")
    ok("log-ceu", "This cycle", "--hours", "1", "--date", "2026-10-01")
    data = json.loads(ok("check", "--cert", "ca-pss", "--json").stdout)
    assert [c["title"] for c in data["courses_without_certificate"]] == ["This cycle"]
    assert data["ok"] is True


def test_check_without_a_database_is_calm(ok, db_path):
    assert "No certificate files are kept yet" in ok("check").stdout
    assert not db_path.exists()


def test_removing_a_course_forgets_its_attachment_but_keeps_the_file(ok, make_cert, certificate, db_path, store):
    make_cert()
    ok("log-ceu", "Trauma-Informed Care", "--hours", "3", "--certificate", str(certificate))
    ok("ceu", "rm", "1", "--yes")
    conn = sqlite3.connect(db_path)
    assert conn.execute("SELECT count(*) FROM attachments").fetchone()[0] == 0
    conn.close()
    # The backup taken before the removal still refers to it by its hash.
    assert (store / f"{sha(PDF)}.pdf").read_bytes() == PDF


@pytest.mark.parametrize("args, error, words", [
    (["log-ceu", "X", "--hours", "1", "--certificate", "{tmp}/nowhere.pdf"], InvalidInput,
     ['--certificate "{tmp}/nowhere.pdf" is not a file that exists']),
    (["log-ceu", "X", "--hours", "1", "--certificate", "{tmp}"], InvalidInput,
     ['--certificate "{tmp}" is a folder, not a file']),
    (["log-ceu", "X", "--hours", "1", "--certificate", "{tmp}/empty.pdf"], InvalidInput,
     ['--certificate "{tmp}/empty.pdf" is empty']),
    (["log-ceu", "X", "--hours", "zero", "--certificate", "{tmp}/good.pdf"], InvalidInput, ['--hours "zero"']),
    (["log-ceu", "Trauma-Informed Care", "--hours", "3", "--date", "2026-10-01", "--certificate", "{tmp}/good.pdf"],
     Conflict, ["already recorded"]),
    (["ceu", "attach", "1", "{tmp}/nowhere.pdf"], InvalidInput, ['FILE "{tmp}/nowhere.pdf" is not a file that exists']),
    (["ceu", "attach", "1", "{tmp}"], InvalidInput, ['FILE "{tmp}" is a folder, not a file']),
    (["ceu", "attach", "9", "{tmp}/good.pdf"], NotFound, ['There is no course with the number "9"']),
    (["ceu", "open", "9"], NotFound, ['There is no course with the number "9"']),
    (["ceu", "open", "1"], NotFound, ['There is no certificate kept with course "1"', "peertrack ceu attach 1 FILE"]),
])
def test_bad_certificate_input_changes_nothing(refused, ok, make_cert, tmp_path, store, args, error, words):
    make_cert()
    ok("log-ceu", "Trauma-Informed Care", "--hours", "3", "--date", "2026-10-01")
    (tmp_path / "empty.pdf").write_bytes(b"")
    (tmp_path / "good.pdf").write_bytes(PDF)
    refused([arg.replace("{tmp}", str(tmp_path)) for arg in args], error,
            [word.replace("{tmp}", str(tmp_path)) for word in words])
    assert not store.exists() or not any(store.iterdir())


def test_the_attachments_table_cascades_with_its_course(db_path):
    from peertrack.storage.attachments import all_attachments, course_attachments, find_attachment, insert_attachment
    from peertrack.storage.database import connect, transaction

    conn = connect(db_path)
    with transaction(conn):
        conn.execute("INSERT INTO ceus (id, date, title, seconds, created_at) VALUES (1, '2026-01-01', 't', 60, 'x')")
        insert_attachment(conn, 1, Attachment(sha256="b" * 64, original_name="c.pdf", size=3))
    assert [a.original_name for a in course_attachments(conn, 1)] == ["c.pdf"]
    assert find_attachment(conn, 1, "b" * 64).size == 3
    with pytest.raises(sqlite3.IntegrityError):
        insert_attachment(conn, 1, Attachment(sha256="b" * 64, original_name="again.pdf", size=3))
    with pytest.raises(sqlite3.IntegrityError):
        insert_attachment(conn, 1, Attachment(sha256="not a hash", original_name="x.pdf", size=3))
    conn.execute("DELETE FROM ceus WHERE id = 1")
    assert all_attachments(conn) == []
    conn.close()
