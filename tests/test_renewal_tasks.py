"""Renewal tasks worked out from a certification's dates, by hand: due days, keys, and the days marked done."""

import datetime as dt

import pytest

from peertrack.domain.models import Certification, Cycle
from peertrack.domain.renewal_tasks import keyed_tasks, split_task_key, task_deadlines
from peertrack.domain.templates import Task
from peertrack.storage.template_files import find_template

D = dt.date


def cert(cert_id: str, name: str, expires: dt.date, submit_days: int | None = None) -> Certification:
    return Certification(id=cert_id, name=name, cycle_months=24, required_seconds=0, submit_days=submit_days,
                         cycle=Cycle(starts=D(2025, 7, 1), ends=expires, required_seconds=0))


@pytest.mark.parametrize(("expires", "fee", "check"), [
    (D(2027, 6, 30), D(2027, 6, 30), D(2027, 5, 31)),  # 30 days before 30 June: 31 May
    (D(2027, 3, 31), D(2027, 3, 31), D(2027, 3, 1)),  # 30 days before 31 March: 1 March
    (D(2028, 3, 30), D(2028, 3, 30), D(2028, 2, 29)),  # a leap year: 29 February
    (D(2027, 3, 30), D(2027, 3, 30), D(2027, 2, 28)),
])
def test_texas_tasks_are_due_by_expiry_and_the_background_check_30_days_before(expires, fee, check):
    found = {d.key: (d.title, d.due) for d in task_deadlines(find_template("tx-peer"), cert("tx", "TX peer", expires))}
    assert found == {"tx:task:fee": ("Pay the renewal fee ($60): TX peer", fee),
                     "tx:task:background-check": ("Background check (DPS or IdentoGO): TX peer", check),
                     "tx:task:code-of-ethics": ("Sign the ethical standards: TX peer", fee)}


def test_a_task_without_its_own_day_is_due_with_the_application():
    ny = task_deadlines(find_template("ny-crpa"), cert("ny", "CRPA", D(2027, 6, 30), submit_days=45))
    assert [(d.due, d.cert_id) for d in ny] == [(D(2027, 5, 16), "ny")]  # 45 days before 30 June
    assert task_deadlines(None, cert("x", "X", D(2027, 1, 1))) == []


def test_the_days_marked_done_are_given_by_key_and_others_stay_open():
    found = task_deadlines(find_template("tx-peer"), cert("tx", "TX", D(2027, 6, 30)), {"fee": D(2026, 11, 2)})
    assert [(d.key, d.done_on) for d in found] == [
        ("tx:task:fee", D(2026, 11, 2)), ("tx:task:background-check", None), ("tx:task:code-of-ethics", None)]


def test_two_tasks_of_one_kind_are_numbered_from_the_second():
    tasks = (Task("fee", "Pay the state fee"), Task("references", "References"), Task("fee", "Pay the county fee"))
    assert [key for key, _ in keyed_tasks(tasks)] == ["fee", "references", "fee-2"]


@pytest.mark.parametrize(("text", "found"), [
    ("tx-peer:task:fee", ("tx-peer", "fee")), (" TX-PEER:task:Fee ", ("tx-peer", "fee")),
    ("tx-peer:expires", None), ("3", None), (":task:fee", None), ("tx-peer:task:", None)])
def test_reading_a_task_name(text, found):
    assert split_task_key(text) == found
