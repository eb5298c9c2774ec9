"""import json reads an export a record at a time: the same records and the same refusals as reading it whole."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from peertrack.domain.errors import Conflict, InvalidInput
from peertrack.exchange import export_file
from peertrack.exchange.export_file import ExportFile
from peertrack.storage.database import SCHEMA_VERSION, connect


def _walk(path: Path) -> tuple[list[tuple[str, dict]], ExportFile]:
    export = ExportFile(path, path.name)
    return list(export.records()), export


def _as_read_whole(document: dict) -> list[tuple[str, dict]]:
    return [(name, row) for name, rows in document["tables"].items() for row in rows]


_VALUE = st.one_of(st.none(), st.integers(-2**63, 2**63), st.floats(allow_nan=False, allow_infinity=False),
                   st.text(max_size=30), st.builds(lambda: {"base64": "AAEC/w=="}))
_ROW = st.dictionaries(st.text(min_size=1, max_size=8), _VALUE, max_size=5)
_TABLES = st.dictionaries(st.text(min_size=1, max_size=10), st.lists(_ROW, max_size=4), max_size=4)
_LAYOUTS = [{"indent": 2, "ensure_ascii": False}, {}, {"separators": (",", ":")}, {"indent": "\t"},
            {"indent": 0, "ensure_ascii": True}]


@settings(max_examples=150, deadline=None)
@given(tables=_TABLES, layout=st.sampled_from(_LAYOUTS), chunk=st.integers(1, 40), exported=_VALUE)
def test_any_layout_read_in_any_chunks_gives_what_reading_whole_gives(tables, layout, chunk, exported,
                                                                       tmp_path_factory, monkeypatch_module):
    monkeypatch_module.setattr(export_file, "_CHUNK", chunk)  # values and escapes cut across chunks
    document = {"format": "peertrack", "schema": SCHEMA_VERSION, "exported": exported,  # "1.5e-07" cut anywhere
                "tables": tables, "sequences": {"ceus": 7}}
    path = tmp_path_factory.mktemp("layout") / "all.json"
    path.write_text(json.dumps(document, **layout), encoding="utf-8")
    records, export = _walk(path)
    assert records == _as_read_whole(json.loads(path.read_text(encoding="utf-8")))
    assert export.counts == {name: len(rows) for name, rows in tables.items()}
    assert (export.schema, export.sequences) == (SCHEMA_VERSION, {"ceus": 7})


@pytest.fixture(scope="module")
def monkeypatch_module():
    with pytest.MonkeyPatch.context() as patch:
        yield patch


HEAD = f'{{"format": "peertrack", "schema": {SCHEMA_VERSION}, "exported": "x", '


@pytest.mark.parametrize("text, words", [
    ("  \n", "is not a JSON file"),
    ("\ufeff" + HEAD + '"tables": {}}', None),  # a byte-order mark, as some editors save
    (HEAD + '"tables": {}} ', None),
    (HEAD + '"tables": {}}}', "is not a JSON file"),  # something after the document
    (HEAD + '"tables": {"ceus": [{"id": 1},]}}', "is not a JSON file"),  # a comma before the end
    (HEAD + '"tables": {"ceus": [{"id": 1}], }}', "is not a JSON file"),
    (HEAD + '"tables": {"ceus": [{"id": 1} {"id": 2}]}}', "is not a JSON file"),
    (HEAD + '"tables": {"ceus": [{"id": 1}]', "is not a JSON file"),  # cut short
    (HEAD + '"tables": {"ceus": [{"id": 1}]}, "tables": {}}', "is damaged or incomplete"),  # given twice
    (HEAD + '"tables": {"ceus": [], "ceus": []}}', "is damaged or incomplete"),
    (HEAD + '"tables": {"ceus": {}}}', "is damaged or incomplete"),
    (HEAD + '"tables": {"ceus": [[1]]}}', "is damaged or incomplete"),
    (HEAD + '"tables": {"ceus": [{"id": true}]}}', "is damaged or incomplete"),
    (HEAD + '"tables": {"ceus": []}, "sequences": {"ceus": -1}}', "is damaged or incomplete"),
    (HEAD + '"sequences": {}}', "is damaged or incomplete"),  # no tables at all
    (HEAD + '"tables": {"ceus": [{"id": 1e999999}]}}', None),  # as json.loads reads it: infinity
    ('{"format": "other", "tables": {}}', "is not a peertrack export"),
    ('{"tables": {"ceus": [[1]]}, "format": "other"}', "is not a peertrack export"),  # checked first
    ('["format", "peertrack"]', "is not a peertrack export"),
    ('"peertrack"', "is not a peertrack export"),
    ('{"tables": {"ceus": [{"id": 1}]}, "format": "peertrack", "schema": 0}', "does not say which version"),
    ("[" * 50_000 + "]" * 50_000, "nested too deeply"),
    ('{"format": "peertrack", "schema": 1, "tables": {"ceus": [{"title": "' + "x" * 70_000, "is not a JSON file"),
])
def test_the_reader_refuses_what_reading_whole_refuses(tmp_path, text, words):
    path = tmp_path / "all.json"
    path.write_text(text, encoding="utf-8")
    if words is None:
        _walk(path)
        return
    with pytest.raises(InvalidInput) as refused:
        _walk(path)
    assert words in refused.value.message


def test_a_value_far_larger_than_any_record_is_refused_before_it_fills_memory(tmp_path, monkeypatch):
    monkeypatch.setattr(export_file, "_LARGEST_VALUE", 1000)
    path = tmp_path / "all.json"
    path.write_text(HEAD + '"tables": {"ceus": [{"note": "' + "x" * 5000 + '"}]}}', encoding="utf-8")
    with pytest.raises(InvalidInput, match="is damaged or incomplete"):
        _walk(path)


def test_invalid_text_encoding_is_not_json(tmp_path):
    path = tmp_path / "all.json"
    path.write_bytes(HEAD.encode() + b'"tables": {"ceus": [{"title": "caf\xe9"}]}}')
    with pytest.raises(InvalidInput, match="is not a JSON file"):
        _walk(path)


# The command


@pytest.fixture
def courses_export(ok, make_cert, tmp_path) -> Path:
    """An export of 60 courses, as export json writes it."""
    make_cert()
    sheet = tmp_path / "log.csv"
    sheet.write_text("Date,Title,Hours,Category\n" + "".join(
        f"2026-{1 + n % 10:02d}-{1 + n % 28:02d},Course {n},1.5,ethics\n" for n in range(60)))
    ok("import", "csv", str(sheet), "--yes")
    target = tmp_path / "all.json"
    ok("export", "json", "-o", str(target))
    return target


def _tables(db: Path) -> dict[str, list[tuple]]:
    conn = sqlite3.connect(db)
    try:
        names = [row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'"
                                                " AND name NOT LIKE 'sqlite_%' ORDER BY name")]
        return {name: conn.execute(f'SELECT * FROM "{name}" ORDER BY rowid').fetchall() for name in names}
    finally:
        conn.close()


def test_an_export_in_any_layout_loads_the_same_records(ok, courses_export, db_path, tmp_path):
    compact = tmp_path / "compact.json"
    compact.write_text(json.dumps(json.loads(courses_export.read_text())), encoding="utf-8")
    ok("--db", str(tmp_path / "a.db"), "import", "json", str(courses_export), "--yes")
    result = ok("--db", str(tmp_path / "b.db"), "import", "json", str(compact), "--yes")
    assert "60 courses" in result.stdout
    original, a, b = _tables(db_path), _tables(tmp_path / "a.db"), _tables(tmp_path / "b.db")
    assert len(original["ceus"]) == 60
    for name in ("certifications", "ceus", "ceu_allocations", "ceu_credits", "cycles", "requirements"):
        assert original[name] == a[name] == b[name], name


def _spoil(path: Path, place: int, column: str, value: object) -> None:
    """The `place`th course's value changed or added, the rest of the file exactly as export json wrote it."""
    lines = path.read_text(encoding="utf-8").split("\n")
    table = lines.index('    "ceus": [')
    start = [i for i in range(table, len(lines)) if lines[i] == "      {"][place - 1]
    found = [i for i in range(start, start + 12) if lines[i].startswith(f'        "{column}": ')]
    if found:
        ending = "," if lines[found[0]].endswith(",") else ""
        lines[found[0]] = f'        "{column}": {json.dumps(value)}{ending}'
    else:
        lines.insert(start + 1, f'        "{column}": {json.dumps(value)},')
    path.write_text("\n".join(lines), encoding="utf-8")


