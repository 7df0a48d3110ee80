"""What nutrition needs from storage: targets, the food log, meal plans, and training days."""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

from domain.athletes.ports import AthletesUnitOfWork

if TYPE_CHECKING:
    from datetime import date, datetime

    from domain.nutrition.model import FoodEntry, Macros, MealPlan, Prompt, Targets


class NutritionRepository(Protocol):
    async def targets(self, athlete_id: int) -> Targets | None: ...

    async def save_targets(self, targets: Targets, at: datetime) -> None:
        """Keeps these as the athlete's targets, in place of any before."""
        ...

    async def add_entry(self, entry: FoodEntry) -> FoodEntry:
        """Keeps an entry; the same message again returns the one kept the first time."""
        ...

    async def entries(self, athlete_id: int, day: date) -> list[FoodEntry]:
        """The athlete's entries of that day, in the order they were logged."""
        ...

    async def entry(self, entry_id: int) -> FoodEntry | None: ...

    async def delete_entry(self, entry_id: int) -> None: ...

    async def totals(self, athlete_id: int, first: date, last: date) -> dict[date, Macros]:
        """Each day's sum from `first` to `last` (both included) that has any entry."""
        ...

    async def meal_plan(self, athlete_id: int) -> MealPlan | None: ...

    async def save_meal_plan(self, plan: MealPlan) -> None:
        """Keeps this as the athlete's meal plan, in place of any before."""
        ...

    async def add_prompt(self, prompt: Prompt, at: datetime) -> None: ...

    async def prompt(self, chat_id: int, message_id: int) -> Prompt | None: ...


class TrainingDays(Protocol):
    """What nutrition reads of training (which keeps the workouts)."""

    async def trained_between(
        self, athlete_id: int, since: datetime, until: datetime
    ) -> list[datetime]:
        """When, in [since, until), the athlete started a workout (a planned session opened)
        or logged a set or a conditioning result."""
        ...


class NutritionUnitOfWork(AthletesUnitOfWork, Protocol):
    @property
    def nutrition(self) -> NutritionRepository: ...

    @property
    def training_days(self) -> TrainingDays: ...
