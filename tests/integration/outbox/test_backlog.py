"""/metrics' outbox gauges (bot/metrics.outbox_backlog) on SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.metrics import OutboxBacklog, outbox_backlog
from domain.outbox.model import OutgoingMessage
from storage.outbox.outbox import OutboxQueue
from storage.outbox.tables import OutboxRow
from storage.uow import SqlUnitOfWork
from tests.fakes import FixedClock

NOW = datetime(2026, 12, 4, 12, 0, tzinfo=UTC)


async def test_the_backlog_counts_due_unsent_messages_and_the_oldest_ones_wait(
    session_factory: async_sessionmaker[AsyncSession],
) -> None:
    messages = [
        OutgoingMessage("old", 1, NOW - timedelta(seconds=30), text="a"),
        OutgoingMessage("new", 2, NOW - timedelta(seconds=10), text="b"),
        OutgoingMessage("later", 3, NOW + timedelta(hours=1), text="c"),  # not due yet
        OutgoingMessage("gone", 4, NOW - timedelta(hours=1), text="d"),
    ]
    async with SqlUnitOfWork(session_factory, FixedClock(NOW)) as uow:
        await uow.outbox.add_all(messages)
        await uow.commit()
    async with session_factory() as session:
        gone = await session.scalar(select(OutboxRow.id).where(OutboxRow.idempotency_key == "gone"))
    assert gone is not None
    await OutboxQueue(session_factory).cancel(gone, "test")

    assert await outbox_backlog(session_factory, NOW) == OutboxBacklog(2, 30.0)


async def test_an_empty_outbox_has_no_backlog(
    session_factory: async_sessionmaker[AsyncSession],
) -> None:
    assert await outbox_backlog(session_factory, NOW) == OutboxBacklog(0, 0.0)
