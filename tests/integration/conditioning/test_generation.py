"""/wod's generator reads the athlete's strength days on SQLite and PostgreSQL: yesterday's
squats rest the squat pattern's heavy lifts (§6: no heavy pattern within 72 hours)."""

from __future__ import annotations

import random
from datetime import timedelta

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from domain.athletes.kit import Kit
from domain.athletes.use_cases.preferences import SetKit
from domain.conditioning.balance import Pattern, pattern
from domain.conditioning.generator import heavy_lift
from domain.conditioning.movements import BY_SLUG
from domain.conditioning.use_cases import GenerateWorkout
from domain.conditioning.workout import Format
from storage.uow import SqlUnitOfWork
from tests.fakes import FixedClock
from tests.integration.catalog import ATHLETE, seed
from tests.integration.reminders.test_reminders import NOW, log
from tests.integration.training.test_workouts import squat_day, store

SQUATTER = ATHLETE + 1
SEEDS = range(40)


async def heavy_patterns(
    session_factory: async_sessionmaker[AsyncSession], athlete: int, clock: FixedClock
) -> set[Pattern]:
    uow = SqlUnitOfWork(session_factory, clock)
    await SetKit(uow)(athlete, None, False)
    await SetKit(uow)(athlete, Kit.BARBELL, True)
    found = set()
    for seed_ in SEEDS:
        made = await GenerateWorkout(uow, clock)(athlete, Format.FOR_TIME, random.Random(seed_))
        found |= {
            pattern(BY_SLUG[p.movement])
            for p in made.workout.parts
            if heavy_lift(BY_SLUG[p.movement])
        }
    return found


async def test_yesterdays_squats_rest_the_squat_patterns_heavy_lifts(
    session_factory: async_sessionmaker[AsyncSession],
) -> None:
    await seed(session_factory, ATHLETE, SQUATTER)
    squats = await store(session_factory, squat_day(NOW - timedelta(days=1), athlete_id=SQUATTER))
    await log(session_factory, squats, 0, NOW - timedelta(hours=23))
    clock = FixedClock(NOW)

    async with SqlUnitOfWork(session_factory, clock) as uow:
        lifted = await uow.strength_days.lifted_since(SQUATTER, NOW - timedelta(days=3))
    assert lifted == [(NOW - timedelta(hours=23), "squat")]

    assert Pattern.SQUAT in await heavy_patterns(session_factory, ATHLETE, clock)  # cleans
    assert Pattern.SQUAT not in await heavy_patterns(session_factory, SQUATTER, clock)
