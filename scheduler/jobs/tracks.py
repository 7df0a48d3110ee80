"""Tracks' periodic job: post the day's workouts of the teams whose posting time has come, and
tell each subscription whose paid track lapsed (once, by its outbox key)."""

from __future__ import annotations

import logging

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from domain.shared.ports import Clock
from domain.teams.ports import TrackWording
from domain.teams.use_cases.tracks import PostWods, TellLapsed
from storage.uow import SqlUnitOfWork

logger = logging.getLogger(__name__)


async def post_wods(
    session_factory: async_sessionmaker[AsyncSession], clock: Clock, wording: TrackWording
) -> int:
    run = await PostWods(SqlUnitOfWork(session_factory, clock), clock, wording)()
    if run.queued or run.skipped_late:
        logger.info("WODs: %d queued, %d teams too late to post", run.queued, run.skipped_late)
    lapsed = await TellLapsed(SqlUnitOfWork(session_factory, clock), clock, wording)()
    if lapsed:
        logger.info("paid tracks: %d lapsed subscriptions told", lapsed)
    return run.queued
