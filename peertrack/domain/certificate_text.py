"""Reads a certificate's text (as a PDF gives it) into the course it proposes: title, date, hours, provider, approval.

Pure: it takes text and gives a Proposal, saying for each field what it read it from and where it was unsure.
"""

from __future__ import annotations

import datetime as dt
import re
from fractions import Fraction

from peertrack.domain.record_types import dataclass, field

FIELDS = ("title", "date", "hours", "provider", "approval_no")
FIELD_WORDS = {"title": "title", "date": "date", "hours": "hours", "provider": "provider",
               "approval_no": "approval number"}
HOURS_PER_CEU = 10  # 1 CEU is 10 contact hours, as IACET and the boards define it

_MONTHS = {name: number for number, names in enumerate(
    [("jan", "january"), ("feb", "february"), ("mar", "march"), ("apr", "april"), ("may",), ("jun", "june"),
     ("jul", "july"), ("aug", "august"), ("sep", "sept", "september"), ("oct", "october"), ("nov", "november"),
     ("dec", "december")], start=1) for name in names}
_MONTH = r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?" \
         r"|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
_DATE_PATTERNS = (
    ("iso", re.compile(r"\b(\d{4})-(\d{1,2})-(\d{1,2})\b")),
    ("numeric", re.compile(r"\b(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})\b")),
    ("month-first", re.compile(r"\b(" + _MONTH + r")\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b", re.I)),
    ("day-first", re.compile(r"\b(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?(" + _MONTH + r"),?\s+(\d{4})\b", re.I)),
)
# Words before a date that say it is when the course was taken, and words that say it is not.
_COMPLETION_WORDS = re.compile(r"(complet|date of (course|training|event|attendance|program)|course date|"
                               r"training date|event date|attended|held on|presented on|awarded|earned|"
                               r"date\s*:|dated|on\s*$|given|conducted|session)", re.I)
_OTHER_DATE_WORDS = re.compile(r"(expir|valid (until|through)|renew|birth|printed|issued on|approval period|"
                               r"approved through|through\s*:?\s*$|until|period|effective)", re.I)

_NUMBER = r"(?<![\d.,])(\d{1,3}(?:[.,]\d{1,2})?|\.\d{1,2})(?![\d])"
_S = r"[^\S\n]*"  # spaces within a line: a number and its unit are never on different lines
_NOT_MINUTES = r"(?!" + _S + r"(?:CEUs?|minutes|mins?)\b)"
_HOUR_UNITS = (
    # (what the number counts, the pattern: number then unit, or label then number)
    ("hours and minutes", re.compile(r"\b(\d{1,2})" + _S + r"(?:hours?|hrs?)" + _S + r"(?:and" + _S + r")?(\d{1,2})"
                                     + _S + r"(?:minutes|mins?)\b", re.I)),
    ("contact hours", re.compile(_NUMBER + _S + r"\(?" + _S + r"(?:(?:NBCC|APA|ASWB|NAADAC|IC&RC|CPD)" + _S + r")?"
                                 r"(?:contact|clock|continuing education|CE|CEU|CPD|NBCC|credit|training|education|"
                                 r"instructional)" + _S + r"(?:hours?|hrs?\.?)\b", re.I)),
    ("contact hours", re.compile(r"\b(?:contact|clock|CE|CEU|CPD|credit|training|total|education|continuing "
                                 r"education)" + _S + r"(?:hours?|hrs?\.?)" + _S + r"(?:earned|awarded|approved|"
                                 r"completed)?" + _S + r"[:=-]?" + _S + _NUMBER + _NOT_MINUTES, re.I)),
    ("CEUs", re.compile(_NUMBER + _S + r"(?:CEUs|CEU|continuing education units?)\b", re.I)),
    ("CEUs", re.compile(r"\b(?:CEUs|CEU|continuing education units?)" + _S + r"(?:earned|awarded)?" + _S + r"[:=-]?"
                        + _S + _NUMBER, re.I)),
    ("minutes", re.compile(r"\b(\d{1,4})" + _S + r"(?:minutes|mins?)\b", re.I)),
    ("hours", re.compile(r"\b(?:hours?|duration|length)" + _S + r"[:=-]?" + _S + _NUMBER + _NOT_MINUTES
                         + r"(?!" + _S + r"(?:hours?|hrs?)" + _S + r"(?:and" + _S + r")?\d)", re.I)),
    ("hours", re.compile(_NUMBER + _S + r"(?:-|" + _S + r")(?:hours?|hrs?\.?)\b", re.I)),
)

