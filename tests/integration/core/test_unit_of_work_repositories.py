from __future__ import annotations

import pytest
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from domain.reminders.ports import RemindersUnitOfWork
from storage.uow import SqlUnitOfWork
from tests.integration.catalog import ATHLETE, CLOCK, EXERCISES, PLAN, athlete


async def test_one_commit_stores_the_work_of_every_repository_together(
    session_factory: async_sessionmaker[AsyncSession],
) -> None:
    uow: RemindersUnitOfWork = SqlUnitOfWork(session_factory, CLOCK, update_id=101)
    async with uow:
        await uow.exercises.save_all(EXERCISES)
        await uow.plans.save(PLAN)
        await uow.users.add(athlete())
        await uow.athlete_plans.start(ATHLETE, PLAN.slug, CLOCK.now())
        await uow.commit()

    async with SqlUnitOfWork(session_factory, CLOCK) as uow:
        active = await uow.athlete_plans.active(ATHLETE)
        assert active is not None
        assert active.plan_slug == PLAN.slug
        assert await uow.plans.builtin() == [PLAN]


async def test_uncommitted_work_of_any_repository_is_rolled_back_on_exit(
    session_factory: async_sessionmaker[AsyncSession],
) -> None:
    async with SqlUnitOfWork(session_factory, CLOCK) as uow:
        await uow.exercises.save_all(EXERCISES)
        await uow.plans.save(PLAN)

    async with SqlUnitOfWork(session_factory, CLOCK) as uow:
        assert await uow.exercises.all() == {}
        assert await uow.plans.get(PLAN.slug) is None


async def test_a_block_reuses_its_repositories_and_the_next_block_gets_new_ones(
    session_factory: async_sessionmaker[AsyncSession],
) -> None:
    uow = SqlUnitOfWork(session_factory, CLOCK)
    async with uow:
        first = uow.workouts
        async with uow:
            assert uow.workouts is first
    async with uow:
        assert uow.workouts is not first


def test_repositories_are_only_reachable_inside_the_block(
    session_factory: async_sessionmaker[AsyncSession],
) -> None:
    uow = SqlUnitOfWork(session_factory, CLOCK)
    with pytest.raises(RuntimeError, match="async with"):
        _ = uow.training_maxes
