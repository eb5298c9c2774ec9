"""The certificate file store: copies kept beside the database under the sha256 of their content."""

from __future__ import annotations

import hashlib
import os
import re
import tempfile
from pathlib import Path

from peertrack.domain.errors import InvalidInput, PeertrackError
from peertrack.domain.transfer import Attachment
from peertrack.storage.files import private_folder

FOLDER_NAME = "attachments"
MAX_BYTES = 100 * 1024 * 1024
_CHUNK = 1024 * 1024
_SHA256 = re.compile(r"[0-9a-f]{64}")
_EXTENSION = re.compile(r"(\.[a-z0-9]{1,10})")
# The first bytes of the kinds of file certificates come as, for files saved without an extension.
_MAGIC = (
    (b"%PDF-", "application/pdf"),
    (b"\x89PNG\r\n\x1a\n", "image/png"),
    (b"\xff\xd8\xff", "image/jpeg"),
    (b"GIF87a", "image/gif"),
    (b"GIF89a", "image/gif"),
    (b"II*\x00", "image/tiff"),
    (b"MM\x00*", "image/tiff"),
)
_EXTENSIONS = {"application/pdf": ".pdf", "image/png": ".png", "image/jpeg": ".jpg", "image/gif": ".gif",
               "image/tiff": ".tif", "image/webp": ".webp", "image/heic": ".heic"}


def folder_for(db_path: Path) -> Path:
    """Where a database keeps its certificate files: an attachments folder beside it."""
    return db_path.parent / FOLDER_NAME


def check_file(path: Path | str, field: str = "FILE") -> Path:
    """A file to read from, or one sentence saying why it cannot be: missing, a folder, empty, unreadable."""
    shown = str(path)
    path = Path(os.path.expanduser(shown))
    try:
        if not path.exists():
            raise InvalidInput(field, shown, "check the file's name and the folder it is in",
                               problem="is not a file that exists")
        if path.is_dir():
            raise InvalidInput(field, shown, "give the path of one file inside it", problem="is a folder, not a file")
        if not path.is_file():
            raise InvalidInput(field, shown, "give the path of an ordinary file", problem="is not an ordinary file")
        if path.stat().st_size == 0:
            raise InvalidInput(field, shown, "give a file that holds something", problem="is empty")
        with open(path, "rb"):
            pass
    except PermissionError:
        raise InvalidInput(field, shown, "check that you may open it", problem="cannot be read") from None
    return path


def store(source: Path, folder: Path, field: str = "FILE") -> tuple[Attachment, bool]:
    """Copy a file into the store and describe it; the original may then go.

    Each content is kept once: the second value is False when a sound copy was already there.
    """
    _make_private_folder(folder)
    digest = hashlib.sha256()
    size = 0
    head = b""
    fd, temporary = tempfile.mkstemp(dir=folder, prefix=".incoming-")
    try:
        with os.fdopen(fd, "wb") as target, open(source, "rb") as original:
            while chunk := original.read(_CHUNK):
                if not head:
                    head = chunk[:16]
                size += len(chunk)
                if size > MAX_BYTES:
                    raise InvalidInput(field, str(source), f"a certificate can be at most {MAX_BYTES // 2**20} MB",
                                       problem="is too large")
                digest.update(chunk)
                target.write(chunk)
            target.flush()
            os.fsync(target.fileno())
        media_type = media_type_of(source.name, head)
        sha256 = digest.hexdigest()
        kept = folder / stored_name(sha256, source.name, media_type)
        written = verify(folder, sha256, kept.name) != "ok"
        if not written:
            os.unlink(temporary)
        else:
            os.chmod(temporary, 0o600)
            os.replace(temporary, kept)
    except OSError as error:
        raise PeertrackError(f"Could not keep a copy of {source}: {error.strerror}.",
                             f"Check there is room on the disk and that you may write to {folder}.") from None
    finally:
        if os.path.exists(temporary):
            os.unlink(temporary)
    return Attachment(sha256=sha256, original_name=source.name, size=size, media_type=media_type), written


def stored_name(sha256: str, original_name: str, media_type: str | None = None) -> str:
    """The file's name in the store: its sha256 and, so viewers know what it is, a tidy extension."""
    if not _SHA256.fullmatch(sha256):
        raise ValueError(f"not a sha256: {sha256!r}")
    extension = os.path.splitext(original_name)[1].lower()
    if not _EXTENSION.fullmatch(extension):
        extension = _EXTENSIONS.get(media_type or "", "")
    return sha256 + extension


def find(folder: Path, attachment: Attachment) -> Path | None:
    """The stored copy of an attachment, or None; any copy of the same content will do."""
    if not _SHA256.fullmatch(attachment.sha256):
        return None
    preferred = folder / stored_name(attachment.sha256, attachment.original_name, attachment.media_type)
    candidates = [preferred]
    if folder.is_dir():
        candidates += sorted(path for path in folder.glob(attachment.sha256 + "*")
                             if re.fullmatch(attachment.sha256 + _EXTENSION.pattern + "?", path.name))
    for path in candidates:
        if _inside(folder, path) and path.is_file() and not path.is_symlink():
            return path
    return None


def verify(folder: Path, sha256: str, name: str) -> str:
    """Whether a stored file still holds what was stored: "ok", "missing" or "damaged"."""
    path = folder / name
    if not _inside(folder, path) or not path.is_file() or path.is_symlink():
        return "missing"
    try:
        return "ok" if file_sha256(path) == sha256 else "damaged"
    except OSError:
        return "damaged"


def check(folder: Path, attachment: Attachment) -> str:
    """Like verify, for an attachment as recorded: "ok", "missing" or "damaged"."""
    path = find(folder, attachment)
    return "missing" if path is None else verify(folder, attachment.sha256, path.name)


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_BINARY", 0)
    with os.fdopen(os.open(path, flags), "rb") as handle:
        while chunk := handle.read(_CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def media_type_of(name: str, head: bytes) -> str | None:
    for magic, media_type in _MAGIC:
        if head.startswith(magic):
            return media_type
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return "image/webp"
    import mimetypes

    return mimetypes.guess_type(name, strict=False)[0]


def _inside(folder: Path, path: Path) -> bool:
    """True when `path` names a file directly in `folder`: no name may lead out of the store."""
    return path.parent == folder and path.name not in ("", ".", "..") and os.sep not in path.name


def _make_private_folder(folder: Path) -> None:
    try:
        private_folder(folder)
    except OSError as error:
        raise PeertrackError(f"Could not make the folder {folder}: {error.strerror}.",
                             "Check that you may write beside your database.") from None
