"""The last line of defence: a failed update gets a short apology, never silence."""

from __future__ import annotations

import logging
from contextlib import suppress

from aiogram import Router
from aiogram.exceptions import TelegramAPIError
from aiogram.filters import ExceptionTypeFilter
from aiogram.types import ErrorEvent
from aiogram_dialog.api.exceptions import OutdatedIntent, UnknownIntent, UnknownState

from handlers import texts

logger = logging.getLogger(__name__)


async def _reply(event: ErrorEvent, text: str) -> None:
    update = event.update
    with suppress(TelegramAPIError):
        if update.callback_query is not None:
            await update.callback_query.answer(text, show_alert=True)
        elif update.message is not None:
            await update.message.answer(text)


async def on_outdated_card(event: ErrorEvent) -> None:
    logger.info("update %d pressed an outdated card: %s", event.update.update_id, event.exception)
    await _reply(event, texts.OUTDATED_CARD)


async def on_error(event: ErrorEvent) -> None:
    logger.error(
        "update %d failed: %r", event.update.update_id, event.exception, exc_info=event.exception
    )
    await _reply(event, texts.SORRY)


def build_router() -> Router:
    router = Router(name="errors")
    router.errors.register(
        on_outdated_card, ExceptionTypeFilter(UnknownIntent, OutdatedIntent, UnknownState)
    )
    router.errors.register(on_error)
    return router
