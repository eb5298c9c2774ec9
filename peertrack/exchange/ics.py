"""Calendar files (RFC 5545 iCalendar) for the user's own calendar app: plain event records in, text out.

Each kind of record becomes a list of `Event`s (certification expiries and wellness-plan
reminders here; other kinds add their own `..._events` function), and `calendar_text` writes
any list of them. UIDs come from the records' own ids and the database's own random part, so
importing a newer file updates the events already in the calendar instead of adding copies, and
two people's files in one calendar never touch each other's events. A deadline marked done, and a
removed deadline or reminder, are sent as cancelled, so a calendar that imported them drops them.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Mapping, Sequence

from peertrack import __version__
from peertrack.domain.formatting import counted
from peertrack.domain.models import Certification, Deadline, LateStage, Reminder
from peertrack.domain.record_types import dataclass

PRODID = f"-//peertrack//peertrack {__version__}//EN"
CALENDAR_NAME = "peertrack"
CERT_ALARM_DAYS = (90, 30, 7)  # 90 and 30 match the dashboard's "due soon" and "urgent"
TIMED_REMINDER_LENGTH = dt.timedelta(minutes=30)
ALL_DAY_REMINDER_ALARM = dt.timedelta(hours=9)  # 9 in the morning of the day
LINE_OCTETS = 75
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")


@dataclass(frozen=True)
class Alarm:
    """A notice shown `trigger` after the event's start (a negative trigger comes before it)."""

    trigger: dt.timedelta
    text: str


@dataclass(frozen=True)
class Event:
    """One calendar event.

    A `start` that is a date makes an all-day event, and `end` is then the last day it covers
    (included; one day when left out). A datetime makes a timed event in the calendar's own
    local time, and `end` is when it ends.
    """

    uid: str
    summary: str
    start: dt.date | dt.datetime
    end: dt.date | dt.datetime | None = None
    description: str | None = None
    rrule: str | None = None  # without DTSTART; an UNTIL must have the same kind of value as `start`
    alarms: tuple[Alarm, ...] = ()
    categories: tuple[str, ...] = ()
    cancelled: bool = False


def uid(*parts: str) -> str:
    """An event's stable key from a record's kind and id: uid("cert", "ca-pss", "expiry") is "cert-ca-pss-expiry".

    The file's UID adds the database's own part to it (see full_uid).
    """
    return "-".join(parts)


def full_uid(key: str, calendar_id: str) -> str:
    """The UID in the file: "cert-ca-pss-expiry@5f0c2e7a9b1d4c36.peertrack", unique to one database."""
    return f"{key}@{calendar_id}.peertrack"


# --- records to events ----------------------------------------------------------------------------


def certification_events(certs: Iterable[Certification]) -> list[Event]:
    """Each certification's expiry as an all-day event, with alarms 90, 30 and 7 days before."""
    events = []
    for cert in certs:
        body = cert.body or "your certifying body"
        events.append(Event(
            uid=uid("cert", cert.id, "expiry"),
            summary=f"{cert.name} expires",
            start=cert.expires,
            description=(f"Your {cert.name} certification ({cert.id}) expires on this day. Renew it with {body} "
                         f"before then.\nSee where you stand with: peertrack status --cert {cert.id}"),
            alarms=tuple(Alarm(-dt.timedelta(days=days), f"{cert.name} expires in {counted(days, 'day')}")
                         for days in CERT_ALARM_DAYS),
            categories=("Certification",),
        ))
    return events


