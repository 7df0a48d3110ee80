"""Installing the built-in library when several processes start at once (issue 14)."""

from __future__ import annotations

import asyncio

import pytest
from sqlalchemy import func, select

from domain.plans.library import builtin_plans, load_exercises
from domain.plans.use_cases.install import install_builtin_programs
from storage.core.engine import create_engine, create_session_factory
from storage.plans.tables import ExerciseRow, PlanRow
from storage.uow import SqlUnitOfWork
from tests.integration.catalog import CLOCK


@pytest.mark.parametrize(
    "database_url", [pytest.param("postgresql", marks=pytest.mark.postgres)], indirect=True
)
async def test_two_workers_installing_the_library_at_once_both_succeed_and_store_it_once(
    database_url: str,
) -> None:
    """Regression (issue 14): two cluster workers starting on a fresh database both found the
    library missing, both inserted it, and one died on the unique slug."""
    engines = [create_engine(database_url) for _ in range(2)]  # as two processes would
    try:
        await asyncio.gather(
            *(
                install_builtin_programs(SqlUnitOfWork(create_session_factory(e), CLOCK))
                for e in engines
            )
        )
        async with create_session_factory(engines[0])() as session:
            plans = await session.scalar(select(func.count()).select_from(PlanRow))
            exercises = await session.scalar(select(func.count()).select_from(ExerciseRow))
    finally:
        for engine in engines:
            await engine.dispose()

    assert plans == len(builtin_plans())
    assert exercises == len(load_exercises())
