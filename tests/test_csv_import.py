"""Importing the course spreadsheets people really keep: synonyms, dates, BOMs, semicolons and bad rows."""

import codecs
import csv
import datetime as dt
import io
import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from peertrack.domain.errors import InvalidInput, NeedsConfirmation, NotFound
from peertrack.domain.models import Allocation, Course
from peertrack.exchange import csv_import
from peertrack.exchange.csv_export import courses_csv

TODAY = dt.date(2026, 11, 2)
FIXTURES = Path(__file__).parent / "fixtures"
MESSY = FIXTURES / "messy-ce-log.csv"
SEMICOLON = FIXTURES / "messy-ce-log-semicolon.csv"


def sheet_of(text: str, *maps: str, encoding: str = "utf-8"):
    return csv_import.read_sheet(text.encode(encoding), "log.csv", maps)


def rows_of(text: str, *maps: str) -> list:
    return list(csv_import.read_rows(sheet_of(text, *maps), TODAY))


def only_course(text: str, *maps: str) -> Course:
    rows = rows_of(text, *maps)
    assert len(rows) == 1 and rows[0].problem is None, rows
    return rows[0].course


# Column names


@pytest.mark.parametrize("header, field", [
    ("Course", "title"), ("Training Title", "title"), ("TITLE", "title"), ("course name", "title"),
    ("Workshop", "title"), ("CE Hours", "hours"), ("Hours", "hours"), ("Credits", "hours"),
    ("Contact Hours", "hours"), ("No. of Hours", "hours"), ("CE Hours (total)", "hours"),
    ("Date Completed", "date"), ("Completion Date", "date"), ("date_completed", "date"), ("DATE", "date"),
    ("Provider", "provider"), ("Sponsor", "provider"), ("Provided By", "provider"), ("Category", "category"),
    ("CE Category", "category"), ("Format", "format"), ("Delivery Method", "format"),
    ("Approval Number", "approval_no"), ("Approval #", "approval_no"), ("Approval No.", "approval_no"),
    ("Notes", "note"), ("Comments", "note"),
])
def test_header_synonyms_in_any_case(header, field):
    columns = ["Date", "Title", "Hours"]
    replaced = {"date": 0, "title": 1, "hours": 2}.get(field)
    if replaced is None:
        columns.append(header)
    else:
        columns[replaced] = header
    sheet = sheet_of(",".join(columns) + "\n")
    assert sheet.header[sheet.fields[field]] == header


def test_the_better_synonym_wins_and_the_rest_is_left_out():
    sheet = sheet_of("Course,Course Title,Date,CE Hours,Hours,Trainer\n")
    assert sheet.header[sheet.fields["title"]] == "Course Title"
    assert sheet.header[sheet.fields["hours"]] == "Hours"
    assert sheet.ignored == ("Course", "CE Hours", "Trainer")


def test_map_names_a_column_for_a_field_and_can_leave_one_out():
    text = "When,Workshop Name,Length,Course\n3/5/2026,Ethics,2,ignored column\n"
    course = only_course(text, "when=date", "Workshop Name=title", "LENGTH=hours", "Course=ignore")
    assert (course.date, course.title, course.seconds) == (dt.date(2026, 3, 5), "Ethics", 7200)
    sheet = sheet_of(text, "when=date", "Workshop Name=title", "LENGTH=hours", "Course=ignore")
    assert sheet.columns == (("When", "date"), ("Workshop Name", "title"), ("Length", "hours"))
    assert sheet.ignored == ("Course",)


@pytest.mark.parametrize("maps, words", [
    (["Length"], ['--map "Length" is not COLUMN=FIELD', "COLUMN=FIELD"]),
    (["Length=size"], ['--map "Length=size" names a field ("size") peertrack does not know', "approval-no"]),
    (["Duration=hours"], ['--map "Duration=hours" names a column the file does not have', '"Length"']),
    (["Length=hours", "Course=hours"], ["gives the hours a second column"]),
])
def test_bad_maps_are_refused(maps, words):
    with pytest.raises(InvalidInput) as caught:
        sheet_of("When,Course,Length\n3/5/2026,Ethics,2\n", "When=date", *maps)
    for word in words:
        assert word in str(caught.value)


