"""The plates an athlete owns, as they type them: "25x4 20x2 10 5 2.5"."""

from __future__ import annotations

import re
from decimal import Decimal
from enum import StrEnum

from domain.athletes.equipment import DEFAULT_PAIRS
from domain.shared.weights import Unit

MAX_PLATE_SIZES = 12
MAX_PAIRS = 20
MAX_PLATE = {Unit.KG: Decimal(50), Unit.LB: Decimal(100)}
_PLATE = re.compile(r"(?P<size>[0-9]+(?:[.,][0-9]{1,2})?)(?:\s*[x×*]\s*(?P<pairs>[0-9]+))?")
RESET_WORDS = frozenset({"all", "default", "reset"})


class PlatesProblem(StrEnum):
    NOT_PLATES = "not_plates"
    TOO_MANY = "too_many"
    TOO_HEAVY = "too_heavy"
    PAIRS = "pairs"


class PlatesError(ValueError):
    def __init__(self, problem: PlatesProblem, part: str = "") -> None:
        super().__init__(problem.value)
        self.problem = problem
        self.part = part


def read_plates(text: str, unit: Unit) -> dict[Decimal, int] | None:
    """ "25x4 20x2 10 5 2.5" → plate size → pairs (no count: plenty); None for "all"."""
    words = text.replace(";", " ").lower().split()  # a comma is a decimal comma here
    if len(words) == 1 and words[0] in RESET_WORDS:
        return None
    pairs: dict[Decimal, int] = {}
    for word in words:
        match = _PLATE.fullmatch(word.removesuffix(unit.value))
        if match is None:
            raise PlatesError(PlatesProblem.NOT_PLATES, word)
        size = Decimal(match["size"].replace(",", "."))
        count = int(match["pairs"]) if match["pairs"] else DEFAULT_PAIRS
        if not 0 < size <= MAX_PLATE[unit]:
            raise PlatesError(PlatesProblem.TOO_HEAVY, word)
        if not 1 <= count <= max(MAX_PAIRS, DEFAULT_PAIRS):
            raise PlatesError(PlatesProblem.PAIRS, word)
        pairs[size] = count
    if not pairs:
        raise PlatesError(PlatesProblem.NOT_PLATES, text[:20])
    if len(pairs) > MAX_PLATE_SIZES:
        raise PlatesError(PlatesProblem.TOO_MANY)
    return pairs
