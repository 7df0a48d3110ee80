"""Conditioning days are sessions for the coach too (#12): the /clients list, the client's card
and the morning digest count a day of conditioning only as one session, and a metcon on a
lifting day as part of that day's (SQLite and PostgreSQL)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from domain.athletes.use_cases.registration import SetTimeZone
from domain.coaching.use_cases.clients import client_card, clients_overview
from domain.coaching.use_cases.digest import MorningDigests, digest_lines
from domain.conditioning.library import benchmark
from domain.conditioning.model import LoggedResult, SavedWorkout, WorkoutSource
from domain.conditioning.scores import parse_score
from domain.training.model import SetResult
from domain.training.use_cases.logging import LogSet, OpenWorkout
from domain.training.use_cases.onboarding import StartPlan
from storage.uow import SqlUnitOfWork
from tests.fakes import FixedClock
from tests.integration.coaching.conftest import ALEX, MASHA, SAM, Words, accept, invite
from tests.integration.coaching.test_digest import digests

COACHED_SINCE = datetime(2026, 3, 2, 6, 0, tzinfo=UTC)  # a Monday; everyone on StrongLifts, 3/wk


def utc(day: int, hour: int, minute: int = 0) -> datetime:
    return datetime(2026, 3, day, hour, minute, tzinfo=UTC)


async def coached(uow: SqlUnitOfWork, clock: FixedClock) -> None:
    clock.current = COACHED_SINCE
    for athlete in (ALEX, MASHA):
        await StartPlan(uow, clock)(athlete, "stronglifts")
        await accept(uow, clock, await invite(uow, clock, SAM), athlete)


async def lifts(uow: SqlUnitOfWork, clock: FixedClock, athlete: int, at: datetime) -> None:
    """Opens the day's workout at `at`, does a set, finishes an hour later."""
    clock.current = at
    workout = await OpenWorkout(uow, clock)(athlete)
    await LogSet(uow, clock)(athlete, workout.id or 0, 0, SetResult())
    async with uow:
        await uow.workouts.finish(workout.id or 0, at + timedelta(hours=1))
        await uow.commit()


async def fran(uow: SqlUnitOfWork, athlete: int, at: datetime) -> None:
    """Fran in 4:22, logged at `at`: a conditioning result, no set lifted."""
    workout = benchmark("Fran")
    assert workout is not None
    async with uow:
        saved = await uow.conditioning.add_workout(
            SavedWorkout(None, athlete, WorkoutSource.BENCHMARK, workout, at)
        )
        score = parse_score(workout.scheme, "4:22")
        await uow.conditioning.add_result(
            LoggedResult(None, athlete, saved.id or 0, score, True, at)
        )
        await uow.commit()


async def test_a_fran_on_monday_and_nothing_else_is_this_weeks_session(
    uow: SqlUnitOfWork, clock: FixedClock
) -> None:
    """Alex only did Fran on Monday: 1 of 3 this week, last Monday, not quiet (#12)."""
    await coached(uow, clock)
    await fran(uow, ALEX, utc(9, 7))
    now = utc(11, 12)  # Wednesday: coached 9 days 6 hours, so 7 days without would show

    [alex, masha] = await clients_overview(uow, SAM, now)
    card = await client_card(uow, SAM, ALEX, now)

    assert (alex.done_this_week, alex.planned_per_week) == (1, 3)
    assert alex.last_session == utc(9, 7)
    assert not alex.attention.quiet
    assert not alex.attention.missed  # 2 days 5 hours since; 3 a week miss two in 4⅔ days
    assert (masha.done_this_week, masha.last_session, masha.attention.quiet) == (0, None, True)
    # 7 days: 1 of 3; 30 and 90 days: 1 of 3 × 9/7 planned in the 9 whole days coached so far
    # (2 to 10 March; today's so far counts as done, not as planned)
    assert card.compliance[7] == pytest.approx(1 / 3)
    assert card.compliance[30] == pytest.approx(7 / 27)
    assert card.compliance[90] == pytest.approx(7 / 27)
    assert card.recent == []  # the last workouts stay the lifting ones


async def test_a_workout_and_metcons_on_one_local_day_are_one_session(
    uow: SqlUnitOfWork, clock: FixedClock
) -> None:
    """Маша in Moscow lifts at 00:30 Monday (21:30 UTC Sunday) and does two metcons that
    Monday: one session, however the UTC days fall (#12)."""
    await coached(uow, clock)
    await SetTimeZone(uow)(MASHA, "Europe/Moscow")
    await lifts(uow, clock, MASHA, utc(8, 21, 30))
    await fran(uow, MASHA, utc(9, 15))
    await fran(uow, MASHA, utc(9, 16))
    now = utc(11, 12)

    lines = {line.client.telegram_id: line for line in await clients_overview(uow, SAM, now)}
    card = await client_card(uow, SAM, MASHA, now)

    assert lines[MASHA].done_this_week == 1
    assert lines[MASHA].last_session == utc(8, 21, 30)  # the session began with the workout
    assert card.compliance[7] == pytest.approx(1 / 3)
    assert card.compliance[30] == pytest.approx(1 / (3 * 9 / 7))  # 2 to 10 March in Moscow
    assert len(card.recent) == 1


async def test_a_day_of_conditioning_long_ago_is_still_the_last_session(
    uow: SqlUnitOfWork, clock: FixedClock
) -> None:
    """Seven weeks after their last training, past the list's 30 days: Alex's last session is
    Wednesday's Fran after Monday's workout; Маша's Fran that Monday evening is part of the
    workout's session (#12)."""
    await coached(uow, clock)
    for athlete in (ALEX, MASHA):
        await lifts(uow, clock, athlete, utc(2, 7))
    await fran(uow, ALEX, utc(4, 18))
    await fran(uow, MASHA, utc(2, 18))
    now = utc(2, 7) + timedelta(weeks=7)

    lines = {line.client.telegram_id: line for line in await clients_overview(uow, SAM, now)}
    alex = await client_card(uow, SAM, ALEX, now)
    masha = await client_card(uow, SAM, MASHA, now)

    assert lines[ALEX].last_session == utc(4, 18)
    assert lines[MASHA].last_session == utc(2, 7)
    assert lines[ALEX].attention.quiet
    # 90 days: 3 a week over the 49 whole days coached (2 March to 19 April), 21 planned
    assert alex.compliance[90] == pytest.approx(2 / 21)
    assert masha.compliance[90] == pytest.approx(1 / 21)


async def test_missed_days_with_conditioning_are_not_missed_in_the_digest(
    uow: SqlUnitOfWork, clock: FixedClock, session_factory: async_sessionmaker[AsyncSession]
) -> None:
    """Both lift Monday and Wednesday; Alex then does Fran on Friday and Sunday, Маша nothing.
    Tuesday morning only Маша has missed two sessions (#12)."""
    await coached(uow, clock)
    for athlete in (ALEX, MASHA):
        await lifts(uow, clock, athlete, utc(2, 7))
        await lifts(uow, clock, athlete, utc(4, 7))
    await fran(uow, ALEX, utc(6, 18))
    await fran(uow, ALEX, utc(8, 18))
    clock.current = utc(10, 8)  # 6 days 1 hour after Wednesday's workout; Sunday's Fran 38 h ago

    lines = await digest_lines(uow, SAM, clock.current)

    assert [line.client.telegram_id for line in lines] == [MASHA]
    assert lines[0].attention.missed
    assert await MorningDigests(uow, clock, Words())() == 1
    [(chat, text)] = await digests(session_factory)
    assert chat == SAM
    assert "Маша" in text
    assert "Alex" not in text
