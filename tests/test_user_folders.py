"""The per-user folders worked out without loading platformdirs are platformdirs' own answer."""

import os
import sys

import platformdirs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from peertrack.storage.user_folders import user_folder

PLACES = st.sampled_from([None, "", "  ", "/", "/home/sam", "/home/sam/", "/home/sam//x", "relative/dir", "~/x",
                          "~", ".", "/tmp/a b", "/home/s\u00e9"])


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the worked-out rule is Linux's")
@settings(max_examples=300, deadline=None)
@given(home=PLACES, data=PLACES, config=PLACES)
def test_the_folders_are_platformdirs_own_answer(home, data, config):
    with pytest.MonkeyPatch.context() as patch:
        for name, value in (("HOME", home), ("XDG_DATA_HOME", data), ("XDG_CONFIG_HOME", config)):
            if value is None:
                patch.delenv(name, raising=False)
            else:
                patch.setenv(name, value)
        for kind, theirs in (("data", platformdirs.user_data_dir), ("config", platformdirs.user_config_dir)):
            try:
                expected = theirs("peertrack", appauthor=False)
            except RuntimeError:  # no home it can find: nor can we
                continue
            assert user_folder(kind) == expected, (kind, home, data, config)


def test_the_usual_case_loads_no_platformdirs(tmp_path):
    import subprocess

    env = {**os.environ, "HOME": str(tmp_path), "PEERTRACK_TODAY": "2026-11-02"}
    for name in ("PEERTRACK_DB", "PEERTRACK_CONFIG_DIR", "XDG_DATA_HOME", "XDG_CONFIG_HOME"):
        env.pop(name, None)
    code = ("import sys; sys.argv = ['peertrack', 'due']\nfrom peertrack.cli import main\ntry:\n    main()\n"
            "except SystemExit:\n    pass\nsys.stderr.write(str('platformdirs' in sys.modules))")
    shown = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env)
    expected = "True" if not sys.platform.startswith("linux") else "False"
    assert shown.stderr.endswith(expected), shown.stderr
