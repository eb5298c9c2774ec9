"""What is still missing, in words every view shares: the hours line, "still needed", the to-do list.

One certification's numbers come from its Progress record (the best legal choice), so the bar,
the sentences, `log-ceu`'s summary, `status --missing` and the JSON never tell different stories:
- the hours that count toward what is required are the required hours less those missing, so a
  bar is never full while anything is missing;
- "still needed" is one number, with the minimums' gaps inside it, never added on top.
"""

from __future__ import annotations

from collections import namedtuple

from peertrack.domain import formatting as fmt
from peertrack.domain.models import CapUse, CategoryProgress, Course, Progress

# The order a person acts on: what is already late, then what is pressing, then the rest.
ACT_ORDER = ("lapsed", "overdue", "urgent", "due-soon", "behind", "ok")  # a near date before a slow pace


def share(item: Progress) -> int:
    """The percent of the required hours that count, to the nearest whole one (a half up: 7.5 of 36 is 20.8%,
    shown 21%); never 100 while anything is missing, since 99.6% is not done."""
    required = item.cert.cycle.required_seconds
    if required <= 0:
        return 0 if item.missing_seconds else 100
    nearest = (item.toward_seconds * 200 + required) // (2 * required)
    return min(99 if item.missing_seconds else 100, nearest)


def hours_of(item: Progress) -> str:
    """ "27 of 36 hours (75%)": the hours that count toward what is required."""
    required = item.cert.cycle.required_seconds
    return f"{fmt.hours(item.toward_seconds)} of {fmt.hours(required)} hours ({share(item)}%)"


def beyond_words(item: Progress) -> str | None:
    """Why more hours are earned than count toward the requirement, when some are still missing."""
    if not item.missing_seconds or item.earned_seconds <= item.toward_seconds:
        return None
    unmet = [c.name for c in item.categories if not c.met]  # "the ethics minimum", "the GMHCN minimum"
    rules = " and ".join(unmet)
    minimum = "minimum is" if len(unmet) == 1 else "minimums are"
    return (f"{fmt.hours_words(item.earned_seconds)} earned; {fmt.hours(item.toward_seconds)} of them count toward "
            f"the {fmt.hours(item.cert.cycle.required_seconds)} until the {rules} {minimum} met")


def behind_words(item: Progress) -> str | None:
    """Why the level is behind, with the numbers that make it so (the JSON has them too)."""
    from peertrack.domain.requirements import REALISTIC_HOURS_A_MONTH

    if item.behind == "schedule":
        about = round(item.expected_seconds / 900) * 900  # to the quarter hour: a guide, not a count
        return (f"Behind: {fmt.hours(item.toward_seconds)} hours count so far; a steady pace through the cycle "
                f"would have about {fmt.hours(about)} by now, and you have under half of that.")
    if item.behind == "pace":
        pace = fmt.pace(item.seconds_per_month, item.missing_seconds, item.days_left)
        return f"Behind: {pace} is more than a month can be counted on to give ({REALISTIC_HOURS_A_MONTH} hours)."
    return None


def hours_name(category: CategoryProgress) -> str:
    """ "ethics hours", "hours from GMHCN"."""
    return f"hours from {category.name}" if category.dimension == "provider" else f"{category.name} hours"


class Need(namedtuple("Need", "seconds name dimension but", defaults=(None, None, ()))):
    """One line of a to-do list: `seconds` of a kind (a minimum's `name`), or of any kind (name None) `but`
    those a cap of 0 leaves out. A named tuple: this module loads on every `status`, and a dataclass costs more
    to define."""

    __slots__ = ()

    @property
    def kind(self) -> str:
        """ "of ethics", "from GMHCN", "in-person", "of any kind", "of any kind but core"."""
        if self.name is None:
            return "of any kind" + (f" but {fmt.joined(self.but)}" if self.but else "")
        if self.dimension == "provider":
            return f"from {self.name}"
        return self.name if self.dimension == "format" else f"of {self.name}"

    def words(self, first: bool) -> str:
        """ "3 hours of ethics" first in a list; "6 more of any kind" after it."""
        amount = fmt.hours_words(self.seconds) if first else fmt.hours(self.seconds)
        return f"{amount} {'more ' if self.name is None and not first else ''}{self.kind}"


