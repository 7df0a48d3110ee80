"""Reads maxes typed in one message: "bench 100 squat 140 ohp 60 deadlift 180"."""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from domain.shared.weights import Unit, Weight

ALIASES = {
    "bench": "bench",
    "bp": "bench",
    "bench press": "bench",
    "squat": "squat",
    "sq": "squat",
    "back squat": "squat",
    "ohp": "ohp",
    "press": "ohp",
    "overhead press": "ohp",
    "deadlift": "deadlift",
    "dl": "deadlift",
}
MAX_WEIGHT = {Unit.KG: Decimal(1000), Unit.LB: Decimal(2200)}
_PAIR = re.compile(
    r"(?P<name>[a-z][a-z ]*?)\s*[:=-]?\s*"
    r"(?P<amount>\d{1,4}(?:[.,]\d{1,3})?)\s*(?P<unit>kgs?|lbs?)?\b"
)


@dataclass(frozen=True, slots=True)
class MaxesText:
    found: dict[str, Weight]
    unknown: tuple[str, ...]  # names we could not match to a lift
    out_of_range: tuple[str, ...]  # lifts whose weight is zero or impossibly heavy


def read_maxes(text: str, unit: Unit) -> MaxesText:
    """Finds "<lift> <weight>[kg|lb]" pairs; the athlete's unit applies where none is typed."""
    found: dict[str, Weight] = {}
    unknown: list[str] = []
    out_of_range: list[str] = []
    for match in _PAIR.finditer(" ".join(text.casefold().split())[:500]):
        name = match["name"].strip()
        lift = ALIASES.get(name)
        if lift is None:
            unknown.append(name)
            continue
        try:
            amount = Decimal(match["amount"].replace(",", "."))
        except InvalidOperation:
            out_of_range.append(lift)
            continue
        typed_unit = Unit(match["unit"][:2]) if match["unit"] else unit
        if not Decimal(0) < amount <= MAX_WEIGHT[typed_unit]:
            out_of_range.append(lift)
            continue
        found[lift] = Weight(amount, typed_unit)
    return MaxesText(found, tuple(unknown), tuple(out_of_range))


def read_one_weight(text: str, unit: Unit) -> Weight | None:
    """A single weight such as "130", "102,5" or "130 kg" (the athlete's unit), if that is all."""
    cleaned = text.casefold().removesuffix(str(unit)).strip().replace(",", ".")
    if not cleaned or len(cleaned) > 8:
        return None
    try:
        amount = Decimal(cleaned)
    except InvalidOperation:
        return None
    if not amount.is_finite() or not Decimal(0) < amount <= MAX_WEIGHT[unit]:
        return None
    return Weight(amount, unit)