def test_missing_columns_are_named_with_the_columns_there_are():
    with pytest.raises(InvalidInput) as caught:
        sheet_of("Course,Length,Sponsor\nEthics,2,CalMHSA\n")
    message = str(caught.value)
    assert message.startswith('FILE "log.csv" has no column for the date or the hours: ')
    assert 'its columns are "Course", "Length", "Sponsor"' in message
    assert '--map "COLUMN=date"' in message


def test_the_header_may_come_after_a_title_line_and_a_blank_one():
    rows = rows_of("My CE log,,\n,,\nDate,Title,Hours\n3/5/2026,Ethics,2\n")
    assert [(row.number, row.course.title) for row in rows] == [(4, "Ethics")]  # numbered as a spreadsheet shows


# Reading the file


@pytest.mark.parametrize("data", [
    codecs.BOM_UTF8 + "Date,Title,Hours\n3/5/2026,Café ☕,2\n".encode(),
    "Date,Title,Hours\n3/5/2026,Café ☕,2\n".encode("utf-16"),  # Excel's "Unicode Text", with its BOM
    "Date;Title;Hours\r\n3/5/2026;Café ☕;2\r\n".encode(),
    "sep=;\nDate;Title;Hours\n3/5/2026;Café ☕;2\n".encode(),
    "Date\tTitle\tHours\n3/5/2026\tCafé ☕\t2\n".encode(),
])
def test_encodings_and_delimiters(data):
    sheet = csv_import.read_sheet(data, "log.csv")
    rows = list(csv_import.read_rows(sheet, TODAY))
    assert [(r.course.title, r.course.seconds) for r in rows] == [("Café ☕", 7200)]


def test_windows_code_page_files_are_read():
    sheet = csv_import.read_sheet("Date,Title,Hours\n3/5/2026,Café,2\n".encode("cp1252"), "log.csv")
    assert next(csv_import.read_rows(sheet, TODAY)).course.title == "Café"


def test_semicolons_inside_quotes_do_not_fool_the_sniffer():
    course = only_course('Date,Title,Hours\n3/5/2026,"Recovery; hope; choice",2\n')
    assert course.title == "Recovery; hope; choice"


@pytest.mark.parametrize("data, words", [
    (b"", 'FILE "log.csv" is empty'),
    (b"  \r\n\r\n", 'FILE "log.csv" is empty'),
    (codecs.BOM_UTF8, 'FILE "log.csv" is empty'),
    (b",,,\n,,,\n", 'FILE "log.csv" is empty'),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), 'FILE "log.csv" is not a text file'),
    (b"%PDF-1.4\n\x00\x01\x02\x03", 'FILE "log.csv" is not a text file'),
    (b"PK\x03\x04\x14\x00\x06\x00" + b"\x00" * 40, 'FILE "log.csv" is a workbook, not CSV: open it in your'),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 40, 'FILE "log.csv" is a workbook, not CSV'),
    (b"Date,Title,Hours\n\"3/5/2026,Unclosed\x00", 'FILE "log.csv"'),
])
def test_files_that_are_not_course_lists_are_refused(data, words):
    with pytest.raises(InvalidInput) as caught:
        csv_import.read_sheet(data, "log.csv")
    assert str(caught.value).startswith(words)
    assert caught.value.EXIT_CODE == 2


# One row at a time