def deadline_events(deadlines: Iterable[Deadline], certs: Iterable[Certification], *, notes: bool = False,
                    late: Mapping[str, Sequence[LateStage]] | None = None) -> list[Event]:
    """Deadlines as all-day events with alarms a week and a day before; a renewal window spans its days.

    Expiries are left to certification_events. A deadline marked done is cancelled, so a calendar
    that imported it drops it. Private notes go in only when `notes` is true. `late` holds each
    certification's late stages (by id): each stage's last day keeps one identity whatever the dates,
    and a stage with no day this time (after an edited expiry) is sent cancelled.
    """
    certs = list(certs)
    expiry = {cert.id: cert.expires for cert in certs}
    stage_keys = {cert.id: _stage_keys(cert.id, (late or {}).get(cert.id, ())) for cert in certs}
    events = []
    for deadline in deadlines:
        if (deadline.key or "").endswith(":expires"):
            continue
        key = uid(*deadline.key.split(":")) if deadline.key else uid("deadline", str(deadline.id))
        if deadline.cert_id in stage_keys and (deadline.key or "").startswith(f"{deadline.cert_id}:late:"):
            key = stage_keys[deadline.cert_id].get((deadline.key or "").rsplit(":", 1)[1], key)
        if deadline.done_on is not None:
            events.append(Event(uid=key, summary=deadline.title, start=deadline.due, description="Done.",
                                categories=("Deadline",), cancelled=True))
            continue
        alarms = tuple(Alarm(-dt.timedelta(days=days), f"{deadline.title}: in {counted(days, 'day')}")
                       for days in (7, 1))
        if deadline.key and deadline.key.endswith(":opens") and deadline.cert_id in expiry:
            events.append(Event(
                uid=uid("cert", deadline.cert_id, "renewal-window"), summary=deadline.title.replace(
                    "Renewal opens", "Renewal window", 1), start=deadline.due, end=expiry[deadline.cert_id],
                description="You can apply to renew during these days.", alarms=(Alarm(dt.timedelta(0),
                                                                                        deadline.title),),
                categories=("Certification",)))
            continue
        description = "A deadline from your certification's rules." if deadline.key else "A deadline you added."
        if notes and deadline.note:
            description += f"\n\n{deadline.note}"
        events.append(Event(
            uid=key, summary=deadline.title, start=deadline.due, description=description, alarms=alarms,
            categories=("Deadline",)))
    live = {event.uid for event in events}
    events += [Event(uid=key, summary=f"No longer a late-renewal day: {cert.name}", start=cert.expires,
                     description="Removed.", categories=("Deadline",), cancelled=True)
               for cert in certs for key in stage_keys[cert.id].values() if key not in live]
    return events


def _stage_keys(cert_id: str, stages: Sequence[LateStage]) -> dict[str, str]:
    """The event key of each late stage that has a last day to renew in (by the stage's name), from the
    board's stages, not from this year's dates. The last of them keeps the key of the single "last day to
    renew late" event of earlier calendar files, so a calendar that imported one updates it."""
    from peertrack.domain.late_stages import stages_with_a_last_day

    names = stages_with_a_last_day(stages)
    return {name: uid(cert_id, "late") if name == names[-1] else uid(cert_id, "late", name) for name in names}


def reminder_events(reminders: Iterable[Reminder], *, notes: bool = False) -> list[Event]:
    """Each reminder as a repeating event with its RRULE: all-day, or at its time of day.

    Private notes go in only when `notes` is true.
    """
    from peertrack.domain import recurrence

    events = []
    for reminder in reminders:
        first = recurrence.occurrence_on_or_after(reminder.rrule, reminder.starts, reminder.starts, reminder.until)
        if first is None:
            continue
        start: dt.date | dt.datetime = first
        rule = reminder.rrule
        if reminder.at is not None:
            start = dt.datetime.combine(first, reminder.at)
            if reminder.until is not None:
                rule += f";UNTIL={reminder.until:%Y%m%d}T235959"
        elif reminder.until is not None:
            rule += f";UNTIL={reminder.until:%Y%m%d}"
        words = recurrence.describe(reminder.rrule, reminder.starts)
        description = (f"Your wellness plan: {words}.\n"
                       f"When it is done: peertrack remind done {reminder.id}")
        if notes and reminder.note:
            description += f"\n\n{reminder.note}"
        events.append(Event(
            uid=uid("reminder", str(reminder.id)),
            summary=reminder.title,
            start=start,
            end=start + TIMED_REMINDER_LENGTH if isinstance(start, dt.datetime) else None,
            description=description,
            rrule=rule,
            alarms=(Alarm(dt.timedelta(0) if reminder.at is not None else ALL_DAY_REMINDER_ALARM, reminder.title),),
            categories=("Wellness plan",),
        ))
    return events


def certification_keys(cert: Certification, deadlines: Iterable[Deadline],
                       late: Sequence[LateStage] = ()) -> list[tuple[str, str, dt.date]]:
    """Every event a certification's own dates make, as (key, title, day): what to cancel when it is removed."""
    events = certification_events([cert]) + deadline_events(deadlines, [cert], late={cert.id: late})
    return [(event.uid, event.summary, event.start) for event in events if not isinstance(event.start, dt.datetime)]


def removed_events(removed: Iterable[tuple[str, str, dt.date]], kinds: Iterable[str]) -> list[Event]:
    """Removed records' events, of the kinds asked for, as cancelled events: (key, title, day) each."""
    kinds = set(kinds)
    return [Event(uid=key, summary=summary, start=day, description="Removed.", cancelled=True)
            for key, summary, day in removed if _kind_of(key) in kinds]


def _kind_of(key: str) -> str:
    if key.startswith("reminder-"):
        return "reminders"
    if key.startswith("cert-") and key.endswith("-expiry"):
        return "certs"
    return "deadlines"


