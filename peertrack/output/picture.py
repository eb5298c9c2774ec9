"""The dashboard as a picture: an SVG image or an HTML page, in colour, to attach to an e-mail."""

from __future__ import annotations

from rich.console import Console


def picture_console() -> Console:
    """A console that keeps what is printed, in colour, to save as a picture or a page."""
    import io

    return Console(file=io.StringIO(), record=True, width=100, force_terminal=True, color_system="truecolor",
                   no_color=False, highlight=False, markup=False, emoji=False)


def picture(console: Console, kind: str, title: str) -> str:
    """What a picture_console recorded, as an SVG image ("svg") or a web page ("html")."""
    if kind == "svg":
        import re

        # Rich names a web font to fetch; opening a private record should fetch nothing, so the
        # picture uses the font if it is installed, else the viewer's own monospace font.
        return re.sub(r',\s*url\("https?://[^"]*"\)\s*format\("[^"]*"\)', "", console.export_svg(title=title))
    return console.export_html(inline_styles=True)
