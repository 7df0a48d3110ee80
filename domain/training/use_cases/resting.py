"""Saying that a rest between sets is over: through the outbox, once per rest."""

from __future__ import annotations

from datetime import timedelta
from typing import TYPE_CHECKING

from domain.outbox.model import OutgoingMessage
from domain.training.rest import current_rest

if TYPE_CHECKING:
    from domain.shared.ports import Clock
    from domain.training.ports import RestUnitOfWork
    from domain.training.rest import Rest

# Later than this after the rest, "rest is over" is noise: the athlete is on the next set.
REST_OVER_LATE = timedelta(minutes=2)


class AnnounceRestOver:
    """Queues "rest is over" for a rest that has run out, under the rest's key: a timer run
    again (a restart, another worker) queues nothing more; nor does a rest that a later set,
    an undo or the end of the workout has replaced."""

    def __init__(self, uow: RestUnitOfWork, clock: Clock) -> None:
        self._uow = uow
        self._clock = clock

    async def __call__(self, athlete_id: int, rest: Rest, text: str) -> bool:
        """True if it was queued now."""
        async with self._uow:
            workout = await self._uow.workouts.open_for(athlete_id)
            latest = None if workout is None else current_rest(workout, rest.ends_at - rest.length)
            if latest is None or latest.key != rest.key:
                return False
            now = self._clock.now()
            message = OutgoingMessage(
                rest.key, athlete_id, now, text=text, expires_at=rest.ends_at + REST_OVER_LATE
            )
            queued = await self._uow.outbox.add(message)
            await self._uow.commit()
        return queued
