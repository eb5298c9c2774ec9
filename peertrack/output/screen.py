"""Where the views print: the terminal's console, plain or in colour, the shared table, level words, messages.

Data goes to stdout and messages to stderr. Colour always comes with a word or a symbol,
and with --plain (PEERTRACK_PLAIN), NO_COLOR or when stdout is not a terminal the output is
plain text: no colour, no escape codes, no lines or boxes.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable

from rich.console import Console
from rich.text import Text

from peertrack.domain import formatting as fmt
from peertrack.domain.terminal_text import escaped
from peertrack.output import look
from peertrack.output.words import LEVEL_COLOURS

TYPE_CHECKING = False  # as typing.TYPE_CHECKING, without importing typing at start-up
if TYPE_CHECKING:
    from rich.table import Table



class SafeConsole(Console):
    """A console that shows control and escape characters in records as codes: an imported title
    cannot clear the screen, move the cursor or change colours. Rich's own codes are left alone."""

    def render_str(self, text: str, *args, **kwargs) -> Text:
        return super().render_str(escaped(text), *args, **kwargs)

    def on_broken_pipe(self) -> None:
        """A program reading the answer stopped early (`| head`): stop quietly, as every command does."""
        import os
        import sys

        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        raise SystemExit(0)

    _escaping = False  # true while the outermost render runs: what it yields is checked once, there

    def render(self, renderable, options=None):
        if self._escaping:
            return super().render(renderable, options)  # a part of a table or panel: the outermost call checks it
        return self._escaped(renderable, options)

    def _escaped(self, renderable, options):
        from rich.segment import Segment

        self._escaping = True
        try:
            for segment in super().render(renderable, options):
                if segment.control is None and segment.text != escaped(segment.text):
                    yield Segment(escaped(segment.text), segment.style)
                else:
                    yield segment
        finally:
            self._escaping = False


def make_console(stderr: bool = False) -> Console:
    console = SafeConsole(stderr=stderr, highlight=False, markup=False, emoji=False)
    if not console.is_terminal or console.no_color or look.plain_asked():
        # Wide when piped, so lines are not broken in the middle for grep or a screen reader.
        console = SafeConsole(stderr=stderr, highlight=False, markup=False, no_color=True, emoji=False,
                              color_system=None, safe_box=True, soft_wrap=True,
                              width=console.width if console.is_terminal else 200)
    return console


def is_plain(console: Console) -> bool:
    return console.no_color or not console.is_terminal


def say(message: str) -> None:
    """A message for the person, not for a pipe: it goes to stderr, as every message does."""
    from peertrack.output.hints import with_typed_db

    make_console(stderr=True).print(with_typed_db(message))


def level_text(level: str) -> Text:
    return Text(fmt.LEVEL_WORDS[level], style=LEVEL_COLOURS[level])


def make_table(console: Console) -> Table:
    from rich.table import Table  # here: the views that draw no table do not load it

    if is_plain(console):
        return Table(box=None, header_style="bold", pad_edge=False)
    from rich import box

    return Table(box=box.SIMPLE_HEAD, header_style="bold", pad_edge=False)


def progress(total: int, label: str, threshold: int = 2000):
    """A progress bar on stderr for long work; a do-nothing when the work is short or no one is watching."""
    import contextlib

    @contextlib.contextmanager
    def bar():
        console = make_console(stderr=True)
        if total < threshold or is_plain(console):
            yield lambda steps=1: None
            return
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

        with Progress(TextColumn(label), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(),
                      console=console, transient=True) as shown:
            task = shown.add_task(label, total=total)
            yield lambda steps=1: shown.advance(task, steps)

    return bar()


def add_columns(table: Table, names: Iterable[str], right: Collection[str] = ()) -> None:
    """The table's columns, long words folded; those named in `right` (numbers) aligned right."""
    for name in names:
        table.add_column(name, justify="right" if name in right else "left", overflow="fold")
