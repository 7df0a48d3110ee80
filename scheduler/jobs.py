"""Periodic jobs. Each is a thin wrapper: open storage, do one thing, close."""

from __future__ import annotations

import logging
from datetime import timedelta

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from domain.reminders.use_cases.sending import ReminderTexts, SendReminders
from domain.reminders.use_cases.summaries import SendWeeklySummaries, SummaryRenderer
from domain.shared.ports import Clock
from storage.core.ledger import HandledUpdates
from storage.outbox.outbox import OutboxQueue
from storage.uow import SqlUnitOfWork, prune_processed_updates

logger = logging.getLogger(__name__)

# Telegram keeps undelivered updates for 24 hours, so no copy can arrive later than that.
UPDATE_LEDGER_RETENTION = timedelta(hours=48)
OUTBOX_RETENTION = timedelta(days=14)


async def prune_update_ledger(
    session_factory: async_sessionmaker[AsyncSession], handled: HandledUpdates, clock: Clock
) -> int:
    cutoff = clock.now() - UPDATE_LEDGER_RETENTION
    removed = await prune_processed_updates(session_factory, cutoff)
    handled.forget_before(cutoff)
    logger.info("pruned %d handled-update records", removed)
    return removed


async def prune_outbox(
    session_factory: async_sessionmaker[AsyncSession],
    clock: Clock,
    retention: timedelta = OUTBOX_RETENTION,
) -> int:
    removed = await OutboxQueue(session_factory).prune(clock.now() - retention)
    logger.info("pruned %d finished outbox messages", removed)
    return removed


async def send_reminders(
    session_factory: async_sessionmaker[AsyncSession],
    clock: Clock,
    texts: ReminderTexts,
    grace: timedelta,
) -> int:
    run = await SendReminders(SqlUnitOfWork(session_factory, clock), clock, texts, grace)()
    if run.queued or run.dropped or run.scheduled:
        logger.info(
            "reminders: %d queued, %d dropped past the grace window, %d scheduled",
            len(run.queued),
            run.dropped,
            run.scheduled,
        )
    return len(run.queued)


async def send_weekly_summaries(
    session_factory: async_sessionmaker[AsyncSession],
    clock: Clock,
    render: SummaryRenderer,
    grace: timedelta,
) -> int:
    queued = await SendWeeklySummaries(
        SqlUnitOfWork(session_factory, clock), clock, render, grace
    )()
    if queued:
        logger.info("queued %d weekly summaries", len(queued))
    return len(queued)
