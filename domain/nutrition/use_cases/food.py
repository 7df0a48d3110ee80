"""The food log: an entry as typed (with a photo's file id), the day against its targets,
and taking the last entry back."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from domain.athletes.model import User
from domain.athletes.use_cases.registration import registered_user
from domain.nutrition.entry import read_food
from domain.nutrition.meal_plan import day_for_weekday
from domain.nutrition.model import ZERO, FoodEntry, Macros, MealPlan, Targets
from domain.nutrition.ports import NutritionUnitOfWork
from domain.shared.ports import Clock
from domain.shared.time import local_day, start_of


class UnknownEntryError(LookupError):
    """No such entry of this athlete's (deleted already, or someone else's)."""


@dataclass(frozen=True, slots=True)
class FoodDay:
    """One day of the log: its entries, their sum, and the day's target."""

    athlete: User
    day: date
    entries: list[FoodEntry]
    total: Macros
    target: Macros | None
    training_day: bool
    targets: Targets | None
    has_meal_plan: bool


async def is_training_day(uow: NutritionUnitOfWork, athlete: User, day: date) -> bool:
    since = start_of(day, athlete.zone)
    until = start_of(day + timedelta(days=1), athlete.zone)
    return bool(await uow.training_days.trained_between(athlete.telegram_id, since, until))


async def read_day(uow: NutritionUnitOfWork, athlete: User, day: date) -> FoodDay:
    """The day as it is, inside the caller's transaction."""
    athlete_id = athlete.telegram_id
    entries = await uow.nutrition.entries(athlete_id, day)
    total = ZERO
    for entry in entries:
        total += entry.macros
    targets = await uow.nutrition.targets(athlete_id)
    training_day = await is_training_day(uow, athlete, day)
    return FoodDay(
        athlete,
        day,
        entries,
        total,
        targets.for_day(training_day=training_day) if targets else None,
        training_day,
        targets,
        await uow.nutrition.meal_plan(athlete_id) is not None,
    )


async def food_today(uow: NutritionUnitOfWork, athlete_id: int, now: datetime) -> FoodDay:
    """NotRegisteredError for someone who has not started."""
    async with uow:
        athlete = await registered_user(uow, athlete_id)
        return await read_day(uow, athlete, local_day(now, athlete.zone))


class LogFood:
    def __init__(self, uow: NutritionUnitOfWork, clock: Clock) -> None:
        self._uow = uow
        self._clock = clock

    async def __call__(
        self,
        athlete_id: int,
        typed: str,
        *,
        photo_file_id: str | None = None,
        message_id: int | None = None,
    ) -> tuple[FoodEntry, FoodDay]:
        """FoodEntryError naming the token not understood; nothing is kept then."""
        food = read_food(typed)
        now = self._clock.now()
        async with self._uow:
            athlete = await registered_user(self._uow, athlete_id)
            day = local_day(now, athlete.zone)
            kept = await self._uow.nutrition.add_entry(
                FoodEntry(
                    None,
                    athlete_id,
                    day,
                    now,
                    food.name,
                    food.macros,
                    photo_file_id,
                    message_id,
                )
            )
            await self._uow.commit()
            return kept, await read_day(self._uow, athlete, kept.day)


class DeleteEntry:
    def __init__(self, uow: NutritionUnitOfWork, clock: Clock) -> None:
        self._uow = uow
        self._clock = clock

    async def __call__(self, athlete_id: int, entry_id: int) -> tuple[FoodEntry, FoodDay]:
        """UnknownEntryError unless the entry is there and the athlete's."""
        async with self._uow:
            entry = await self._uow.nutrition.entry(entry_id)
            if entry is None or entry.athlete_id != athlete_id:
                raise UnknownEntryError(entry_id)
            athlete = await registered_user(self._uow, athlete_id)
            await self._uow.nutrition.delete_entry(entry_id)
            await self._uow.commit()
            return entry, await read_day(self._uow, athlete, entry.day)


async def meal_plan_of(
    uow: NutritionUnitOfWork, athlete_id: int, now: datetime
) -> tuple[MealPlan | None, int]:
    """The athlete's meal plan, and which of its days is today's (by weekday, else the first)."""
    async with uow:
        plan = await uow.nutrition.meal_plan(athlete_id)
        if plan is None:
            return None, 0
        athlete = await registered_user(uow, athlete_id)
        return plan, day_for_weekday(plan.days, local_day(now, athlete.zone).weekday())
