"""Workout reports: each finished workout of a current client reaches the coach once."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import select, update
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from domain.coaching.use_cases.invites import LeaveCoach, NotYourClientError
from domain.coaching.use_cases.messages import Relay
from domain.coaching.use_cases.reports import MuteReports, ReportWorkouts
from domain.training.model import SetResult
from domain.training.use_cases.logging import LogSet, OpenWorkout
from domain.training.use_cases.onboarding import StartPlan
from storage.outbox.tables import OutboxRow
from storage.uow import SqlUnitOfWork
from tests.fakes import FixedClock
from tests.integration.coaching.conftest import ALEX, KIM, MASHA, SAM, Words, accept, invite


async def a_workout(uow: SqlUnitOfWork, clock: FixedClock, athlete: int, sets: int = 2) -> int:
    """Opens today's workout, logs `sets` sets, finishes it an hour later; its id."""
    workout = await OpenWorkout(uow, clock)(athlete)
    for position in range(sets):
        await LogSet(uow, clock)(athlete, workout.id or 0, position, SetResult())
    clock.current += timedelta(hours=1)
    async with uow:
        await uow.workouts.finish(workout.id or 0, clock.current)
        await uow.commit()
    return workout.id or 0


async def reports(session_factory: async_sessionmaker[AsyncSession]) -> list[tuple[str, int, str]]:
    async with session_factory() as session:
        rows = await session.scalars(
            select(OutboxRow).where(OutboxRow.idempotency_key.startswith("note:"))
        )
        return [(row.idempotency_key, row.chat_id, row.text or "") for row in rows]


async def test_each_finished_workout_is_reported_once_and_only_while_coached(
    uow: SqlUnitOfWork, clock: FixedClock, session_factory: async_sessionmaker[AsyncSession]
) -> None:
    for athlete in (ALEX, MASHA):
        await StartPlan(uow, clock)(athlete, "stronglifts")
    before = await a_workout(uow, clock, ALEX)  # before the coaching: the coach never sees it
    await accept(uow, clock, await invite(uow, clock, SAM), ALEX)
    during = await a_workout(uow, clock, ALEX, sets=3)
    await a_workout(uow, clock, MASHA)  # nobody's client
    report = ReportWorkouts(uow, clock, Words())

    assert await report() == 1
    assert await report() == 0
    [(key, chat, text)] = await reports(session_factory)
    assert (key.endswith(f":{during}"), chat) == (True, SAM)
    assert text == "Alex did A: 3/15"
    assert before != during

    await LeaveCoach(uow, clock, Words())(ALEX)
    await a_workout(uow, clock, ALEX)
    assert await report() == 0


async def test_replying_to_a_report_comments_to_the_client(
    uow: SqlUnitOfWork, clock: FixedClock, session_factory: async_sessionmaker[AsyncSession]
) -> None:
    await StartPlan(uow, clock)(ALEX, "stronglifts")
    await accept(uow, clock, await invite(uow, clock, SAM), ALEX)
    await a_workout(uow, clock, ALEX)
    await ReportWorkouts(uow, clock, Words())()
    async with session_factory.begin() as session:
        await session.execute(
            update(OutboxRow)
            .where(OutboxRow.idempotency_key.startswith("note:"))
            .values(message_id=4242)
        )

    client = await Relay(uow, clock, Words()).reply(SAM, SAM, 4242, "Nice depth!")

    assert client.first_name == "Alex"


async def test_a_workout_with_nothing_logged_is_not_reported(
    uow: SqlUnitOfWork, clock: FixedClock, session_factory: async_sessionmaker[AsyncSession]
) -> None:
    await StartPlan(uow, clock)(ALEX, "stronglifts")
    await accept(uow, clock, await invite(uow, clock, SAM), ALEX)
    await a_workout(uow, clock, ALEX, sets=0)

    assert await ReportWorkouts(uow, clock, Words())() == 0


async def test_a_muted_client_is_not_reported_and_only_their_coach_mutes_them(
    uow: SqlUnitOfWork, clock: FixedClock
) -> None:
    await StartPlan(uow, clock)(ALEX, "stronglifts")
    await accept(uow, clock, await invite(uow, clock, SAM), ALEX)
    with pytest.raises(NotYourClientError):
        await MuteReports(uow)(KIM, ALEX, muted=True)
    await MuteReports(uow)(SAM, ALEX, muted=True)
    await a_workout(uow, clock, ALEX)

    assert await ReportWorkouts(uow, clock, Words())() == 0

    await MuteReports(uow)(SAM, ALEX, muted=False)
    await a_workout(uow, clock, ALEX)
    assert await ReportWorkouts(uow, clock, Words())() == 2  # reports look back a day
