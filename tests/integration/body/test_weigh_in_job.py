"""The weekly weigh-in reminder's job on SQLite and PostgreSQL (#15): queued through the outbox
once per athlete and ISO week, at 07:00 on the athlete's Monday, for those who asked only."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from domain.athletes.model import Language, Profile
from domain.athletes.use_cases.registration import RegisterUser, SetTimeZone
from domain.body.use_cases.entries import SwitchWeighInReminder
from scheduler.jobs.body import send_weigh_in_reminders
from scheduler.setup import build_scheduler
from storage.core.ledger import HandledUpdates
from storage.outbox.tables import OutboxRow
from storage.uow import SqlUnitOfWork
from tests.fakes import FixedClock

ANN, BOB = 1001, 1002
# Monday 7 December 2026, 07:00 in Berlin (CET, UTC+1) is 06:00 UTC
DUE = datetime(2026, 12, 7, 6, 0, tzinfo=UTC)


class Words:
    def reminder(self, language: Language) -> str:
        return f"weigh in ({language})"


async def test_the_job_queues_each_reminder_once_for_those_who_asked(
    session_factory: async_sessionmaker[AsyncSession],
) -> None:
    clock = FixedClock(datetime(2026, 12, 1, tzinfo=UTC))
    uow = SqlUnitOfWork(session_factory, clock)
    for athlete in (ANN, BOB):
        await RegisterUser(uow, clock)(Profile(athlete, "Someone", language_code="ru"))
        await SetTimeZone(uow)(athlete, "Europe/Berlin")
    await SwitchWeighInReminder(uow)(ANN)

    clock.current = DUE.replace(hour=5, minute=59)  # 06:59 in Berlin
    assert await send_weigh_in_reminders(session_factory, clock, Words()) == 0
    clock.current = DUE
    assert await send_weigh_in_reminders(session_factory, clock, Words()) == 1
    assert await send_weigh_in_reminders(session_factory, clock, Words()) == 0

    async with session_factory() as session:
        rows = list(await session.scalars(select(OutboxRow)))
    assert [(row.idempotency_key, row.chat_id, row.text) for row in rows] == [
        ("weigh-in:1001:2026-W50", ANN, "weigh in (ru)")
    ]


async def test_the_scheduler_runs_the_weigh_in_job_under_a_fixed_id(
    session_factory: async_sessionmaker[AsyncSession],
) -> None:
    scheduler = build_scheduler(
        session_factory, HandledUpdates(), FixedClock(DUE), weigh_in_wording=Words()
    )
    scheduler.start(paused=True)
    try:
        job = scheduler.get_job("weigh-in-reminders")
    finally:
        scheduler.shutdown(wait=False)

    assert job is not None
    assert job.coalesce
