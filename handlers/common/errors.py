"""The last line of defence: a failed update gets a short apology, never silence."""

from __future__ import annotations

import logging
from contextlib import suppress

from aiogram import Bot, Router
from aiogram.exceptions import TelegramAPIError
from aiogram.filters import ExceptionTypeFilter
from aiogram.types import ErrorEvent
from aiogram_dialog.api.exceptions import OutdatedIntent, UnknownIntent, UnknownState

from domain.athletes.model import Language
from handlers.common.deps import Deps, Services
from handlers.common.i18n import Translator

logger = logging.getLogger(__name__)


async def _alert(event: ErrorEvent, bot: Bot, text: str) -> None:
    """For a press that failed before anything answered it: an alert on the button."""
    query = event.update.callback_query
    if query is None:
        await _say(event, bot, text)
        return
    with suppress(TelegramAPIError):
        await query.answer(text, show_alert=True)


async def _say(event: ErrorEvent, bot: Bot, text: str) -> None:
    """A message in the chat: always allowed, even when a press was answered already."""
    update = event.update
    message = update.message or update.edited_message
    query = update.callback_query
    chat_id = message.chat.id if message else (query.from_user.id if query else None)
    if chat_id is None:
        return
    with suppress(TelegramAPIError):
        await bot.send_message(chat_id, text)


def _translator(services: Services, deps: Deps | None) -> Translator:
    """The sender's language; English if the update failed before it was known."""
    return deps.t if deps is not None else services.catalogue.translator(Language.EN)


async def on_outdated_card(
    event: ErrorEvent, bot: Bot, services: Services, deps: Deps | None = None
) -> None:
    logger.info("update %d pressed an outdated card: %s", event.update.update_id, event.exception)
    await _alert(event, bot, _translator(services, deps).get("common-outdated-card"))


async def on_error(
    event: ErrorEvent, bot: Bot, services: Services, deps: Deps | None = None
) -> None:
    logger.error(
        "update %d failed: %r", event.update.update_id, event.exception, exc_info=event.exception
    )
    await _say(event, bot, _translator(services, deps).get("common-sorry"))


def build_router() -> Router:
    router = Router(name="errors")
    router.errors.register(
        on_outdated_card, ExceptionTypeFilter(UnknownIntent, OutdatedIntent, UnknownState)
    )
    router.errors.register(on_error)
    return router
