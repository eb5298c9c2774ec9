"""Carried-over hours worked out when read agree with a plain reckoning over random histories.

Each history: a certification of 2-year cycles (1 Jul 2023 - 30 Jun 2025, then to 2027, then to 2029),
each cycle with its own required hours and carry-over cap, maybe an online cap, renewed twice on the
expiry day; then, after the renewals, courses logged late and courses removed. The reckoning reads
only the list of courses: a cycle's own hours are what is not online plus online hours up to the cap,
and each cycle carries min(max(0, own - required), its cap) into the next.
"""

import datetime as dt
import shutil
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from peertrack.domain.certifications import CertInput, build_certification, renewal
from peertrack.domain.models import HOUR, Course
from peertrack.services.carry import every_cycle
from peertrack.services.cycle_rules import change_cycle
from peertrack.services.overview import progress_of
from peertrack.services.renewal import renew
from peertrack.storage.certs import insert_cert, load_cert
from peertrack.storage.courses import delete_course, insert_course
from peertrack.storage.database import connect, transaction

QUARTER = HOUR // 4
WINDOWS = [(dt.date(2023, 7, 1), dt.date(2025, 6, 30)), (dt.date(2025, 7, 1), dt.date(2027, 6, 30)),
           (dt.date(2027, 7, 1), dt.date(2029, 6, 30))]
TODAY = dt.date(2028, 3, 1)
days = st.integers(0, (TODAY - WINDOWS[0][0]).days).map(lambda n: WINDOWS[0][0] + dt.timedelta(days=n))
courses = st.lists(st.tuples(days, st.integers(1, 48).map(lambda q: q * QUARTER), st.booleans()), max_size=8)
cycle_rules = st.tuples(st.integers(0, 30).map(lambda h: h * HOUR), st.sampled_from([0, 2, 5, 10, 40]))


@pytest.fixture(scope="module")
def empty_database(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("carry") / "empty.db"
    connect(path).close()
    return path


def reckoned(history: list[tuple[dt.date, int, bool]], rules: list[tuple[int, int]], online_cap: int | None) -> list:
    carried, passed_on = [], 0
    for (starts, ends), (required, cap) in zip(WINDOWS, rules, strict=True):
        carried.append(passed_on)
        inside = [(seconds, online) for day, seconds, online in history if starts <= day <= ends]
        online = sum(seconds for seconds, is_online in inside if is_online)
        own = sum(seconds for seconds, is_online in inside if not is_online) + (
            online if online_cap is None else min(online, online_cap))
        passed_on = min(max(0, own - required), cap * HOUR)
    return carried


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(early=courses, late=courses, rules=st.lists(cycle_rules, min_size=3, max_size=3),
       online_cap=st.sampled_from([None, 3 * HOUR]), removed=st.sets(st.integers(0, 7), max_size=3))
def test_carried_hours_match_a_plain_reckoning(empty_database, early, late, rules, online_cap, removed, monkeypatch):
    monkeypatch.setenv("PEERTRACK_CONFIG_DIR", tempfile.mkdtemp())
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "p.db"
        shutil.copy(empty_database, path)
        conn = connect(path)
        cap_text = [f"online={online_cap // HOUR}"] if online_cap else None
        cert = build_certification(WINDOWS[0][0], CertInput(
            name="Peer", cert_id="peer", expires="2025-06-30", hours=str(rules[0][0] // HOUR), cycle="2y",
            cap=cap_text, carry_over=str(rules[0][1])))
        with transaction(conn):
            insert_cert(conn, cert)

        def log(day: dt.date, seconds: int, online: bool) -> int:
            with transaction(conn):
                return insert_course(conn, Course(day, "Course", seconds, format="online" if online else "in-person"))

        ids = [log(*course) for course in early]
        for place in (1, 2):
            today = WINDOWS[place - 1][1]
            item = progress_of(conn, [load_cert(conn, "peer")], today)[0]
            renew(conn, item.cert, today, renewal(item, today), today)
            required, cap = rules[place]
            change_cycle(conn, "peer", "current", hours=required, require=None, no_require=False, cap=None,
                         no_cap=False, carry=cap * HOUR)
        ids += [log(*course) for course in late]  # logged after both renewals, dated in any cycle
        kept = list(early) + list(late)
        for place in sorted(removed, reverse=True):
            if place < len(ids):
                with transaction(conn):
                    delete_course(conn, ids[place])
                del kept[place]
        current = progress_of(conn, [load_cert(conn, "peer")], TODAY)[0]
        found = [item.carried_seconds for item in every_cycle(conn, current, TODAY)]
        conn.close()
    assert found == reckoned(kept, rules, online_cap)
