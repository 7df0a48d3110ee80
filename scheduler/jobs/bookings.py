"""Bookings' periodic job: queue the reminders before sessions that are due."""

from __future__ import annotations

import logging

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from domain.bookings.ports import BookingWording
from domain.bookings.use_cases.reminders import SendBookingReminders
from domain.shared.ports import Clock
from storage.uow import SqlUnitOfWork

logger = logging.getLogger(__name__)


async def send_booking_reminders(
    session_factory: async_sessionmaker[AsyncSession], clock: Clock, wording: BookingWording
) -> int:
    queued = await SendBookingReminders(SqlUnitOfWork(session_factory, clock), clock, wording)()
    if queued:
        logger.info("queued %d session reminders", queued)
    return queued
