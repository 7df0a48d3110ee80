"""The reminder card: showing the athlete's choices and changing them."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from domain.reminders.choices import Change, changed
from domain.reminders.model import Reminder
from domain.reminders.schedule import scheduled

if TYPE_CHECKING:
    from domain.reminders.ports import RemindersUnitOfWork
    from domain.shared.ports import Clock


@dataclass(frozen=True, slots=True)
class ReminderCard:
    reminder: Reminder
    time_zone: str


class ShowReminders:
    """The athlete's reminder choices (the defaults until they change one)."""

    def __init__(self, uow: RemindersUnitOfWork) -> None:
        self._uow = uow

    async def __call__(self, athlete_id: int) -> ReminderCard | None:
        async with self._uow:
            user = await self._uow.users.get(athlete_id)
            if user is None:
                return None
            found = await self._uow.reminders.get(athlete_id)
            return ReminderCard(found or Reminder(athlete_id), user.time_zone)


class ChangeReminders:
    """Applies one change and works the due times out again; bad input changes nothing."""

    def __init__(self, uow: RemindersUnitOfWork, clock: Clock) -> None:
        self._uow = uow
        self._clock = clock

    async def __call__(self, athlete_id: int, change: Change) -> ReminderCard:
        async with self._uow:
            user = await self._uow.users.get(athlete_id)
            if user is None:
                raise LookupError(athlete_id)
            now = self._clock.now()
            before = await self._uow.reminders.get(athlete_id, lock=True)
            after = scheduled(
                changed(before or Reminder(athlete_id), change, now), user.time_zone, now
            )
            await self._uow.reminders.save(after)
            await self._uow.commit()
            return ReminderCard(after, user.time_zone)
