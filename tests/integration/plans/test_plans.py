from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

from sqlalchemy import event, func, select
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker

from domain.plans.model import (
    AmrapProgression,
    BodyRegion,
    Increment,
    PlanDay,
    PlanInfo,
    Tier,
)
from storage.plans.plans import SqlPlanRepository
from storage.plans.tables import PlanRow
from storage.uow import SqlUnitOfWork
from tests.integration.catalog import ATHLETE, CLOCK, PLAN, seed


async def count(session_factory: async_sessionmaker[AsyncSession], row: type[object]) -> int:
    async with session_factory() as session:
        return await session.scalar(select(func.count()).select_from(row)) or 0


async def test_a_plan_comes_back_with_its_days_slots_sets_and_progression_in_order(
    session_factory: async_sessionmaker[AsyncSession],
) -> None:
    await seed(session_factory)

    async with session_factory() as session:
        loaded = await SqlPlanRepository(session).get("two-day")

    assert loaded == PLAN
    assert loaded is not None
    assert [slot.display_name for day in loaded.days for slot in day.slots] == [
        "Squat",
        "Front squat",
        "Bench press",
        "OHP",
    ]
    assert loaded.days[0].slots[0].sets[2].amrap
    assert loaded.progression[0].region == BodyRegion.LOWER
    assert loaded.progression[1].exercise == "bench"
    assert loaded.training_max_exercises == ("squat", "bench", "ohp")


async def test_a_plan_read_again_takes_one_query(
    engine: AsyncEngine, session_factory: async_sessionmaker[AsyncSession]
) -> None:
    await seed(session_factory)
    async with session_factory() as session:
        await SqlPlanRepository(session).get("two-day")
    statements: list[str] = []
    event.listen(
        engine.sync_engine, "before_cursor_execute", lambda *args: statements.append(args[2])
    )

    async with session_factory() as session:
        await SqlPlanRepository(session).get("two-day")

    # the plan's text; reading it is cached by text, so no exercise library either
    assert len([s for s in statements if s.lstrip().upper().startswith("SELECT")]) == 1


async def test_a_plan_is_stored_as_its_text(
    session_factory: async_sessionmaker[AsyncSession],
) -> None:
    await seed(session_factory)

    async with session_factory() as session:
        definition = await session.scalar(select(PlanRow.definition))

    assert definition is not None
    assert definition.startswith("plan: Two days, two tiers\nslug: two-day\n")
    assert "T1 bench: 1x8 @65%, 1x6+ @72.5% !" in definition


async def test_saving_a_changed_plan_replaces_its_definition_and_keeps_its_row(
    session_factory: async_sessionmaker[AsyncSession],
) -> None:
    await seed(session_factory)
    async with session_factory() as session:
        plan_id = await session.scalar(select(PlanRow.id))
    squat_day = PLAN.days[0]
    changed = replace(
        PLAN,
        name="One day",
        training_max_percent=Decimal("0.85"),
        days=(replace(squat_day, slots=(replace(squat_day.slots[0], tier=Tier.T2),)),),
        progression=(
            AmrapProgression((Increment(0, Decimal("2.5"), Decimal(5)),), exercise="squat"),
        ),
    )

    async with SqlUnitOfWork(session_factory, CLOCK) as uow:
        await uow.plans.save(changed)
        await uow.commit()

    async with SqlUnitOfWork(session_factory, CLOCK) as uow:
        assert await uow.plans.get("two-day") == changed
    async with session_factory() as session:
        assert list(await session.scalars(select(PlanRow.id))) == [plan_id]


async def test_builtin_lists_the_builtin_plans_by_slug(
    session_factory: async_sessionmaker[AsyncSession],
) -> None:
    custom = replace(PLAN, slug="my-own", days=(PlanDay(1, "Only day", PLAN.days[0].slots),))
    await seed(session_factory)
    async with session_factory() as session:
        plans = SqlPlanRepository(session)
        await plans.save(replace(PLAN, slug="a-first"))
        await plans.save(custom, builtin=False, owner_id=ATHLETE)
        await session.commit()

    async with session_factory() as session:
        builtin = await SqlPlanRepository(session).builtin()

    assert [plan.slug for plan in builtin] == ["a-first", "two-day"]
    assert builtin[1] == PLAN


async def test_an_athlete_sees_built_in_published_and_own_plans_but_not_others(
    session_factory: async_sessionmaker[AsyncSession],
) -> None:
    other = ATHLETE + 1
    await seed(session_factory, ATHLETE, other)
    async with session_factory() as session:
        plans = SqlPlanRepository(session)
        await plans.save(replace(PLAN, slug="mine", name="Mine"), builtin=False, owner_id=ATHLETE)
        await plans.save(replace(PLAN, slug="theirs", name="Theirs"), builtin=False, owner_id=other)
        await plans.save(replace(PLAN, slug="shared", name="Shared"), builtin=False, owner_id=other)
        assert await plans.publish("shared", published=True)
        assert not await plans.publish("two-day", published=True)  # built-in: always shown
        await session.commit()

    async with session_factory() as session:
        seen = await SqlPlanRepository(session).available(ATHLETE)

    assert [info.slug for info in seen] == ["two-day", "mine", "shared"]
    assert seen[1] == PlanInfo("mine", "Mine", builtin=False, owner_id=ATHLETE, published=False)
    assert seen[2].published
