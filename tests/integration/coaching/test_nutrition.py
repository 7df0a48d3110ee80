"""A client's nutrition, for their current coach only: the day and week, targets, meal plans,
and the card's adherence line; another coach, the client, or a former coach reach none of it."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from domain.athletes.model import User
from domain.athletes.use_cases.registration import registered_user
from domain.coaching.use_cases.clients import client_card
from domain.coaching.use_cases.invites import LeaveCoach, NotYourClientError
from domain.coaching.use_cases.nutrition import SendMealPlan, SetClientTargets, client_nutrition
from domain.nutrition.adherence import Adherence
from domain.nutrition.model import FoodEntry, Macros, MealPlan, Targets
from domain.nutrition.targets import TargetsError
from domain.nutrition.use_cases.food import LogFood
from domain.shared.time import local_day
from storage.outbox.tables import OutboxRow
from storage.uow import SqlUnitOfWork
from tests.fakes import FixedClock
from tests.integration.coaching.conftest import ALEX, KIM, NOW, SAM, Words, accept, invite

TARGETS = "2400 kcal p180 c250 f70\nnotes: no peanuts"


class NutritionWords:
    def targets_set(self, client: User, coach: User, targets: Targets) -> str:
        return f"{coach.first_name} set {targets.every_day}"

    def meal_plan_sent(self, client: User, coach: User, plan: MealPlan) -> str:
        return f"{coach.first_name} sent {len(plan.days)} days"


@pytest.fixture
async def alex_with_sam(uow: SqlUnitOfWork, clock: FixedClock) -> None:
    await accept(uow, clock, await invite(uow, clock, SAM), ALEX)


async def told(session_factory: async_sessionmaker[AsyncSession]) -> list[tuple[int, str]]:
    async with session_factory() as session:
        rows = await session.scalars(
            select(OutboxRow).where(OutboxRow.chat_id == ALEX).order_by(OutboxRow.id)
        )
        return [(row.chat_id, row.text or "") for row in rows]


@pytest.mark.usefixtures("alex_with_sam")
async def test_the_coach_sets_targets_sends_a_plan_and_sees_the_week_on_the_card(
    uow: SqlUnitOfWork, clock: FixedClock, session_factory: async_sessionmaker[AsyncSession]
) -> None:
    words = NutritionWords()
    await SetClientTargets(uow, clock, words)(SAM, ALEX, TARGETS)
    await SendMealPlan(uow, clock, words)(SAM, ALEX, "Day A:\noats p10 c50 f6\nDay B:\nshake p30")
    async with uow:
        today = local_day(NOW, (await registered_user(uow, ALEX)).zone)
        for back, kcal in ((1, 2400), (2, 2000)):  # on target; 17% under
            day = today - timedelta(days=back)
            await uow.nutrition.add_entry(FoodEntry(None, ALEX, day, NOW, "", Macros(kcal, 180)))
        await uow.commit()
    await LogFood(uow, clock)(ALEX, "lunch 650 kcal p40", message_id=5)

    view = await client_nutrition(uow, SAM, ALEX, NOW)
    card = await client_card(uow, SAM, ALEX, NOW)

    assert view.today.target == Macros(2400, 180, 250, 70)
    assert [entry.name for entry in view.today.entries] == ["lunch"]
    assert view.week == Adherence(days=7, logged=2, on_target=1)
    assert card.nutrition == view.week
    assert view.today.targets is not None
    assert view.today.targets.restrictions == "no peanuts"
    assert view.today.targets.set_by == SAM
    assert view.today.has_meal_plan
    assert [text for _, text in await told(session_factory)][-2:] == [
        "Sam set Macros(kcal=2400, protein=180, carbs=250, fat=70)",
        "Sam sent 2 days",
    ]


@pytest.mark.usefixtures("alex_with_sam")
async def test_targets_that_do_not_read_change_nothing_and_tell_nobody(
    uow: SqlUnitOfWork, clock: FixedClock, session_factory: async_sessionmaker[AsyncSession]
) -> None:
    before = await told(session_factory)
    with pytest.raises(TargetsError):
        await SetClientTargets(uow, clock, NutritionWords())(SAM, ALEX, "2400 kcal p-5")

    assert (await client_nutrition(uow, SAM, ALEX, NOW)).today.targets is None
    assert await told(session_factory) == before


@pytest.mark.usefixtures("alex_with_sam")
@pytest.mark.parametrize("who", [KIM, ALEX], ids=["another coach", "the client himself"])
async def test_no_one_else_reads_or_sets_a_clients_nutrition(
    uow: SqlUnitOfWork, clock: FixedClock, who: int
) -> None:
    words = NutritionWords()
    await SetClientTargets(uow, clock, words)(SAM, ALEX, TARGETS)
    with pytest.raises(NotYourClientError):
        await client_nutrition(uow, who, ALEX, NOW)
    with pytest.raises(NotYourClientError):
        await SetClientTargets(uow, clock, words)(who, ALEX, "1800 kcal")
    with pytest.raises(NotYourClientError):
        await SendMealPlan(uow, clock, words)(who, ALEX, "Day A:\nshake p30")

    view = await client_nutrition(uow, SAM, ALEX, NOW)
    assert view.today.target == Macros(2400, 180, 250, 70)
    assert not view.today.has_meal_plan


@pytest.mark.usefixtures("alex_with_sam")
async def test_a_former_coach_reaches_nothing(uow: SqlUnitOfWork, clock: FixedClock) -> None:
    await LeaveCoach(uow, clock, Words())(ALEX)

    with pytest.raises(NotYourClientError):
        await client_nutrition(uow, SAM, ALEX, NOW)
    with pytest.raises(NotYourClientError):
        await SetClientTargets(uow, clock, NutritionWords())(SAM, ALEX, TARGETS)
