"""Checking a template against its sources: every number it ships must appear in a quote recorded for it."""

from __future__ import annotations

import re
from fractions import Fraction

WORDS = ("zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
         "seventeen eighteen nineteen").split()
TENS = {20: "twenty", 30: "thirty", 40: "forty", 50: "fifty", 60: "sixty", 70: "seventy", 80: "eighty",
        90: "ninety"}
MONTHS = ("January February March April May June July August September October November December").split()
ZERO = (r"\bnone\b", r"\bwithout\b", r"\bno\b", r"\bnot\b", r"\bcannot\b")


def number_word(n: int) -> str | None:
    if 0 <= n < 20:
        return WORDS[n]
    tens, units = divmod(n, 10)
    if 20 <= n < 100:
        return TENS[tens * 10] + (f"[- ]{WORDS[units]}" if units else "")
    return None


def spelled(quote: str, kind: str, value) -> bool:
    """Whether `value` (of `kind`: hours, days, fee, count, months, years, month-day, odd-even year) is in `quote`."""
    text = quote.replace("\u2019", "'")
    if kind == "month-day":
        month, day = (int(part) for part in value.split("-"))
        name = MONTHS[month - 1]
        return bool(re.search(rf"\b({name}|{name[:3]}\.?)\s+{day}(?!\d)", text, re.I))
    if kind == "year":
        parity = "odd" if value % 2 else "even"
        return bool(re.search(rf"(?<!\d){value}(?!\d)|\b{parity}\b", text, re.I))
    if kind == "months":
        return _months(text, int(value))
    if kind == "years":
        return _years(text, int(value))
    return _plain(text, value, money=kind == "fee")


def _plain(text: str, value, money: bool = False) -> bool:
    value = Fraction(value)
    if value == 0:
        return any(re.search(pattern, text, re.I) for pattern in ZERO)
    if value.denominator != 1:
        shown = f"{float(value):g}"
        return bool(re.search(rf"(?<![\d.]){re.escape(shown)}(?!\d)", text)) or (
            value == Fraction(3, 2) and "one and one half" in text.lower())
    n = int(value)
    patterns = [rf"(?<![\d.,]){n}(?!\d)"]
    word = number_word(n)
    if word and not money:
        patterns.append(rf"\b{word}\b")
    return any(re.search(pattern, text, re.I) for pattern in patterns)


def _years(text: str, years: int) -> bool:
    word = number_word(years)
    count = rf"({years}|{word})" if word else str(years)
    if re.search(rf"\b{count}(\s*\(\d+\))?[\s-]+years?\b", text, re.I):
        return True
    if years == 1:
        return bool(re.search(r"\bannual|\byearly\b|\b(each|per|a|every)\s+(\w+\s+)?year\b", text, re.I))
    return years == 2 and bool(re.search(r"\bbiennial|\bevery other year\b", text, re.I))


def _months(text: str, months: int) -> bool:
    if re.search(rf"(?<!\d){months}[\s-]+months?\b", text, re.I):
        return True
    return months % 12 == 0 and _years(text, months // 12)


def claimed_numbers(item: dict) -> dict[str, list[tuple[str, object]]]:
    """Each key a source's "supports" may name, with the numbers (kind, value) it stands for in a raw template."""
    claims: dict[str, list[tuple[str, object]]] = {}
    cycle = item.get("cycle") or {}
    numbers: list[tuple[str, object]] = []
    if cycle.get("calendar_year"):
        numbers.append(("months", 12))
    if cycle.get("months"):
        numbers.append(("months", cycle["months"]))
    for months, hours in (cycle.get("choices") or {}).items():
        numbers += [("months", int(months))] + ([("hours", hours)] if hours is not None else [])
    fixed = cycle.get("fixed") or {}
    if fixed:
        numbers.append(("month-day", f"{fixed['month']:02d}-{fixed['day']:02d}"))
        if fixed.get("year") is not None:
            numbers.append(("year", fixed["year"]))
    if cycle:
        claims["cycle"] = numbers
    if item.get("hours") is not None:
        claims["hours"] = [("hours", item["hours"])]
    for rule in item.get("rules") or []:
        claims[f"rule:{rule['value'].casefold()}"] = [("hours", rule["hours"])]
    if item.get("carry_over_hours") is not None:
        claims["carry_over"] = [("hours", item["carry_over_hours"])]
    for key in ("opens_days", "submit_days", "grace_days"):
        if item.get(key) is not None:
            claims[key] = [("days", item[key])]
    first = item.get("first_cycle") or {}
    if first:
        claims["first_cycle"] = ([("months", first["waived_within_months"])] if "waived_within_months" in first
                                 else []) + ([("month-day", first["prorated_after"])] if "prorated_after" in first
                                             else [])
    for stage in item.get("late") or []:
        until = stage.get("until")
        found = [("month-day", until)] if isinstance(until, str) else (
            [("days", until["days"])] if isinstance(until, dict) and "days" in until else
            [("months", until["months"])] if isinstance(until, dict) else [])
        if stage.get("fee") is not None:
            found.append(("fee", stage["fee"]))
        claims.setdefault(f"late:{stage['stage']}", []).extend(found)
    for task in item.get("tasks") or []:
        found = [(kind, task[key]) for key, kind in (("fee", "fee"), ("days_before", "days"), ("count", "count"))
                 if task.get(key) is not None]
        claims.setdefault(f"task:{task['kind']}", []).extend(found)
    for entry in item.get("counts") or []:
        claims[f"count:{entry['what'].casefold()}"] = [("count", entry["count"])]
    for entry in item.get("once_over_cycles") or []:
        claims[f"multi:{entry['value'].casefold()}"] = [("hours", entry["hours"])] + (
            [("years", entry["years"])] if entry.get("years") else [])
    if item.get("unique_hours_with"):
        claims["unique_hours"] = []
    for rule in item.get("work") or []:
        amount = ("count", rule["count"]) if "count" in rule else ("hours", rule["hours"])
        claims.setdefault(f"work:{rule['kind']}", []).append(amount)
    for rule in item.get("entry") or []:
        claims.setdefault(f"entry:{rule['kind']}", []).append(("hours", rule["hours"]))
    return claims


def unsupported(item: dict) -> list[str]:
    """What in a raw template no recorded quote shows: empty when every number is in a quote claiming it."""
    claims = claimed_numbers(item)
    quotes: dict[str, list[str]] = {}
    problems = []
    for source in item.get("sources") or []:
        if isinstance(source, str):
            continue
        for key in source.get("supports") or []:
            if key not in claims:
                problems.append(f"a source supports {key}, which the template does not have")
            quotes.setdefault(key, []).append(source.get("quote") or "")
    for key, numbers in claims.items():
        for kind, value in numbers:
            if not any(spelled(quote, kind, value) for quote in quotes.get(key, [])):
                problems.append(f"{key} = {value} ({kind}) is in no quote that supports {key}")
    return problems
