"""Coaching's periodic jobs: each finished workout reported to the coach; the digests."""

from __future__ import annotations

import logging

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from domain.coaching.ports import CoachingWording
from domain.coaching.use_cases.digest import MorningDigests
from domain.coaching.use_cases.progression import ProposeChanges
from domain.coaching.use_cases.reports import ReportWorkouts
from domain.coaching.use_cases.weekly import WeeklyDigests
from domain.shared.ports import Clock
from storage.uow import SqlUnitOfWork

logger = logging.getLogger(__name__)


async def report_workouts(
    session_factory: async_sessionmaker[AsyncSession], clock: Clock, wording: CoachingWording
) -> int:
    """Each finished workout to the coach, then the training-max changes waiting for them."""
    uow = SqlUnitOfWork(session_factory, clock)
    queued = proposed = 0
    try:
        queued = await ReportWorkouts(uow, clock, wording)()
    except Exception:  # the proposals need not wait for a report that fails
        logger.exception("coaching: the workout reports failed; tried again next run")
    proposed = await ProposeChanges(uow, clock, wording)()
    if queued or proposed:
        logger.info("coaching: %d workout reports, %d proposed changes queued", queued, proposed)
    return queued + proposed


async def send_morning_digests(
    session_factory: async_sessionmaker[AsyncSession], clock: Clock, wording: CoachingWording
) -> int:
    queued = await MorningDigests(SqlUnitOfWork(session_factory, clock), clock, wording)()
    if queued:
        logger.info("coaching: %d morning digests queued for coaches", queued)
    return queued


async def send_weekly_digests(
    session_factory: async_sessionmaker[AsyncSession], clock: Clock, wording: CoachingWording
) -> int:
    sent = await WeeklyDigests(SqlUnitOfWork(session_factory, clock), clock, wording)()
    if sent:
        logger.info("coaching: %d Sunday digests queued for coaches", sent)
    return sent
