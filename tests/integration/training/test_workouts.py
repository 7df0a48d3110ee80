from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timedelta
from decimal import Decimal

import pytest
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from domain.plans.model import Tier
from domain.shared.weights import Unit, Weight
from domain.training.model import DoneSet, LoggedSet, PrescribedSet, Workout, WorkoutSet
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


async def test_an_added_workout_gets_an_id_and_comes_back_with_its_open_sets(
    session_factory: async_sessionmaker[AsyncSession],
) -> None:
    await seed(session_factory)

    stored = await store(session_factory, squat_day())

    assert stored.id is not None
    assert stored == replace(squat_day(), id=stored.id)
    async with SqlUnitOfWork(session_factory, CLOCK) as uow:
        assert await uow.workouts.get(stored.id) == stored
        assert await uow.workouts.open_for(ATHLETE) == stored
        assert await uow.workouts.get(stored.id + 1) is None


async def test_a_set_is_logged_skipped_and_cleared_then_the_workout_is_finished(
    session_factory: async_sessionmaker[AsyncSession],
) -> None:
    await seed(session_factory)
    workout = await store(session_factory, squat_day())
    assert workout.id is not None
    first, second, third = workout.sets
    done = DoneSet(
        Weight.of("77.5", Unit.KG),
        6,
        START + MINUTE,
        rpe=Decimal("8.5"),
        note="felt <b>easy</b> — шаг",
    )

    async with SqlUnitOfWork(session_factory, CLOCK) as uow:
        await uow.workouts.save_set(workout.id, replace(first, done=done))
        await uow.workouts.save_set(workout.id, replace(second, skipped=True))
        await uow.workouts.save_set(
            workout.id, replace(third, done=DoneSet(Weight.of("95", Unit.KG), 4, START))
        )
        await uow.commit()
    async with SqlUnitOfWork(session_factory, CLOCK) as uow:
        await uow.workouts.save_set(workout.id, third)
        await uow.workouts.finish(workout.id, START + 30 * MINUTE)
        await uow.commit()

    async with SqlUnitOfWork(session_factory, CLOCK) as uow:
        loaded = await uow.workouts.get(workout.id)
        assert await uow.workouts.open_for(ATHLETE) is None

    assert loaded == replace(
        workout,
        sets=(replace(first, done=done), replace(second, skipped=True), third),
        finished_at=START + 30 * MINUTE,
    )
    assert loaded is not None
    assert [s.is_open for s in loaded.sets] == [False, False, True]
    assert loaded.next_open == third


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


async def test_finished_workouts_are_listed_newest_first_a_page_at_a_time(
    session_factory: async_sessionmaker[AsyncSession],
) -> None:
    await seed(session_factory, ATHLETE, 7)
    finished = []
    for day in range(5):
        started = START + timedelta(days=day)
        workout = await store(session_factory, squat_day(started))
        assert workout.id is not None
        async with SqlUnitOfWork(session_factory, CLOCK) as uow:
            await uow.workouts.finish(workout.id, started + 45 * MINUTE)
            await uow.commit()
        finished.append(replace(workout, finished_at=started + 45 * MINUTE))
    await store(session_factory, squat_day(START + timedelta(days=6)))
    await store(session_factory, squat_day(START, athlete_id=7))

    async with SqlUnitOfWork(session_factory, CLOCK) as uow:
        pages = [
            await uow.workouts.finished(ATHLETE, limit=2),
            await uow.workouts.finished(ATHLETE, limit=2, offset=2),
            await uow.workouts.finished(ATHLETE, limit=2, offset=4),
        ]
        assert await uow.workouts.finished(7, limit=10) == []

    newest_first = finished[::-1]
    assert pages == [newest_first[0:2], newest_first[2:4], newest_first[4:]]


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


async def test_unknown_workouts_sets_and_plans_are_lookup_errors(
    session_factory: async_sessionmaker[AsyncSession],
) -> None:
    await seed(session_factory)
    workout = await store(session_factory, squat_day())
    assert workout.id is not None

    async with session_factory() as session:
        workouts = SqlWorkoutRepository(session)
        with pytest.raises(LookupError):
            await workouts.save_set(workout.id, WorkoutSet(prescribed(3, "50", 5)))
        with pytest.raises(LookupError):
            await workouts.finish(workout.id + 1, START)
        with pytest.raises(LookupError):
            await workouts.add(replace(squat_day(), plan_slug="nope"))
        with pytest.raises(ValueError, match="stored already"):
            await workouts.add(workout)


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


async def test_done_sets_of_finished_workouts_come_back_for_the_lifts_asked(
    session_factory: async_sessionmaker[AsyncSession],
) -> None:
    await seed(session_factory)
    finished = await store(session_factory, squat_day())
    assert finished.id is not None
    done = DoneSet(Weight.of("102.5", Unit.KG), 7, START + timedelta(minutes=5))
    async with SqlUnitOfWork(session_factory, CLOCK) as uow:
        await uow.workouts.save_set(finished.id, replace(finished.sets[0], done=done))
        await uow.workouts.finish(finished.id, START + timedelta(hours=1))
        await uow.commit()
    still_open = await store(session_factory, squat_day(START + timedelta(days=1)))
    assert still_open.id is not None
    async with SqlUnitOfWork(session_factory, CLOCK) as uow:
        await uow.workouts.save_set(still_open.id, replace(still_open.sets[0], done=done))
        await uow.commit()

    async with SqlUnitOfWork(session_factory, CLOCK) as uow:
        squat = await uow.workouts.done_sets(ATHLETE, ["squat"])
        other = await uow.workouts.done_sets(ATHLETE, ["bench"])

    assert squat == [("squat", done)]
    assert other == []


async def test_logged_sets_come_from_finished_workouts_started_within_the_bounds(
    session_factory: async_sessionmaker[AsyncSession],
) -> None:
    await seed(session_factory)
    days = [START + timedelta(days=n) for n in range(4)]
    ids = []
    for n, day in enumerate(days):
        workout = await store(session_factory, squat_day(day))
        assert workout.id is not None
        ids.append(workout.id)
        done = DoneSet(Weight.of("100", Unit.KG), 5 + n, day + 5 * MINUTE)
        async with SqlUnitOfWork(session_factory, CLOCK) as uow:
            await uow.workouts.save_set(workout.id, replace(workout.sets[1], done=done))
            if n < 3:  # the last one is still open
                await uow.workouts.finish(workout.id, day + 60 * MINUTE)
            await uow.commit()

    async with SqlUnitOfWork(session_factory, CLOCK) as uow:
        recent = await uow.workouts.logged_sets(ATHLETE, since=days[1])
        earlier = await uow.workouts.logged_sets(ATHLETE, until=days[1], exercises=["squat"])
        benched = await uow.workouts.logged_sets(ATHLETE, exercises=["bench"])

    assert recent == [
        LoggedSet(ids[1], days[1], "squat", Weight.of("100", Unit.KG), 6, days[1] + 5 * MINUTE),
        LoggedSet(ids[2], days[2], "squat", Weight.of("100", Unit.KG), 7, days[2] + 5 * MINUTE),
    ]
    assert [(s.workout_id, s.reps) for s in earlier] == [(ids[0], 5)]
    assert benched == []