_TITLE_WORDS = sorted(("course", "course title", "title", "training", "training title", "program", "program title",
                       "workshop", "workshop title", "session", "session title", "event", "activity", "activity title",
                       "course name", "name of course", "name of training", "webinar", "subject", "topic", "module",
                       "module title", "class", "seminar"),
                      key=len, reverse=True)
_TITLE_LABELS = re.compile(r"^[^\S\n]*(?:" + "|".join(_TITLE_WORDS) + r")\b[^\S\n]*(?:[:#-]|(?=[^\S\n]))[^\S\n]*"
                           r"(?!(?:completion|completed|date|hours?|no\b|number|id\b|approval|#|ceus?\b))(\S.*)$",
                           re.I | re.M)
# The same labels with a colon in the middle of a line: text beside them on the page may be read into one line.
_TITLE_LABELS_INLINE = re.compile(r"[^\S\n](?:" + "|".join(_TITLE_WORDS) + r")[^\S\n]*:[^\S\n]*"
                                  r"(?!(?:completion|completed|date|hours?|no\b|number|id\b|approval|#|ceus?\b))(\S.*)$",
                                  re.I | re.M)
_TITLE_AFTER = re.compile(r"(?:(?:has|have)\s+)?(?:successfully\s+)?(?:completed|attended|participated in|"
                          r"fulfilled the requirements (?:of|for))\s*(?:the\s+)?(?:(?:online|live|in-person|"
                          r"self-study|virtual)\s+)?(?:course|training|workshop|program|webinar|session|"
                          r"seminar|class)?\s*(?:entitled|titled|called)?\s*[:,]?\s*(.+)", re.I | re.S)
_TITLE_FOR = re.compile(r"\b(?:(?:for|on|upon) (?:the )?(?:successful(?:ly)? )?(?:completion of|completing|"
                        r"participation in|participating in|attending)|in recognition of "
                        r"(?:completing|participation in|attendance at))\s*(?:the\s+)?"
                        r"(?:course|training|workshop|program|webinar|session)?\s*[:,]?\s*(.+)", re.I | re.S)
_PROVIDER_LABELS = re.compile(r"^\s*(?:provider|provided by|provider name|presented by|sponsor|sponsored by|"
                              r"offered by|training provider|ce provider|course provider|sponsoring organi[sz]ation|"
                              r"organi[sz]ation|issued by|hosted by|approved provider|trainer\s*/\s*agency|agency|"
                              r"training organi[sz]ation)\b[^\S\n]*[:-]?[^\S\n]*(.+)$", re.I | re.M)
# "X is an NBCC Approved Continuing Education Provider", and a letter's closing "Sincerely, X".
_PROVIDER_SENTENCE = re.compile(r"^[^\S\n]*([A-Z][^\n.,]{2,80}?)\s+is\s+(?:an?|the)\s+(?:[A-Z&-]+\s+)?"
                                r"(?i:approved\s+(?:continuing education\s+|CE\s+)?provider)", re.M)
_PROVIDER_CLOSING = re.compile(r"^[^\S\n]*(?:sincerely|regards|with thanks),?[^\S\n]*(?:\n[^\S\n]*)?([^\n]{3,80})$",
                               re.I | re.M)
_PROVIDER_INLINE = re.compile(r"\b(?:presented|provided|offered|sponsored|hosted|given) by\s+(?:the\s+)?(.+)",
                              re.I | re.S)
_ORGANISATION = re.compile(r"\b(institute|association|academy|center|centre|network|university|college|council|"
                           r"coalition|alliance|foundation|inc\.?|llc|society|collaborative|school|"
                           r"department|agency|services|training|partners|board)\b", re.I)