@pytest.mark.parametrize("text, expected", [
    ("3/5/2026", dt.date(2026, 3, 5)),
    ("03/05/2026", dt.date(2026, 3, 5)),
    ("2026-03-05", dt.date(2026, 3, 5)),
    ("3/5/26", dt.date(2026, 3, 5)),
    ("3-5-2026", dt.date(2026, 3, 5)),
    ("2026/03/05", dt.date(2026, 3, 5)),
    ("3/5/2026 0:00", dt.date(2026, 3, 5)),
    ("2026-03-05 00:00:00", dt.date(2026, 3, 5)),
    ("2026-03-05T09:30:00Z", dt.date(2026, 3, 5)),
    ("3/5/2026 9:30 AM", dt.date(2026, 3, 5)),
    ("March 5, 2026", dt.date(2026, 3, 5)),
    ("Mar 5 2026", dt.date(2026, 3, 5)),
    ("5-Mar-2026", dt.date(2026, 3, 5)),
    ("5 March 2026", dt.date(2026, 3, 5)),
    ("Thursday, March 5th, 2026", dt.date(2026, 3, 5)),
    ("Sept. 9, 2026", dt.date(2026, 9, 9)),
    ("05.03.2026", dt.date(2026, 3, 5)),  # a dotted date is always day first
    ("12/31/99", dt.date(1999, 12, 31)),
    ("yesterday", dt.date(2026, 11, 1)),
])
def test_dates_as_spreadsheets_write_them(text, expected):
    assert only_course(f'Date,Title,Hours\n"{text}",Ethics,1\n').date == expected


def test_a_column_of_day_first_dates_is_read_day_first():
    sheet = sheet_of("Date,Title,Hours\n15/03/2026,A,1\n02/04/2026,B,1\n")
    assert sheet.day_first
    assert "day/month/year" in sheet.notes[0]
    assert [r.course.date for r in csv_import.read_rows(sheet, TODAY)] == [dt.date(2026, 3, 15), dt.date(2026, 4, 2)]
    assert not sheet_of("Date,Title,Hours\n03/15/2026,A,1\n02/04/2026,B,1\n").day_first


@pytest.mark.parametrize("text, seconds", [
    ("3", 10800), ("2.5", 9000), ("2.5 hrs", 9000), ("1 hour", 3600), ("3 Hours", 10800), ("1:30", 5400),
    ("0:45", 2700), ("90 min", 5400), ("90 minutes", 5400), ("1 hr 30 min", 5400), ("1,5", 5400), ("0.1", 360),
    (".5", 1800), ("3.0", 10800), ("0.125", 450), ("7.5 min", 450),
    ("3 CEUs", 10800), ("1.5 credits", 5400), ("2 contact hours", 7200),
])
def test_hours_as_people_write_them(text, seconds):
    assert only_course(f'Date,Title,Hours\n3/5/2026,Ethics,"{text}"\n').seconds == seconds


@pytest.mark.parametrize("cells, problem", [
    ("5/32/2026,Ethics,1", 'Date "5/32/2026" is not a real date: use a date like 2026-11-02'),
    ("someday,Ethics,1", 'Date "someday" is not something I can read'),
    ("12/25/2026,Ethics,1", 'Date "12/25/2026" is in the future'),
    (",Ethics,1", "Date is empty: every course needs the date."),
    ("3/5/2026,,1", "Title is empty: every course needs the title."),
    ("3/5/2026,Ethics,", "Hours is empty: every course needs the hours."),
    ("3/5/2026,Ethics,three", 'Hours "three" is not a number of hours'),
    ("3/5/2026,Ethics,0", 'Hours "0" is not a positive number of hours'),
    ("3/5/2026,Ethics,-2 hrs", 'Hours "-2 hrs" is not'),
    ("3/5/2026,Ethics,250", 'Hours "250" is more hours than one course can hold'),
    ("Total,,14.5", 'Date "Total" looks like a total, not a course'),
    (",Grand total:,14.5", 'Title "Grand total:" looks like a total, not a course'),
])
def test_unreadable_rows_get_one_sentence_each(cells, problem):
    rows = rows_of(f"Date,Title,Hours\n{cells}\n")
    assert rows[0].course is None
    assert rows[0].problem.startswith(problem), rows[0].problem


