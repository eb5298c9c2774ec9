"""`due` in plain lines: one a line, level word first, for a daily check or a shell start-up file.

No Rich: `due` runs many times a day and answers before the full program could load.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence

TYPE_CHECKING = False  # as typing.TYPE_CHECKING, without importing typing at start-up
if TYPE_CHECKING:
    from peertrack.domain.attention import Attention


def lines(items: Sequence[Attention], window: int, behind: Sequence[str] = ()) -> None:
    """Each item a line; with none, a calm line. A certification behind on its hours that is not listed (it is
    only in its last months, so it is not told every day for a year) is named in a last line."""
    from peertrack.domain.formatting import LEVEL_WORDS, counted, joined
    from peertrack.output.words import attention_detail

    shown = [f"{LEVEL_WORDS[item.level]}  {item.title}: {attention_detail(item)}" for item in items]
    later = f"Behind on hours, with time to catch up: {joined(behind)} (see peertrack status)." if behind else ""
    calm = f"✓ Nothing needs your attention in the next {counted(window, 'day')}."
    if not shown:
        shown = [f"{calm} {later}" if later else calm]
    elif later:
        shown.append(later)
    sys.stdout.write("\n".join(shown) + "\n")
