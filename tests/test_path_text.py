"""File names worked out without pathlib are pathlib's own, character for character."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from peertrack.storage import path_text
from peertrack.storage.database import database_name, resolve_path
from peertrack.storage.template_files import user_template_folder, user_template_folder_name

pytestmark = pytest.mark.skipif(os.name != "posix", reason="the text is pathlib's own elsewhere")

NAMES = st.text(alphabet="/.~ab", max_size=12)


def _pathlib(given: str) -> str:
    try:
        return str(Path(given).expanduser())
    except RuntimeError as error:
        return f"refused: {error}"


def _ours(given: str) -> str:
    try:
        return path_text.expanded(given)
    except RuntimeError as error:
        return f"refused: {error}"


@given(NAMES, st.sampled_from(["/home/ana", "/home/ana/", "/", "//srv/ana", "ana", ""]))
@example("~", "/home/ana")
@example("./~/x", "/home/ana")
@example("//", "/")
@example("///a//b/", "/")
@example("~nobody-here/x", "/home/ana")
@example("~/", "/")
def test_a_name_is_tidied_and_expanded_as_pathlib_does(given: str, home: str) -> None:
    saved = os.environ.get("HOME")
    os.environ["HOME"] = home
    try:
        assert _ours(given) == _pathlib(given)
    finally:
        if saved is None:
            del os.environ["HOME"]
        else:
            os.environ["HOME"] = saved


@given(NAMES.filter(bool))
def test_a_folder_and_a_name_in_it_are_as_pathlib_joins_them(given: str) -> None:
    folder = path_text.tidied(given)
    assert path_text.joined(folder, "templates") == str(Path(given) / "templates")
    assert path_text.parent(folder) == str(Path(given).parent)


def test_the_database_and_template_folder_are_named_as_before(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in (None, "~/records//peertrack.db", "./here.db", "/tmp/x/../y.db"):
        assert database_name(name) == str(resolve_path(name))
    monkeypatch.delenv("PEERTRACK_DB")
    assert database_name(None) == str(resolve_path(None))  # the per-user data folder
    monkeypatch.setenv("PEERTRACK_CONFIG_DIR", "~//config/")
    assert user_template_folder_name() == str(user_template_folder())
    monkeypatch.delenv("PEERTRACK_CONFIG_DIR")
    assert user_template_folder_name() == str(user_template_folder())


def test_what_is_there_is_read_as_pathlib_reads_it(tmp_path: Path) -> None:
    (tmp_path / "file").write_text("x")
    (tmp_path / "folder").mkdir()
    os.symlink(tmp_path / "loop", tmp_path / "loop")
    for name in ("file", "folder", "missing", "file/below", "loop", "bad\0name"):
        place = tmp_path / name if "\0" not in name else f"{tmp_path}/{name}"
        assert (path_text.exists(place), path_text.is_dir(place)) == (Path(place).exists(), Path(place).is_dir())


def test_a_folder_that_cannot_be_read_is_an_error_as_with_pathlib(tmp_path: Path) -> None:
    if os.geteuid() == 0:
        pytest.skip("the superuser reads every folder")
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0)
    try:
        with pytest.raises(PermissionError):
            Path(locked / "x").exists()
        with pytest.raises(PermissionError):
            path_text.exists(locked / "x")
    finally:
        locked.chmod(0o700)
