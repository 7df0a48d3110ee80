"""A day with a conditioning result is a trained day for reminders and follow-ups (#12), on
SQLite and PostgreSQL through the real unit of work."""

from __future__ import annotations

from datetime import UTC, date, datetime, time

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from domain.conditioning.library import benchmark
from domain.conditioning.model import LoggedResult, SavedWorkout, WorkoutSource
from domain.conditioning.scores import parse_score
from domain.reminders.model import Reminder
from domain.reminders.use_cases.sending import SendReminders
from storage.uow import SqlUnitOfWork
from tests.fakes import FixedClock
from tests.integration.catalog import ATHLETE, CLOCK, seed
from tests.integration.reminders.test_reminders import Texts, save

MONDAY, TUESDAY, WEDNESDAY = date(2026, 3, 2), date(2026, 3, 3), date(2026, 3, 4)


def utc(day: date, hour: int, minute: int = 0, second: int = 0) -> datetime:
    return datetime(day.year, day.month, day.day, hour, minute, second, tzinfo=UTC)


async def log_fran(session_factory: async_sessionmaker[AsyncSession], at: datetime) -> None:
    """Fran in 4:22, logged at `at`: a conditioning result, no set lifted."""
    fran = benchmark("Fran")
    assert fran is not None
    async with SqlUnitOfWork(session_factory, CLOCK) as uow:
        saved = await uow.conditioning.add_workout(
            SavedWorkout(None, ATHLETE, WorkoutSource.BENCHMARK, fran, at)
        )
        score = parse_score(fran.scheme, "4:22")
        await uow.conditioning.add_result(
            LoggedResult(None, ATHLETE, saved.id or 0, score, True, at)
        )
        await uow.commit()


async def run_at(session_factory: async_sessionmaker[AsyncSession], moment: datetime) -> list[str]:
    clock = FixedClock(moment)
    run = await SendReminders(SqlUnitOfWork(session_factory, clock), clock, Texts())()
    return run.queued


async def test_a_day_with_only_a_conditioning_result_gets_no_follow_up_and_a_day_with_nothing_does(
    session_factory: async_sessionmaker[AsyncSession],
) -> None:
    await seed(session_factory)
    # Mondays and Tuesdays at 07:00 UTC; Monday's follow-up is due Tuesday at 09:00
    await save(
        session_factory,
        Reminder(
            ATHLETE,
            days=frozenset({0, 1}),
            at=time(7),
            enabled=True,
            since=utc(date(2026, 3, 1), 12),
            time_zone="UTC",
            check_day=MONDAY,
            check_due=utc(TUESDAY, 9),
        ),
    )
    await log_fran(session_factory, utc(MONDAY, 18))

    tuesday_morning = await run_at(session_factory, utc(TUESDAY, 9, 0, 30))
    wednesday_morning = await run_at(session_factory, utc(WEDNESDAY, 9, 0, 30))

    assert tuesday_morning == []  # Monday was trained: Fran
    # Tuesday had nothing: one missed day since Fran, so a gentle follow-up, not a nudge
    # about two missed sessions in a row
    assert wednesday_morning == [f"missed:{ATHLETE}:2026-03-03"]


async def test_a_morning_metcon_skips_that_evenings_reminder(
    session_factory: async_sessionmaker[AsyncSession],
) -> None:
    await seed(session_factory)
    await save(
        session_factory,
        Reminder(
            ATHLETE,
            days=frozenset({2}),
            at=time(18),
            enabled=True,
            since=utc(date(2026, 3, 1), 12),
            time_zone="UTC",
            next_due=utc(WEDNESDAY, 18),
        ),
    )
    await log_fran(session_factory, utc(WEDNESDAY, 6, 30))

    clock = FixedClock(utc(WEDNESDAY, 18, 0, 30))
    run = await SendReminders(SqlUnitOfWork(session_factory, clock), clock, Texts())()

    assert (run.queued, run.skipped) == ([], 1)