_APPROVAL = re.compile(r"\b(?:approval|approved|course approval|ce approval|program approval|provider approval|"
                       r"approved provider|provider|course|activity|NAADAC|NBCC|ACE|CE broker|event)\s*"
                       r"(?:number|no\.?|num\.?|#|code|id)\s*[:#]?\s*([A-Z0-9][A-Z0-9./-]{1,30}[A-Z0-9])", re.I)
_APPROVAL_LOOSE = re.compile(r"\b(?:approval\s*[:#]|approved provider|ACEP(?:\s*(?:no\.?|number|#))?|"
                             r"provider\s*#)\s*[:#]?\s*([A-Z0-9][A-Z0-9./-]{1,30}[A-Z0-9])", re.I)
_HOLDER = re.compile(r"(?:certif(?:y|ies) that|awarded to|presented to|is granted to|this is to certify that)"
                     r"\s*[:,]?\s*(.+?)\s*(?:\n|has\b|have\b|attended\b|completed\b|$)", re.I)
_STOP_LINE = re.compile(r"^\s*(?:on|date|dated|for|with|presented|provided|offered|sponsored|hosted|earning|"
                        r"and|this|in|at|awarded|approval|approved|provider|hours?|ce|ceus?|contact)\b", re.I)


@dataclass
class Proposal:
    """What a certificate's text says, field by field, with how each was read and what is doubtful.

    `hours` is exact: a Fraction of an hour (1.5 CEUs is 15, 90 minutes is 3/2).
    `found` says, for each field read, the words it was read from; `unsure` says why a field
    may be wrong; a field that is None was not found.
    """

    title: str | None = None
    date: dt.date | None = None
    hours: Fraction | None = None
    provider: str | None = None
    approval_no: str | None = None
    holder: str | None = None
    found: dict[str, str] = field(default_factory=dict)
    unsure: dict[str, str] = field(default_factory=dict)

    @property
    def missing(self) -> tuple[str, ...]:
        """The fields a course needs that were not found: title, date, hours."""
        return tuple(name for name in ("title", "date", "hours") if getattr(self, name) is None)


def read_certificate(text: str) -> Proposal:
    """Propose a course from a certificate's text: each field read by the wording certificates use."""
    text = _tidy(text)
    proposal = Proposal()
    _read_hours(text, proposal)
    _read_date(text, proposal)
    _read_title(text, proposal)
    _read_provider(text, proposal)
    _read_approval(text, proposal)
    holder = _HOLDER.search(text)
    if holder and 0 < len(holder.group(1)) <= 60:
        proposal.holder = holder.group(1).strip(" ,.")
    return proposal


def hours_text(hours: Fraction) -> str:
    """Hours as the --hours option takes them: "3", "1.5", or minutes ("50m") when hours would not be exact."""
    if (hours * 100).denominator == 1:
        whole = hours * 100
        text = f"{int(whole) // 100}.{int(whole) % 100:02d}".rstrip("0").rstrip(".")
        return text
    minutes = hours * 60
    if minutes.denominator == 1:
        return f"{int(minutes)}m"
    return str(float(hours))


def _tidy(text: str) -> str:
    text = text.replace("\u00a0", " ").replace("\u2013", "-").replace("\u2014", "-")
    text = text.replace("\u201c", '"').replace("\u201d", '"').replace("\u2019", "'")
    lines = [" ".join(line.split()) for line in text.splitlines()]
    return "\n".join(line for line in lines if line)


def _number(text: str) -> Fraction:
    return Fraction(text.replace(",", "."))


