"""pypdf and fpdf2 are loaded only by the commands that read or write PDFs, never at start-up."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

PDF_MODULES = ("pypdf", "fpdf", "PIL")
CODE = ("import sys; sys.argv=['peertrack'] + sys.argv[1:]; from peertrack.cli import main\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        f"print(sorted(m for m in {PDF_MODULES!r} if m in sys.modules), file=sys.stderr)")


def _loaded(tmp_path, *args: str) -> str:
    env = {**os.environ, "PEERTRACK_DB": str(tmp_path / "data" / "peertrack.db"), "PEERTRACK_TODAY": "2026-11-02"}
    result = subprocess.run([sys.executable, "-c", CODE, *args], capture_output=True, text=True, env=env)
    return result.stderr.splitlines()[-1]


@pytest.mark.parametrize("args", [
    [], ["status"], ["status", "--json"], ["due"], ["--help"], ["log-ceu", "--help"], ["export", "--help"],
    ["log-ceu", "Peer ethics", "--hours", "2"], ["ceu", "list"],
], ids=lambda args: " ".join(args) or "dashboard")
def test_everyday_commands_never_load_pdf_libraries(tmp_path, args):
    assert _loaded(tmp_path, *args) == "[]"


def test_the_control_reading_a_certificate_does_load_them(tmp_path):
    """Proves the check above can fail: the command that reads a PDF shows up."""
    from certificate_corpus import CORPUS, make_pdf

    pdf = make_pdf(CORPUS[1], tmp_path / "certificate.pdf")
    assert "pypdf" in _loaded(tmp_path, "log-ceu", "--from", str(pdf))


def test_importing_the_cli_loads_no_pdf_library():
    result = subprocess.run([sys.executable, "-X", "importtime", "-c", "import peertrack.cli"],
                            capture_output=True, text=True)
    imported = {line.split("|")[-1].strip() for line in result.stderr.splitlines() if "|" in line}
    assert imported and not imported & {"pypdf", "fpdf", "PIL"}
