"""Logging conditioning scores on SQLite and PostgreSQL: read as the scheme says, kept once,
placed against the reference, and a retest's PR found."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from domain.athletes.model import Profile
from domain.athletes.use_cases.registration import RegisterUser
from domain.conditioning.library import benchmark
from domain.conditioning.model import SavedWorkout, WorkoutSource
from domain.conditioning.percentiles import Source, Tier
from domain.conditioning.scores import BadScoreError, Scheme
from domain.conditioning.text import parse_workout
from domain.conditioning.use_cases import LogScore, UnknownWorkoutError
from storage.conditioning.tables import ConditioningResultRow
from storage.uow import SqlUnitOfWork
from tests.fakes import FixedClock

ANN, BEN = 401, 402
NOW = datetime(2026, 3, 2, 18, 0, tzinfo=UTC)


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock(NOW)


@pytest.fixture
async def uow(
    session_factory: async_sessionmaker[AsyncSession], clock: FixedClock
) -> SqlUnitOfWork:
    work = SqlUnitOfWork(session_factory, clock)
    for user_id, name in ((ANN, "Ann"), (BEN, "Ben")):
        await RegisterUser(work, clock)(Profile(user_id, name, language_code="en"))
    return work


async def saved(uow: SqlUnitOfWork, owner: int, name: str, clock: FixedClock) -> int:
    workout = benchmark(name)
    assert workout is not None
    async with uow:
        stored = await uow.conditioning.add_workout(
            SavedWorkout(None, owner, WorkoutSource.BENCHMARK, workout, clock.current)
        )
        await uow.commit()
    return stored.id or 0


async def results_stored(session_factory: async_sessionmaker[AsyncSession]) -> int:
    async with session_factory() as session:
        return int(await session.scalar(select(func.count(ConditioningResultRow.id))) or 0)


async def test_fran_is_placed_against_the_reference_and_a_retest_is_a_pr(
    uow: SqlUnitOfWork, clock: FixedClock, session_factory: async_sessionmaker[AsyncSession]
) -> None:
    fran = await saved(uow, ANN, "Fran", clock)
    logging = LogScore(uow, clock)

    first = await logging(ANN, fran, "4:22", rx=True, message_id=11)

    assert first.result.score.value == 262_000
    assert first.standing is not None
    # Φ((ln 330 − ln 262)/0.35) = 0.745: level 74, Intermediate (4:21 is the Advanced cut)
    assert (first.standing.level, first.standing.tier, first.standing.source) == (
        74,
        Tier.INTERMEDIATE,
        Source.REFERENCE,
    )
    assert first.beaten is None

    again = await logging(ANN, fran, "4:22", rx=True, message_id=11)  # the update, twice
    assert again.result.id == first.result.id
    assert await results_stored(session_factory) == 1

    clock.current += timedelta(weeks=8)
    retest_workout = await saved(uow, ANN, "Fran", clock)  # a new /wod of the same benchmark
    retest = await logging(ANN, retest_workout, "3:58", rx=True, message_id=12)
    assert retest.beaten is not None
    assert retest.beaten.score.value == 262_000
    assert retest.standing is not None
    assert retest.standing.tier == Tier.ADVANCED  # 3:58 ≤ 4:21


async def test_a_bad_score_or_someone_elses_workout_keeps_nothing(
    uow: SqlUnitOfWork, clock: FixedClock, session_factory: async_sessionmaker[AsyncSession]
) -> None:
    fran = await saved(uow, ANN, "Fran", clock)

    with pytest.raises(BadScoreError) as bad:
        await LogScore(uow, clock)(ANN, fran, "4:61", rx=True, message_id=21)
    assert bad.value.scheme == Scheme.TIME
    with pytest.raises(UnknownWorkoutError):
        await LogScore(uow, clock)(BEN, fran, "4:22", rx=True, message_id=22)
    assert await results_stored(session_factory) == 0


async def test_a_scaled_result_gets_no_percentile_and_an_amrap_is_ranked_on_total_reps(
    uow: SqlUnitOfWork, clock: FixedClock
) -> None:
    cindy = await saved(uow, ANN, "Cindy", clock)

    scaled = await LogScore(uow, clock)(ANN, cindy, "18+2", rx=False, message_id=31)
    at_median = await LogScore(uow, clock)(ANN, cindy, "16", rx=True, message_id=32)

    assert scaled.standing is None
    assert at_median.standing is not None
    assert at_median.standing.percentile == pytest.approx(0.5)  # 16 rounds: the median


async def test_a_pasted_workout_is_scored_as_its_format_says(
    uow: SqlUnitOfWork, clock: FixedClock
) -> None:
    async with uow:
        amrap = await uow.conditioning.add_workout(
            SavedWorkout(
                None,
                ANN,
                WorkoutSource.PASTED,
                parse_workout("AMRAP 12: 5 pull-ups, 10 push-ups, 15 air squats"),
                clock.current,
            )
        )
        await uow.commit()

    logged = await LogScore(uow, clock)(ANN, amrap.id or 0, "7+3", rx=False, message_id=41)

    assert logged.result.score.value == 700_003
    assert logged.standing is None
