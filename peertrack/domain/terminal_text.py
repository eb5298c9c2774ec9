"""Text from records made safe to show: control and escape characters are shown as codes, never acted on."""

from __future__ import annotations

import re

# C0 controls but tab and newline, DEL, and the C1 controls a terminal may also act on.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def escaped(text: str) -> str:
    """"Title\\x1b[2J" as typed, so an imported title cannot clear the screen or change its colours."""
    return _CONTROL.sub(lambda match: f"\\x{ord(match.group()):02x}", text)
