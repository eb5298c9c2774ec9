"""Where peertrack keeps a person's records and templates when nothing says otherwise: platformdirs' answer.

On Linux, in the plain case (the XDG variable unset or an absolute path, HOME an absolute path), the
answer is the XDG rule itself, worked out here without loading platformdirs, which loads pathlib,
tempfile and shutil and costs more than Python's own start; tests/test_user_folders.py holds the two
to the same answer over many environments. Everywhere else platformdirs answers.
"""

from __future__ import annotations

import os
import sys

_XDG = {"data": ("XDG_DATA_HOME", "~/.local/share"), "config": ("XDG_CONFIG_HOME", "~/.config")}


def user_folder(kind: str) -> str:
    """platformdirs' user_data_dir ("data") or user_config_dir ("config") for peertrack."""
    if sys.platform.startswith("linux") and os.path.isabs(os.environ.get("HOME", "")):
        variable, default = _XDG[kind]
        chosen = os.environ.get(variable, "")
        if os.path.isabs(chosen):
            return os.path.join(chosen, "peertrack")
        if not chosen.strip():
            return os.path.join(os.path.expanduser(default), "peertrack")
    import platformdirs

    found = platformdirs.user_data_dir if kind == "data" else platformdirs.user_config_dir
    return found("peertrack", appauthor=False)
