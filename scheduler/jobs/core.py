"""The core's periodic job: forgetting updates too old to be redelivered."""

from __future__ import annotations

import logging
from datetime import timedelta

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from domain.shared.ports import Clock
from storage.core.ledger import HandledUpdates
from storage.uow import prune_processed_updates

logger = logging.getLogger(__name__)

# Telegram keeps undelivered updates for 24 hours, so no copy can arrive later than that.
UPDATE_LEDGER_RETENTION = timedelta(hours=48)


async def prune_update_ledger(
    session_factory: async_sessionmaker[AsyncSession], handled: HandledUpdates, clock: Clock
) -> int:
    cutoff = clock.now() - UPDATE_LEDGER_RETENTION
    removed = await prune_processed_updates(session_factory, cutoff)
    handled.forget_before(cutoff)
    logger.info("pruned %d handled-update records", removed)
    return removed
