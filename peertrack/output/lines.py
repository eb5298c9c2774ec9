"""Lines of styled words, as the dashboard is built: Line and Bar records, for output.show_lines to write.

Loading Rich's console costs more than all the rest of `status`, so the screens people look at many
times a day build these small records instead of Rich's own.
"""

from __future__ import annotations

# What Rich's Text leaves out of its words: bell, backspace, vertical tab, form feed, carriage return.
LEFT_OUT = dict.fromkeys((7, 8, 11, 12, 13))


class Line:
    """One line: runs of words, each with a style ("bold", "dim", "green", "" for none) over the line's own."""

    __slots__ = ("style", "spans")

    def __init__(self, text: str = "", style: str = "") -> None:
        self.style = style
        self.spans: list[tuple[str, str]] = [(text, "")] if text else []

    def add(self, text: str, style: str = "") -> Line:
        self.spans.append((text, style))
        return self

    @property
    def text(self) -> str:
        return "".join(words for words, _ in self.spans)


class Bar:
    """A label, a bar of how much of `total` is done, and words after it: drawn on a terminal only."""

    __slots__ = ("label", "total", "done", "width", "style", "words")

    def __init__(self, label: Line, total: int, done: int, width: int, style: str, words: Line) -> None:
        self.label, self.total, self.done, self.width, self.style, self.words = label, total, done, width, style, words


Block = Line | Bar
