"""Weights are Decimal amounts with a unit, never floats; rounding rules per TRAINING.md."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_CEILING, ROUND_FLOOR, ROUND_HALF_UP, Decimal
from enum import StrEnum

KG_PER_LB = Decimal("0.45359237")


class Unit(StrEnum):
    KG = "kg"
    LB = "lb"


class Rounding(StrEnum):
    NEAREST = "nearest"  # ties go up, as spreadsheets do
    DOWN = "down"


DEFAULT_STEP = {Unit.KG: Decimal("2.5"), Unit.LB: Decimal("5")}


@dataclass(frozen=True, slots=True)
class Weight:
    amount: Decimal
    unit: Unit

    def __post_init__(self) -> None:
        if not isinstance(self.amount, Decimal):
            raise TypeError("a weight's amount is a Decimal, built from str or int")
        if not self.amount.is_finite():
            raise ValueError("a weight is a finite number")

    @classmethod
    def of(cls, amount: str | int | Decimal, unit: Unit) -> Weight:
        return cls(Decimal(amount), unit)

    def to(self, unit: Unit) -> Weight:
        """The same weight in another unit, converted exactly (1 lb = 0.45359237 kg)."""
        if unit == self.unit:
            return self
        if unit == Unit.KG:
            return Weight(self.amount * KG_PER_LB, unit)
        return Weight(self.amount / KG_PER_LB, unit)

    def times(self, factor: Decimal) -> Weight:
        return Weight(self.amount * factor, self.unit)

    def plus(self, amount: Decimal) -> Weight:
        return Weight(self.amount + amount, self.unit)

    def stepped(self, step: Decimal, steps: int) -> Weight:
        """Moved by whole steps (a tap on weight ±), never below one step."""
        return self.plus(max(step * steps, step - self.amount))

    def rounded(self, step: Decimal, mode: Rounding = Rounding.NEAREST) -> Weight:
        """The nearest multiple of `step` (ties up), or the one below with Rounding.DOWN."""
        steps = self.amount / step
        how = ROUND_HALF_UP if mode == Rounding.NEAREST else ROUND_FLOOR
        return Weight(steps.quantize(Decimal(1), rounding=how) * step, self.unit)

    def rounded_up(self, step: Decimal) -> Weight:
        steps = (self.amount / step).quantize(Decimal(1), rounding=ROUND_CEILING)
        return Weight(steps * step, self.unit)

    def __str__(self) -> str:
        return f"{format_amount(self.amount)} {self.unit}"


def format_amount(amount: Decimal) -> str:
    """102.50 → "102.5", 100.0 → "100", 126.666… → "126.67"."""
    shown = amount.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP).normalize()
    return f"{shown:f}"
