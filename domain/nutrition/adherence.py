"""A day on target, and a week's adherence.

A day is on target when its energy is within ±10% of the day's target and, where a protein
target is set, protein is at least 90% of it. A day with nothing logged is not on target.
The day's target is the training-day one on a training day (when there is one).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from domain.nutrition.model import Macros, Targets

KCAL_TOLERANCE_PERCENT = 10
PROTEIN_FLOOR_PERCENT = 90
WEEK_DAYS = 7


def on_target(eaten: Macros, target: Macros) -> bool:
    within = abs(eaten.kcal - target.kcal) * 100 <= target.kcal * KCAL_TOLERANCE_PERCENT
    protein = eaten.protein * 100 >= target.protein * PROTEIN_FLOOR_PERCENT
    return within and protein


@dataclass(frozen=True, slots=True)
class Adherence:
    """Of `days` days, how many had food logged and how many were on target."""

    days: int
    logged: int
    on_target: int


def week_before(today: date) -> list[date]:
    """The seven whole days before today, oldest first (today is not over yet)."""
    return [today - timedelta(days=back) for back in range(WEEK_DAYS, 0, -1)]


def adherence(
    days: list[date],
    eaten: dict[date, Macros],
    training_days: set[date],
    targets: Targets,
) -> Adherence | None:
    """None when there is no target to keep to."""
    if targets.every_day is None:
        return None
    hits = 0
    for day in days:
        target = targets.for_day(training_day=day in training_days)
        if day in eaten and target is not None and on_target(eaten[day], target):
            hits += 1
    return Adherence(len(days), sum(1 for day in days if day in eaten), hits)
