"""File names as pathlib writes and reads them, worked out without loading it (POSIX).

pathlib brings fnmatch, urllib.parse and ipaddress with it: a good part of the time `due` and
`status` take. These give the same text and the same answers; tests/test_path_text.py holds
them to pathlib itself.
"""

from __future__ import annotations

import errno
import os
import stat

TYPE_CHECKING = False  # as typing.TYPE_CHECKING, without importing typing at start-up
if TYPE_CHECKING:
    from pathlib import Path


def expanded(given: str) -> str:
    """str(Path(given).expanduser()): the name tidied, a leading "~" or "~user" made that home folder."""
    if os.name != "posix":
        from pathlib import Path

        return str(Path(given).expanduser())
    text = tidied(given)
    if not text.startswith("~"):
        return text
    first, _, rest = text.partition("/")
    home = os.path.expanduser(first)
    if home.startswith("~"):
        raise RuntimeError("Could not determine home directory.")  # as pathlib says it
    return joined(tidied(home), rest) if rest else tidied(home)


def tidied(text: str) -> str:
    """A name as pathlib writes it: no empty or "." parts; one "/" at the root, or two, which POSIX keeps."""
    root = "//" if text[:2] == "//" and text[2:3] != "/" else "/" if text[:1] == "/" else ""
    return root + "/".join(part for part in text.split("/") if part and part != ".") or "."


def joined(folder: str, name: str) -> str:
    """str(Path(folder) / name) for a tidied folder and a tidied relative name."""
    if folder == ".":
        return name
    return folder + name if folder.endswith("/") else f"{folder}/{name}"


def parent(path: str | Path) -> str:
    """str(Path(path).parent) for a tidied name."""
    return os.path.dirname(os.fspath(path)) or "."


def exists(path: str | Path) -> bool:
    """Path(path).exists(): a name that is not there is False; any other trouble reading it is raised."""
    return _stat(path) is not None


def is_dir(path: str | Path) -> bool:
    """Path(path).is_dir()."""
    found = _stat(path)
    return found is not None and stat.S_ISDIR(found.st_mode)


def _stat(path: str | Path) -> os.stat_result | None:
    try:
        return os.stat(path)
    except OSError as error:
        if error.errno not in (errno.ENOENT, errno.ENOTDIR, errno.EBADF, errno.ELOOP):
            raise
    except ValueError:  # a NUL in the name
        pass
    return None
