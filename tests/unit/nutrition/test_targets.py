"""Targets as typed: every day, training days, restrictions; a bad line says which and why."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from domain.nutrition.entry import FoodProblem
from domain.nutrition.model import Macros
from domain.nutrition.targets import (
    MIN_KCAL,
    NO_TARGETS,
    TOO_LITTLE,
    TWICE_LINE,
    TargetsError,
    read_targets,
)


def test_every_day_training_days_and_notes() -> None:
    typed = read_targets(
        "2400 kcal p180 c250 f70\ntraining: 2800 kcal p180 c320 f75\nnotes: no peanuts"
    )
    assert typed.every_day == Macros(2400, 180, 250, 70)
    assert typed.training == Macros(2800, 180, 320, 75)
    assert typed.restrictions == "no peanuts"


def test_energy_of_a_target_is_worked_out_from_its_macros() -> None:
    # 180*4 + 250*4 + 70*9 = 720 + 1000 + 630
    assert read_targets("p180 c250 f70").every_day == Macros(2350, 180, 250, 70)


def test_russian_prefixes() -> None:
    typed = read_targets("2400 ккал б180\nтренировка: 2800 ккал\nзаметки: без арахиса")
    assert typed.training == Macros(2800)
    assert typed.restrictions == "без арахиса"


def test_notes_alone_change_only_the_notes() -> None:
    typed = read_targets("notes: lactose intolerant")
    assert (typed.every_day, typed.training, typed.restrictions) == (
        None,
        None,
        "lactose intolerant",
    )


@pytest.mark.parametrize(
    ("typed", "line", "problem", "token"),
    [
        ("2400 kcal p-5", 1, FoodProblem.NEGATIVE, "p-5"),
        ("2400 kcal\ntraining: c", 2, FoodProblem.NO_AMOUNT, "c"),
        ("oats 2400 kcal", 1, FoodProblem.UNKNOWN, "oats"),
        ("240 kcal", 1, TOO_LITTLE, "240 kcal"),
        ("training: 2800 kcal", 1, NO_TARGETS, "training: 2800 kcal"),
        ("2400 kcal\n2500 kcal", 2, TWICE_LINE, "2500 kcal"),
        ("", 1, NO_TARGETS, ""),
    ],
)
def test_a_bad_line_is_named(typed: str, line: int, problem: str, token: str) -> None:
    with pytest.raises(TargetsError) as raised:
        read_targets(typed)
    assert (raised.value.line, raised.value.problem, raised.value.token) == (line, problem, token)


@given(st.text(max_size=120))
def test_any_text_is_targets_or_a_named_line(typed: str) -> None:
    problem: TargetsError | None = None
    try:
        targets = read_targets(typed)
    except TargetsError as wrong:
        problem = wrong
    if problem is not None:
        assert 1 <= problem.line <= max(1, len(typed.splitlines()))
        return
    assert targets.every_day is not None or targets.restrictions is not None
    assert targets.every_day is None or targets.every_day.kcal >= MIN_KCAL
