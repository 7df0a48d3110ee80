"""Meal plans as coaches write them (docs/meal-plan-format.md), and their mistakes by line."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from domain.nutrition.entry import FoodProblem
from domain.nutrition.meal_plan import (
    MAX_DAYS,
    MealPlanError,
    PlanProblem,
    day_for_weekday,
    parse_meal_plan,
)
from domain.nutrition.model import Macros, PlannedMeal

DOC = Path(__file__).resolve().parents[3] / "docs" / "meal-plan-format.md"

PLAN = """# cutting, week 1
Monday:
breakfast oats p10 c50 f6
- lunch chicken and rice 650 kcal p45 c80 f12

Tuesday:
• shake p30 c5 f2
"""


def test_days_and_their_meals_with_totals() -> None:
    monday, tuesday = parse_meal_plan(PLAN)
    assert monday.name == "Monday"
    assert monday.meals == (
        PlannedMeal("breakfast oats", Macros(294, 10, 50, 6)),
        PlannedMeal("lunch chicken and rice", Macros(650, 45, 80, 12)),
    )
    assert monday.total == Macros(944, 55, 130, 18)
    # 30*4 + 5*4 + 2*9 = 120 + 20 + 18
    assert tuesday.meals == (PlannedMeal("shake", Macros(158, 30, 5, 2)),)


def test_every_wrong_line_is_named_in_order() -> None:
    text = "oats p10\nMonday:\nlunch p-5\nbreakfast c\nTuesday:\nMonday:\n"
    with pytest.raises(MealPlanError) as raised:
        parse_meal_plan(text)
    assert [(e.line, e.problem, e.token) for e in raised.value.errors] == [
        (1, PlanProblem.MEAL_BEFORE_DAY, "oats p10"),
        (3, FoodProblem.NEGATIVE, "p-5"),
        (4, FoodProblem.NO_AMOUNT, "c"),
        (5, PlanProblem.EMPTY_DAY, "Tuesday"),
        (6, PlanProblem.DAY_TWICE, "Monday"),
    ]


def test_a_day_needs_a_name() -> None:
    with pytest.raises(MealPlanError) as raised:
        parse_meal_plan(":\nshake p30")
    assert [(e.line, e.problem) for e in raised.value.errors] == [
        (1, PlanProblem.DAY_WITHOUT_NAME),
        (2, PlanProblem.MEAL_BEFORE_DAY),
    ]


def test_no_days_at_all() -> None:
    with pytest.raises(MealPlanError) as raised:
        parse_meal_plan("\n# nothing\n")
    assert raised.value.errors[0].problem == PlanProblem.NO_DAYS


def test_fifteen_days_is_one_too_many() -> None:
    text = "".join(f"Day {n}:\nshake p30\n" for n in range(1, MAX_DAYS + 2))
    with pytest.raises(MealPlanError) as raised:
        parse_meal_plan(text)
    [error] = raised.value.errors
    assert (error.line, error.problem) == (2 * MAX_DAYS + 1, PlanProblem.TOO_MANY_DAYS)


def test_today_is_the_day_named_for_its_weekday_else_the_first() -> None:
    days = parse_meal_plan("Mon:\nshake p30\nWednesday:\nshake p40\n")
    assert day_for_weekday(days, 2) == 1
    assert day_for_weekday(days, 0) == 0
    assert day_for_weekday(days, 4) == 0
    assert day_for_weekday(parse_meal_plan("Среда:\nкаша б10\n"), 2) == 0


def test_the_documented_example_reads() -> None:
    text = DOC.read_text(encoding="utf-8")
    example = text.split("```")[1].removeprefix("text\n")
    assert len(parse_meal_plan(example)) >= 2


_LINES = st.lists(
    st.one_of(
        st.text(max_size=30),
        st.sampled_from(["Monday:", "Day 1:", "oats p10 c50 f6", "- shake p30", "p-5", "# note"]),
    ),
    max_size=12,
)


@given(_LINES)
def test_any_text_is_a_plan_or_names_lines_that_exist(lines: list[str]) -> None:
    text = "\n".join(lines)
    problems: MealPlanError | None = None
    try:
        days = parse_meal_plan(text)
    except MealPlanError as wrong:
        problems = wrong
    if problems is not None:
        numbers = [error.line for error in problems.errors]
        assert numbers == sorted(numbers)
        assert all(1 <= number <= max(1, len(text.splitlines())) for number in numbers)
        return
    assert days
    assert all(day.meals for day in days)
