"""The outbox's periodic job: forgetting messages long finished (the sender drains the rest)."""

from __future__ import annotations

import logging
from datetime import timedelta

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from domain.shared.ports import Clock
from storage.outbox.outbox import OutboxQueue

logger = logging.getLogger(__name__)

OUTBOX_RETENTION = timedelta(days=14)


async def prune_outbox(
    session_factory: async_sessionmaker[AsyncSession],
    clock: Clock,
    retention: timedelta = OUTBOX_RETENTION,
) -> int:
    removed = await OutboxQueue(session_factory).prune(clock.now() - retention)
    logger.info("pruned %d finished outbox messages", removed)
    return removed
