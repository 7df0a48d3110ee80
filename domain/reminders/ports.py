"""What the reminders context needs from storage: the athletes' reminder rows."""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

from domain.outbox.ports import OutboxUnitOfWork
from domain.progress.ports import ProgressUnitOfWork

if TYPE_CHECKING:
    from datetime import datetime

    from domain.reminders.model import Reminder


class ReminderRepository(Protocol):
    """Each athlete's reminder choices and due times (see domain/reminders/model.py)."""

    async def get(self, athlete_id: int, *, lock: bool = False) -> Reminder | None:
        """The athlete's row; `lock` holds it against other writers until the transaction ends."""
        ...

    async def save(self, reminder: Reminder) -> None:
        """Adds the athlete's row, or replaces it."""
        ...

    async def without_reminder(self, limit: int) -> list[int]:
        """Registered athletes who have no row yet."""
        ...

    async def due(self, now: datetime, limit: int) -> list[int]:
        """Athletes with a reminder or follow-up due by `now`, or whose time zone changed."""
        ...

    async def summaries_due(self, now: datetime, limit: int) -> list[int]:
        """Athletes whose weekly summary is due by `now`."""
        ...

    async def trained_at(self, athlete_id: int, since: datetime) -> list[datetime]:
        """When the athlete trained, from `since` on, oldest first: each set logged (in any
        workout, finished or not) and each conditioning result logged. A day with either is a
        trained day for reminders, follow-ups and streaks (#12)."""
        ...


class RemindersUnitOfWork(ProgressUnitOfWork, OutboxUnitOfWork, Protocol):
    """A transaction over reminders, what they read of training and conditioning, and the
    outbox they fill."""

    @property
    def reminders(self) -> ReminderRepository: ...
