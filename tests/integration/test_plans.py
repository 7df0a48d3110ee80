from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

import pytest
from sqlalchemy import event, func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker

from domain.plans import AmrapProgression, BodyRegion, Exercise, Increment, PlanDay, Tier
from storage.exercises import SqlExerciseRepository
from storage.models import (
    PlanDayRow,
    PlanProgressionBracketRow,
    PlanProgressionRow,
    PlanRow,
    PlanSetRow,
    PlanSlotRow,
)
from storage.plans import SqlPlanRepository
from storage.uow import SqlUnitOfWork
from tests.integration.catalog import CLOCK, EXERCISES, PLAN, seed


async def count(session_factory: async_sessionmaker[AsyncSession], row: type[object]) -> int:
    async with session_factory() as session:
        return await session.scalar(select(func.count()).select_from(row)) or 0


async def definition_rows(session_factory: async_sessionmaker[AsyncSession]) -> list[int]:
    rows = (PlanDayRow, PlanSlotRow, PlanSetRow, PlanProgressionRow, PlanProgressionBracketRow)
    return [await count(session_factory, row) for row in rows]


async def test_exercises_are_added_then_updated_by_slug(
    session_factory: async_sessionmaker[AsyncSession],
) -> None:
    async with session_factory() as session:
        await SqlExerciseRepository(session).save_all(EXERCISES[:2])
        await session.commit()
    renamed = replace(EXERCISES[0], name="Back squat", muscle_group="quads")
    async with session_factory() as session:
        await SqlExerciseRepository(session).save_all([renamed, *EXERCISES[1:]])
        await session.commit()

    async with session_factory() as session:
        stored = await SqlExerciseRepository(session).all()

    assert stored == {e.slug: e for e in (renamed, *EXERCISES[1:])}
    assert stored["bench"] == Exercise("bench", "Bench press", "chest", "main", BodyRegion.UPPER)


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


async def test_loading_a_plan_takes_a_fixed_number_of_queries(
    engine: AsyncEngine, session_factory: async_sessionmaker[AsyncSession]
) -> None:
    await seed(session_factory)
    statements: list[str] = []
    event.listen(
        engine.sync_engine, "before_cursor_execute", lambda *args: statements.append(args[2])
    )

    async with session_factory() as session:
        await SqlPlanRepository(session).get("two-day")

    # The plan, then one query per level: days, slots, sets, progressions, brackets.
    assert len([s for s in statements if s.lstrip().upper().startswith("SELECT")]) == 6


async def test_an_unknown_plan_is_none(session_factory: async_sessionmaker[AsyncSession]) -> None:
    async with session_factory() as session:
        assert await SqlPlanRepository(session).get("nope") is None


async def test_saving_the_same_plan_again_changes_nothing(
    session_factory: async_sessionmaker[AsyncSession],
) -> None:
    await seed(session_factory)
    async with session_factory() as session:
        plan_id = await session.scalar(select(PlanRow.id))
        day_ids = list(await session.scalars(select(PlanDayRow.id).order_by(PlanDayRow.id)))

    async with SqlUnitOfWork(session_factory, CLOCK) as uow:
        await uow.plans.save(PLAN)
        await uow.commit()

    async with session_factory() as session:
        assert await session.scalar(select(PlanRow.id)) == plan_id
        assert list(await session.scalars(select(PlanDayRow.id).order_by(PlanDayRow.id))) == day_ids
    assert await definition_rows(session_factory) == [2, 4, 8, 2, 4]


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
            AmrapProgression((Increment(3, Decimal("2.5"), Decimal(5)),), exercise="squat"),
        ),
    )

    async with SqlUnitOfWork(session_factory, CLOCK) as uow:
        await uow.plans.save(changed)
        await uow.commit()

    async with SqlUnitOfWork(session_factory, CLOCK) as uow:
        assert await uow.plans.get("two-day") == changed
    async with session_factory() as session:
        assert list(await session.scalars(select(PlanRow.id))) == [plan_id]
    assert await definition_rows(session_factory) == [1, 1, 3, 1, 1]


async def test_a_plan_changed_and_loaded_in_one_session_comes_back_changed(
    session_factory: async_sessionmaker[AsyncSession],
) -> None:
    await seed(session_factory)
    renamed = replace(PLAN, days=(replace(PLAN.days[1], number=1), replace(PLAN.days[0], number=2)))

    async with session_factory() as session:
        plans = SqlPlanRepository(session)
        assert await plans.get("two-day") == PLAN
        await plans.save(renamed)
        assert await plans.get("two-day") == renamed
        await session.commit()


async def test_builtin_lists_the_builtin_plans_by_slug(
    session_factory: async_sessionmaker[AsyncSession],
) -> None:
    custom = replace(PLAN, slug="my-own", days=(PlanDay(1, "Only day", PLAN.days[0].slots),))
    await seed(session_factory)
    async with session_factory() as session:
        plans = SqlPlanRepository(session)
        await plans.save(replace(PLAN, slug="a-first"))
        await plans.save(custom, builtin=False)
        await session.commit()

    async with session_factory() as session:
        builtin = await SqlPlanRepository(session).builtin()

    assert [plan.slug for plan in builtin] == ["a-first", "two-day"]
    assert builtin[1] == PLAN


async def test_a_progression_rule_for_both_an_exercise_and_a_region_is_refused(
    session_factory: async_sessionmaker[AsyncSession],
) -> None:
    await seed(session_factory)
    both = AmrapProgression((), exercise="bench", region=BodyRegion.UPPER)

    async with session_factory() as session:
        await SqlPlanRepository(session).save(replace(PLAN, progression=(both,)))
        with pytest.raises(IntegrityError):
            await session.flush()


async def test_a_percent_finer_than_the_column_is_refused_not_rounded(
    session_factory: async_sessionmaker[AsyncSession],
) -> None:
    await seed(session_factory)

    async with session_factory() as session:
        await SqlPlanRepository(session).save(
            replace(PLAN, slug="fine", training_max_percent=Decimal("0.87654"))
        )
        with pytest.raises(Exception, match="more decimal places"):
            await session.flush()
