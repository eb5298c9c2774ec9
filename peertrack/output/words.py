"""Plain words the views share: rules, table names, file sizes, the colour of each level. No Rich here."""

from __future__ import annotations

from peertrack.domain import formatting as fmt

TYPE_CHECKING = False  # as typing.TYPE_CHECKING, without importing typing at start-up
if TYPE_CHECKING:
    from peertrack.domain.attention import Attention
    from peertrack.domain.models import Requirement

# Each level's colour on a terminal; the level's word and symbol always come with it (formatting.LEVEL_WORDS).
LEVEL_COLOURS = {"ok": "green", "due-soon": "yellow", "behind": "dark_orange", "urgent": "bold red",
                 "overdue": "bold red", "lapsed": "red", "upcoming": "cyan", "wellness": "magenta"}


def rule_name(value: str, dimension: str) -> str:
    return f"from {value}" if dimension == "provider" else value


def rule_text(rule: Requirement) -> str:
    """A rule in words: "at least 6 ethics", "at most 10 online", "at least 6 from GMHCN", "no core hours count"."""
    if rule.kind == "max" and not rule.seconds:
        return f"no {rule_name(rule.value, rule.dimension)} hours count"
    word = "at least" if rule.kind == "min" else "at most"
    return f"{word} {fmt.hours(rule.seconds)} {rule_name(rule.value, rule.dimension)}"


_TABLE_WORDS = {
    "certifications": "certifications", "ceus": "courses", "cycles": "renewal cycles",
    "requirements": "requirements", "ceu_allocations": "course categories", "ceu_credits": "course credits",
    "attachments": "certificate files", "deadlines": "deadlines", "reminders": "wellness reminders",
    "reminder_log": "reminder log entries", "settings": "settings", "task_marks": "renewal tasks done",
    "category_aliases": "category words",
}


_ONE_WORDS = {"ceu_allocations": "course category", "reminder_log": "reminder log entry",
              "task_marks": "renewal task done"}


def attention_detail(item: Attention) -> str:
    """What an item of `due` asks, with the command that does it when there is one."""
    if item.next_step == "remove-cert":
        return f"{item.detail} with: peertrack cert rm {item.ref}"
    return item.detail


def table_words(name: str, count: int | None = None) -> str:
    """A table's records in plain words: "ceus" are "courses"; with a count, "3 courses" or "1 course"."""
    words = _TABLE_WORDS.get(name, name.replace("_", " "))
    if count is None:
        return words
    if count == 1:
        words = _ONE_WORDS.get(name, words[:-1] if words.endswith("s") else words)
    return f"{count} {words}"


def file_size(size: int) -> str:
    if size < 1024:
        return fmt.counted(size, "byte")
    if size < 1024 * 1024:
        return f"{size / 1024:.0f} KB"
    return f"{size / 1024 / 1024:.1f} MB"
