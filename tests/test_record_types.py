"""Record classes behave as the standard library's dataclasses do, for everything peertrack uses."""

from __future__ import annotations

import dataclasses

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from peertrack.domain import record_types


def _pair(frozen: bool):
    """The same class made both ways: (ours, the standard library's)."""
    made = []
    for maker, field in ((record_types.dataclass, record_types.field), (dataclasses.dataclass, dataclasses.field)):
        @maker(frozen=frozen)
        class Entry:
            """One entry."""

            title: str
            hours: int = 1
            tags: list = field(default_factory=list)
            parts: tuple = field(default=())

        made.append(Entry)
    return made


@pytest.mark.parametrize("frozen", [True, False])
def test_made_compared_shown_and_replaced_alike(frozen: bool) -> None:
    ours, theirs = _pair(frozen)
    for cls in (ours, theirs):
        one, two = cls("Ethics"), cls("Ethics", 1, [], ())
        assert one == two and one is not two and one != cls("Ethics", 2)
        assert one.tags is not two.tags  # a new list for each record
        assert cls.parts == () and not hasattr(cls, "tags")
    assert repr(ours("Ethics", 3)).endswith(".Entry(title='Ethics', hours=3, tags=[], parts=())")
    assert repr(ours("Ethics", 3)) == repr(theirs("Ethics", 3))
    changed = record_types.replace(ours("Ethics"), hours=5)
    assert (changed.title, changed.hours) == ("Ethics", 5)
    with pytest.raises(TypeError):
        record_types.replace(changed, minutes=5)
    with pytest.raises(TypeError):
        ours()
    assert ours("x") != theirs("x")  # records of different classes are never equal


def test_a_frozen_record_cannot_change_and_hashes_as_dataclasses_do() -> None:
    @record_types.dataclass(frozen=True)
    class Ours:
        a: int
        b: str = "x"

    @dataclasses.dataclass(frozen=True)
    class Theirs:
        a: int
        b: str = "x"

    assert hash(Ours(1)) == hash(Theirs(1))
    assert {Ours(1): "kept"}[Ours(1, "x")] == "kept"
    with pytest.raises(AttributeError):
        Ours(1).a = 2  # type: ignore[misc]
    with pytest.raises(AttributeError):
        del Ours(1).a  # type: ignore[misc]


def test_a_record_that_can_change_cannot_be_a_key() -> None:
    ours, theirs = _pair(frozen=False)
    assert ours.__hash__ is None and theirs.__hash__ is None
    record = ours("Ethics")
    record.hours = 2
    assert record.hours == 2


@pytest.mark.parametrize("frozen", [True, False])
@pytest.mark.parametrize("changes", [{}, {"hours": 5}, {"title": "Boundaries", "parts": ("a",)},
                                     {"tags": ["x"], "hours": 0, "title": "", "parts": ()}])
def test_replaced_as_dataclasses_replaces(frozen: bool, changes: dict) -> None:
    ours, theirs = _pair(frozen)
    mine, standard = ours("Ethics", 3, ["t"], ("p",)), theirs("Ethics", 3, ["t"], ("p",))
    changed, expected = record_types.replace(mine, **changes), dataclasses.replace(standard, **changes)
    assert repr(changed).split(".Entry")[1] == repr(expected).split(".Entry")[1]
    if "tags" not in changes:  # a field not changed is the same object, as dataclasses keeps it
        assert changed.tags is mine.tags and expected.tags is standard.tags
    assert changed is not mine
    with pytest.raises(TypeError, match="unexpected keyword argument 'minutes'"):
        record_types.replace(mine, zeta=1, minutes=5)


def test_a_record_of_one_field_is_replaced() -> None:
    @record_types.dataclass(frozen=True)
    class One:
        a: int

    assert record_types.replace(One(1), a=2) == One(2)
    assert record_types.replace(One(1)) == One(1)


_FIELD_KINDS = st.sampled_from(["required", "default", "factory"])


@settings(max_examples=200, deadline=None)
@given(kinds=st.lists(_FIELD_KINDS, max_size=5), frozen=st.booleans(), data=st.data())
def test_arguments_are_bound_as_dataclasses_binds_them_before_and_after_compiling(kinds, frozen, data) -> None:
    """Any class and any call, right or wrong: the shared __init__ of the first records and the written one
    of later records make the same record as dataclasses, or refuse it with the same TypeError."""
    names = [f"f{i}" for i in range(len(kinds))]
    # A required field cannot follow one with a default: keep the class one Python accepts.
    kinds = sorted(kinds, key=lambda kind: kind != "required")
    made = []
    for maker, field in ((record_types.dataclass, record_types.field), (dataclasses.dataclass, dataclasses.field)):
        namespace: dict = {"__annotations__": dict.fromkeys(names, "int")}
        for name, kind in zip(names, kinds, strict=True):
            if kind == "default":
                namespace[name] = field(default=len(name))
            elif kind == "factory":
                namespace[name] = field(default_factory=list)
        made.append(maker(frozen=frozen)(type("Entry", (), namespace)))
    ours, theirs = made
    calls = data.draw(st.lists(st.tuples(
        st.lists(st.integers(0, 9), max_size=len(names) + 1),
        st.dictionaries(st.sampled_from(names + ["other"]), st.integers(0, 9), max_size=3)), min_size=1, max_size=4))
    required = kinds.count("required")
    for _ in range(2):  # the shared __init__ first; then, after as many records as it makes, the written one
        for args, kwargs in calls:
            assert _outcome(ours, args, kwargs) == _outcome(theirs, args, kwargs)
        for _ in range(record_types._SHARED_RECORDS):
            ours(*range(required))
        assert ours.__init__.__qualname__ == "Entry.__init__"  # written and compiled for this class


def _outcome(cls, args, kwargs):
    try:
        record = cls(*args, **kwargs)
    except TypeError as error:
        return ("refused", str(error).split("__init__() ")[1])
    return ("made", tuple(getattr(record, name) for name in cls.__annotations__))
