"""Rest timers: refresh the resting athlete's card every 15 s, then say that rest is over."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable

from aiogram_dialog import BaseDialogManager, ShowMode

from domain.shared.ports import Clock
from domain.training.rest import Rest

logger = logging.getLogger(__name__)

# Telegram counts an edit like a message (about 1 per second per chat); 15 s is plenty.
REFRESH_EVERY_SECONDS = 15.0

# Queues "rest is over" (the text in the athlete's language) for the athlete and rest given.
AnnounceRestOver = Callable[[int, Rest, str], Awaitable[object]]


class RestTimers:
    """One timer per athlete; a new set restarts it. `close()` cancels and awaits them all.

    "Rest is over" goes through the outbox under the rest's key (`announce`), so a timer
    started again for the same rest (after a restart, on another worker) says it once.
    """

    def __init__(
        self,
        clock: Clock,
        announce: AnnounceRestOver,
        refresh_every: float = REFRESH_EVERY_SECONDS,
        sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
    ) -> None:
        self._clock = clock
        self._announce = announce
        self._refresh_every = refresh_every
        self._sleep = sleep
        self._timers: dict[int, asyncio.Task[None]] = {}
        self._closed = False

    def start(self, athlete_id: int, rest: Rest, card: BaseDialogManager, over: str) -> None:
        """Refreshes `card` until the rest ends, then queues `over` (in the athlete's language)."""
        self.stop(athlete_id)
        if self._closed:  # shutting down: an update still in flight starts no new timer
            return
        logger.debug("rest timer for athlete %d until %s", athlete_id, rest.ends_at)
        timer = asyncio.create_task(self._run(athlete_id, rest, card, over))
        self._timers[athlete_id] = timer
        timer.add_done_callback(lambda done: self._forget(athlete_id, done))

    def stop(self, athlete_id: int) -> None:
        timer = self._timers.pop(athlete_id, None)
        if timer is not None:
            timer.cancel()

    def running(self, athlete_id: int) -> bool:
        return athlete_id in self._timers

    async def close(self) -> None:
        self._closed = True
        timers = list(self._timers.values())
        for timer in timers:
            timer.cancel()
        await asyncio.gather(*timers, return_exceptions=True)

    def _forget(self, athlete_id: int, done: asyncio.Task[None]) -> None:
        if self._timers.get(athlete_id) is done:
            del self._timers[athlete_id]
        if not done.cancelled() and (error := done.exception()) is not None:
            logger.error("rest timer of athlete %d failed", athlete_id, exc_info=error)

    async def _run(self, athlete_id: int, rest: Rest, card: BaseDialogManager, over: str) -> None:
        while (left := (rest.ends_at - self._clock.now()).total_seconds()) > 0:
            await self._sleep(min(self._refresh_every, left))
            logger.debug("refreshing the card of athlete %d", athlete_id)
            await card.update({}, show_mode=ShowMode.EDIT)
        await self._announce(athlete_id, rest, over)
