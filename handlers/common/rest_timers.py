"""Rest timers: refresh the resting athlete's card every 15 s, then say that rest is over."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from datetime import datetime

from aiogram import Bot
from aiogram.exceptions import TelegramAPIError
from aiogram_dialog import BaseDialogManager, ShowMode

from domain.shared.ports import Clock

logger = logging.getLogger(__name__)

# Telegram counts an edit like a message (about 1 per second per chat); 15 s is plenty.
REFRESH_EVERY_SECONDS = 15.0


class RestTimers:
    """One timer per athlete; a new set restarts it. `close()` cancels and awaits them all."""

    def __init__(
        self,
        clock: Clock,
        refresh_every: float = REFRESH_EVERY_SECONDS,
        sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
    ) -> None:
        self._clock = clock
        self._refresh_every = refresh_every
        self._sleep = sleep
        self._timers: dict[int, asyncio.Task[None]] = {}
        self._closed = False

    def start(
        self, athlete_id: int, ends_at: datetime, card: BaseDialogManager, bot: Bot, over: str
    ) -> None:
        """Refreshes `card` until `ends_at`, then sends `over` (in the athlete's language)."""
        self.stop(athlete_id)
        if self._closed:  # shutting down: an update still in flight starts no new timer
            return
        logger.debug("rest timer for athlete %d until %s", athlete_id, ends_at)
        timer = asyncio.create_task(self._run(athlete_id, ends_at, card, bot, over))
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

    async def _run(
        self, athlete_id: int, ends_at: datetime, card: BaseDialogManager, bot: Bot, over: str
    ) -> None:
        while (left := (ends_at - self._clock.now()).total_seconds()) > 0:
            await self._sleep(min(self._refresh_every, left))
            logger.debug("refreshing the card of athlete %d", athlete_id)
            await card.update({}, show_mode=ShowMode.EDIT)
        try:
            await bot.send_message(athlete_id, over)
        except TelegramAPIError as error:
            logger.info("could not tell athlete %d that rest is over: %s", athlete_id, error)
