"""Writing lines (output.lines): directly when the output is plain, in colour on a terminal, else by Rich.

When the output is plain text (not a terminal, NO_COLOR, --plain) it writes exactly what Rich's plain
console (output.screen.make_console) would: the words of each line, control characters shown as codes,
no colour, nothing folded; a tab, which Rich turns into spaces by each character's width, is left to
Rich. On a terminal, output.terminal_lines writes what Rich would draw there, and leaves to Rich what
it does not measure itself (another alphabet, a tab, a style it does not know). tests/test_lines.py and
tests/test_terminal_lines.py hold them to the same bytes.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable

from peertrack.domain.terminal_text import escaped
from peertrack.output import look
from peertrack.output.lines import LEFT_OUT, Bar, Block, Line

TYPE_CHECKING = False  # as typing.TYPE_CHECKING, without importing typing at start-up
if TYPE_CHECKING:
    from rich.console import Console, RenderableType


def plain_output() -> bool:
    """Whether the screen's console (output.screen.make_console) writes plain text to stdout, decided as
    Rich decides it: --plain or PEERTRACK_PLAIN, NO_COLOR, or an output that is not a terminal (which
    TTY_COMPATIBLE and FORCE_COLOR override)."""
    if look.plain_asked() or os.environ.get("NO_COLOR", "") != "":
        return True
    compatible = os.environ.get("TTY_COMPATIBLE", "")
    if compatible in ("0", "1"):
        return compatible == "0"
    forced = os.environ.get("FORCE_COLOR")
    if forced is not None:
        return forced == ""
    try:
        return not sys.stdout.isatty()
    except ValueError:  # a closed output
        return True


def show(blocks: Iterable[Block], console: Console | None = None) -> None:
    """Write the lines, directly unless a console is given or a line holds what only Rich measures."""
    blocks = list(blocks)
    if console is None:
        text = _direct_text(blocks)
        if text is not None:
            _write(text)
            return
        from peertrack.output.screen import make_console

        console = make_console()
    for block in blocks:
        console.print(to_rich(block))


def _direct_text(blocks: list[Block]) -> str | None:
    """What to write for the lines, plain or in colour for the terminal; None when Rich must draw them (on an
    output that does not take every character, Rich stops with its own hint)."""
    if not (getattr(sys.stdout, "encoding", None) or "utf-8").lower().startswith("utf"):
        return None
    if plain_output():
        return _plain_text(blocks)
    from peertrack.output.terminal_lines import terminal_text

    return terminal_text(blocks)


def _plain_text(blocks: list[Block]) -> str | None:
    """Every line as plain text; None when Rich must draw them instead."""
    texts = []
    for block in blocks:
        if isinstance(block, Bar):
            return None
        text = block.text.translate(LEFT_OUT)
        if "\t" in text:
            return None  # Rich turns it into spaces to the next tab stop, counting each character's width
        texts.append(escaped(text) + "\n")
    return "".join(texts)


def _write(text: str) -> None:
    """Write and flush at once, as Rich's console does: in order with the messages on stderr, and a reader
    that stopped early (`| head`) ends the command quietly, as it does for Rich."""
    try:
        sys.stdout.write(text)
        sys.stdout.flush()
    except BrokenPipeError:
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        raise SystemExit(0) from None


def to_rich(block: Block) -> RenderableType:
    """The block as Rich draws it."""
    from rich.text import Text

    if isinstance(block, Line):
        text = Text(style=block.style)
        for words, style in block.spans:
            text.append(words, style=style or None)
        return text
    from rich.progress_bar import ProgressBar
    from rich.table import Table

    grid = Table.grid(padding=(0, 1))
    grid.add_row(to_rich(block.label), ProgressBar(total=block.total, completed=block.done, width=block.width,
                                                   complete_style=block.style, finished_style="green"),
                 to_rich(block.words))
    return grid
