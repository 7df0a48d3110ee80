"""Classes' periodic job: queue the reminders before class that are due."""

from __future__ import annotations

import logging

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from domain.shared.ports import Clock
from domain.teams.ports import ClassWording
from domain.teams.use_cases.classes import SendClassReminders
from storage.uow import SqlUnitOfWork

logger = logging.getLogger(__name__)


async def send_class_reminders(
    session_factory: async_sessionmaker[AsyncSession], clock: Clock, wording: ClassWording
) -> int:
    queued = await SendClassReminders(SqlUnitOfWork(session_factory, clock), clock, wording)()
    if queued:
        logger.info("queued %d class reminders", queued)
    return queued
