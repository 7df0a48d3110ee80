"""Retries outgoing Bot API calls after flood control (429) and transient failures."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING

from aiogram.client.session.middlewares.base import BaseRequestMiddleware
from aiogram.exceptions import TelegramNetworkError, TelegramRetryAfter, TelegramServerError
from aiogram.methods import GetUpdates

if TYPE_CHECKING:
    from aiogram import Bot
    from aiogram.client.session.middlewares.base import NextRequestMiddlewareType
    from aiogram.methods import Response, TelegramMethod
    from aiogram.methods.base import TelegramType

logger = logging.getLogger(__name__)


class RetryRequests(BaseRequestMiddleware):
    """Waits retry_after on 429; backs off exponentially on network errors and 5xx."""

    def __init__(
        self,
        attempts: int = 5,
        first_backoff: float = 0.5,
        max_backoff: float = 20.0,
        sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
    ) -> None:
        self._attempts = attempts
        self._first_backoff = first_backoff
        self._max_backoff = max_backoff
        self._sleep = sleep

    async def __call__(
        self,
        make_request: NextRequestMiddlewareType[TelegramType],
        bot: Bot,
        method: TelegramMethod[TelegramType],
    ) -> Response[TelegramType]:
        if method.__api_method__ == GetUpdates.__api_method__:  # polling has its own backoff
            return await make_request(bot, method)
        attempt = 1
        while True:
            try:
                return await make_request(bot, method)
            except TelegramRetryAfter as error:
                if attempt >= self._attempts:
                    raise
                delay = float(error.retry_after)
            except (TelegramNetworkError, TelegramServerError):
                if attempt >= self._attempts:
                    raise
                delay = min(self._max_backoff, self._first_backoff * 2 ** (attempt - 1))
            logger.warning(
                "%s failed (attempt %d of %d); retrying in %.1f s",
                method.__api_method__,
                attempt,
                self._attempts,
                delay,
            )
            await self._sleep(delay)
            attempt += 1