def _read_hours(text: str, proposal: Proposal) -> None:
    readings: list[tuple[Fraction, str, str]] = []  # (hours, unit, the words)
    taken: list[tuple[int, int]] = []
    for unit, pattern in _HOUR_UNITS:
        for match in pattern.finditer(text):
            if any(start <= match.start() < end or match.start() <= start < match.end() for start, end in taken):
                continue
            if unit == "hours and minutes":
                hours = int(match.group(1)) + Fraction(int(match.group(2)), 60)
            elif unit == "minutes":
                hours = Fraction(int(match.group(1)), 60)
            elif unit == "CEUs":
                hours = _number(match.group(1)) * HOURS_PER_CEU
            else:
                hours = _number(match.group(1))
            if hours <= 0 or hours > 200:
                continue
            taken.append(match.span())
            readings.append((hours, unit, match.group(0)))
    if not readings:
        return
    # The first reading of the most telling unit wins; others that agree confirm it.
    rank = {"contact hours": 0, "CEUs": 1, "hours and minutes": 2, "hours": 3, "minutes": 4}
    best = min(readings, key=lambda reading: rank[reading[1]])
    proposal.hours = best[0]
    proposal.found["hours"] = best[2]
    others = {hours for hours, unit, _ in readings if rank[unit] <= 1 and hours != best[0]}
    if best[1] == "CEUs" and best[0] > 50:
        proposal.unsure["hours"] = (f'"{best[2]}" would be {hours_text(best[0])} hours at 10 hours a CEU; '
                                    "some providers call an hour a CEU")
    elif others:
        proposal.unsure["hours"] = ("it also says " + ", ".join(sorted(f"{hours_text(h)} hours" for h in others)))
    elif best[1] in ("hours", "minutes") and len({h for h, _, _ in readings}) > 1:
        proposal.unsure["hours"] = "it gives more than one number of hours"


def _dates_in(text: str) -> list[tuple[int, dt.date, str, bool]]:
    """Every date in the text: (where, the date, the words, whether its order of day and month was a guess)."""
    found = []
    for kind, pattern in _DATE_PATTERNS:
        for match in pattern.finditer(text):
            a, b, c = match.groups()
            guessed = False
            try:
                if kind == "iso":
                    day = dt.date(int(a), int(b), int(c))
                elif kind == "numeric":
                    first, second = int(a), int(b)
                    if first > 12 >= second:
                        day = dt.date(int(c), second, first)  # 25/03/2026: only day-first makes sense
                        guessed = True
                    else:
                        day = dt.date(int(c), first, second)
                        guessed = first != second and second <= 12 and "." in match.group(0)
                elif kind == "month-first":
                    day = dt.date(int(c), _MONTHS[a.lower().rstrip(".")], int(b))
                else:
                    day = dt.date(int(c), _MONTHS[b.lower().rstrip(".")], int(a))
            except (ValueError, KeyError):
                continue
            if not 1990 <= day.year <= 2100:
                continue
            found.append((match.start(), day, match.group(0), guessed))
    found.sort(key=lambda item: item[0])
    return found


def _read_date(text: str, proposal: Proposal) -> None:
    dates = _dates_in(text)
    if not dates:
        return
    chosen, reasons = [], []
    for where, day, words, guessed in dates:
        line_start = text.rfind("\n", 0, where) + 1
        before = text[max(line_start - 60, 0):where]
        before_line = text[line_start:where]
        if _OTHER_DATE_WORDS.search(before_line[-40:]):
            continue
        score = 2 if _COMPLETION_WORDS.search(before_line[-50:]) else (1 if _COMPLETION_WORDS.search(before) else 0)
        chosen.append((score, where, day, words, guessed))
    if not chosen:
        return
    best = max(chosen, key=lambda item: (item[0], -item[1]))
    score, _, day, words, guessed = best
    proposal.date = day
    proposal.found["date"] = words
    others = {other_day for s, _, other_day, _, _ in chosen if other_day != day and s >= score}
    if guessed:
        reasons.append(f'"{words}" was read as {day.isoformat()}, day first')
    if others:
        reasons.append("it also gives " + ", ".join(sorted(d.isoformat() for d in others)))
    if reasons:
        proposal.unsure["date"] = "; ".join(reasons)


def _clean_title(text: str) -> str | None:
    first = text.split("\n")[0]
    first = re.split(r"\s+(?:on|presented by|provided by|offered by|sponsored by|hosted by|held on|"
                     r"for a total of|earning|and (?:is|has) (?:been )?awarded|consisting of|"
                     r"approved for|worth)\s", first, maxsplit=1, flags=re.I)[0]
    first = re.split(r"\s*(?:,\s*(?:(?:on|for|earning|presented|provided|offered)\b|an?\s+\d))", first, maxsplit=1,
                     flags=re.I)[0]
    first = first.strip(' "\'.,:;-')
    if first.startswith('"') or first.endswith('"'):
        first = first.strip('"')
    if not first or len(first) > 150 or not re.search(r"[A-Za-z]{2}", first):
        return None
    if re.fullmatch(r"(?:course|training|workshop|program|webinar|session|the following( course)?)", first, re.I):
        return None
    return first


