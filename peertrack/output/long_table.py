"""A table too long to hold at once: drawn a piece at a time, lining up exactly as one table would."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence

from rich.cells import cell_len
from rich.console import Console
from rich.segment import Segments
from rich.table import Table

PIECE = 500  # rows drawn at a time


def long_table(console: Console, make: Callable[[], Table], rows: Callable[[], Iterable[Sequence[str]]]) -> None:
    """The rows as the table `make` gives, without ever holding more than a piece of them.

    `rows` is read twice. The first reading keeps, for each column, only its widest cell and the
    cell with its longest word: those alone decide the widths Rich would give a table of all the
    rows. The second reading draws pieces with those widths, the edges between them left out.
    """
    sample = make()
    widest: list[tuple[int, str]] = [(-1, "")] * len(sample.columns)
    wordiest = list(widest)
    for cells in rows():
        for index, cell in enumerate(cells):
            whole = max((cell_len(line) for line in cell.splitlines()), default=0)
            word = max((cell_len(part) for part in cell.split()), default=whole)
            if whole > widest[index][0]:
                widest[index] = (whole, cell)
            if word > wordiest[index][0]:
                wordiest[index] = (word, cell)
    sample.add_row(*(cell for _, cell in widest))
    sample.add_row(*(cell for _, cell in wordiest))
    # Rich keeps how it shares out the width to itself; these are the steps its own drawing takes.
    options = console.options
    shares = sample._calculate_column_widths(console, options.update_width(options.max_width - sample._extra_width))
    widths = [share - sample._get_padding_width(index) for index, share in enumerate(shares)]
    edged = sample.box is not None and sample.show_edge
    piece: list[Sequence[str]] = []
    first = True
    for cells in rows():
        if len(piece) == PIECE:
            _draw(console, make, widths, piece, top=first, bottom=False, edged=edged)
            piece, first = [], False
        piece.append(cells)
    _draw(console, make, widths, piece, top=first, bottom=True, edged=edged)


def _draw(console: Console, make: Callable[[], Table], widths: list[int], rows: list[Sequence[str]], *,
          top: bool, bottom: bool, edged: bool) -> None:
    table = make()
    table.show_header = top
    for column, width in zip(table.columns, widths, strict=True):
        column.width = width
    for cells in rows:
        table.add_row(*cells)
    lines = console.render_lines(table, console.options, pad=False, new_lines=True)
    if edged:  # the box's top and bottom edges belong to the first and the last piece only
        lines = lines[0 if top else 1:None if bottom else -1]
    for line in lines:
        console.print(Segments(line), end="")
