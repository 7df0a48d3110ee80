"""The update pipeline: one unit of work per update, each update_id handled once."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import AbstractAsyncContextManager, asynccontextmanager, nullcontext
from typing import Any

from aiogram import BaseMiddleware
from aiogram.types import TelegramObject, Update
from aiogram_dialog.api.entities import DialogUpdate
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from domain.shared.ports import Clock
from storage.core.ledger import HandledUpdates
from storage.uow import SqlUnitOfWork, UpdateAlreadyHandledError

logger = logging.getLogger(__name__)

Handler = Callable[[TelegramObject, dict[str, Any]], Awaitable[Any]]


class InFlightUpdates:
    """The update ids being handled now, so a shutdown can wait for them to finish."""

    def __init__(self) -> None:
        self._ids: set[int] = set()
        self._idle = asyncio.Event()
        self._idle.set()

    def claim(self, update_id: int) -> bool:
        if update_id in self._ids:
            return False
        self._ids.add(update_id)
        self._idle.clear()
        return True

    def release(self, update_id: int) -> None:
        self._ids.discard(update_id)
        if not self._ids:
            self._idle.set()

    def __len__(self) -> int:
        return len(self._ids)

    async def wait_idle(self) -> None:
        await self._idle.wait()


class PerChatOrder:
    """One update at a time per (chat, user): a user's updates apply in the order sent.

    Without it, "+" typed twice in quick succession could both read the same open set, and a
    press could overtake the message that created its card. Other users still run in parallel.
    """

    def __init__(self) -> None:
        self._locks: dict[tuple[int, int], asyncio.Lock] = {}
        self._waiting: dict[tuple[int, int], int] = {}

    @asynccontextmanager
    async def turn(self, key: tuple[int, int]) -> AsyncIterator[None]:
        lock = self._locks.setdefault(key, asyncio.Lock())
        self._waiting[key] = self._waiting.get(key, 0) + 1
        try:
            async with lock:
                yield
        finally:
            self._waiting[key] -= 1
            if not self._waiting[key]:
                del self._waiting[key], self._locks[key]


class UnitOfWorkMiddleware(BaseMiddleware):
    """Gives each update a unit of work and skips an update_id that was handled before.

    The ledger row is written by the first commit, in the same transaction as the effects,
    so a redelivered update changes nothing twice, even across a crash and a restart.
    """

    def __init__(
        self,
        session_factory: async_sessionmaker[AsyncSession],
        clock: Clock,
        handled: HandledUpdates,
        in_flight: InFlightUpdates,
        fsm_writes: Callable[[], AbstractAsyncContextManager[None]] = nullcontext,
    ) -> None:
        self._session_factory = session_factory
        self._clock = clock
        self._handled = handled
        self._in_flight = in_flight
        self._fsm_writes = fsm_writes
        self._order = PerChatOrder()

    async def __call__(self, handler: Handler, event: TelegramObject, data: dict[str, Any]) -> Any:
        if not isinstance(event, Update):  # registered on dispatcher.update only
            return await handler(event, data)
        if isinstance(event, DialogUpdate):  # raised by the bot itself (a card refresh)
            return await self._handle(handler, event, data, update_id=None)
        if await self._handled.seen(event.update_id):
            logger.info("update %d was handled before; skipping", event.update_id)
            return None
        if not self._in_flight.claim(event.update_id):
            logger.info("update %d is already being handled; skipping the copy", event.update_id)
            return None
        try:
            return await self._handle(handler, event, data, event.update_id)
        except UpdateAlreadyHandledError:
            logger.info("a copy of update %d committed first; this one was undone", event.update_id)
            return None
        finally:
            self._in_flight.release(event.update_id)

    async def _handle(
        self, handler: Handler, event: Update, data: dict[str, Any], update_id: int | None
    ) -> Any:
        uow = SqlUnitOfWork(self._session_factory, self._clock, update_id, self._handled)
        async with self._order.turn(_chat_and_user(data)), self._fsm_writes(), uow:
            data["uow"] = uow
            result = await handler(event, data)
            await uow.commit()  # records a read-only update too, so a copy is not answered
            return result


def _chat_and_user(data: dict[str, Any]) -> tuple[int, int]:
    chat, user = data.get("event_chat"), data.get("event_from_user")
    return (chat.id if chat else 0, user.id if user else 0)