def needs(item: Progress) -> list[Need]:
    """The hours still missing as a list: each minimum's gap, largest first, then those of any kind."""
    gaps = sorted((c for c in item.categories if not c.met), key=lambda c: (-c.missing_seconds, c.name))
    found = [Need(c.missing_seconds, c.name, c.dimension) for c in gaps]
    if item.any_kind_seconds > 0:
        found.append(Need(item.any_kind_seconds, but=left_out(item)))
    return found


def left_out(item: Progress) -> tuple[str, ...]:
    """What a cap of 0 leaves out of the hours of any kind: "core" (New York's CPS), "online", "from X"."""
    return tuple(f"from {cap.value}" if cap.dimension == "provider" else cap.value
                 for cap in item.cert.caps if not cap.seconds)


def needs_words(item: Progress) -> str:
    """ "3 hours of ethics and 6 more of any kind"; "9 hours of any kind"."""
    parts = [need.words(first=index == 0) for index, need in enumerate(needs(item))]
    if not parts:
        return ""
    words = parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " and " + parts[-1]
    if len({c.dimension for c in item.categories if not c.met}) > 1:
        words += " (one course can count toward more than one of these)"
    return words


def needed_words(item: Progress) -> str:
    """The hours missing, one number with the minimums' gaps inside: "9 hours, all of ethics",
    "10 hours (2 of ethics, 8 of any kind)", "10 hours"."""
    parts = needs(item)
    total = fmt.hours_words(item.missing_seconds)
    if len(parts) == 1 and parts[0].name is not None:
        return f"{total}, all {parts[0].kind}"
    if any(part.name is not None for part in parts):
        return f"{total} (" + ", ".join(f"{fmt.hours(part.seconds)} {part.kind}" for part in parts) + ")"
    if parts and parts[0].but:
        return f"{total}, {parts[0].kind}"
    return total


def still_needed(item: Progress) -> str:
    """The dashboard's sentence: "Still needed: 9 hours (3 of ethics, 6 of any kind), about 1.5 hours a month."."""
    pace = fmt.pace(item.seconds_per_month, item.missing_seconds, item.days_left)
    return f"Still needed: {needed_words(item)}, {pace}."


def todo_sentence(item: Progress) -> str:
    """One certification's to-do in a sentence: what, by when, at what pace."""
    cert = item.cert
    body = cert.body or "your certifying body"
    late = item.late
    if late is not None and late.now is not None and late.now.ended:
        return f"It is {late.words}: contact {body}."
    if late is not None and late.now is not None:
        return (f"It expired {fmt.days_from_now(item.days_left)}; {late.words}. Renew it with {body}, then record "
                f"it with: peertrack cert renew {cert.id}")
    if item.level == "lapsed":
        ended = f" ({late.words})" if late is not None else ""
        return f"It has lapsed{ended}: contact {body} about reinstating it."
    if item.days_left < 0:
        return (f"It expired {fmt.days_from_now(item.days_left)}: renew it with {body}, then record it with: "
                f"peertrack cert renew {cert.id}")
    if not item.missing_seconds:
        return "Nothing is missing: every hour this cycle needs is in."
    pace = fmt.pace(item.seconds_per_month, item.missing_seconds, item.days_left)
    return f"{needs_words(item)} by {fmt.day(cert.expires)}, {pace}."


def act_order(items: list[Progress]) -> list[Progress]:
    """Certifications in the order to act on them: the most pressing level, then the soonest expiry;
    those with nothing missing last."""
    return sorted(items, key=lambda p: (not p.missing_seconds and p.days_left >= 0, ACT_ORDER.index(p.level),
                                        p.cert.expires, p.cert.id))


def cap_words(cap: CapUse) -> str:
    """Hours over a cap, in words: "3.5 of your 5.5 online hours do not count: at most 2 count"; a cap of none
    says "your 3 core hours do not count toward this certification"."""
    name = f"from {cap.name}" if cap.dimension == "provider" else cap.name
    if not cap.cap_seconds:
        return f"Your {fmt.hours(cap.logged_seconds)} {name} hours do not count toward this certification"
    return (f"{fmt.hours(cap.uncounted_seconds)} of your {fmt.hours(cap.logged_seconds)} {name} hours do not "
            f"count: at most {fmt.hours(cap.cap_seconds)} count")


