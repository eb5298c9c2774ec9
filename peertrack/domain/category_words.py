"""Category words: which words count toward a certification's category rules, and what a word that
counts toward none was surely meant to be.

A course counts toward a category rule only when its category is the rule's word (any case), as
the allocation counts it (domain/allocation.py `matches`). A template may give a rule a longer
label ("peer support and recovery" for the rule "peer support"): a course filed under a word of
that label ("recovery") does not count, but the rule it was meant for is clear, so it is proposed.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

from peertrack.domain.errors import did_you_mean
from peertrack.domain.formatting import hours_words
from peertrack.domain.models import Requirement
from peertrack.domain.record_types import dataclass


@dataclass(frozen=True)
class WordCheck:
    """What a course's category word does for a certification: the rule word it counts toward
    (None: none), and, when it counts toward none, the rule word it was surely meant to be."""

    counts_toward: str | None
    meant: str | None = None


def category_words(rules: Iterable[Requirement]) -> list[str]:
    """The words a course's category must be to count toward a category rule, in the rules' order."""
    return list(dict.fromkeys(r.value for r in rules if r.dimension == "category"))


def label_parts(label: str) -> list[str]:
    """A label and the parts it joins: "peer support and recovery" -> itself, "peer support", "recovery"."""
    whole = " ".join(label.lower().split())
    parts = [p.strip() for p in re.split(r",|\band\b|&", whole)]
    return list(dict.fromkeys([whole, *(p for p in parts if p)]))


def check_word(word: str, rules: Iterable[Requirement], labels: Mapping[str, str] | None = None) -> WordCheck:
    """Whether a course filed under `word` counts toward one of `rules`' categories; if not, what was meant.

    Counts: the rule's own word, in any case. Meant: a word of a rule's template label (first rule
    wins), else the one rule word that is close in spelling (errors.did_you_mean).
    """
    words = category_words(rules)
    wanted = " ".join(word.lower().split())
    for value in words:
        if value.casefold() == wanted.casefold():
            return WordCheck(value)
    for value in words:
        if wanted in label_parts((labels or {}).get(value, "")):
            return WordCheck(None, value)
    return WordCheck(None, did_you_mean(wanted, words))


def unmatched_note(word: str, cert_id: str, rules: Iterable[Requirement], course_id: int,
                   labels: Mapping[str, str] | None = None, only_word: bool = True) -> str | None:
    """The note for a course filed under `word` that counts toward no minimum of `cert_id`, or None.

    None when the word counts, or when the certification has no category minimums at all. With
    `only_word` (the course has this one category) the fix is given as a command to type.
    """
    rules = list(rules)
    minimums = [r for r in rules if r.dimension == "category" and r.kind == "min"]
    if not minimums:
        return None
    check = check_word(word, rules, labels)
    if check.counts_toward is not None:
        return None
    listed = [f"'{r.value}' ({hours_words(r.seconds)})" for r in minimums]
    which = (f"its minimum is {listed[0]}" if len(listed) == 1 else
             f"its minimums are {', '.join(listed[:-1])} and {listed[-1]}")
    note = f"Note: '{word}' counts toward no minimum of {cert_id}; {which}."
    if check.meant:
        note += f" Did you mean '{check.meant}'?"
    change = f'"{check.meant}"' if check.meant and only_word else "..."
    return f"{note} Change it with: peertrack ceu edit {course_id} --category {change}"
