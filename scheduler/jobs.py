"""Periodic jobs. Each is a thin wrapper: open storage, do one thing, close."""

from __future__ import annotations

import logging
from datetime import timedelta

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from domain.ports import Clock
from storage.uow import prune_processed_updates

logger = logging.getLogger(__name__)

# Telegram keeps undelivered updates for 24 hours; a week of ledger covers any redelivery.
UPDATE_LEDGER_RETENTION = timedelta(days=7)


async def prune_update_ledger(
    session_factory: async_sessionmaker[AsyncSession], clock: Clock
) -> int:
    removed = await prune_processed_updates(session_factory, clock.now() - UPDATE_LEDGER_RETENTION)
    logger.info("pruned %d handled-update records", removed)
    return removed
