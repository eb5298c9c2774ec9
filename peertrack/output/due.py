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
    """Each item a line; with none, a calm line, which still names a certification behind on its hours (listed
    only in its last months, so it is not told every day for a year)."""
    from peertrack.domain.formatting import LEVEL_WORDS, counted, joined
    from peertrack.output.words import attention_detail

    shown = [f"{LEVEL_WORDS[item.level]}  {item.title}: {attention_detail(item)}" for item in items]
    calm = f"✓ Nothing needs your attention in the next {counted(window, 'day')}."
    if behind:
        calm += (f" {joined(behind)} {'is' if len(behind) == 1 else 'are'} behind on hours, with time to catch "
                 "up: see peertrack status")
    sys.stdout.write("\n".join(shown or [calm]) + "\n")