def test_optional_columns_and_their_problems():
    header = "Date,Title,Hours,Provider,Category,Format,Approval Number,Notes\n"
    course = only_course(header + "3/5/2026, Law  and Ethics ,3,CalMHSA,Ethics,Webinar,CAL-1,felt good\n")
    assert course == Course(date=dt.date(2026, 3, 5), title="Law and Ethics", seconds=10800, provider="CalMHSA",
                            format="online", approval_no="CAL-1", note="felt good",
                            allocations=(Allocation("ethics", 10800),))
    split = only_course(header + '3/5/2026,Split,3.5,,"ethics: 2; general: 1.5",In Person,,\n')
    assert split.allocations == (Allocation("ethics", 7200), Allocation("general", 5400))
    assert split.format == "in-person"
    rest = only_course(header + '3/5/2026,Split,3,,"ethics: 2; general",Self-paced,,\n')
    assert rest.allocations == (Allocation("ethics", 7200), Allocation("general", 3600))
    bad = rows_of(header + "3/5/2026,Ethics,1,,,Conference,,\n3/5/2026,Ethics,1,,ethics: 3,,,\n")
    assert bad[0].problem.startswith('Format "Conference" is not a course format: use online, in-person')
    assert "adds up to more hours than the course" in bad[1].problem


@pytest.mark.parametrize("cell, text", [
    ("'=SUM(A1)", "=SUM(A1)"), ("'+1", "+1"), ("'-2", "-2"), ("'@me", "@me"), ("'plain", "'plain"),
    ("don't", "don't"), ("'", "'"), ("", ""),
])
def test_undo_safe_cell(cell, text):
    assert csv_import.undo_safe_cell(cell) == text


def test_exported_formula_cells_come_back_as_they_were():
    course = Course(date=dt.date(2026, 3, 5), title="=HYPERLINK(\"x\")", seconds=3600, provider="@home",
                    approval_no="-12", allocations=(Allocation("+plus", 3600),))
    exported = courses_csv([course])
    assert "'=HYPERLINK" in exported
    assert only_course(exported) == course


# The whole messy spreadsheet


def test_the_messy_fixture_is_sorted_into_new_known_and_unreadable():
    sheet = csv_import.read_sheet(MESSY.read_bytes(), MESSY.name)
    plan = csv_import.plan(sheet, list(csv_import.read_rows(sheet, TODAY)), {})
    assert [(r.number, r.course.date.isoformat(), r.course.title, r.course.seconds) for r in plan.new] == [
        (4, "2026-03-05", "Law and Ethics for Peer Support", 10800),
        (5, "2026-03-17", "Motivational Interviewing, Part 1", 9000),
        (6, "2026-04-02", "WRAP Refresher", 5400),
        (7, "2026-05-10", "Cultural Humility in Peer Work", 7200),
        (11, "2026-07-04", "Supervision skills for peers", 5400),
        (13, "2026-08-21", '=HYPERLINK("http://example.org")', 3600),
    ]
    first = plan.new[0].course
    assert (first.provider, first.format, first.approval_no, first.allocations) == (
        "CalMHSA", "online", "CAL-2026-001", (Allocation("ethics", 10800),))
    assert plan.new[1].course.note == "Good one, brought lunch"
    assert plan.new[5].course.provider == "@Provider"
    assert [(r.number, r.problem) for r in plan.known] == [(16, "the same course as row 4")]
    assert [(r.number, r.problem.split(":")[0]) for r in plan.unreadable] == [
        (8, 'Date Completed "5/32/2026" is not a real date'),
        (9, "CE Hours is empty"),
        (10, 'CE Hours "three" is not a number of hours'),
        (12, "CE Hours is empty"),
        (14, 'Date Completed "12/25/2026" is in the future'),
        (17, 'Format "Conference" is not a course format'),
        (18, 'Date Completed "Total" looks like a total, not a course'),
    ]
    assert plan.ignored == ("Trainer",)


