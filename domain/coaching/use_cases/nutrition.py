"""A client's nutrition as their coach sees and sets it: the day, the week's adherence, targets
and meal plans. Clients only (NotYourClientError for anyone else)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from domain.athletes.use_cases.registration import registered_user
from domain.coaching.ports import CoachingUnitOfWork
from domain.coaching.use_cases.invites import coaching_of
from domain.nutrition.adherence import Adherence
from domain.nutrition.model import MealPlan, Targets
from domain.nutrition.use_cases.adherence import week_adherence
from domain.nutrition.use_cases.food import FoodDay, read_day
from domain.nutrition.use_cases.targets import store_meal_plan, store_targets
from domain.shared.ports import Clock
from domain.shared.time import local_day


@dataclass(frozen=True, slots=True)
class ClientNutrition:
    today: FoodDay
    week: Adherence | None


async def client_nutrition(
    uow: CoachingUnitOfWork, coach_id: int, athlete_id: int, now: datetime
) -> ClientNutrition:
    async with uow:
        await coaching_of(uow, coach_id, athlete_id)
        client = await registered_user(uow, athlete_id)
        today = await read_day(uow, client, local_day(now, client.zone))
        return ClientNutrition(today, await week_adherence(uow, client, now))


class SetClientTargets:
    def __init__(self, uow: CoachingUnitOfWork, clock: Clock) -> None:
        self._uow = uow
        self._clock = clock

    async def __call__(self, coach_id: int, athlete_id: int, typed: str) -> Targets:
        """TargetsError if they do not read; nothing changes then."""
        async with self._uow:
            await coaching_of(self._uow, coach_id, athlete_id)
            targets = await store_targets(
                self._uow, athlete_id, typed, set_by=coach_id, now=self._clock.now()
            )
            await self._uow.commit()
            return targets


class SendMealPlan:
    def __init__(self, uow: CoachingUnitOfWork, clock: Clock) -> None:
        self._uow = uow
        self._clock = clock

    async def __call__(self, coach_id: int, athlete_id: int, typed: str) -> MealPlan:
        """MealPlanError with every line that is wrong; nothing changes then."""
        async with self._uow:
            await coaching_of(self._uow, coach_id, athlete_id)
            plan = await store_meal_plan(self._uow, coach_id, athlete_id, typed, self._clock.now())
            await self._uow.commit()
            return plan
