"""Analytics' periodic job: record each client's engagement for the days that ended."""

from __future__ import annotations

import logging

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from domain.analytics.use_cases.engagement import RecordEngagement
from domain.shared.ports import Clock
from storage.uow import SqlUnitOfWork

logger = logging.getLogger(__name__)


async def record_engagement(session_factory: async_sessionmaker[AsyncSession], clock: Clock) -> int:
    written = await RecordEngagement(SqlUnitOfWork(session_factory, clock), clock)()
    if written:
        logger.info("recorded %d days of client engagement", written)
    return written