def test_the_semicolon_fixture_with_decimal_commas_and_day_first_dates():
    sheet = csv_import.read_sheet(SEMICOLON.read_bytes(), SEMICOLON.name)
    rows = list(csv_import.read_rows(sheet, TODAY))
    assert sheet.delimiter == ";" and sheet.day_first
    assert [(r.course.date.isoformat(), r.course.title, r.course.seconds, r.course.format)
            for r in rows if r.course] == [
        ("2026-03-15", "Café-Gespräch: Peer Arbeit", 5400, "online"),
        ("2026-04-02", "Ethik in der Genesungsbegleitung", 10800, "in-person"),
        ("2026-06-30", "Recovery; Hoffnung und Selbstbestimmung", 8100, None),
    ]
    assert [r.problem for r in rows if r.problem] == [
        'CE Hours "zwei" is not a number of hours: use a number of hours like 1.5, 2 hrs or 1h30m, '
        'or minutes like 90m or 90 minutes.']


# Properties


# A title that itself starts with an apostrophe before = + - @ reads back without it: the export
# writes it unchanged, so it cannot be told from a cell the export made safe.
titles = st.text(st.characters(blacklist_categories=("Cs", "Cc")), min_size=1, max_size=40).map(
    lambda text: " ".join(text.split())).filter(lambda text: text and not (text[0] == "'" and text[1:2] in "=+-@"))


@settings(max_examples=150, deadline=None)
@given(titles=st.lists(titles, min_size=1, max_size=5),
       seconds=st.lists(st.integers(1, 40_000).map(lambda n: n * 9), min_size=5, max_size=5),
       days=st.lists(st.integers(0, 3000), min_size=5, max_size=5))
def test_export_then_import_gives_the_same_courses(titles, seconds, days):
    courses = [Course(date=TODAY - dt.timedelta(days=day), title=title, seconds=amount)
               for title, amount, day in zip(titles, seconds, days, strict=False)]
    sheet = csv_import.read_sheet(courses_csv(courses).encode(), "export.csv")
    assert [row.course for row in csv_import.read_rows(sheet, TODAY)] == courses


# Through the command line


def test_import_shows_a_preview_asks_and_adds_in_one_go(run, ok, make_cert, snapshot):
    make_cert()
    before = snapshot()
    refused = run("import", "csv", str(MESSY))
    assert refused.exit_code == NeedsConfirmation.EXIT_CODE
    assert "Add these 6 courses? Add --yes to go ahead" in refused.stderr
    assert "To add: 6 courses, 11.5 hours" in refused.stdout
    assert "row 10: CE Hours \"three\" is not a number of hours" in refused.stdout
    assert snapshot() == before

    result = ok("import", "csv", str(MESSY), "--yes")
    assert "Added 6 courses, 11.5 hours" in result.stderr
    assert "7 rows could not be read and were left out" in result.stderr
    courses = json.loads(ok("ceu", "list", "--json").stdout)
    assert [c["title"] for c in courses][:2] == ["Law and Ethics for Peer Support", "Motivational Interviewing, Part 1"]
    assert {tuple(c["certs"]) for c in courses} == {("ca-pss",)}  # every date is in its current cycle
    assert json.loads(ok("status", "--json").stdout)["certifications"][0]["hours_earned"] == 11.5


def test_importing_the_same_file_twice_changes_nothing(ok, make_cert, snapshot):
    make_cert()
    ok("import", "csv", str(MESSY), "--yes")
    before = snapshot()
    again = ok("import", "csv", str(MESSY), "--yes")
    assert "Nothing new to add" in again.stdout
    assert "Already recorded, so left out: 7" in again.stdout
    assert "already recorded as course 1" in again.stdout
    assert "Nothing was added" in again.stderr
    assert snapshot() == before


