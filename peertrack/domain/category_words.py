"""Category words: which words count toward a certification's category rules, and what a word that
counts toward none was surely meant to be.

A course counts toward a category rule when its category is the rule's word (any case), as the
allocation counts it (domain/allocation.py `matches`), or a word the certification counts as that
category: the words of a template's longer label ("recovery", of "peer support and recovery" for the
rule "peer support"), kept when the certification is added, and the holder's own (`cert edit
--alias`). For any other word, the rule it was surely meant for is proposed.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

from peertrack.domain.errors import did_you_mean
from peertrack.domain.formatting import hours_words
from peertrack.domain.models import Certification, Course, Requirement
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


def folded(word: str) -> str:
    """A category word as it is compared: any case, any spacing."""
    return " ".join(word.split()).casefold()


def aliases_from_labels(rules: Iterable[Requirement], labels: Mapping[str, str]) -> tuple[tuple[str, str], ...]:
    """The words of a template's longer labels that count as their rule's category.

    "peer support and recovery" (the rule "peer support") gives itself and "recovery"; "law and
    ethics" (the rule "ethics") gives itself and "law". A label is split only at commas and "and":
    "IC&RC PR Code of Ethics" stays whole. A word that is some rule's own category is left to it.
    """
    rules = list(rules)
    own = {folded(r.value) for r in rules if r.dimension == "category"}
    found: dict[str, str] = {}
    for rule in rules:
        label = labels.get(rule.value)
        if rule.dimension != "category" or not label:
            continue
        whole = folded(label)
        for word in [whole, *(part.strip() for part in re.split(r",|\band\b", whole))]:
            if word and word not in own:
                found.setdefault(word, rule.value)
    return tuple(found.items())


def counted_category(category: str | None, aliases: Mapping[str, str]) -> str | None:
    """The rule category a course's category counts as: an alias's category, else itself."""
    return aliases.get(folded(category), category) if category is not None else None


def check_word(word: str, rules: Iterable[Requirement], labels: Mapping[str, str] | None = None,
               aliases: Mapping[str, str] | None = None) -> WordCheck:
    """Whether a course filed under `word` counts toward one of `rules`' categories; if not, what was meant.

    Counts: the rule's own word, in any case, or a word the certification counts as it (`aliases`, by
    folded word). Meant: a word of a rule's template label (first rule wins), else the one rule word
    that is close in spelling (errors.did_you_mean).
    """
    words = category_words(rules)
    wanted = " ".join(word.lower().split())
    target = (aliases or {}).get(folded(word), wanted)
    for value in words:
        if value.casefold() == target.casefold():
            return WordCheck(value)
    for value in words:
        if wanted in label_parts((labels or {}).get(value, "")):
            return WordCheck(None, value)
    return WordCheck(None, did_you_mean(wanted, words))


def unmatched_note(word: str, cert_id: str, rules: Iterable[Requirement], course_id: int,
                   labels: Mapping[str, str] | None = None, only_word: bool = True,
                   aliases: Mapping[str, str] | None = None) -> str | None:
    """The note for a course filed under `word` that counts toward no minimum of `cert_id`, or None.

    None when the word counts, or when the certification has no category minimums at all. With
    `only_word` (the course has this one category) the fix is given as a command to type.
    """
    rules = list(rules)
    minimums = [r for r in rules if r.dimension == "category" and r.kind == "min"]
    if not minimums:
        return None
    check = check_word(word, rules, labels, aliases)
    if check.counts_toward is not None:
        return None
    note = f"Note: '{word}' counts toward no minimum of {cert_id}; {_its_minimums(minimums)}."
    if check.meant:
        note += f" Did you mean '{check.meant}'?"
    change = f'"{check.meant}"' if check.meant and only_word else "..."
    alias = f'"{word}={check.meant or minimums[0].value}"'
    return (f"{note} Change it with: peertrack ceu edit {course_id} --category {change} "
            f"(or count your word as one of them: peertrack cert edit {cert_id} --alias {alias})")


def _its_minimums(minimums: list[Requirement]) -> str:
    listed = [f"'{r.value}' ({hours_words(r.seconds)})" for r in minimums]
    return (f"its minimum is {listed[0]}" if len(listed) == 1 else
            f"its minimums are {', '.join(listed[:-1])} and {listed[-1]}")


def imported_notes(courses: Iterable[Course], certs: Iterable[Certification],
                   named: tuple[str, ...] | None, labels: Mapping[str, Mapping[str, str]]) -> list[str]:
    """One note per certification and category word, among imported `courses`, that counts toward no minimum.

    A course is looked at for each certification it counts toward now: those `named`, or those
    whose current cycle includes its date. `labels` are each template's longer rule labels, by
    certification.
    """
    from peertrack.domain.formatting import counted

    notes = []
    courses = list(courses)
    for cert in certs:
        minimums = [r for r in cert.requirements if r.dimension == "category" and r.kind == "min"]
        if not minimums:
            continue
        aliases = dict(cert.category_aliases)
        words: dict[str, int] = {}
        for course in courses:
            if cert.id in named if named is not None else cert.cycle.contains(course.date):
                for part in course.allocations:
                    words[part.category] = words.get(part.category, 0) + 1
        for word, count in words.items():
            check = check_word(word, cert.requirements, labels.get(cert.id), aliases)
            if check.counts_toward is not None:
                continue
            meant = f" Did you mean '{check.meant}'?" if check.meant else ""
            them, verb = ("it", "counts") if count == 1 else ("them", "count")
            notes.append(f"Note: {counted(count, 'course')} filed under '{word}' {verb} toward no minimum of "
                         f"{cert.id}; {_its_minimums(minimums)}.{meant} Count {them} with: peertrack cert edit "
                         f'{cert.id} --alias "{word}={check.meant or minimums[0].value}"')
    return notes
