"""The reminders' periodic jobs: queue the reminders and weekly summaries that are due."""

from __future__ import annotations

import logging
from datetime import timedelta

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from domain.reminders.use_cases.sending import ReminderTexts, SendReminders
from domain.reminders.use_cases.summaries import SendWeeklySummaries, SummaryRenderer
from domain.shared.ports import Clock
from storage.uow import SqlUnitOfWork

logger = logging.getLogger(__name__)


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