def test_a_course_is_already_recorded_only_on_its_own_day_with_its_hours(ok, make_cert, tmp_path, db_path):
    """Duplicates are looked up day by day: the same title in another case is the same course;
    another day, or other hours, is another course; of two alike, the later number is named."""
    make_cert()
    ok("log-ceu", "Ethics in Peer Work", "--hours", "2", "--date", "2026-03-05")      # course 1
    ok("log-ceu", "Ethics in Peer Work", "--hours", "2", "--date", "2026-03-06")      # course 2
    ok("log-ceu", "WRAP Refresher", "--hours", "1.5", "--date", "2026-03-05")         # course 3
    ok("log-ceu", "WRAP refresher", "--hours", "1.5", "--date", "2026-03-05", "--force")  # course 4, alike
    sheet = tmp_path / "log.csv"
    sheet.write_text("Date,Title,Hours\n"
                     "2026-03-05,ETHICS IN PEER WORK,2\n"     # course 1, in capitals
                     "2026-03-05,Ethics in Peer Work,2.5\n"   # other hours: new
                     "2026-03-07,Ethics in Peer Work,2\n"     # another day: new
                     "2026-03-05,wrap refresher,1.5\n", encoding="utf-8")  # courses 3 and 4: the later
    result = ok("import", "csv", str(sheet), "--yes")
    assert 'row 2: "ETHICS IN PEER WORK" on 2026-03-05, already recorded as course 1' in result.stdout
    assert 'row 5: "wrap refresher" on 2026-03-05, already recorded as course 4' in result.stdout
    assert "Added 2 courses, 4.5 hours" in result.stderr
    courses = json.loads(ok("ceu", "list", "--json").stdout)
    assert [(c["date"], c["hours"]) for c in courses if c["id"] > 4] == [("2026-03-05", 2.5), ("2026-03-07", 2)]


def test_recorded_courses_are_looked_up_through_the_date_index(db_path):
    from peertrack.storage.courses import recorded_keys
    from peertrack.storage.database import connect

    conn = connect(db_path)
    asked: list[str] = []
    conn.set_trace_callback(asked.append)
    assert recorded_keys(conn, [(dt.date(2026, 3, 5), "ethics", 3600)]) == {}
    (query,) = [text for text in asked if "ceus" in text]
    plan = " ".join(row[-1] for row in conn.execute("EXPLAIN QUERY PLAN " + query))
    assert "USING INDEX ceus_date" in plan


def test_dry_run_writes_nothing_not_even_a_database(ok, db_path):
    result = ok("import", "csv", str(SEMICOLON), "--dry-run")
    assert "To add: 3 courses, 6.75 hours" in result.stdout
    assert "Columns are separated by semicolons." in result.stdout
    assert "dry run: nothing was added" in result.stderr
    assert not db_path.exists()


def test_import_export_import_gives_the_same_rows(ok, make_cert, tmp_path, monkeypatch):
    make_cert()
    ok("import", "csv", str(MESSY), "--yes")
    first = tmp_path / "first.csv"
    ok("export", "csv", "--notes", "-o", str(first))
    monkeypatch.setenv("PEERTRACK_DB", str(tmp_path / "other" / "peertrack.db"))
    result = ok("import", "csv", str(first), "--yes")
    assert "Added 6 courses" in result.stderr and "could not be read" not in result.stderr
    second = tmp_path / "second.csv"
    ok("export", "csv", "--notes", "-o", str(second))
    assert second.read_bytes() == first.read_bytes()
    rows = list(csv.reader(io.StringIO(second.read_text(encoding="utf-8-sig"))))
    assert rows[-1][1] == "'=HYPERLINK(\"http://example.org\")"  # still inert in a spreadsheet


def test_named_certifications_get_the_credit(ok, make_cert):
    make_cert()
    make_cert("ga-cps", "Certified Peer Specialist", expires="2026-12-31", cycle="1y", hours="12")
    ok("import", "csv", str(SEMICOLON), "--cert", "GA-CPS", "--yes")
    assert {tuple(c["certs"]) for c in json.loads(ok("ceu", "list", "--json").stdout)} == {("ga-cps",)}


def test_a_failure_while_adding_adds_nothing(run, make_cert, snapshot, monkeypatch):
    from peertrack.storage.courses import insert_courses

    make_cert()
    before = snapshot()
    real = insert_courses

    def failing(conn, courses):
        real(conn, courses[:2])  # some rows are in when Ctrl-C comes
        raise KeyboardInterrupt

    monkeypatch.setattr("peertrack.services.course_import.insert_courses", failing)
    result = run("import", "csv", str(MESSY), "--yes")
    assert result.exit_code == 130
    assert snapshot() == before