def _holds(cap: CapUse, course: Course, item: Progress) -> bool:
    """Whether the course has hours under the cap: its category (or a word the certification counts as
    it), its format or its provider."""
    if cap.dimension == "format":
        return (course.format or "").casefold() == cap.name.casefold()
    if cap.dimension == "provider":
        from peertrack.domain.providers import same_provider

        return course.provider is not None and same_provider(cap.name, course.provider)
    from peertrack.domain.category_words import counted_category

    aliases = dict(item.cert.category_aliases)
    return any((counted_category(a.category, aliases) or "").casefold() == cap.name.casefold()
               for a in course.allocations)


def progress_line(item: Progress, course: Course | None = None) -> str:
    """One certification's standing in a line: "ca-pss: 14 of 20 hours (70%), ✓ on track; ..."; with the
    course just logged, the caps its hours went over."""
    line = f"  {item.cert.id}: {hours_of(item)}, {fmt.LEVEL_WORDS[item.level]}"
    unmet = [c.name for c in item.categories if not c.met]
    if item.missing_seconds and item.earned_seconds > item.toward_seconds and unmet:  # why a course may not move it
        minimum = "minimum is" if len(unmet) == 1 else "minimums are"
        line += (f" ({fmt.hours_words(item.earned_seconds)} earned; more count once the {' and '.join(unmet)} "
                 f"{minimum} met)")
    over = [words[0].lower() + words[1:] for words in (
        cap_words(cap) for cap in item.caps if cap.uncounted_seconds and course and _holds(cap, course, item))]
    if over:  # why a course may not move it
        line += f" ({'; '.join(over)})"
    if item.missing_seconds and item.days_left >= 0:
        needed = fmt.pace(item.seconds_per_month, item.missing_seconds, item.days_left)
        line += f"; {fmt.hours_words(item.missing_seconds)} to go, {needed}"
    short = [f"{c.name} {fmt.hours(c.earned_seconds)} of {fmt.hours(c.required_seconds)}"
             for c in item.categories if not c.met]
    if short:
        line += f" (still short: {', '.join(short)})"
    return line


def recorded_lines(course: Course, items: list[Progress], renewal_helps: bool = True) -> list[str]:
    """What log-ceu says: the course as recorded, then where each certification it counts toward stands.

    `renewal_helps` is whether a certification's current cycle ended before the course's date, so that
    recording its renewal would count it (a renewal never reaches back to a day before its cycle)."""
    first = (f"✓ Recorded course {course.id}: {course.title}, {fmt.hours_words(course.seconds)} on "
             f"{fmt.day(course.date)}")
    if course.allocations:
        first += f" ({fmt.category_text(course)})"
    if course.credit_chosen and not course.cert_ids:
        return [first, "It counts toward no certification, as you chose. To count it by its date again: "
                       f"peertrack ceu edit {course.id} --cert auto"]
    if not items and course.cert_ids:
        return [first, "It counts toward no current cycle (see the note below)."]
    if not items:
        later = ", or a renewal you record," if renewal_helps else ""
        return [first, "It counts toward no certification now: none of your certifications has a current cycle "
                       f"that includes {fmt.day(course.date)}. It will count toward a certification you add{later} "
                       "whose cycle includes that day."]
    return [first, "It counts toward:"] + [progress_line(item, course) for item in items]


def unique_words(item: Progress) -> str:
    """Which courses counting toward both of two credentials with unique hours are counted here, which there."""
    def numbers(ids: tuple[int, ...]) -> str:
        return "none" if not ids else ("course " if len(ids) == 1 else "courses ") + fmt.joined(str(n) for n in ids)

    return (f"Unique hours with {item.unique_with}: of the courses that could count toward both, "
            f"{numbers(item.shared_here)} count here, {numbers(item.shared_there)} there (the best split).")


def trainings_words(item: Progress) -> str:
    """The trainings still needed this cycle, counted, not in hours: "1 peer ethics training"; "" for none."""
    from peertrack.domain.renewal_tasks import plural

    missing = [plural(t.what, t.missing) for t in item.trainings if t.missing]
    return fmt.joined(missing) if missing else ""
