"""Writing a file people asked for: all of it or none of it, readable by its owner only."""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterable, Iterator
from pathlib import Path

from peertrack.domain.errors import PeertrackError


def private_folder(folder: Path) -> Path:
    """Make `folder` and every missing folder on the way to it, each readable by its owner only.

    Path.mkdir(parents=True) gives the folders on the way the umask's permissions (world-writable
    under umask 000), and even the last one loses bits the umask takes away; this does not.
    """
    missing = []
    place = folder
    while not place.exists() and place != place.parent:
        missing.append(place)
        place = place.parent
    for place in reversed(missing):
        try:
            os.mkdir(place, 0o700)
        except FileExistsError:
            continue  # made a moment ago by another peertrack: left as it is
        os.chmod(place, 0o700)  # whatever the umask took away or left in
    return folder


@contextlib.contextmanager
def whole_file(target: Path, suffix: str = ".tmp") -> Iterator[Path]:
    """A private (0600) file beside `target` to write into, put in its place only if the block ends well.

    A half-written export is worse than none, and every export holds health-adjacent records.
    A symbolic link stays a link (the file it points to is written), and a device or pipe such
    as /dev/stdout is written into, never replaced by a file of the same name.
    """
    if target.is_symlink():
        target = Path(os.path.realpath(target))
    device = target.exists() and not target.is_file() and not target.is_dir()
    folder = target.parent if str(target.parent) else Path(".")
    temporary: Path | None = None
    import tempfile  # here, not at the top: storage loads on every start, and tempfile brings shutil

    try:
        fd, name = tempfile.mkstemp(dir=tempfile.gettempdir() if device else folder, prefix=".peertrack-",
                                    suffix=suffix)
        os.close(fd)
        temporary = Path(name)
        yield temporary
        if device:
            import shutil

            with open(temporary, "rb") as written, open(target, "wb") as into:
                shutil.copyfileobj(written, into)
        else:
            os.replace(temporary, target)
    except OSError as error:
        raise PeertrackError(f"Could not write {target}: {error.strerror}.",
                             "Check the folder exists and you may write to it.") from None
    finally:
        if temporary is not None and temporary.exists():
            temporary.unlink()


def write_whole_text(path: Path, text: str) -> None:
    with whole_file(path) as temporary, open(temporary, "w", encoding="utf-8", newline="") as handle:
        handle.write(text)


def write_whole_chunks(path: Path, chunks: Iterable[str]) -> None:
    """Text that arrives a piece at a time (a streamed export), written as it comes, all or nothing."""
    with whole_file(path) as temporary, open(temporary, "w", encoding="utf-8", newline="") as handle:
        for chunk in chunks:
            handle.write(chunk)
