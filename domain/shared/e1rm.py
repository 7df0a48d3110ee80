"""Estimated one-rep maxes: Epley and Brzycki, and the one function everything calls."""

from __future__ import annotations

from enum import StrEnum

from domain.shared.weights import Weight

BRZYCKI_MAX_REPS = 36  # at 37 reps the formula divides by zero


class E1rmFormula(StrEnum):
    EPLEY = "epley"
    BRZYCKI = "brzycki"


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


def e1rm(weight: Weight, reps: int, formula: E1rmFormula) -> Weight | None:
    """The estimate a set gives, or None if it gives none (a failed set, too many reps)."""
    if reps < 1 or (formula == E1rmFormula.BRZYCKI and reps > BRZYCKI_MAX_REPS):
        return None
    return epley(weight, reps) if formula == E1rmFormula.EPLEY else brzycki(weight, reps)
