"""Weights to and from rows: an exact Decimal amount column next to a unit column."""

from __future__ import annotations

from decimal import Decimal

from domain.shared.weights import Unit, Weight


def to_weight(amount: Decimal, unit: str) -> Weight:
    """The weight two columns hold."""
    return Weight(amount, Unit(unit))


def weight_columns(weight: Weight) -> tuple[Decimal, str]:
    """The amount and unit columns for a weight."""
    return weight.amount, weight.unit.value
