"""`due` in plain lines: one a line, level word first, for a daily check or a shell start-up file.

No Rich: `due` runs many times a day and answers before the full program could load.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence

TYPE_CHECKING = False  # as typing.TYPE_CHECKING, without importing typing at start-up
if TYPE_CHECKING:
    from peertrack.domain.attention import Attention


def lines(items: Sequence[Attention], window: int) -> None:
    from peertrack.domain.formatting import LEVEL_WORDS, counted
    from peertrack.output.words import attention_detail

    shown = [f"{LEVEL_WORDS[item.level]}  {item.title}: {attention_detail(item)}" for item in items]
    calm = f"✓ Nothing needs your attention in the next {counted(window, 'day')}."
    sys.stdout.write("\n".join(shown or [calm]) + "\n")
