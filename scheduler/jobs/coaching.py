"""Coaching's periodic job: report each workout a client finished to their coach."""

from __future__ import annotations

import logging

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from domain.coaching.ports import CoachingWording
from domain.coaching.use_cases.reports import ReportWorkouts
from domain.shared.ports import Clock
from storage.uow import SqlUnitOfWork

logger = logging.getLogger(__name__)


async def report_workouts(
    session_factory: async_sessionmaker[AsyncSession], clock: Clock, wording: CoachingWording
) -> int:
    queued = await ReportWorkouts(SqlUnitOfWork(session_factory, clock), clock, wording)()
    if queued:
        logger.info("coaching: %d workout reports queued for coaches", queued)
    return queued
