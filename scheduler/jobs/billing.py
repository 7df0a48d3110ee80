"""Billing's periodic jobs: notices due (a subscription ending, a pack's last session) and the
programs paid for, assigned outside the payment's transaction."""

from __future__ import annotations

import logging

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from domain.billing.ports import BillingWording
from domain.billing.use_cases.notices import GrantPrograms, SendBillingNotices
from domain.coaching.ports import CoachingWording
from domain.shared.ports import Clock
from storage.uow import SqlUnitOfWork

logger = logging.getLogger(__name__)


async def send_billing_notices(
    session_factory: async_sessionmaker[AsyncSession], clock: Clock, wording: BillingWording
) -> int:
    queued = await SendBillingNotices(SqlUnitOfWork(session_factory, clock), clock, wording)()
    if queued:
        logger.info("billing: %d notices queued", queued)
    return queued


async def grant_programs(
    session_factory: async_sessionmaker[AsyncSession], clock: Clock, wording: CoachingWording
) -> int:
    assigned = await GrantPrograms(SqlUnitOfWork(session_factory, clock), clock, wording)()
    if assigned:
        logger.info("billing: %d programs paid for were assigned", assigned)
    return assigned