@pytest.mark.parametrize("column, value, words", [
    ("date", "2026-02-30", 'ceus record 30, date "2026-02-30" is not'),
    ("seconds", "an hour", 'seconds "an hour" is not a whole number'),
    ("seconds", 0, 'holds records that do not fit together ("ceus"'),
    ("colour", "red", 'holds a detail ("ceus.colour")'),
])
def test_a_bad_record_half_way_leaves_the_database_untouched(run, courses_export, tmp_path, column, value, words):
    _spoil(courses_export, 30, column, value)
    fresh = tmp_path / "fresh.db"
    result = run("--db", str(fresh), "import", "json", str(courses_export), "--yes")
    assert result.exit_code == InvalidInput.EXIT_CODE, result.stderr
    assert words in result.stderr and result.stderr.count("\n") <= 3
    assert not fresh.exists()  # the new file is taken away again

    connect(fresh).close()  # an empty database made beforehand stays as it was
    before = _tables(fresh)
    assert run("--db", str(fresh), "import", "json", str(courses_export), "--yes").exit_code == 2
    assert _tables(fresh) == before


def test_a_file_cut_short_half_way_is_refused_before_anything_is_asked(run, courses_export, tmp_path):
    text = courses_export.read_bytes()
    courses_export.write_bytes(text[:len(text) // 2])
    fresh = tmp_path / "fresh.db"
    result = run("--db", str(fresh), "import", "json", str(courses_export))  # no --yes: it would ask
    assert result.exit_code == InvalidInput.EXIT_CODE
    assert 'FILE "all.json" is not a JSON file' in result.stderr
    assert "Load these records" not in result.stderr + result.stdout
    assert not fresh.exists()


def test_a_file_changed_while_the_person_decides_loads_nothing(run, courses_export, tmp_path, monkeypatch):
    def asked(question: str, yes: bool) -> bool:
        _spoil(courses_export, 12, "provider", "Someone else")  # still sound, but not what was shown
        return True

    monkeypatch.setattr("peertrack.commands.imports.confirm", asked)
    fresh = tmp_path / "fresh.db"
    result = run("--db", str(fresh), "import", "json", str(courses_export))
    assert result.exit_code == Conflict.EXIT_CODE, result.stderr
    assert "all.json changed while you were deciding, so nothing was loaded" in result.stderr
    assert not fresh.exists()


def test_only_an_older_export_is_read_whole_so_only_it_meets_the_size_limit(run, ok, courses_export, tmp_path,
                                                                           monkeypatch):
    monkeypatch.setattr("peertrack.commands.record_files.MAX_IMPORT_BYTES", 1000)
    assert courses_export.stat().st_size > 1000
    result = ok("--db", str(tmp_path / "fresh.db"), "import", "json", str(courses_export), "--yes")
    assert "Loaded the records of all.json" in result.stderr
    old = tmp_path / "old.json"
    old.write_text(json.dumps(json.loads(courses_export.read_text()) | {"schema": SCHEMA_VERSION - 1}))
    refused = run("--db", str(tmp_path / "other.db"), "import", "json", str(old), "--yes")
    assert refused.exit_code == InvalidInput.EXIT_CODE
    assert 'FILE "old.json" is too large' in refused.stderr
