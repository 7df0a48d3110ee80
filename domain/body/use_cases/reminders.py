"""The weekly weigh-in reminder, for those who asked: Monday morning, at the athlete's local
time, through the outbox (one a week: its key names the athlete and the ISO week)."""

from __future__ import annotations

from datetime import date, time, timedelta
from zoneinfo import ZoneInfo

from domain.body.entries import entry_day
from domain.body.ports import BodyUnitOfWork, WeighInWording
from domain.outbox.model import OutgoingMessage
from domain.shared.ports import Clock
from domain.shared.time import occurrence

WEIGH_IN_AT = time(7, 0)  # Monday, before breakfast: the week's weigh-ins compare alike
WEIGH_IN_WINDOW = timedelta(hours=12)  # a reminder later than that is noise, not help


def weigh_in_key(athlete_id: int, monday: date) -> str:
    year, week, _ = monday.isocalendar()
    return f"weigh-in:{athlete_id}:{year}-W{week:02d}"


class SendWeighInReminders:
    """Queues the reminders due now (their Monday's 07:00 local passed, not 12 hours ago) to
    those who have not weighed in since Monday began; returns the keys queued."""

    def __init__(self, uow: BodyUnitOfWork, clock: Clock, wording: WeighInWording) -> None:
        self._uow = uow
        self._clock = clock
        self._wording = wording

    async def __call__(self) -> list[str]:
        now = self._clock.now()
        queued: list[str] = []
        async with self._uow:
            for athlete_id, time_zone in await self._uow.body.reminded():
                zone = ZoneInfo(time_zone)
                today = entry_day(now, zone)
                monday = today - timedelta(days=today.weekday())
                due = occurrence(monday, WEIGH_IN_AT, zone)
                if not due <= now < due + WEIGH_IN_WINDOW:
                    continue
                athlete = await self._uow.users.get(athlete_id)
                if athlete is None or await self._uow.body.weights(athlete_id, since=monday):
                    continue
                message = OutgoingMessage(
                    key=weigh_in_key(athlete_id, monday),
                    chat_id=athlete_id,
                    not_before=due,
                    text=self._wording.reminder(athlete.language),
                    language=athlete.language.value,
                    expires_at=due + WEIGH_IN_WINDOW,
                )
                if await self._uow.outbox.add(message):
                    queued.append(message.key)
            await self._uow.commit()
        return queued
