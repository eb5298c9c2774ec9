"""export csv, export json and ceu list --json stream: they write rows as they read them, never holding all.

import json reads an export a record at a time, twice (to check it, then to load it), and
import csv looks up what is recorded day by day: neither grows with the database.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import os
import resource
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from peertrack.domain.models import Allocation, Course
from peertrack.exchange.csv_export import courses_csv, csv_lines
from peertrack.storage import dump
from peertrack.storage.database import connect

ROWS = 200_000
# The address space a command may use. Streaming needs about 100 MiB here; holding 200,000 rows
# as the commands used to (a list of courses, then the whole text) needs well over it.
LIMIT = 160 * 1024 * 1024
# import csv of a few rows needs under 50 MiB; reading every course's date, title and hours, as it
# used to for spotting courses already recorded, needs over 80 MiB at 200,000 courses.
CSV_LIMIT = 64 * 1024 * 1024


def _build(path: Path, count: int) -> None:
    """A database of `count` courses, each in one category and chosen for one certification, written by SQL."""
    connect(path).close()  # the schema, made the way peertrack makes it
    conn = sqlite3.connect(path)
    made = "2026-01-01T00:00:00+00:00"
    conn.execute("INSERT INTO certifications (id, name, cycle_months, required_seconds, created_at)"
                 " VALUES ('ca-pss', 'Medi-Cal Peer Support Specialist', 24, 72000, ?)", (made,))
    conn.executemany(
        "INSERT INTO ceus (id, date, title, provider, seconds, format, credit_chosen, created_at)"
        " VALUES (?, ?, ?, ?, ?, ?, 1, ?)",
        ((i, f"{2000 + i % 26}-{1 + i % 12:02d}-{1 + i % 28:02d}", f"Course {i}", "NAMI", 3600 + (i % 8) * 900,
          "online", made) for i in range(1, count + 1)))
    conn.execute("INSERT INTO ceu_allocations SELECT id, 'ethics', seconds FROM ceus")
    conn.executemany("INSERT INTO ceu_credits VALUES (?, 'ca-pss', NULL)", ((i,) for i in range(1, count + 1)))
    conn.commit()
    conn.close()


@pytest.fixture(scope="module")
def big(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    folder = tmp_path_factory.mktemp("big")
    _build(folder / "big.db", ROWS)
    return {**os.environ, "PEERTRACK_DB": str(folder / "big.db"), "PEERTRACK_TODAY": "2026-11-02",
            "PEERTRACK_CONFIG_DIR": str(folder / "config")}


def _limited(*args: str, env: dict[str, str], limit: int = LIMIT, before: str = "") -> subprocess.CompletedProcess:
    """peertrack ARGS in a process that may use `limit` bytes of address space; `before` runs first."""
    def cap() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))

    code = f"import sys\n{before}\nfrom peertrack.cli import main\nsys.argv[1:] = {list(args)!r}\nmain()\n"
    return subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, preexec_fn=cap)


def test_export_csv_of_200000_courses_fits_in_a_small_memory(big: dict[str, str]) -> None:
    result = _limited("export", "csv", env=big)
    assert result.returncode == 0, result.stderr.decode()
    rows = list(csv.reader(io.StringIO(result.stdout.decode("utf-8"), newline="")))
    assert len(rows) == ROWS + 1
    # Oldest first: the last is the newest, 2025-12-28, which needs i % 26 == 25, i % 12 == 11 and
    # i % 28 == 27, so i + 1 a multiple of 1,092: i = 199,835. 199,835 % 8 == 3: 3600 + 2700 s = 1.75 hours.
    assert rows[-1] == ["2025-12-28", "Course 199835", "NAMI", "1.75", "ethics", "online", ""]


def test_export_json_of_200000_courses_fits_in_a_small_memory(big: dict[str, str]) -> None:
    result = _limited("export", "json", env=big)
    assert result.returncode == 0, result.stderr.decode()
    document = json.loads(result.stdout)
    tables = document["tables"]
    assert (len(tables["ceus"]), len(tables["ceu_allocations"]), len(tables["ceu_credits"])) == (ROWS,) * 3
    assert tables["ceus"][-1]["id"] == ROWS and tables["ceus"][-1]["seconds"] == 3600  # 200,000 % 8 == 0
    assert document["sequences"]["ceus"] == ROWS


def test_ceu_list_json_of_200000_courses_fits_in_a_small_memory(big: dict[str, str]) -> None:
    result = _limited("ceu", "list", "--json", env=big)
    assert result.returncode == 0, result.stderr.decode()
    courses = json.loads(result.stdout)
    assert len(courses) == ROWS
    assert len({course["id"] for course in courses}) == ROWS
    assert courses[-1]["title"] == "Course 199835" and courses[-1]["credits"] == [{"cert": "ca-pss", "hours": 1.75}]


# A table costs far more per row than JSON or CSV (each cell is laid out), so fewer rows show it:
# drawn a piece at a time, 20,000 courses need under 60 MiB; as one table of them all, over 120 MiB.
TABLE_ROWS = 20_000
TABLE_LIMIT = 80 * 1024 * 1024
_RICH_ONLY = (  # as when a title needs Rich (a word in another alphabet): the plain writer steps aside
    "import peertrack.output.plain_table as plain\n"
    "plain.write_plain = lambda *args, **kwargs: False\n")
_ONE_TABLE_OF_ALL = _RICH_ONLY + (  # how ceu list drew every course before: all of them in a list, then in one table
    "import peertrack.output.courses as views\n"
    "views.every_course_table = lambda courses, count, seconds, dates: views.courses_table(list(courses()), seconds,"
    " dates)\n")


def test_ceu_list_sent_to_a_program_draws_every_course_in_a_small_memory(tmp_path: Path) -> None:
    _build(tmp_path / "table.db", TABLE_ROWS)
    env = {**os.environ, "PEERTRACK_DB": str(tmp_path / "table.db"), "PEERTRACK_TODAY": "2026-11-02",
           "PEERTRACK_CONFIG_DIR": str(tmp_path / "config")}
    result = _limited("ceu", "list", env=env, limit=TABLE_LIMIT)  # not a terminal: every course, a plain table
    assert result.returncode == 0, result.stderr.decode()
    lines = result.stdout.decode("utf-8").splitlines()
    assert len(lines) == 1 + TABLE_ROWS + 1  # the header, a line for each course, the totals
    # The newest is 2025-12-28, i = 19,655 (i + 1 a multiple of 1,092, as above); 19,655 % 8 == 7: 2.75 hours.
    assert lines[-2].split() == ["19655", "2025-12-28", "Course", "19655", "NAMI", "2.75", "ethics", "ca-pss"]
    assert lines[-1] == "20000 courses, 37500 hours in all."  # 2,500 of each of 8 lengths: 1 to 2.75 hours
    drawn = _limited("ceu", "list", env=env, limit=TABLE_LIMIT, before=_RICH_ONLY)  # pieces drawn by Rich
    assert drawn.returncode == 0, drawn.stderr.decode()
    assert drawn.stdout == result.stdout  # the same bytes either way

    control = _limited("ceu", "list", env=env, limit=TABLE_LIMIT, before=_ONE_TABLE_OF_ALL)
    assert control.returncode != 0
    assert b"MemoryError" in control.stderr


def test_the_memory_limit_is_one_that_holding_every_row_breaks(big: dict[str, str]) -> None:
    """The limit means something: reading every course into a list at once does not fit under it."""
    code = ("import resource, sys\n"
            f"resource.setrlimit(resource.RLIMIT_AS, ({LIMIT}, {LIMIT}))\n"
            "from pathlib import Path\nfrom peertrack.storage.database import connect\n"
            "from peertrack.storage.courses import find_courses\n"
            "from peertrack.exchange.csv_export import courses_csv\n"
            "courses = find_courses(connect(Path(sys.argv[1])))\n"
            "text = courses_csv(courses)\n")
    result = subprocess.run([sys.executable, "-c", code, big["PEERTRACK_DB"]], capture_output=True)
    assert result.returncode != 0
    assert b"MemoryError" in result.stderr


def test_the_csv_writer_writes_each_course_as_it_arrives() -> None:
    course = Course(id=1, date=dt.date(2026, 3, 4), title="Ethics", seconds=5400, provider="NAMI",
                    allocations=(Allocation("ethics", 5400),))

    def courses():
        yield course
        raise AssertionError("the writer asked for a second course before writing the first")

    lines = csv_lines(courses())
    assert next(lines) == "Date,Title,Provider,Hours,Category,Format,Approval number\r\n"
    assert next(lines) == "2026-03-04,Ethics,NAMI,1.5,ethics,,\r\n"
    assert courses_csv([]) == "Date,Title,Provider,Hours,Category,Format,Approval number\r\n"


def test_the_streamed_json_is_the_text_of_the_whole_document(tmp_path: Path) -> None:
    _build(tmp_path / "small.db", 3)
    conn = connect(tmp_path / "small.db")
    counts: dict[str, int] = {}
    text = "".join(dump.document_text(conn, "2026-11-02T10:00:00+00:00", counts))
    whole = {"format": dump.FORMAT, "schema": dump.SCHEMA_VERSION, "exported": "2026-11-02T10:00:00+00:00",
             "tables": dump.dump_tables(conn), "sequences": dump.sequences(conn)}
    assert text == json.dumps(whole, indent=2, ensure_ascii=False) + "\n"
    assert counts["ceus"] == 3 and counts["certifications"] == 1
    assert json.loads("".join(dump.document_text(None, "x", {}))) == {
        "format": "peertrack", "schema": dump.SCHEMA_VERSION, "exported": "x", "tables": {}, "sequences": {}}


_WHOLE_TABLE_LOOKUP = (  # how import csv spotted recorded courses before: every course's key at once
    "import datetime as dt\nimport peertrack.commands.imports as imports\n"
    "imports.recorded_keys = lambda conn, keys: {(dt.date.fromisoformat(day), title.casefold(), seconds): number"
    " for number, day, title, seconds in conn.execute('SELECT id, date, title, seconds FROM ceus')}\n")


def test_import_csv_into_200000_courses_needs_no_more_memory_than_into_a_few(big: dict[str, str],
                                                                             tmp_path: Path) -> None:
    shutil.copy(big["PEERTRACK_DB"], tmp_path / "copy.db")
    env = {**big, "PEERTRACK_DB": str(tmp_path / "copy.db")}
    sheet = tmp_path / "log.csv"
    sheet.write_text("Date,Title,Hours\n2025-12-28,course 199835,1.75\n2024-01-01,Something new,2\n")
    result = _limited("import", "csv", str(sheet), "--yes", env=env, limit=CSV_LIMIT)
    assert result.returncode == 0, result.stderr.decode()
    assert b"already recorded as course 199835" in result.stdout  # the newest course, as worked out above
    assert b"Added 1 course, 2 hours." in result.stderr

    control = _limited("import", "csv", str(sheet), "--dry-run", env=env, limit=CSV_LIMIT,
                       before=_WHOLE_TABLE_LOOKUP)
    assert control.returncode != 0
    assert b"MemoryError" in control.stderr


@pytest.fixture(scope="module")
def big_export(big: dict[str, str], tmp_path_factory: pytest.TempPathFactory) -> Path:
    target = tmp_path_factory.mktemp("export") / "all.json"
    done = subprocess.run([sys.executable, "-m", "peertrack", "export", "json", "-o", str(target)], env=big,
                          capture_output=True)
    assert done.returncode == 0, done.stderr.decode()
    return target


def test_import_json_of_200000_courses_fits_in_a_small_memory(big: dict[str, str], big_export: Path,
                                                              tmp_path: Path) -> None:
    env = {**big, "PEERTRACK_DB": str(tmp_path / "new.db")}
    result = _limited("import", "json", str(big_export), "--yes", env=env)
    assert result.returncode == 0, result.stderr.decode()
    assert b"1 certification, 200000 courses, 200000 course categories, 200000 course credits" in result.stdout
    conn = sqlite3.connect(tmp_path / "new.db")
    counts = [conn.execute(f"SELECT count(*) FROM {name}").fetchone()[0]
              for name in ("ceus", "ceu_allocations", "ceu_credits")]
    last = conn.execute("SELECT id, title, seconds FROM ceus ORDER BY id DESC LIMIT 1").fetchone()
    conn.close()
    assert counts == [ROWS] * 3
    assert last == (ROWS, f"Course {ROWS}", 3600)


def test_reading_the_export_whole_does_not_fit_in_that_memory(big_export: Path) -> None:
    """The limit means something: json.loads of the whole file, as import json used to read it, breaks it."""
    code = ("import json, resource, sys\n"
            f"resource.setrlimit(resource.RLIMIT_AS, ({LIMIT}, {LIMIT}))\n"
            "data = json.loads(open(sys.argv[1], 'rb').read().decode('utf-8-sig'))\n")
    result = subprocess.run([sys.executable, "-c", code, str(big_export)], capture_output=True)
    assert result.returncode != 0
    assert b"MemoryError" in result.stderr
