"""The reminder rows on SQLite and PostgreSQL: round trips, the due queries, and the job's
at-most-once queueing through the real unit of work (#5)."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from concurrent.futures import Executor, Future
from concurrent.futures.process import BrokenProcessPool
from dataclasses import replace
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

import pytest
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.summaries import ChartedSummary
from domain.athletes.model import Language
from domain.outbox.model import Action, Button
from domain.plans.model import PlanDay
from domain.reminders.model import QuietHours, Reminder
from domain.reminders.use_cases.sending import SendReminders, Wording
from domain.reminders.use_cases.summaries import SendWeeklySummaries
from domain.training.model import DoneSet, Workout
from handlers.common.i18n import Catalogue
from scheduler.setup import build_scheduler
from storage.core.ledger import HandledUpdates
from storage.outbox.tables import OutboxRow
from storage.uow import SqlUnitOfWork
from tests.fakes import FixedClock
from tests.integration.catalog import ATHLETE, CLOCK, seed
from tests.integration.training.test_workouts import squat_day, store

OTHER = 7
NOW = datetime(2026, 3, 2, 9, 30, tzinfo=UTC)


def full(athlete_id: int = ATHLETE) -> Reminder:
    return Reminder(
        athlete_id,
        days=frozenset({0, 3, 6}),
        at=time(6, 45),
        quiet=QuietHours(time(22, 30), time(6)),
        enabled=True,
        weekly_summary=False,
        since=NOW,
        time_zone="UTC",
        next_due=NOW + timedelta(hours=1),
        check_day=date(2026, 3, 1),
        check_due=NOW + timedelta(hours=2),
        summary_due=None,
    )


async def save(session_factory: async_sessionmaker[AsyncSession], *reminders: Reminder) -> None:
    async with SqlUnitOfWork(session_factory, CLOCK) as uow:
        for reminder in reminders:
            await uow.reminders.save(reminder)
        await uow.commit()


async def test_a_reminder_comes_back_exactly_as_saved_and_a_second_save_replaces_it(
    session_factory: async_sessionmaker[AsyncSession],
) -> None:
    await seed(session_factory)
    await save(session_factory, full())
    async with SqlUnitOfWork(session_factory, CLOCK) as uow:
        first = await uow.reminders.get(ATHLETE)
        missing = await uow.reminders.get(OTHER)

    changed = Reminder(ATHLETE, days=frozenset(), at=time(0), summary_due=NOW)
    await save(session_factory, changed)
    async with SqlUnitOfWork(session_factory, CLOCK) as uow:
        second = await uow.reminders.get(ATHLETE)

    assert (first, missing, second) == (full(), None, changed)


async def test_due_finds_reminders_follow_ups_and_moved_athletes_but_nothing_in_the_future(
    session_factory: async_sessionmaker[AsyncSession],
) -> None:
    athletes = (1, 2, 3, 4, 5, 6)
    await seed(session_factory, *athletes)
    hour = timedelta(hours=1)
    await save(
        session_factory,
        Reminder(1, time_zone="UTC", next_due=NOW),  # due right now
        Reminder(2, time_zone="UTC", check_due=NOW - hour),  # a follow-up
        Reminder(3, time_zone="Europe/Berlin", next_due=NOW + hour),  # moved: the user is UTC
        Reminder(4, time_zone=None),  # never worked out
        Reminder(5, time_zone="UTC", next_due=NOW + hour, summary_due=NOW - hour),
    )
    async with SqlUnitOfWork(session_factory, CLOCK) as uow:
        due = await uow.reminders.due(NOW, limit=10)
        limited = await uow.reminders.due(NOW, limit=2)
        summaries = await uow.reminders.summaries_due(NOW, limit=10)
        new = await uow.reminders.without_reminder(limit=10)

    assert due == [1, 2, 3, 4]
    assert limited == [1, 2]
    assert summaries == [5]
    assert new == [6]


async def log(
    session_factory: async_sessionmaker[AsyncSession], workout: Workout, position: int, at: datetime
) -> None:
    async with SqlUnitOfWork(session_factory, CLOCK) as uow:
        done_set = workout.sets[position]
        done = DoneSet(done_set.prescribed.weight, 5, at)
        await uow.workouts.save_set(workout.id or 0, replace(done_set, done=done))
        await uow.commit()


async def test_trained_at_lists_when_sets_were_done_not_when_workouts_were_opened(
    session_factory: async_sessionmaker[AsyncSession],
) -> None:
    """Regression: a workout opened Monday and trained Wednesday counted Monday as trained."""
    await seed(session_factory, ATHLETE, OTHER)
    opened_early = await store(session_factory, squat_day(NOW - timedelta(days=5)))
    await log(session_factory, opened_early, 0, NOW - timedelta(days=3))
    await log(session_factory, opened_early, 1, NOW - timedelta(days=1))
    async with SqlUnitOfWork(session_factory, CLOCK) as uow:
        await uow.workouts.finish(opened_early.id or 0, NOW - timedelta(days=1))
        await uow.commit()
    await store(session_factory, squat_day(NOW - timedelta(hours=1)))  # opened, nothing done
    other = await store(session_factory, squat_day(NOW, athlete_id=OTHER))
    await log(session_factory, other, 0, NOW)

    async with SqlUnitOfWork(session_factory, CLOCK) as uow:
        recent = await uow.reminders.trained_at(ATHLETE, NOW - timedelta(days=2))
        everything = await uow.reminders.trained_at(ATHLETE, NOW - timedelta(days=30))

    assert recent == [NOW - timedelta(days=1)]
    assert everything == [NOW - timedelta(days=3), NOW - timedelta(days=1)]


class Texts:
    def reminder(self, language: Language, day: PlanDay | None) -> Wording:
        return Wording("train", ((Button(Action.OPEN_TODAYS_WORKOUT),),))

    def missed(self, language: Language, day: PlanDay | None) -> Wording:
        return Wording("missed")

    def nudge(self, language: Language, missed: int, day: PlanDay | None) -> Wording:
        return Wording("nudge")


async def test_the_job_queues_a_due_reminder_once_and_moves_its_due_time_in_that_commit(
    session_factory: async_sessionmaker[AsyncSession],
) -> None:
    await seed(session_factory)
    monday_six = datetime(2026, 3, 2, 18, 0, tzinfo=UTC)
    await save(
        session_factory,
        Reminder(ATHLETE, enabled=True, since=NOW, time_zone="UTC", next_due=monday_six),
    )
    clock = FixedClock(monday_six + timedelta(seconds=30))

    first = await SendReminders(SqlUnitOfWork(session_factory, clock), clock, Texts())()
    # the row moved on; a run from a stale copy of it would still queue nothing twice
    await save(
        session_factory,
        Reminder(ATHLETE, enabled=True, since=NOW, time_zone="UTC", next_due=monday_six),
    )
    second = await SendReminders(SqlUnitOfWork(session_factory, clock), clock, Texts())()
    async with SqlUnitOfWork(session_factory, clock) as uow:
        after = await uow.reminders.get(ATHLETE)

    assert first.queued == [f"reminder:{ATHLETE}:2026-03-02"]
    assert (second.queued, second.skipped) == ([], 1)
    assert after is not None
    assert after.next_due == datetime(2026, 3, 4, 18, 0, tzinfo=UTC)


async def test_the_weekly_summary_is_queued_once_as_the_volume_chart_with_three_lines(
    session_factory: async_sessionmaker[AsyncSession],
) -> None:
    await seed(session_factory)
    workout = await store(session_factory, squat_day(NOW))  # Monday 2 March, UTC
    async with SqlUnitOfWork(session_factory, CLOCK) as uow:
        first = workout.sets[0]
        done = DoneSet(first.prescribed.weight, 5, NOW + timedelta(minutes=5))
        await uow.workouts.save_set(workout.id or 0, replace(first, done=done))
        await uow.workouts.finish(workout.id or 0, NOW + timedelta(minutes=30))
        await uow.commit()
    sunday_seven = datetime(2026, 3, 8, 19, 0, tzinfo=UTC)
    await save(session_factory, Reminder(ATHLETE, time_zone="UTC", summary_due=sunday_seven))
    clock = FixedClock(sunday_seven + timedelta(seconds=20))
    render = ChartedSummary(
        session_factory, None, Catalogue.load()
    )  # None: the loop's default thread pool

    def summaries() -> SendWeeklySummaries:
        return SendWeeklySummaries(SqlUnitOfWork(session_factory, clock), clock, render)

    queued = await summaries()()
    again = await summaries()()
    async with session_factory() as session:
        row = (
            await session.execute(
                select(OutboxRow.text, OutboxRow.photo).where(
                    OutboxRow.idempotency_key == f"summary:{ATHLETE}:2026-W10"
                )
            )
        ).one()

    assert (queued, again) == ([f"summary:{ATHLETE}:2026-W10"], [])
    assert row.text is not None
    assert row.text.splitlines() == [
        "🗓 1 session this week",
        "🏆 No PRs this week",
        "📈 Training maxes unchanged",
    ]
    assert row.photo is not None
    assert row.photo.startswith(b"\x89PNG")


class BrokenPool(Executor):
    """A chart pool whose worker died and that could not be started again."""

    def submit(self, fn: Callable[..., Any], /, *args: Any, **kwargs: Any) -> Future[Any]:
        raise BrokenProcessPool("a process in the pool was terminated abruptly")


async def test_a_weekly_summary_whose_chart_fails_is_sent_as_its_three_lines(
    session_factory: async_sessionmaker[AsyncSession],
) -> None:
    """Regression: a dead chart worker made every weekly summary fail until a restart."""
    await seed(session_factory)
    workout = await store(session_factory, squat_day(NOW))
    async with SqlUnitOfWork(session_factory, CLOCK) as uow:
        first = workout.sets[0]
        done = DoneSet(first.prescribed.weight, 5, NOW + timedelta(minutes=5))
        await uow.workouts.save_set(workout.id or 0, replace(first, done=done))
        await uow.workouts.finish(workout.id or 0, NOW + timedelta(minutes=30))
        await uow.commit()
    sunday_seven = datetime(2026, 3, 8, 19, 0, tzinfo=UTC)
    await save(session_factory, Reminder(ATHLETE, time_zone="UTC", summary_due=sunday_seven))
    clock = FixedClock(sunday_seven + timedelta(seconds=20))
    render = ChartedSummary(session_factory, BrokenPool(), Catalogue.load())

    queued = await SendWeeklySummaries(SqlUnitOfWork(session_factory, clock), clock, render)()
    async with session_factory() as session:
        row = (await session.execute(select(OutboxRow.text, OutboxRow.photo))).one()

    assert queued == [f"summary:{ATHLETE}:2026-W10"]
    assert row.text is not None
    assert row.text.startswith("🗓 1 session this week")
    assert row.photo is None


async def test_the_scheduler_runs_the_reminder_jobs_under_fixed_ids_and_never_skips_a_late_run(
    session_factory: async_sessionmaker[AsyncSession],
) -> None:
    scheduler = build_scheduler(
        session_factory,
        HandledUpdates(),
        CLOCK,
        reminder_texts=Texts(),
        summary_renderer=ChartedSummary(session_factory, None, Catalogue.load()),
        reminder_interval=timedelta(seconds=5),
    )
    scheduler.start(paused=True)
    try:
        jobs = [scheduler.get_job(job_id) for job_id in ("send-reminders", "send-weekly-summaries")]
    finally:
        scheduler.shutdown(wait=False)

    for job in jobs:
        assert job is not None
        assert (job.coalesce, job.misfire_grace_time, job.max_instances) == (True, None, 1)
        assert job.trigger.interval == timedelta(seconds=5)


@pytest.mark.parametrize(  # SQLite: one connection, so one transaction at a time
    "database_url", [pytest.param("postgresql", marks=pytest.mark.postgres)], indirect=True
)
async def test_a_row_another_transaction_adds_meanwhile_is_saved_over_not_refused(
    session_factory: async_sessionmaker[AsyncSession],
) -> None:
    """Regression (issue 14): the job scheduled a new athlete's row while they turned
    reminders on; their tap found no row, added one, and failed on the duplicate key."""
    await seed(session_factory)
    async with (
        SqlUnitOfWork(session_factory, CLOCK) as job,
        SqlUnitOfWork(session_factory, CLOCK) as tap,
    ):
        await job.reminders.save(Reminder(ATHLETE, time_zone="UTC", next_due=NOW))
        assert await tap.reminders.get(ATHLETE, lock=True) is None  # not committed yet
        saving = asyncio.create_task(tap.reminders.save(full()))  # waits for the job's insert
        await asyncio.sleep(0.2)
        await job.commit()
        await saving
        await tap.commit()

    async with SqlUnitOfWork(session_factory, CLOCK) as uow:
        assert await uow.reminders.get(ATHLETE) == full()
