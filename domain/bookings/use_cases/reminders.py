"""Reminders before a session: the athlete's own offsets, and the job that queues those due."""

from __future__ import annotations

from datetime import datetime, timedelta

from domain.athletes.use_cases.registration import registered_user
from domain.bookings.model import DEFAULT_REMINDERS, REMINDER_KEY, Booking, due_reminder
from domain.bookings.ports import BookingsUnitOfWork, BookingWording
from domain.bookings.use_cases.access import is_client, zone_of
from domain.outbox.model import OutgoingMessage
from domain.shared.ports import Clock

REMINDER_LIMIT = timedelta(days=7)  # the longest offset an athlete may choose
OFFSETS_LIMIT = 3


class SetReminderOffsets:
    """The athlete's own reminder times before a session (none: no reminders)."""

    def __init__(self, uow: BookingsUnitOfWork) -> None:
        self._uow = uow

    async def __call__(self, athlete_id: int, offsets: tuple[timedelta, ...]) -> None:
        if len(offsets) > OFFSETS_LIMIT or any(
            not timedelta(0) < o <= REMINDER_LIMIT for o in offsets
        ):
            raise ValueError("reminder offsets out of range")
        async with self._uow:
            await registered_user(self._uow, athlete_id)
            await self._uow.bookings.set_reminder_offsets(
                athlete_id, tuple(sorted(set(offsets), reverse=True))
            )
            await self._uow.commit()


class SendBookingReminders:
    """Queues each due reminder of a booking (24 h and 1 h before unless the athlete chose
    otherwise) once, by its key per booking and offset, while the athlete is still the coach's
    client; it expires at the start."""

    def __init__(self, uow: BookingsUnitOfWork, clock: Clock, wording: BookingWording) -> None:
        self._uow = uow
        self._clock = clock
        self._wording = wording

    async def __call__(self) -> int:
        now = self._clock.now()
        queued = 0
        async with self._uow:
            upcoming = await self._uow.bookings.starting_between(now, now + REMINDER_LIMIT)
            chosen = await self._uow.bookings.reminder_offsets({b.athlete_id for b in upcoming})
            for booking in upcoming:
                offsets = chosen.get(booking.athlete_id, DEFAULT_REMINDERS)
                due = due_reminder(booking, offsets, now)
                if due is not None and await is_client(
                    self._uow, booking.coach_id, booking.athlete_id
                ):
                    queued += await self._remind(booking, due, now)
            await self._uow.commit()
        return queued

    async def _remind(self, booking: Booking, due: timedelta, now: datetime) -> int:
        athlete = await self._uow.users.get(booking.athlete_id)
        coach = await self._uow.users.get(booking.coach_id)
        if athlete is None or coach is None:
            return 0
        text = self._wording.reminder(
            athlete, coach, booking.starts_at.astimezone(zone_of(athlete))
        )
        message = OutgoingMessage(
            f"{REMINDER_KEY}{booking.id}:{int(due.total_seconds() // 60)}",
            athlete.telegram_id,
            now,
            text,
            language=athlete.language.value,
            expires_at=booking.starts_at,
        )
        return int(await self._uow.outbox.add(message))
