"""Setting targets (the athlete's own, or their coach's for them) and meal plans."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime

from domain.athletes.use_cases.registration import registered_user
from domain.nutrition.meal_plan import parse_meal_plan
from domain.nutrition.model import MealPlan, Targets
from domain.nutrition.ports import NutritionUnitOfWork
from domain.nutrition.targets import read_targets
from domain.shared.ports import Clock


async def store_targets(
    uow: NutritionUnitOfWork, athlete_id: int, typed: str, *, set_by: int, now: datetime
) -> Targets:
    """Reads and keeps targets inside the caller's transaction; TargetsError if they do not
    read, before anything is written."""
    read = read_targets(typed)
    await registered_user(uow, athlete_id)
    kept = await uow.nutrition.targets(athlete_id) or Targets(athlete_id, None)
    if read.every_day is not None:
        kept = replace(kept, every_day=read.every_day, training=read.training)
    if read.restrictions is not None:
        kept = replace(kept, restrictions=read.restrictions)
    kept = replace(kept, set_by=set_by)
    await uow.nutrition.save_targets(kept, now)
    return kept


class SetTargets:
    """The athlete sets their own targets."""

    def __init__(self, uow: NutritionUnitOfWork, clock: Clock) -> None:
        self._uow = uow
        self._clock = clock

    async def __call__(self, athlete_id: int, typed: str) -> Targets:
        async with self._uow:
            targets = await store_targets(
                self._uow, athlete_id, typed, set_by=athlete_id, now=self._clock.now()
            )
            await self._uow.commit()
            return targets


async def store_meal_plan(
    uow: NutritionUnitOfWork, coach_id: int, athlete_id: int, typed: str, now: datetime
) -> MealPlan:
    """Reads and keeps a meal plan inside the caller's transaction; MealPlanError (every line
    that is wrong) before anything is written."""
    days = parse_meal_plan(typed)
    plan = MealPlan(athlete_id, coach_id, days, typed.strip(), now)
    await uow.nutrition.save_meal_plan(plan)
    return plan
