"""A long table drawn a piece at a time reads exactly as the same table drawn whole."""

from __future__ import annotations

import io
import random

import pytest
from rich import box
from rich.console import Console
from rich.table import Table

from peertrack.output import long_table


def _make(boxed: bool) -> Table:
    table = Table(box=box.SIMPLE_HEAD if boxed else None, header_style="bold", pad_edge=False)
    for name in ("No.", "Title", "Provider", "Hours"):
        table.add_column(name, justify="right" if name in ("No.", "Hours") else "left", overflow="fold")
    return table


def _rows(count: int) -> list[tuple[str, ...]]:
    pick = random.Random(count)
    words = ["Trauma-Informed", "Care", "WRAP", "ethics", "Motivational", "Interviewing", "a", "שלום", "🌱", "Café"]
    return [(str(n), " ".join(pick.choice(words) for _ in range(pick.randint(1, 9))),
             pick.choice(["", "CalMHSA", "National Alliance on Mental Illness"]), f"{pick.randint(1, 40) / 4:g}")
            for n in range(1, count + 1)]


def _console(width: int, colour: bool) -> tuple[Console, io.StringIO]:
    out = io.StringIO()
    return Console(file=out, width=width, color_system="truecolor" if colour else None, force_terminal=colour,
                   highlight=False, markup=False, emoji=False, safe_box=True, soft_wrap=True), out


@pytest.mark.parametrize("count", [1, 3, 4, 5, 12])  # pieces of 4: less than one, one, one and one more, three
@pytest.mark.parametrize("width", [200, 60, 30, 12])  # roomy, then titles folded, then every column squeezed
@pytest.mark.parametrize("boxed, colour", [(False, False), (True, True)])  # as when piped, as on a screen
def test_pieces_line_up_exactly_as_one_table(monkeypatch, count, width, boxed, colour):
    monkeypatch.setattr(long_table, "PIECE", 4)
    rows = _rows(count)
    whole, expected = _console(width, colour)
    table = _make(boxed)
    for cells in rows:
        table.add_row(*cells)
    whole.print(table)
    pieces, drawn = _console(width, colour)
    long_table.long_table(pieces, lambda: _make(boxed), lambda: iter(rows))
    assert drawn.getvalue() == expected.getvalue()


def test_rows_are_read_twice_and_never_held_all_at_once(monkeypatch):
    monkeypatch.setattr(long_table, "PIECE", 3)
    rows = _rows(10)
    readings: list[int] = []
    held = []

    def each():
        readings.append(0)
        for cells in rows:
            readings[-1] += 1
            yield cells

    console, _ = _console(80, False)
    original = Table.add_row

    def counting(self, *cells, **options):
        held.append(len(self.rows) + 1)
        return original(self, *cells, **options)

    monkeypatch.setattr(Table, "add_row", counting)
    long_table.long_table(console, lambda: _make(False), each)
    assert readings == [10, 10]
    assert max(held) == 3  # a table never holds more than a piece (the sample holds two rows)


@pytest.mark.parametrize("count", [1, 7, 40])
def test_plain_lines_are_what_rich_draws_for_the_plain_table(capsys, count):
    """The list sent to a file or a program, written without Rich, against Rich drawing the same table."""
    from peertrack.output.plain_table import COURSE_COLUMNS, COURSE_RIGHT, PLAIN_WIDTH, write_plain
    from peertrack.output.screen import add_columns

    pick = random.Random(count)
    words = ["Trauma-Informed", "Care", "WRAP", "ethics", "Motivational", "Interviewing", "a", "(2)", "x:1.5"]
    rows = [(str(n), f"2026-0{pick.randint(1, 9)}-1{pick.randint(0, 9)}",
             " ".join(pick.choice(words) for _ in range(pick.randint(1, 6))), pick.choice(["", "CalMHSA", "NAMI"]),
             f"{pick.randint(1, 40) / 4:g}", pick.choice(["", "ethics", "ethics: 1, general: 0.5"]),
             pick.choice(["", "ca-pss", "ca-pss (2 h), ga-cps"])) for n in range(1, count + 1)]
    out = io.StringIO()
    rich = Console(file=out, width=PLAIN_WIDTH, color_system=None, no_color=True, highlight=False, markup=False,
                   emoji=False, safe_box=True, soft_wrap=True)
    table = Table(box=None, header_style="bold", pad_edge=False)
    add_columns(table, COURSE_COLUMNS, right=COURSE_RIGHT)
    for cells in rows:
        table.add_row(*cells)
    rich.print(table)
    assert write_plain(COURSE_COLUMNS, COURSE_RIGHT, lambda: iter(rows))
    assert capsys.readouterr().out == out.getvalue()


@pytest.mark.parametrize("cell", ["שלום", "Café 🌱", "tab\there", "x" * 198])  # 1 + 2 + 198: wider than 200
def test_what_only_rich_can_draw_is_left_to_it(capsys, cell):
    from peertrack.output.plain_table import write_plain

    assert not write_plain(("A", "B"), (), lambda: iter([("1", cell)]))
    assert capsys.readouterr().out == ""  # nothing written: Rich draws it all


def test_the_certification_list_into_a_program_reads_as_rich_draws_it(ok, make_cert, monkeypatch):
    """cert list into a pipe: plain lines written directly, the same bytes as the screen library's table."""
    import json as jsonlib

    from peertrack.output import plain_table

    make_cert()
    make_cert("en", "Endorsement", expires="2027-06-30", endorsement_of="ca-pss")
    make_cert("ga-cps", "Certified Peer Specialist", expires="2026-12-31", cycle="1y", hours="12")
    ok("log-ceu", "Ethics", "--hours", "3", "--date", "2026-10-01")
    monkeypatch.setattr(plain_table, "piped", lambda: True)
    direct = ok("cert", "list").stdout
    monkeypatch.setattr(plain_table, "write_plain", lambda *args, **kwargs: False)
    assert ok("cert", "list").stdout == direct  # drawn by the screen library instead
    assert "en      Endorsement (endorsement of ca-pss)" in direct
    assert len(jsonlib.loads(ok("cert", "list", "--json").stdout)) == 3
