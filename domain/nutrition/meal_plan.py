"""A meal plan as a coach writes it (docs/meal-plan-format.md): days, each a header line
ending with a colon, and under it one meal a line, written as a food entry.

    Monday:
    breakfast oats p10 c50 f6
    lunch chicken and rice 650 kcal p45 c80 f12
    Tuesday:
    - shake p30 c5 f2

Blank lines and lines starting with `#` are skipped; a meal line may start with `-` or `•`.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from domain.nutrition.entry import FoodEntryError, FoodProblem, read_food
from domain.nutrition.model import PlanDay, PlannedMeal

MAX_DAYS = 14
MAX_MEALS = 12
MAX_DAY_NAME = 40
BULLETS = ("-", "•", "*")


class PlanProblem(StrEnum):
    """What is wrong with a line of a meal plan, beyond a meal that does not read."""

    MEAL_BEFORE_DAY = "meal-before-day"
    EMPTY_DAY = "empty-day"
    DAY_TWICE = "day-twice"
    DAY_NAME_TOO_LONG = "day-name-too-long"
    DAY_WITHOUT_NAME = "day-without-name"
    TOO_MANY_DAYS = "too-many-days"
    TOO_MANY_MEALS = "too-many-meals"
    NO_DAYS = "no-days"


@dataclass(frozen=True, slots=True)
class PlanLineError:
    line: int  # from 1
    problem: PlanProblem | FoodProblem
    token: str


class MealPlanError(ValueError):
    """Every line that is wrong, in order."""

    def __init__(self, errors: list[PlanLineError]) -> None:
        super().__init__("; ".join(f"line {e.line}: {e.problem}" for e in errors))
        self.errors = errors


def _header_problem(name: str, earlier: list[str]) -> PlanProblem | None:
    if not name:
        return PlanProblem.DAY_WITHOUT_NAME
    if len(name) > MAX_DAY_NAME:
        return PlanProblem.DAY_NAME_TOO_LONG
    if any(name.lower() == known.lower() for known in earlier):
        return PlanProblem.DAY_TWICE
    if len(earlier) == MAX_DAYS:
        return PlanProblem.TOO_MANY_DAYS
    return None


def parse_meal_plan(text: str) -> tuple[PlanDay, ...]:
    errors: list[PlanLineError] = []
    days: list[tuple[int, str, list[PlannedMeal]]] = []
    written: set[int] = set()  # the days (by their line) with a meal line, right or wrong
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        if line.endswith(":"):
            name = line[:-1].strip()
            wrong = _header_problem(name, [known for _, known, _ in days])
            if wrong is None:
                days.append((number, name, []))
            else:
                errors.append(PlanLineError(number, wrong, name[:MAX_DAY_NAME]))
            continue
        if not days:
            errors.append(PlanLineError(number, PlanProblem.MEAL_BEFORE_DAY, line[:40]))
            continue
        meals = days[-1][2]
        written.add(days[-1][0])
        if line.startswith(BULLETS):
            line = line[1:].strip()
        try:
            food = read_food(line)
        except FoodEntryError as wrong:
            errors.append(PlanLineError(number, wrong.problem, wrong.token))
            continue
        if len(meals) == MAX_MEALS:
            errors.append(PlanLineError(number, PlanProblem.TOO_MANY_MEALS, line[:40]))
            continue
        meals.append(PlannedMeal(food.name, food.macros))
    errors += [
        PlanLineError(number, PlanProblem.EMPTY_DAY, name)
        for number, name, _ in days
        if number not in written
    ]
    if not days and not errors:
        errors.append(PlanLineError(1, PlanProblem.NO_DAYS, text.strip()[:40]))
    if errors:
        raise MealPlanError(sorted(errors, key=lambda error: error.line))
    return tuple(PlanDay(name, tuple(meals)) for _, name, meals in days)


WEEKDAYS = (
    ("monday", "mon", "понедельник", "пн"),
    ("tuesday", "tue", "tues", "вторник", "вт"),
    ("wednesday", "wed", "среда", "ср"),
    ("thursday", "thu", "thurs", "четверг", "чт"),
    ("friday", "fri", "пятница", "пт"),
    ("saturday", "sat", "суббота", "сб"),
    ("sunday", "sun", "воскресенье", "вс"),
)


def day_for_weekday(days: tuple[PlanDay, ...], weekday: int) -> int:
    """The index of the day named for this weekday (0 Monday), else of the first day."""
    names = WEEKDAYS[weekday]
    return next((i for i, day in enumerate(days) if day.name.lower() in names), 0)
