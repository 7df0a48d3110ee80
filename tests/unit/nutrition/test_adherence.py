"""A day on target (±10% kcal, protein at least 90%) and the week before today."""

from __future__ import annotations

from datetime import date

import pytest

from domain.nutrition.adherence import Adherence, adherence, on_target, week_before
from domain.nutrition.model import Macros, Targets

TARGET = Macros(2000, 150, 200, 60)


@pytest.mark.parametrize(
    ("eaten", "hit"),
    [
        (Macros(2000, 150), True),
        (Macros(1800, 135), True),  # exactly -10% kcal, exactly 90% protein
        (Macros(2200, 200), True),  # exactly +10%
        (Macros(1799, 150), False),
        (Macros(2201, 150), False),
        (Macros(2000, 134), False),  # 89.3% protein
    ],
)
def test_a_day_is_on_target_within_ten_percent_kcal_and_ninety_percent_protein(
    eaten: Macros, hit: bool
) -> None:
    assert on_target(eaten, TARGET) is hit


def test_no_protein_target_judges_energy_alone() -> None:
    assert on_target(Macros(2000), Macros(2000))


def test_the_week_is_the_seven_days_before_today() -> None:
    days = week_before(date(2026, 12, 4))
    assert (days[0], days[-1], len(days)) == (date(2026, 11, 27), date(2026, 12, 3), 7)


def test_a_week_counts_logged_days_and_those_on_the_day_s_own_target() -> None:
    days = week_before(date(2026, 12, 8))  # 1 … 7 December
    training = Macros(2600, 150)
    targets = Targets(1, TARGET, training)
    eaten = {
        date(2026, 12, 1): Macros(2000, 150),  # on target
        date(2026, 12, 2): Macros(2600, 150),  # rest day, 30% over
        date(2026, 12, 3): Macros(2600, 150),  # training day: on its target
        date(2026, 12, 4): Macros(2000, 150),  # training day, 23% under its target
        date(2026, 12, 5): Macros(1900, 100),  # protein short
    }
    trained = {date(2026, 12, 3), date(2026, 12, 4)}
    assert adherence(days, eaten, trained, targets) == Adherence(days=7, logged=5, on_target=2)


def test_without_targets_there_is_no_adherence() -> None:
    assert adherence(week_before(date(2026, 12, 8)), {}, set(), Targets(1, None)) is None
