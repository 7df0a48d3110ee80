"""Estimated one-rep maxes and loading a barbell with plates."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from domain.weights import Unit, Weight

DEFAULT_BAR = {Unit.KG: Weight(Decimal(20), Unit.KG), Unit.LB: Weight(Decimal(45), Unit.LB)}
DEFAULT_PLATES = {
    Unit.KG: tuple(Decimal(p) for p in ("25", "20", "15", "10", "5", "2.5", "1.25")),
    Unit.LB: tuple(Decimal(p) for p in ("45", "35", "25", "10", "5", "2.5")),
}
BRZYCKI_MAX_REPS = 36  # at 37 reps the formula divides by zero


def epley(weight: Weight, reps: int) -> Weight:
    """w × (1 + r/30), and w itself for a single; raises ValueError below 1 rep.

    Zero reps (a failed set) says nothing about a one-rep max, so it is refused rather than
    reported as a zero-kg estimate that would drag charts and PR checks down.
    """
    if reps < 1:
        raise ValueError(f"an e1RM needs at least 1 rep, got {reps}")
    if reps == 1:
        return weight
    # one division, so 100 × 35/30 is exact to Decimal precision
    return Weight(weight.amount * (30 + reps) / 30, weight.unit)


def brzycki(weight: Weight, reps: int) -> Weight:
    """w × 36 / (37 − r) for 1 ≤ r ≤ 36; raises ValueError outside that range."""
    if not 1 <= reps <= BRZYCKI_MAX_REPS:
        raise ValueError(f"Brzycki needs 1 to {BRZYCKI_MAX_REPS} reps, got {reps}")
    return Weight(weight.amount * 36 / (37 - reps), weight.unit)


def plates_per_side(
    total: Weight, bar: Weight, plates: Sequence[Decimal]
) -> tuple[Decimal, ...] | None:
    """Plates for one side, heaviest first, greedy; None if `total` cannot be loaded exactly.

    `plates` are the available sizes in the total's unit, any number of each.
    """
    if any(plate <= 0 for plate in plates):
        raise ValueError("plates weigh more than nothing")
    remaining = (total.amount - bar.to(total.unit).amount) / 2
    if remaining < 0:
        return None
    side: list[Decimal] = []
    for plate in sorted(set(plates), reverse=True):
        count = int(remaining // plate)
        side.extend([plate] * count)
        remaining -= plate * count
    return tuple(side) if remaining == 0 else None
