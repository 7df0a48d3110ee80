"""Nutrition as an athlete has it: daily targets, what they ate, and their coach's meal plan."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum

KCAL_PER_GRAM = {"protein": 4, "carbs": 4, "fat": 9}  # Atwater's general factors


@dataclass(frozen=True, slots=True)
class Macros:
    """Energy and macronutrients, whole kcal and grams; a macro not given counts as 0 g."""

    kcal: int
    protein: int = 0
    carbs: int = 0
    fat: int = 0

    def __add__(self, other: Macros) -> Macros:
        return Macros(
            self.kcal + other.kcal,
            self.protein + other.protein,
            self.carbs + other.carbs,
            self.fat + other.fat,
        )


ZERO = Macros(0)


def kcal_of(protein: int, carbs: int, fat: int) -> int:
    """The energy of these grams: 4 kcal a gram of protein or carbs, 9 of fat."""
    return (
        protein * KCAL_PER_GRAM["protein"]
        + carbs * KCAL_PER_GRAM["carbs"]
        + fat * KCAL_PER_GRAM["fat"]
    )


@dataclass(frozen=True, slots=True)
class Targets:
    """The athlete's daily targets; `training` replaces `every_day` on a training day."""

    athlete_id: int
    every_day: Macros | None
    training: Macros | None = None
    restrictions: str = ""  # dietary restrictions and allergies, as written
    set_by: int | None = None  # who set them last: the athlete or their coach

    def for_day(self, *, training_day: bool) -> Macros | None:
        if training_day and self.training is not None:
            return self.training
        return self.every_day


@dataclass(frozen=True, slots=True)
class FoodEntry:
    """One thing eaten: a meal's name (may be empty), its macros, and a photo's file id."""

    id: int | None
    athlete_id: int
    day: date  # the athlete's local day when it was logged
    eaten_at: datetime
    name: str
    macros: Macros
    photo_file_id: str | None = None  # Telegram's id only: the photo is never downloaded
    source_message_id: int | None = None  # the message: a redelivery logs nothing new


@dataclass(frozen=True, slots=True)
class PlannedMeal:
    name: str
    macros: Macros


@dataclass(frozen=True, slots=True)
class PlanDay:
    name: str
    meals: tuple[PlannedMeal, ...]

    @property
    def total(self) -> Macros:
        total = Macros(0)
        for meal in self.meals:
            total += meal.macros
        return total


@dataclass(frozen=True, slots=True)
class MealPlan:
    """A coach's meal plan for one athlete, by day, and the text it was read from."""

    athlete_id: int
    coach_id: int
    days: tuple[PlanDay, ...]
    text: str
    created_at: datetime


class PromptPurpose(StrEnum):
    """What a reply to one of the bot's questions is; stored, so never renamed."""

    FOOD = "food"
    TARGETS = "targets"
    MEAL_PLAN = "meal_plan"


@dataclass(frozen=True, slots=True)
class Prompt:
    """A question the bot asked `owner_id` about `athlete_id`'s nutrition (the same person,
    or their coach)."""

    chat_id: int
    message_id: int
    owner_id: int
    athlete_id: int
    purpose: PromptPurpose
