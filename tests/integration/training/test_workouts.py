from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timedelta

import pytest
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from domain.plans.model import Tier
from domain.shared.weights import Unit, Weight
from domain.training.model import DoneSet, PrescribedSet, Workout, WorkoutSet
from storage.training.workouts import SqlWorkoutRepository
from storage.uow import SqlUnitOfWork
from tests.integration.catalog import ATHLETE, CLOCK, seed

START = CLOCK.now()
MINUTE = timedelta(minutes=1)


def prescribed(position: int, amount: str, reps: int, *, amrap: bool = False) -> PrescribedSet:
    return PrescribedSet(
        position=position,
        slot_order=1,
        tier=Tier.T1,
        exercise="squat",
        training_max_of="squat",
        display_name="Squat",
        set_number=position + 1,
        sets_in_slot=3,
        weight=Weight.of(amount, Unit.KG),
        reps=reps,
        amrap=amrap,
        drives_progression=amrap,
    )


def squat_day(started_at: datetime = START, athlete_id: int = ATHLETE) -> Workout:
    return Workout(
        id=None,
        athlete_id=athlete_id,
        plan_slug="two-day",
        day_number=1,
        day_name="Squat day",
        started_at=started_at,
        sets=(
            WorkoutSet(prescribed(0, "75", 5)),
            WorkoutSet(prescribed(1, "85", 3)),
            WorkoutSet(prescribed(2, "95", 1, amrap=True)),
        ),
    )


async def store(session_factory: async_sessionmaker[AsyncSession], workout: Workout) -> Workout:
    async with SqlUnitOfWork(session_factory, CLOCK) as uow:
        stored = await uow.workouts.add(workout)
        await uow.commit()
    return stored


async def test_a_logged_set_keeps_exact_decimals_and_an_empty_rpe_and_note(
    session_factory: async_sessionmaker[AsyncSession],
) -> None:
    await seed(session_factory)
    workout = await store(session_factory, squat_day())
    assert workout.id is not None
    done = DoneSet(Weight.of("113.3980925", Unit.KG), 5, START)

    async with session_factory() as session:
        await SqlWorkoutRepository(session).save_set(
            workout.id, replace(workout.sets[0], done=done)
        )
        await session.commit()
    async with session_factory() as session:
        loaded = await SqlWorkoutRepository(session).get(workout.id)

    assert loaded is not None
    assert loaded.sets[0].done == done
    assert str(loaded.sets[0].done.weight.amount) == "113.3980925"


async def test_the_database_refuses_a_second_open_workout(
    session_factory: async_sessionmaker[AsyncSession],
) -> None:
    await seed(session_factory)
    await store(session_factory, squat_day())

    async with SqlUnitOfWork(session_factory, CLOCK) as uow:
        with pytest.raises(IntegrityError):
            await uow.workouts.add(squat_day(START + MINUTE))


async def test_a_finished_workout_leaves_room_for_a_new_open_one(
    session_factory: async_sessionmaker[AsyncSession],
) -> None:
    await seed(session_factory)
    first = await store(session_factory, squat_day())
    assert first.id is not None
    async with SqlUnitOfWork(session_factory, CLOCK) as uow:
        await uow.workouts.finish(first.id, START + MINUTE)
        second = await uow.workouts.add(squat_day(START + 2 * MINUTE))
        await uow.commit()

    async with SqlUnitOfWork(session_factory, CLOCK) as uow:
        assert await uow.workouts.open_for(ATHLETE) == second


async def test_a_set_both_done_and_skipped_is_refused(
    session_factory: async_sessionmaker[AsyncSession],
) -> None:
    await seed(session_factory)
    workout = await store(session_factory, squat_day())
    assert workout.id is not None
    done = DoneSet(Weight.of("75", Unit.KG), 5, START)

    async with session_factory() as session:
        with pytest.raises(IntegrityError):
            await SqlWorkoutRepository(session).save_set(
                workout.id, replace(workout.sets[0], done=done, skipped=True)
            )