# --- events to text -------------------------------------------------------------------------------


def calendar_text(events: Iterable[Event], stamp: dt.datetime, calendar_id: str, name: str = CALENDAR_NAME) -> str:
    """The whole calendar file: CRLF line ends, long lines folded, text escaped.

    `stamp` is when the file is made (DTSTAMP), an aware datetime; it is the one value that
    differs between two exports of the same records. `calendar_id` is the database's own part
    of every UID.
    """
    events = list(events)
    uids = [event.uid for event in events]
    if len(set(uids)) != len(uids):
        raise ValueError("two events share a UID; calendar apps would merge them")
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", f"PRODID:{PRODID}", "CALSCALE:GREGORIAN", "METHOD:PUBLISH",
             f"X-WR-CALNAME:{escape(name)}"]
    for event in events:
        lines += _event_lines(event, stamp, calendar_id)
    lines.append("END:VCALENDAR")
    return "".join(fold(line) + "\r\n" for line in lines)


def _event_lines(event: Event, stamp: dt.datetime, calendar_id: str) -> list[str]:
    lines = ["BEGIN:VEVENT", f"UID:{escape(full_uid(event.uid, calendar_id))}", f"DTSTAMP:{_utc(stamp)}"]
    if isinstance(event.start, dt.datetime):
        lines.append(f"DTSTART:{_local(event.start)}")
        if isinstance(event.end, dt.datetime):
            lines.append(f"DTEND:{_local(event.end)}")
    else:
        last = event.end or event.start
        lines.append(f"DTSTART;VALUE=DATE:{event.start:%Y%m%d}")
        # RFC 5545 ends are exclusive: an all-day event ends on the next day.
        lines.append(f"DTEND;VALUE=DATE:{last + dt.timedelta(days=1):%Y%m%d}")
    if event.rrule:
        lines.append(f"RRULE:{event.rrule}")
    lines.append(f"SUMMARY:{escape(event.summary)}")
    if event.description:
        lines.append(f"DESCRIPTION:{escape(event.description)}")
    if event.categories:
        lines.append("CATEGORIES:" + ",".join(escape(category) for category in event.categories))
    if not isinstance(event.start, dt.datetime):
        lines.append("TRANSP:TRANSPARENT")  # a date to keep in mind, not time taken
    if event.cancelled:
        # A higher sequence than the event as first sent, so calendars take this as the newer version.
        lines += ["STATUS:CANCELLED", "SEQUENCE:1"]
        lines.append("END:VEVENT")
        return lines
    for alarm in event.alarms:
        lines += ["BEGIN:VALARM", "ACTION:DISPLAY", f"DESCRIPTION:{escape(alarm.text)}",
                  f"TRIGGER:{duration(alarm.trigger)}", "END:VALARM"]
    lines.append("END:VEVENT")
    return lines


def _utc(moment: dt.datetime) -> str:
    return moment.astimezone(dt.timezone.utc).strftime("%Y%m%dT%H%M%SZ")


def _local(moment: dt.datetime) -> str:
    """A "floating" time: the same hour wherever the calendar is, which suits a personal routine."""
    return moment.strftime("%Y%m%dT%H%M%S")


def escape(text: str) -> str:
    """TEXT as RFC 5545 writes it: backslash, semicolon, comma and line breaks escaped; other
    control characters (which the format does not allow) dropped."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _CONTROL.sub("", text)
    return text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n")


def fold(line: str) -> str:
    """A content line folded to lines of at most 75 octets, never inside a UTF-8 character."""
    if len(line.encode("utf-8")) <= LINE_OCTETS:
        return line
    pieces: list[str] = []
    current: list[str] = []
    size = 0
    for char in line:
        octets = len(char.encode("utf-8"))
        if size + octets > LINE_OCTETS:
            pieces.append("".join(current))
            current, size = [], 1  # a folded line starts with one space
        current.append(char)
        size += octets
    pieces.append("".join(current))
    return "\r\n ".join(pieces)


def duration(delta: dt.timedelta) -> str:
    """A timedelta as an RFC 5545 duration: -90 days is "-P90D", 9 hours is "PT9H", none is "PT0S"."""
    sign = "-" if delta < dt.timedelta(0) else ""
    delta = abs(delta)
    hours, rest = divmod(delta.seconds, 3600)
    minutes, seconds = divmod(rest, 60)
    time = "".join(f"{value}{unit}" for value, unit in ((hours, "H"), (minutes, "M"), (seconds, "S")) if value)
    if not delta.days and not time:
        return "PT0S"
    return sign + "P" + (f"{delta.days}D" if delta.days else "") + (f"T{time}" if time else "")
