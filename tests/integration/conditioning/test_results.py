"""Logging conditioning scores on SQLite and PostgreSQL: read as the scheme says, kept once,
placed against the reference, and a retest's PR found."""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from domain.athletes.kit import Division, Kit
from domain.athletes.model import Profile
from domain.athletes.use_cases.preferences import SetDivision, SetKit
from domain.athletes.use_cases.registration import RegisterUser
from domain.conditioning.library import benchmark
from domain.conditioning.model import SavedWorkout, WorkoutSource
from domain.conditioning.movements import BY_SLUG, Modality
from domain.conditioning.percentiles import Source, Tier
from domain.conditioning.scores import BadScoreError, Scheme
from domain.conditioning.text import parse_workout
from domain.conditioning.use_cases import (
    GenerateWorkout,
    LogScore,
    SwapMovement,
    UnknownWorkoutError,
)
from domain.conditioning.workout import Format
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


async def test_a_womens_rx_result_is_placed_against_womens_medians_and_kept_with_it(
    uow: SqlUnitOfWork, clock: FixedClock, session_factory: async_sessionmaker[AsyncSession]
) -> None:
    await SetDivision(uow)(BEN, Division.WOMEN)
    fran = await saved(uow, BEN, "Fran", clock)

    logged = await LogScore(uow, clock)(BEN, fran, "4:22", rx=True, message_id=51)

    # women's median 6:20 (men's × 1.15): Φ((ln 380 − ln 262)/0.35) = Φ(1.062) = 0.856
    assert logged.standing is not None
    assert (logged.standing.level, logged.standing.tier) == (85, Tier.ADVANCED)
    async with session_factory() as session:
        kept = await session.scalar(select(ConditioningResultRow.percentile))
    assert kept == pytest.approx(0.856, abs=0.001)


async def test_sets_tiebreak_and_note_are_kept_and_read_back(
    uow: SqlUnitOfWork, clock: FixedClock
) -> None:
    async with uow:
        singles = await uow.conditioning.add_workout(
            SavedWorkout(
                None,
                ANN,
                WorkoutSource.PASTED,
                parse_workout("EMOM 5: 1 power clean 60/40kg\nscore: load"),
                clock.current,
            )
        )
        await uow.commit()

    await LogScore(uow, clock)(
        ANN, singles.id or 0, "90, 95, 97,5kg tb 4:40\nlast one slow", rx=True, message_id=61
    )

    async with uow:
        [(result, workout)] = await uow.conditioning.done_since(ANN, NOW - timedelta(days=1))
    assert [s.value for s in result.sets] == [90_000, 95_000, 97_500]
    assert (result.score.value, result.score.tiebreak) == (97_500, 280_000)
    assert result.note == "last one slow"
    assert result.percentile is None  # not a benchmark
    assert workout.id == singles.id


async def test_a_workout_is_generated_from_the_kit_the_athlete_has(
    uow: SqlUnitOfWork, clock: FixedClock
) -> None:
    await SetKit(uow)(ANN, None, False)  # nothing at all
    await SetKit(uow)(ANN, Kit.KETTLEBELL, True)
    await SetKit(uow)(ANN, Kit.KETTLEBELL, True)  # the same tap, delivered twice
    await SetKit(uow)(ANN, Kit.DUMBBELLS, True)
    kit = {Kit.KETTLEBELL, Kit.DUMBBELLS}

    for seed in range(25):
        made = await GenerateWorkout(uow, clock)(ANN, Format.AMRAP, random.Random(seed))
        for part in made.workout.parts:
            assert BY_SLUG[part.movement].kit <= kit, (seed, part.movement)
        lifted = next(  # a run has no other runs to swap for with this kit; a lift has
            i
            for i, part in enumerate(made.workout.parts)
            if BY_SLUG[part.movement].modality == Modality.WEIGHTLIFTING
        )
        swapped = await SwapMovement(uow, clock)(ANN, made.id or 0, lifted, random.Random(seed))
        assert BY_SLUG[swapped.workout.parts[lifted].movement].kit <= kit
    async with uow:
        ann = await uow.users.get(ANN)
    assert ann is not None
    assert ann.kit == frozenset(kit)
