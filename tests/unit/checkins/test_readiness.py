"""Readiness from a check-in (docs/checkins.md), worked out by hand."""

from __future__ import annotations

import pytest

from domain.checkins.model import Question
from domain.checkins.readiness import is_low, readiness

S, E, ST, SO, M = Question


def answers(sleep: int, energy: int, stress: int, soreness: int, mood: int) -> dict[Question, int]:
    return {S: sleep, E: energy, ST: stress, SO: soreness, M: mood}


@pytest.mark.parametrize(
    ("given", "score"),
    [
        (answers(3, 3, 3, 3, 3), 50),  # 2+2+2+2+2 = 10 points × 5
        (answers(5, 5, 1, 1, 5), 100),  # every answer at its best
        (answers(1, 1, 5, 5, 1), 0),  # every answer at its worst
        (answers(4, 3, 4, 2, 5), 65),  # 3 + 2 + (5−4) + (5−2) + 4 = 13 × 5
        (answers(2, 2, 4, 4, 3), 30),  # 1 + 1 + 1 + 1 + 2 = 6 × 5
    ],
)
def test_readiness_inverts_stress_and_soreness(given: dict[Question, int], score: int) -> None:
    assert readiness(given) == score


def test_below_40_is_low_and_40_is_not() -> None:
    assert (is_low(35), is_low(40)) == (True, False)


def test_an_incomplete_check_in_has_no_score() -> None:
    with pytest.raises(ValueError, match="unanswered"):
        readiness({S: 3})
