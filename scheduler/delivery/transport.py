"""Telegram as the sender's transport: one claimed row, one Bot API request, one outcome."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Protocol

from aiogram.exceptions import (
    TelegramAPIError,
    TelegramForbiddenError,
    TelegramNetworkError,
    TelegramRetryAfter,
    TelegramServerError,
)
from aiogram.types import BufferedInputFile, InlineKeyboardMarkup
from pydantic import ValidationError

from domain.outbox.model import Buttons, MessageKind
from domain.outbox.policy import Blocked, FloodWait, Outcome, Rejected, Sent, Transient

if TYPE_CHECKING:
    from aiogram import Bot

    from storage.outbox.outbox import Claimed

logger = logging.getLogger(__name__)


class ButtonMarkup(Protocol):
    """Turns a message's button actions into Telegram's inline keyboard, labelled in `language`.

    Implemented next to the handlers that answer the buttons' callbacks, wired in bot/.
    """

    def __call__(self, buttons: Buttons, language: str | None) -> InlineKeyboardMarkup: ...


class BotTransport:
    """Sends through an aiogram Bot whose session does not retry on its own."""

    def __init__(self, bot: Bot, markup: ButtonMarkup) -> None:
        self._bot = bot
        self._markup = markup

    async def send(self, message: Claimed) -> Outcome:
        try:
            markup = self._markup(message.buttons, message.language) if message.buttons else None
            if message.kind is MessageKind.PHOTO:
                assert message.photo is not None  # noqa: S101 - the CHECK and the value agree
                sent = await self._bot.send_photo(
                    message.chat_id,
                    BufferedInputFile(message.photo, filename="photo.png"),
                    caption=message.text,
                    parse_mode=message.parse_mode,
                    reply_markup=markup,
                )
            else:
                sent = await self._bot.send_message(
                    message.chat_id,
                    message.text or "",
                    parse_mode=message.parse_mode,
                    reply_markup=markup,
                )
        except Exception as error:  # every failure is an outcome of the attempt, never raised
            return _failed(error, message.key)
        return Sent(sent.message_id)


def _failed(error: Exception, key: str) -> Outcome:
    """The outcome of a request that raised: Telegram's answer, or a failure worth a retry."""
    if isinstance(error, TelegramRetryAfter):
        return FloodWait(float(error.retry_after), error.message)
    if isinstance(error, TelegramForbiddenError):
        return Blocked(error.message)
    if isinstance(error, TelegramServerError | TelegramNetworkError):
        return Transient(error.message)
    if isinstance(error, TelegramAPIError):
        return Rejected(error.message)
    if isinstance(error, ValidationError):  # a reply_markup the Bot API would not take
        return Rejected(f"invalid message: {error.error_count()} errors")
    # e.g. aiogram's ClientDecodeError on a proxy's HTML page for a 502: worth another try
    logger.warning("sending outbox %s failed unexpectedly", key, exc_info=error)
    return Transient(f"{type(error).__name__}: {error}")