def _read_title(text: str, proposal: Proposal) -> None:
    quoted_after = re.finditer(r'(?:completed|completing|attended|attending|completion of|participation in|'
                               r'participating in|titled|entitled)[^"]{0,40}'
                               r'"([^"]{3,150})"', text, re.I)
    candidates = [(how, match) for how, matches in (
        ("labelled", _TITLE_LABELS.finditer(text)), ("quoted", quoted_after),
        ("labelled", _TITLE_LABELS_INLINE.finditer(text)), ("after", _TITLE_AFTER.finditer(text)),
        ("for", _TITLE_FOR.finditer(text))) for match in matches]
    for how, match in candidates:
        candidate = match.group(1)
        if how == "quoted":
            candidate = " ".join(candidate.split())
        if how in ("after", "for"):
            rest = candidate.lstrip()
            if rest.startswith("\n") or not rest.split("\n")[0].strip(' :,"'):
                rest = "\n".join(rest.split("\n")[1:])
            candidate = rest
            if _STOP_LINE.match(candidate.split("\n")[0]):
                continue
        title = _clean_title(candidate)
        if title:
            proposal.title = title
            proposal.found["title"] = match.group(0).split("\n")[0][:80]
            if how == "for" or (how == "after" and len(title) > 90):
                proposal.unsure["title"] = "read from the sentence around it; check where it ends"
            return


def _clean_provider(text: str) -> str | None:
    first = text.split("\n")[0]
    first = re.split(r"\s+(?:on|and approved|approval|provider (?:no|number|#)|under|in partnership)\b|[,;(]",
                     first, maxsplit=1, flags=re.I)[0]
    first = re.sub(r"^the\s+", "", first.strip(' "\'.:-'), flags=re.I)
    if not first or len(first) > 100 or not re.search(r"[A-Za-z]{2}", first):
        return None
    if re.match(r"(?:no\b|number\b|#|approval\b|id\b)", first, re.I):
        return None
    return first


def _read_provider(text: str, proposal: Proposal) -> None:
    for match in [*_PROVIDER_LABELS.finditer(text), *_PROVIDER_INLINE.finditer(text),
                  *_PROVIDER_SENTENCE.finditer(text), *_PROVIDER_CLOSING.finditer(text)]:
        if match:
            provider = _clean_provider(match.group(1))
            if provider:
                proposal.provider = provider
                proposal.found["provider"] = match.group(0).split("\n")[0][:80]
                return
    # Letterheads: the first lines often name the organisation that gives the certificate.
    for line in text.split("\n")[:3]:
        if _ORGANISATION.search(line) and not re.search(r"certif|this|presented|awarded|record|completion|statement|"
                                                        r"attendance|achievement|participation", line, re.I):
            proposal.provider = line.strip(" .,")
            proposal.found["provider"] = line
            proposal.unsure["provider"] = "taken from the letterhead, not from a line that names the provider"
            return


def _read_approval(text: str, proposal: Proposal) -> None:
    matches = [m for m in _APPROVAL.finditer(text) if re.search(r"\d", m.group(1))]
    matches = matches or [m for m in _APPROVAL_LOOSE.finditer(text) if re.search(r"\d", m.group(1))]
    matches = [m for m in matches if not re.fullmatch(r"(?:19|20)\d\d", m.group(1))]  # a year is not a number
    if not matches:
        return
    # A course's own approval number is better than the provider's number.
    best = sorted(matches, key=lambda m: (m.group(0).lower().startswith("provider"), m.start()))[0]
    proposal.approval_no = best.group(1)
    proposal.found["approval_no"] = best.group(0)
    numbers = {m.group(1) for m in matches}
    if len(numbers) > 1:
        proposal.unsure["approval_no"] = "it also gives " + ", ".join(sorted(numbers - {best.group(1)}))
