"""The bot's direct replies take their slot from the one flood budget the outbox uses."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from aiogram.client.session.middlewares.base import BaseRequestMiddleware

from domain.outbox.lanes import Lane
from handlers.common.flood import already_paced

if TYPE_CHECKING:
    from aiogram import Bot
    from aiogram.client.session.middlewares.base import NextRequestMiddlewareType
    from aiogram.methods import Response, TelegramMethod
    from aiogram.methods.base import TelegramType

    from scheduler.delivery.limits import FloodBudget

# What posts or changes a message counts against Telegram's limits; answering a button
# (answerCallbackQuery), a chat action, pins, deletions and reads do not.
_COUNTED_PREFIXES = ("send", "copyMessage", "forwardMessage", "editMessage", "stopMessage")
_NOT_COUNTED = frozenset({"sendChatAction"})
WAITED = 0.001  # seconds: a message that went at once did not wait


def counts(method: TelegramMethod[Any]) -> bool:
    """Whether Telegram counts this call as a message against its flood limits."""
    name = method.__api_method__
    return name.startswith(_COUNTED_PREFIXES) and name not in _NOT_COUNTED


def chat_of(method: TelegramMethod[Any]) -> int | None:
    """The chat whose limits the call counts against; None for overall only (an inline
    message's edit, or a channel named by its @username, which the budget cannot key)."""
    chat_id = getattr(method, "chat_id", None)
    return chat_id if isinstance(chat_id, int) else None


def paced_chat(method: TelegramMethod[Any]) -> int | None:
    """The chat a reply waits for: a group's (20 a minute, everyone's replies together), never
    a private chat's. A reply answers that person's own tap or message at their own pace, and
    Telegram lets a chat's short bursts pass; spacing a new card and the old card's buttons a
    second apart would only make the athlete wait. The overall limit counts every reply."""
    chat_id = chat_of(method)
    return chat_id if chat_id is not None and chat_id < 0 else None


class FloodPacing(BaseRequestMiddleware):
    """Each message the session sends waits for its slot in the budget, as a reply to a
    person's action (lane 0), unless its sender took the slot itself (`paced()`).

    Registered inside RetryRequests, so each retry of a refused message waits for a slot too.
    `waited` hears how long each message that waited did (metrics' `limiter_waited`).
    """

    def __init__(
        self,
        budget: FloodBudget,
        lane: Lane = Lane.REPLY,
        waited: Callable[[float], None] | None = None,
    ) -> None:
        self._budget = budget
        self._lane = lane
        self._waited = waited

    async def __call__(
        self,
        make_request: NextRequestMiddlewareType[TelegramType],
        bot: Bot,
        method: TelegramMethod[TelegramType],
    ) -> Response[TelegramType]:
        if counts(method) and not already_paced():
            started = time.monotonic()
            await self._budget.acquire(paced_chat(method), self._lane)
            spent = time.monotonic() - started
            if self._waited is not None and spent > WAITED:
                self._waited(spent)
        return await make_request(bot, method)
