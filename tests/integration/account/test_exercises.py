"""Own exercises and the shared library on SQLite and PostgreSQL: whose each one is, who may add
to the shared library, and an import finding an athlete's own exercise by name."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import insert
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from domain.coaching.use_cases.client_exercises import AddClientExercise
from domain.coaching.use_cases.invites import NotYourClientError
from domain.plans.exercise_line import ExerciseLine, parse_exercise_line
from domain.plans.use_cases.exercises import AddExercise, own_exercises
from domain.plans.use_cases.library import NotAnAdminError
from domain.training.use_cases.imports import ImportPreview, PreviewImport
from storage.coaching.tables import CoachingRow, CoachRow
from storage.uow import SqlUnitOfWork
from tests.integration.catalog import ATHLETE, CLOCK, seed

OTHER = 5_000_000_002
COACH = 5_000_000_004
ADMIN = 5_000_000_003
STRONG = (Path(__file__).parents[2] / "exports" / "strong.csv").read_bytes()


def line(text: str) -> ExerciseLine:
    parsed = parse_exercise_line(text)
    assert isinstance(parsed, ExerciseLine)
    return parsed


async def add(factory: async_sessionmaker[AsyncSession], actor: int, text: str) -> None:
    await AddExercise(SqlUnitOfWork(factory, CLOCK), frozenset({ADMIN}))(actor, line(text))


async def visible(factory: async_sessionmaker[AsyncSession], athlete: int) -> set[str]:
    async with SqlUnitOfWork(factory, CLOCK) as uow:
        return {e.name for e in (await uow.exercises.visible_to(athlete)).values()}


async def test_an_athletes_own_exercise_is_theirs_alone_and_corrected_by_name(
    session_factory: async_sessionmaker[AsyncSession],
) -> None:
    await seed(session_factory, ATHLETE, OTHER)

    await add(session_factory, ATHLETE, "exercise: Cable fly, chest, accessory, upper")
    await add(session_factory, ATHLETE, "exercise: cable fly, shoulders, accessory, upper")

    mine = await own_exercises(SqlUnitOfWork(session_factory, CLOCK), ATHLETE)
    assert [(e.name, e.muscle_group) for e in mine] == [("cable fly", "shoulders")]
    assert "cable fly" in await visible(session_factory, ATHLETE)
    assert "cable fly" not in await visible(session_factory, OTHER)
    assert await own_exercises(SqlUnitOfWork(session_factory, CLOCK), OTHER) == []


async def test_only_a_bot_admin_adds_to_the_shared_library(
    session_factory: async_sessionmaker[AsyncSession],
) -> None:
    await seed(session_factory, ATHLETE, ADMIN)

    with pytest.raises(NotAnAdminError):
        await add(session_factory, ATHLETE, "shared exercise: Nordic curl, legs, accessory, lower")
    assert "Nordic curl" not in await visible(session_factory, ATHLETE)
    await add(session_factory, ADMIN, "shared exercise: Nordic curl, legs, accessory, lower")

    assert "Nordic curl" in await visible(session_factory, ATHLETE)
    assert await own_exercises(SqlUnitOfWork(session_factory, CLOCK), ADMIN) == []


async def test_an_import_finds_the_athletes_own_exercise_by_name(
    session_factory: async_sessionmaker[AsyncSession],
) -> None:
    await seed(session_factory, ATHLETE)
    await add(session_factory, ATHLETE, "exercise: Pull up, back, accessory, upper")

    found = await PreviewImport(SqlUnitOfWork(session_factory, CLOCK), CLOCK)(ATHLETE, STRONG, "f")

    assert isinstance(found, ImportPreview)
    assert ("Pull Up", "Pull up") in found.matched
    assert found.created == ()


async def test_a_coach_adds_an_exercise_to_a_current_clients_own_and_no_one_elses(
    session_factory: async_sessionmaker[AsyncSession],
) -> None:
    await seed(session_factory, ATHLETE, OTHER, COACH)  # Zoë, Zoë and their coach
    async with session_factory.begin() as session:
        await session.execute(insert(CoachRow).values(user_id=COACH, since=CLOCK.now()))
        await session.execute(
            insert(CoachingRow).values(coach_id=COACH, athlete_id=ATHLETE, started_at=CLOCK.now())
        )
    add_for = AddClientExercise(SqlUnitOfWork(session_factory, CLOCK))

    exercise, client = await add_for(
        COACH, line("exercise for zoë: Sled push, legs, accessory, lower")
    )
    with pytest.raises(NotYourClientError):
        await add_for(OTHER, line("exercise for Zoë: Sled pull, legs, accessory, lower"))
    with pytest.raises(NotYourClientError):
        await add_for(COACH, line("exercise for Ann: Sled pull, legs, accessory, lower"))

    assert client.telegram_id == ATHLETE
    assert "Sled push" in await visible(session_factory, ATHLETE)
    assert "Sled push" not in await visible(session_factory, OTHER)
    assert await own_exercises(SqlUnitOfWork(session_factory, CLOCK), COACH) == []
    assert exercise.slug in {
        e.slug for e in await own_exercises(SqlUnitOfWork(session_factory, CLOCK), ATHLETE)
    }
