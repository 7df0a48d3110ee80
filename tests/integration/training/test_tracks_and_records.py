"""Lift tracks (rule state per lift, append-only) and personal records on SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal

import pytest
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from domain.plans.model import Tier
from domain.plans.rules import CycleState, LinearState, StagedState
from domain.plans.rules.reasons import note
from domain.shared.weights import Unit, Weight
from domain.training.model import LiftTrack, PrescribedSet, Workout, WorkoutSet
from domain.training.records import DatedSet, RecordKind, RepsRecord, WeightRecord
from storage.uow import SqlUnitOfWork
from tests.integration.catalog import ATHLETE, CLOCK, seed

START = CLOCK.now()


def kg(amount: str) -> Weight:
    return Weight(Decimal(amount), Unit.KG)


async def test_the_newest_state_per_track_comes_back_as_stored(
    session_factory: async_sessionmaker[AsyncSession],
) -> None:
    await seed(session_factory, ATHLETE, 7)
    entries = [
        (ATHLETE, LiftTrack("squat/T1", LinearState(kg("100"), failures=2), START, note("start"))),
        (
            ATHLETE,
            LiftTrack("squat/T1", LinearState(kg("90")), START + timedelta(days=2), note("−10%")),
        ),
        (
            ATHLETE,
            LiftTrack("bench/T1", StagedState(kg("80"), 1, kg("77.5")), START, note("6×2+ next")),
        ),
        (
            ATHLETE,
            LiftTrack("ohp/T1", CycleState(Weight.of("120", Unit.LB), 3, True), START, note("w3")),
        ),
        (7, LiftTrack("squat/T1", LinearState(kg("140")), START, note("someone else"))),
    ]
    async with SqlUnitOfWork(session_factory, CLOCK) as uow:
        for athlete, track in entries:
            await uow.tracks.add(athlete, track)
        await uow.commit()

    async with SqlUnitOfWork(session_factory, CLOCK) as uow:
        current = await uow.tracks.current(ATHLETE)
        history = await uow.tracks.history(ATHLETE, "squat/T1")

    assert current == {
        "squat/T1": entries[1][1],
        "bench/T1": entries[2][1],
        "ohp/T1": entries[3][1],
    }
    assert [track.reason for track in history] == [note("start"), note("−10%")]


async def _workout(session_factory: async_sessionmaker[AsyncSession]) -> int:
    prescribed = PrescribedSet(
        0, 1, Tier.T1, "squat", "squat", "Squat", 1, 1, kg("100"), 5, False, False
    )
    async with SqlUnitOfWork(session_factory, CLOCK) as uow:
        workout = await uow.workouts.add(
            Workout(None, ATHLETE, "two-day", 1, "Squat day", START, (WorkoutSet(prescribed),))
        )
        await uow.commit()
    return workout.id or 0


async def test_a_record_is_stored_once_per_workout_exercise_and_kind(
    session_factory: async_sessionmaker[AsyncSession],
) -> None:
    await seed(session_factory)
    workout_id = await _workout(session_factory)
    new, old = DatedSet(kg("100"), 8, START), DatedSet(kg("100"), 6, START - timedelta(days=7))
    heaviest = WeightRecord(RecordKind.HEAVIEST, kg("100"), kg("95"), new, old)
    async with SqlUnitOfWork(session_factory, CLOCK) as uow:
        await uow.records.add(ATHLETE, workout_id, "squat", RepsRecord(kg("100"), 8, 6, new, old))
        await uow.records.add(ATHLETE, workout_id, "squat", heaviest)
        await uow.commit()

    async with SqlUnitOfWork(session_factory, CLOCK) as uow:
        await uow.records.add(ATHLETE, workout_id, "squat", heaviest)
        with pytest.raises(IntegrityError):
            await uow.commit()
