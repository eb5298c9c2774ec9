"""Lines (output.lines) drawn on a terminal in colour, written directly: the bytes Rich's console writes for them.

It covers what the dashboard draws on a Linux or macOS terminal with colour: words of plain ASCII and
the level symbols, folded at the terminal's width where Rich folds them, in the dashboard's styles,
and the hours bar when its row fits on one line. Anything else (another alphabet, a character Rich
measures differently, a style it does not know, a dumb terminal, Windows, a bar row too wide) gives
None, and Rich draws. tests/test_terminal_lines.py holds the two to the same bytes.
"""

from __future__ import annotations

import os
import re
import sys
from itertools import pairwise

from peertrack.output.lines import LEFT_OUT, Bar, Block, Line

# One cell each, as Rich counts them: the level symbols, the marks, the bars.
_SYMBOLS = frozenset("✓✗•○!‼↓█━╸╺")
_WORD = re.compile(r"\s*\S+\s*")  # a word and the spaces after it, as Rich's folding reads them
_ATTRIBUTES = {"bold": "1", "dim": "2"}
_COLOURS = {"red": "31", "green": "32", "yellow": "33", "magenta": "35", "cyan": "36"}
# Colours of 256: written as they are on a terminal with 256 colours or more, else as the nearest of 16.
_MANY = {"dark_orange": ("38;5;208", "91"), "grey23": ("38;5;237", "90")}
_BACK = "grey23"  # the empty part of a bar (Rich's "bar.back")


def terminal_text(blocks: list[Block]) -> str | None:
    """The lines in colour at the terminal's width; None when Rich must draw them."""
    many, width = _colours(), _width()
    if many is None or not width:
        return None
    out: list[str] = []
    for block in blocks:
        drawn = _bar(block, width, many) if isinstance(block, Bar) else _line(block, width, many)
        if drawn is None:
            return None
        out.append(drawn)
    return "".join(out)


def _colours() -> bool | None:
    """Whether the terminal shows 256 colours or more (as Rich reads COLORTERM and TERM); None where Rich
    decides otherwise (Windows, a dumb terminal)."""
    if sys.platform == "win32":
        return None
    term = os.environ.get("TERM", "").strip().lower()
    if term in ("dumb", "unknown"):
        return None
    if os.environ.get("COLORTERM", "").strip().lower() in ("truecolor", "24bit"):
        return True
    return term.rpartition("-")[2] in ("256color", "kitty")


def _width() -> int:
    """The terminal's width, found as Rich finds it: COLUMNS when it is a number (0 too: Rich then draws
    nothing), else the first standard stream that is a terminal, else 80."""
    columns = os.environ.get("COLUMNS")
    if columns is not None and columns.isdigit():
        return int(columns)
    for descriptor in (0, 1, 2):
        try:
            return os.get_terminal_size(descriptor).columns or 80
        except (AttributeError, ValueError, OSError):
            pass
    return 80


def _codes(styles: list[str], many: bool) -> str | None:
    """The escape codes of styles laid over one another (the later colour wins), in Rich's order; None for
    a style this module does not know."""
    attributes, colour = set(), ""
    for style in styles:
        for word in style.split():
            if word in _ATTRIBUTES:
                attributes.add(word)
            elif word in _COLOURS:
                colour = _COLOURS[word]
            elif word in _MANY:
                colour = _MANY[word][0 if many else 1]
            else:
                return None
    codes = [_ATTRIBUTES[name] for name in ("bold", "dim") if name in attributes]
    return ";".join(codes + [colour] if colour else codes)


def _styled(text: str, codes: str) -> str:
    return f"\x1b[{codes}m{text}\x1b[0m" if codes and text else text


def _runs(line: Line) -> tuple[str, list[tuple[int, int, str]]] | None:
    """The line's words as Rich keeps them, with where each styled run starts and ends; None if a character
    is one this module does not measure."""
    text, runs = "", []
    for words, style in line.spans:
        words = words.translate(LEFT_OUT)
        if not all(" " <= c <= "~" or c in _SYMBOLS for c in words):
            return None
        if style and words:
            runs.append((len(text), len(text) + len(words), style))
        text += words
    return text, runs


def _breaks(text: str, width: int) -> list[int]:
    """Where Rich folds a line of one-cell characters to fit `width`: before a word that does not fit, and
    inside a word longer than a whole line."""
    breaks, filled = [], 0
    for match in _WORD.finditer(text):
        start, word = match.start(), match.group()
        length = len(word.rstrip())
        if width - filled >= length:
            filled += len(word)
        elif length > width:
            pieces = [word[at:at + width] for at in range(0, len(word), width)]
            for index, piece in enumerate(pieces):
                if start:
                    breaks.append(start)
                if index == len(pieces) - 1:
                    filled = len(piece)
                else:
                    start += len(piece)
        elif filled and start:
            breaks.append(start)
            filled = len(word)
    return breaks


def _line(line: Line, width: int, many: bool) -> str | None:
    found = _runs(line)
    if found is None:
        return None
    text, runs = found
    out = []
    edges = [0, *_breaks(text, width), len(text)]
    for start, end in pairwise(edges):
        if end - start > width:  # spaces past the edge go, then whatever still does not fit
            spaces = len(text[start:end]) - len(text[start:end].rstrip())
            end -= min(spaces, end - start - width)
            end = min(end, start + width)
        cuts = sorted({start, end, *(at for first, last, _ in runs for at in (first, last) if start < at < end)})
        for first, last in pairwise(cuts):
            codes = _codes([line.style] + [style for a, b, style in runs if a <= first and last <= b], many)
            if codes is None:
                return None
            out.append(_styled(text[first:last], codes))
        out.append("\n")
    return "".join(out)


def _bar(bar: Bar, width: int, many: bool) -> str | None:
    """The label, the bar and the words on one row, one space apart, when they fit on it (and neither is blank:
    Rich gives a blank cell a width of its own)."""
    label, words = bar.label.text.translate(LEFT_OUT), bar.words.text.translate(LEFT_OUT)
    if bar.total <= 0 or not label.strip() or not words.strip() or len(label) + bar.width + len(words) + 2 > width:
        return None
    label_line, words_line = _line(bar.label, width, many), _line(bar.words, width, many)
    if label_line is None or words_line is None:
        return None
    done = min(bar.total, max(0, bar.done))
    halves = int(bar.width * 2 * done / bar.total)
    full, half = divmod(halves, 2)
    codes, back = _codes(["green" if bar.done >= bar.total else bar.style], many), _codes([_BACK], many)
    if codes is None or back is None:
        return None
    drawn = _styled("━" * full, codes) + _styled("╸" * half, codes)
    rest = bar.width - full - half
    if rest and not half and full:
        drawn += _styled("╺", back)
        rest -= 1
    drawn += _styled("━" * rest, back)
    return f"{label_line[:-1]} {drawn} {words_line[:-1]}\n"
