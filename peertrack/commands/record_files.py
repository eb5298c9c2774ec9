"""What the commands that read a file of records share: the checked file, its bytes, certificates to copy."""

from pathlib import Path

from peertrack.domain.errors import InvalidInput
from peertrack.storage.attachments import all_attachments

MAX_IMPORT_BYTES = 50 * 1024 * 1024


def checked_file(file: Path) -> Path:
    from peertrack.storage.file_store import check_file

    return check_file(file, "FILE")


def read_bytes(source: Path, shown: Path) -> bytes:
    if source.stat().st_size > MAX_IMPORT_BYTES:
        raise InvalidInput("FILE", shown.name, f"a file to import can be at most {MAX_IMPORT_BYTES // 2**20} MB",
                           problem="is too large")
    try:
        return source.read_bytes()
    except OSError as error:
        raise InvalidInput("FILE", shown.name, "check that you may open it",
                           problem=f"cannot be read ({error.strerror})") from None


def say_missing_files(db_path: Path, conn) -> None:
    """After records came in from elsewhere: the certificate files they name that are not here yet."""
    from peertrack.output.screen import say
    from peertrack.storage import file_store as attachments

    folder = attachments.folder_for(db_path)
    missing = [a for a in all_attachments(conn) if attachments.find(folder, a) is None]
    if missing:
        count = "1 certificate file is" if len(missing) == 1 else f"{len(missing)} certificate files are"
        say(f"{count} not in {folder} yet: copy the attachments folder from your old computer there, "
            "then run: peertrack check")
