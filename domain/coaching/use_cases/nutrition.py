"""A client's nutrition as their coach sees and sets it: the day, the week's adherence, targets
and meal plans. Clients only (NotYourClientError for anyone else)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Protocol

from domain.athletes.model import User
from domain.athletes.use_cases.registration import registered_user
from domain.coaching.ports import CoachingUnitOfWork
from domain.coaching.use_cases.invites import coaching_of
from domain.nutrition.adherence import Adherence
from domain.nutrition.model import MealPlan, Targets
from domain.nutrition.use_cases.adherence import week_adherence
from domain.nutrition.use_cases.food import FoodDay, read_day
from domain.nutrition.use_cases.targets import store_meal_plan, store_targets
from domain.outbox.model import OutgoingMessage
from domain.shared.ports import Clock
from domain.shared.time import local_day


class NutritionWording(Protocol):
    """What the client is told when their coach changes their nutrition (their language)."""

    def targets_set(self, client: User, coach: User, targets: Targets) -> str: ...

    def meal_plan_sent(self, client: User, coach: User, plan: MealPlan) -> str: ...


async def _tell(uow: CoachingUnitOfWork, client: User, key: str, text: str, at: datetime) -> None:
    await uow.outbox.add(
        OutgoingMessage(
            key=key,
            chat_id=client.telegram_id,
            not_before=at,
            text=text,
            language=client.language.value,
        )
    )


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
    def __init__(self, uow: CoachingUnitOfWork, clock: Clock, wording: NutritionWording) -> None:
        self._uow = uow
        self._clock = clock
        self._wording = wording

    async def __call__(self, coach_id: int, athlete_id: int, typed: str) -> Targets:
        """TargetsError if they do not read; nothing changes then. The client is told."""
        now = self._clock.now()
        async with self._uow:
            await coaching_of(self._uow, coach_id, athlete_id)
            targets = await store_targets(self._uow, athlete_id, typed, set_by=coach_id, now=now)
            client = await registered_user(self._uow, athlete_id)
            coach = await registered_user(self._uow, coach_id)
            text = self._wording.targets_set(client, coach, targets)
            await _tell(self._uow, client, f"targets-set:{athlete_id}:{now.isoformat()}", text, now)
            await self._uow.commit()
            return targets


class SendMealPlan:
    def __init__(self, uow: CoachingUnitOfWork, clock: Clock, wording: NutritionWording) -> None:
        self._uow = uow
        self._clock = clock
        self._wording = wording

    async def __call__(self, coach_id: int, athlete_id: int, typed: str) -> MealPlan:
        """MealPlanError with every line that is wrong; nothing changes then. The client is
        told."""
        now = self._clock.now()
        async with self._uow:
            await coaching_of(self._uow, coach_id, athlete_id)
            plan = await store_meal_plan(self._uow, coach_id, athlete_id, typed, now)
            client = await registered_user(self._uow, athlete_id)
            coach = await registered_user(self._uow, coach_id)
            text = self._wording.meal_plan_sent(client, coach, plan)
            await _tell(self._uow, client, f"meal-plan:{athlete_id}:{now.isoformat()}", text, now)
            await self._uow.commit()
            return plan
