"""Reads the text of a certificate file (a PDF) with pypdf, or says in one sentence why it cannot."""

from __future__ import annotations

from pathlib import Path

from peertrack.domain.errors import InvalidInput

MAX_BYTES = 20 * 1024 * 1024  # a certificate is a page or two; a larger file is not one
MAX_PAGES = 10  # the first pages hold the details; a long document is not a certificate
IMAGE_TYPES = ("image/png", "image/jpeg", "image/gif", "image/tiff", "image/webp", "image/heic")
NO_TEXT = "no text in this file: type the details with --title, --hours and --date"


class NoText(InvalidInput):
    """A picture or a scan: a file with no text to read, only to keep."""


def read_text(path: Path, field: str = "--from") -> str:
    """The text of a certificate's first pages.

    Raises InvalidInput (exit 2) with one sentence for a file that is not a PDF, damaged,
    locked with a password, too large, or (NoText) a picture or scan with no text in it.
    """
    from peertrack.storage.file_store import media_type_of

    shown = str(path)
    size = path.stat().st_size
    if size > MAX_BYTES:
        raise InvalidInput(field, shown, f"a certificate file can be at most {MAX_BYTES // 2**20} MB; "
                           "type the details instead", problem="is too large to be a certificate")
    with open(path, "rb") as handle:
        head = handle.read(1024)
    media_type = media_type_of(path.name, head[:16])
    if media_type in IMAGE_TYPES:
        raise NoText(field, shown, NO_TEXT, problem="is a photo or a picture")
    if b"%PDF-" not in head:
        raise InvalidInput(field, shown, "give a certificate saved as PDF, or a photo of it with the details typed",
                           problem="is not a PDF")
    return _pdf_text(path, shown, field)


def _pdf_text(path: Path, shown: str, field: str) -> str:
    import logging

    from pypdf import PdfReader
    from pypdf.errors import DependencyError, FileNotDecryptedError, PdfReadError

    logging.getLogger("pypdf").setLevel(logging.ERROR)  # its warnings about small flaws are not for the reader
    damaged = InvalidInput(field, shown, "download or save the certificate again, or type the details",
                           problem="is damaged: it could not be read as a PDF")
    try:
        reader = PdfReader(path, strict=False)
        if reader.is_encrypted and not reader.decrypt(""):
            raise _locked(field, shown)
        pages = reader.pages
        if len(pages) == 0:
            raise damaged
        text = "\n".join(page.extract_text() or "" for page in list(pages)[:MAX_PAGES])
    except (FileNotDecryptedError, DependencyError, NotImplementedError):
        raise _locked(field, shown) from None
    except InvalidInput:
        raise
    except (PdfReadError, ValueError, KeyError, TypeError, AttributeError, IndexError, RecursionError,
            AssertionError, OSError, ZeroDivisionError):
        raise damaged from None
    if not any(character.isalnum() for character in text):
        raise NoText(field, shown, NO_TEXT, problem="is a scan")
    return text


def _locked(field: str, shown: str) -> InvalidInput:
    return InvalidInput(field, shown, "save a copy without the password (Print to PDF does it), or type the details",
                        problem="is locked with a password")
