"""The settings a holder can change, what each accepts, and their defaults."""

from __future__ import annotations

from peertrack.domain.errors import InvalidInput
from peertrack.domain.record_types import dataclass


@dataclass
class Settings:
    warn_days: tuple[int, ...] = (90, 30, 7)
    name: str | None = None
    default_cert: str | None = None
    date_format: str = "iso"

    @property
    def day_first(self) -> bool:
        """Whether dates typed with numbers only, like 02/11/2026, are read day first."""
        return self.date_format == "day-first"

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


DATE_STYLES = ("iso", "us", "day-first")

KEYS = {
    "warn-days": "Days before a date when peertrack warns: due soon, urgent, last days. Default 90,30,7.",
    "name": "Your name, for the audit bundle's summary and the renewal packet's cover.",
    "default-cert": "The certification to use when a command needs one and you name none "
                    "(export audit, cert show, --cycle current). Default: none.",
    "date-format": "How dates show in tables and short messages, and how dates you type are read: "
                   "iso (2027-06-30), us (06/30/2027, month first) or day-first (30/06/2027). "
                   "JSON and CSV always use iso. Default: iso, reading 06/30/2027 month first.",
}


def parse_value(key: str, value: str) -> str:
    """Check a setting's new value; returns it as stored."""
    if key not in KEYS:
        from peertrack.domain.errors import NotFound

        raise NotFound("setting", key, list(KEYS), hint="See them all with: peertrack config show")
    if key == "warn-days":
        return ",".join(str(day) for day in _warn_days(value))
    if key == "date-format":
        return _date_format(value)
    if key == "default-cert":
        cleaned = value.strip().lower()
        if not cleaned or any(char.isspace() for char in cleaned):
            raise InvalidInput(key, value, "give the id of one of your certifications, like ca-pss "
                               "(see them with: peertrack cert list)", problem="is not a certification id")
        return cleaned
    cleaned = " ".join(value.split())
    if not cleaned:
        raise InvalidInput(key, value, "give it some words, or remove it with: peertrack config unset " + key,
                           problem="is empty")
    return cleaned


def from_stored(stored: dict[str, str]) -> Settings:
    warn = stored.get("warn-days")
    dates = stored.get("date-format", "iso")
    return Settings(warn_days=_warn_days(warn) if warn else Settings.warn_days, name=stored.get("name"),
                    default_cert=stored.get("default-cert"), date_format=dates if dates in DATE_STYLES else "iso")


def shown(settings: Settings) -> dict[str, object]:
    """Each setting's value as `config show --json` gives it (None when not set)."""
    return {"warn-days": list(settings.warn_days), "name": settings.name, "default-cert": settings.default_cert,
            "date-format": settings.date_format}



def _date_format(text: str) -> str:
    cleaned = text.strip().lower()
    if cleaned not in DATE_STYLES:
        raise InvalidInput("date-format", text, "use iso (2027-06-30), us (06/30/2027) or day-first (30/06/2027)",
                           problem="is not a date format")
    return cleaned


def _warn_days(text: str) -> tuple[int, ...]:
    accepted = "use whole days from the largest down, like 90,30,7"
    parts = [part.strip() for part in text.replace(" ", ",").split(",") if part.strip()]
    if not parts or not all((part.isascii() and part.isdigit()) for part in parts):
        raise InvalidInput("warn-days", text, accepted, problem="is not a list of days")
    days = tuple(int(part) for part in parts)
    if list(days) != sorted(set(days), reverse=True) or days[-1] < 1 or days[0] > 730:
        raise InvalidInput("warn-days", text, accepted + ", each between 1 and 730", problem="is not in order")
    return days
