from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

import pytest
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from domain.training.model import ActivePlan
from storage.plans.plans import SqlPlanRepository
from storage.plans.tables import PlanRow
from storage.training.athlete_plans import SqlAthletePlanRepository
from storage.training.tables import AthletePlanRow
from tests.integration.catalog import ATHLETE, CLOCK, PLAN, seed

MONDAY = CLOCK.now()
LATER = MONDAY + timedelta(days=30)


async def test_switching_plans_ends_the_old_one_and_keeps_it_as_history(
    session_factory: async_sessionmaker[AsyncSession],
) -> None:
    await seed(session_factory)
    async with session_factory() as session:
        await SqlPlanRepository(session).save(replace(PLAN, slug="other"))
        athlete_plans = SqlAthletePlanRepository(session)
        await athlete_plans.start(ATHLETE, "two-day", MONDAY)
        await athlete_plans.set_next_day(ATHLETE, 2)
        await athlete_plans.start(ATHLETE, "other", LATER)
        await session.commit()

    async with session_factory() as session:
        assert await SqlAthletePlanRepository(session).active(ATHLETE) == ActivePlan(
            "other", LATER, 1
        )
        history = (
            await session.execute(
                select(PlanRow.slug, AthletePlanRow.started_at, AthletePlanRow.ended_at)
                .join(PlanRow)
                .order_by(AthletePlanRow.started_at)
            )
        ).all()
    assert [tuple(row) for row in history] == [
        ("two-day", MONDAY, LATER),
        ("other", LATER, None),
    ]


async def test_the_database_refuses_a_second_active_plan(
    session_factory: async_sessionmaker[AsyncSession],
) -> None:
    await seed(session_factory)
    async with session_factory() as session:
        await SqlAthletePlanRepository(session).start(ATHLETE, "two-day", MONDAY)
        plan_id = await session.scalar(select(PlanRow.id))
        assert plan_id is not None
        ended = AthletePlanRow(
            user_id=ATHLETE, plan_id=plan_id, started_at=MONDAY, ended_at=LATER, next_day=1
        )
        session.add(ended)
        await session.flush()
        session.add(
            AthletePlanRow(
                user_id=ATHLETE, plan_id=plan_id, started_at=LATER, ended_at=None, next_day=1
            )
        )
        with pytest.raises(IntegrityError):
            await session.flush()
