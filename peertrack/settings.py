"""The settings a holder can change, what each accepts, and their defaults."""

from __future__ import annotations

from dataclasses import dataclass

from peertrack.errors import InvalidInput


@dataclass
class Settings:
    warn_days: tuple[int, ...] = (90, 30, 7)
    name: str | None = None

    @property
    def soon_days(self) -> int:
        """Within this many days, a certification with hours missing is "due soon"."""
        return self.warn_days[0]

    @property
    def urgent_days(self) -> int:
        """Within this many days, a certification with hours missing is "urgent"."""
        return self.warn_days[1] if len(self.warn_days) > 1 else min(30, self.warn_days[0])

    @property
    def final_days(self) -> int:
        """Within this many days, a deadline makes `peertrack due` report trouble (exit status 1)."""
        return self.warn_days[-1] if len(self.warn_days) > 2 else min(7, self.urgent_days)


KEYS = {
    "warn-days": "Days before a date when peertrack warns: due soon, urgent, last days. Default 90,30,7.",
    "name": "Your name, for the summary in an audit bundle.",
}


def parse_value(key: str, value: str) -> str:
    """Check a setting's new value; returns it as stored."""
    if key not in KEYS:
        from peertrack.errors import NotFound

        raise NotFound("setting", key, list(KEYS), hint="See them all with: peertrack config show")
    if key == "warn-days":
        return ",".join(str(day) for day in _warn_days(value))
    cleaned = " ".join(value.split())
    if not cleaned:
        raise InvalidInput(key, value, "give it some words, or remove it with: peertrack config unset " + key,
                           problem="is empty")
    return cleaned


def from_stored(stored: dict[str, str]) -> Settings:
    warn = stored.get("warn-days")
    return Settings(warn_days=_warn_days(warn) if warn else Settings.warn_days, name=stored.get("name"))


def _warn_days(text: str) -> tuple[int, ...]:
    accepted = "use whole days from the largest down, like 90,30,7"
    parts = [part.strip() for part in text.replace(" ", ",").split(",") if part.strip()]
    if not parts or not all(part.isdigit() for part in parts):
        raise InvalidInput("warn-days", text, accepted, problem="is not a list of days")
    days = tuple(int(part) for part in parts)
    if list(days) != sorted(set(days), reverse=True) or days[-1] < 1 or days[0] > 730:
        raise InvalidInput("warn-days", text, accepted + ", each between 1 and 730", problem="is not in order")
    return days
