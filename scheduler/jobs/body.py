"""Body's periodic job: queue the weekly weigh-in reminders that are due."""

from __future__ import annotations

import logging

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from domain.body.ports import WeighInWording
from domain.body.use_cases.reminders import SendWeighInReminders
from domain.shared.ports import Clock
from storage.uow import SqlUnitOfWork

logger = logging.getLogger(__name__)


async def send_weigh_in_reminders(
    session_factory: async_sessionmaker[AsyncSession], clock: Clock, wording: WeighInWording
) -> int:
    queued = await SendWeighInReminders(SqlUnitOfWork(session_factory, clock), clock, wording)()
    if queued:
        logger.info("queued %d weigh-in reminders", len(queued))
    return len(queued)