def test_a_large_file_goes_in_whole(ok, make_cert, tmp_path):
    make_cert()
    lines = ["Date,Course,Credits"] + [f"{1 + day % 10}/{1 + day % 28}/2026,Daily reading {day},0.25"
                                       for day in range(3000)]
    big = tmp_path / "big.csv"
    big.write_text("\n".join(lines) + "\n")
    result = ok("import", "csv", str(big), "--yes")
    assert "Added 3000 courses, 750 hours" in result.stderr
    assert "… and 2960 more." in result.stdout


def test_the_progress_bar_shows_only_for_long_work_at_a_terminal(monkeypatch):
    from peertrack.output import screen
    from peertrack.output.screen import progress

    steps = []
    with progress(10, "Adding") as advance:
        advance()  # short work, or nobody watching: nothing is drawn
    with progress(5000, "Adding") as advance:
        advance()
    monkeypatch.setattr(screen, "is_plain", lambda console: False)
    with progress(5000, "Adding", threshold=100) as advance:
        for _ in range(5000):
            advance()
            steps.append(1)
    assert len(steps) == 5000


@pytest.mark.parametrize("make, args, error, words", [
    (lambda tmp: tmp / "nowhere.csv", [], InvalidInput, ['FILE "{file}" is not a file that exists']),
    (lambda tmp: tmp, [], InvalidInput, ['is a folder, not a file']),
    (lambda tmp: write(tmp / "empty.csv", b""), [], InvalidInput, ['FILE "{file}" is empty']),
    (lambda tmp: write(tmp / "blank.csv", b"\r\n,,\r\n"), [], InvalidInput, ['FILE "blank.csv" is empty']),
    (lambda tmp: write(tmp / "photo.csv", b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + bytes(range(256))), [], InvalidInput,
     ['FILE "photo.csv" is not a text file']),
    (lambda tmp: write(tmp / "log.xlsx", b"PK\x03\x04" + b"\x00" * 64), [], InvalidInput,
     ['FILE "log.xlsx" is a workbook, not CSV', "CSV UTF-8"]),
    (lambda tmp: write(tmp / "cols.csv", b"Course,Length\nEthics,2\n"), [], InvalidInput,
     ['FILE "cols.csv" has no column for the date or the hours', '"Course", "Length"']),
    (lambda tmp: write(tmp / "bad.csv", b"Date,Title,Hours\nsoon,Ethics,lots\n"), [], InvalidInput,
     ['FILE "bad.csv" has no row that can be read']),
    (lambda tmp: MESSY, ["--map", "Nope=title"], InvalidInput, ['--map "Nope=title" names a column']),
    (lambda tmp: MESSY, ["--map", "Sponsor=who"], InvalidInput, ['--map "Sponsor=who" names a field']),
    (lambda tmp: MESSY, ["--cert", "ca-pps"], NotFound, ['Did you mean "ca-pss"?']),
])
def test_bad_imports_are_refused_plainly_and_change_nothing(run, make_cert, snapshot, tmp_path, make, args, error,
                                                            words):
    make_cert()
    before = snapshot()
    path = make(tmp_path)
    result = run("import", "csv", str(path), "--yes", *args)
    assert result.exit_code == error.EXIT_CODE == 2
    assert "Traceback" not in result.stderr
    assert "Error: " in result.stderr
    for word in words:
        assert word.format(file=path) in result.stderr
    assert snapshot() == before


def test_bad_imports_on_a_new_computer_create_no_database(run, db_path, tmp_path):
    for args in (["import", "csv", str(write(tmp_path / "empty.csv", b""))],
                 ["import", "csv", str(MESSY), "--cert", "ca-pss", "--yes"]):
        assert run(*args).exit_code == 2
    assert not db_path.exists()


def write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path
