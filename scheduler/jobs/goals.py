"""Goals' and check-ins' periodic jobs: celebrate goals reached, ask the weekly check-ins."""

from __future__ import annotations

import logging

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from domain.checkins.ports import CheckInWording
from domain.checkins.use_cases.checkins import SendCheckIns
from domain.goals.ports import GoalWording
from domain.goals.use_cases.goals import CelebrateGoals
from domain.shared.ports import Clock
from storage.uow import SqlUnitOfWork

logger = logging.getLogger(__name__)


async def celebrate_goals(
    session_factory: async_sessionmaker[AsyncSession], clock: Clock, wording: GoalWording
) -> int:
    celebrated = await CelebrateGoals(SqlUnitOfWork(session_factory, clock), clock, wording)()
    if celebrated:
        logger.info("celebrated %d goals reached", celebrated)
    return celebrated


async def send_check_ins(
    session_factory: async_sessionmaker[AsyncSession], clock: Clock, wording: CheckInWording
) -> int:
    queued = await SendCheckIns(SqlUnitOfWork(session_factory, clock), clock, wording)()
    if queued:
        logger.info("queued %d weekly check-ins", queued)
    return queued
