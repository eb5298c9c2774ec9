"""US state codes and names, so a holder can pick their state by either ("PA", "Pennsylvania")."""

from __future__ import annotations

NATIONAL = "US"

NAMES = {
    "AL": "Alabama", "AK": "Alaska", "AZ": "Arizona", "AR": "Arkansas", "CA": "California", "CO": "Colorado",
    "CT": "Connecticut", "DE": "Delaware", "DC": "District of Columbia", "FL": "Florida", "GA": "Georgia",
    "HI": "Hawaii", "ID": "Idaho", "IL": "Illinois", "IN": "Indiana", "IA": "Iowa", "KS": "Kansas",
    "KY": "Kentucky", "LA": "Louisiana", "ME": "Maine", "MD": "Maryland", "MA": "Massachusetts", "MI": "Michigan",
    "MN": "Minnesota", "MS": "Mississippi", "MO": "Missouri", "MT": "Montana", "NE": "Nebraska", "NV": "Nevada",
    "NH": "New Hampshire", "NJ": "New Jersey", "NM": "New Mexico", "NY": "New York", "NC": "North Carolina",
    "ND": "North Dakota", "OH": "Ohio", "OK": "Oklahoma", "OR": "Oregon", "PA": "Pennsylvania",
    "RI": "Rhode Island", "SC": "South Carolina", "SD": "South Dakota", "TN": "Tennessee", "TX": "Texas",
    "UT": "Utah", "VT": "Vermont", "VA": "Virginia", "WA": "Washington", "WV": "West Virginia",
    "WI": "Wisconsin", "WY": "Wyoming", NATIONAL: "National",
}
_BY_NAME = {name.casefold(): code for code, name in NAMES.items()}
_BY_NAME.update({"national bodies": NATIONAL, "usa": NATIONAL, "washington dc": "DC", "d.c.": "DC"})


def state_code(text: str) -> str | None:
    """The two-letter code for a state typed as a code or a name ("pa", "Pennsylvania"); None if it is neither."""
    cleaned = " ".join(text.split())
    if cleaned.upper() in NAMES:
        return cleaned.upper()
    return _BY_NAME.get(cleaned.casefold())


def state_name(code: str | None) -> str:
    return NAMES.get((code or "").upper(), code or "")
