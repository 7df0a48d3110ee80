"""The macro parser: what athletes type, read as they meant it, and a specific reply to the rest."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from domain.nutrition.entry import (
    MAX_GRAMS,
    MAX_KCAL,
    FoodEntryError,
    FoodProblem,
    food_text,
    read_food,
)
from domain.nutrition.model import Macros


@pytest.mark.parametrize(
    ("typed", "name", "macros"),
    [
        # 40*4 + 60*4 + 15*9 = 160 + 240 + 135
        ("p40 c60 f15", "", Macros(535, 40, 60, 15)),
        ("650 kcal", "", Macros(650)),
        ("650kcal", "", Macros(650)),
        # 10*4 + 50*4 + 6*9 = 40 + 200 + 54
        ("oats p10 c50 f6", "oats", Macros(294, 10, 50, 6)),
        ("lunch 650kcal p40", "lunch", Macros(650, 40)),
        ("Chicken breast p 31 f 4", "Chicken breast", Macros(160, 31, 0, 4)),  # 124 + 36
        ("2 eggs p12 f10", "2 eggs", Macros(138, 12, 0, 10)),  # 48 + 90
        ("P40, C60, F15", "", Macros(535, 40, 60, 15)),
        ("овсянка б10 у50 ж6", "овсянка", Macros(294, 10, 50, 6)),
        ("ужин 700 ккал", "ужин", Macros(700)),
        ("shake 250 cal p30", "shake", Macros(250, 30)),
        ("p0 c0 f0", "", Macros(0)),
    ],
)
def test_a_typed_entry_reads_as_meant_with_kcal_from_macros_when_not_given(
    typed: str, name: str, macros: Macros
) -> None:
    food = read_food(typed)
    assert (food.name, food.macros) == (name, macros)


@pytest.mark.parametrize(
    ("typed", "problem", "token"),
    [
        ("p-5", FoodProblem.NEGATIVE, "p-5"),
        ("c", FoodProblem.NO_AMOUNT, "c"),
        ("oats c f6", FoodProblem.NO_AMOUNT, "c"),
        ("f 9999", FoodProblem.TOO_MUCH, "f 9999"),
        (f"{MAX_KCAL + 1} kcal", FoodProblem.TOO_MUCH, f"{MAX_KCAL + 1} kcal"),
        ("p12.5", FoodProblem.NOT_WHOLE, "p12.5"),
        ("p40 p50", FoodProblem.TWICE, "p50"),
        ("650", FoodProblem.BARE_NUMBER, "650"),
        ("650 p40", FoodProblem.BARE_NUMBER, "650"),
        ("p40 banana", FoodProblem.UNKNOWN, "banana"),
        ("p4x", FoodProblem.UNKNOWN, "p4x"),
        ("oats", FoodProblem.NOTHING, "oats"),
        ("kcal", FoodProblem.NO_AMOUNT, "kcal"),
        ("x" * 61 + " p10", FoodProblem.NAME_TOO_LONG, "x" * 60 + "…"),
    ],
)
def test_bad_input_names_the_token_and_why(typed: str, problem: FoodProblem, token: str) -> None:
    with pytest.raises(FoodEntryError) as raised:
        read_food(typed)
    assert (raised.value.problem, raised.value.token) == (problem, token)


def test_an_entry_written_back_reads_the_same() -> None:
    assert food_text("oats", Macros(294, 10, 50, 6)) == "oats 294 kcal p10 c50 f6"
    assert food_text("", Macros(650)) == "650 kcal"


_WORD = st.text(alphabet="abdeghijklmnoqrstuvwxyz", min_size=1, max_size=8)
_GRAMS = st.integers(min_value=0, max_value=MAX_GRAMS)


@given(
    st.lists(_WORD, max_size=4).map(" ".join).filter(lambda name: len(name) <= 60),
    st.integers(min_value=0, max_value=MAX_KCAL),
    _GRAMS,
    _GRAMS,
    _GRAMS,
)
def test_any_entry_written_back_reads_the_same(
    name: str, kcal: int, protein: int, carbs: int, fat: int
) -> None:
    macros = Macros(kcal, protein, carbs, fat)
    food = read_food(food_text(name, macros))
    assert (food.name, food.macros) == (name, macros)


@given(_GRAMS, _GRAMS, _GRAMS)
def test_energy_not_given_is_four_four_nine(protein: int, carbs: int, fat: int) -> None:
    food = read_food(f"p{protein} c{carbs} f{fat}")
    assert food.macros.kcal == 4 * protein + 4 * carbs + 9 * fat
    assert not food.kcal_given


@given(st.text(max_size=80))
def test_any_text_reads_or_says_which_token_it_could_not(typed: str) -> None:
    problem: FoodEntryError | None = None
    try:
        food = read_food(typed)
    except FoodEntryError as wrong:
        problem = wrong
    if problem is not None:
        assert problem.token.strip() or problem.problem == FoodProblem.NOTHING
        return
    macros = food.macros
    assert macros.kcal >= 0
    assert all(0 <= grams <= MAX_GRAMS for grams in (macros.protein, macros.carbs, macros.fat))
