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
from aiogram.types import BufferedInputFile, InlineKeyboardMarkup, ReplyParameters
from pydantic import ValidationError

from domain.outbox.model import Buttons
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
            message_id = await self._send(message, markup)
        except Exception as error:  # every failure is an outcome of the attempt, never raised
            return _failed(error, message.key)
        if message.pin:
            await self._pin(message.chat_id, message_id, message.key)
        return Sent(message_id)

    async def _pin(self, chat_id: int, message_id: int, key: str) -> None:
        """Pins a sent message where the bot may (an admin with can_pin_messages); a pin that
        fails leaves the message sent, so it is logged and not retried."""
        try:
            me = await self._bot.get_chat_member(chat_id, self._bot.id)
            may = me.status == "creator" or getattr(me, "can_pin_messages", False) is True
            if may:
                await self._bot.pin_chat_message(chat_id, message_id, disable_notification=True)
        except TelegramAPIError as error:
            logger.info("outbox %s sent, not pinned: %s", key, error)

    async def _send(self, message: Claimed, markup: InlineKeyboardMarkup | None) -> int:
        # A message answered may have been deleted meanwhile: then it goes without the quote.
        reply = (
            None
            if message.reply_to is None
            else ReplyParameters(message_id=message.reply_to, allow_sending_without_reply=True)
        )
        chat, text, mode = message.chat_id, message.text, message.parse_mode
        if message.photo is not None:
            photo = BufferedInputFile(message.photo, filename="photo.png")
            sent = await self._bot.send_photo(
                chat,
                photo,
                caption=text,
                parse_mode=mode,
                reply_markup=markup,
                reply_parameters=reply,
            )
        elif message.video is not None:
            # An int offset: aiogram turns a timedelta into an absolute time (TELEGRAM.md).
            sent = await self._bot.send_video(
                chat,
                message.video.file_id,
                caption=text,
                parse_mode=mode,
                start_timestamp=message.video.start_at,
                reply_markup=markup,
                reply_parameters=reply,
            )
        elif message.copy is not None:
            copied = await self._bot.copy_message(
                chat,
                message.copy.chat_id,
                message.copy.message_id,
                caption=text,
                parse_mode=mode if text else None,
                video_start_timestamp=message.copy.start_at,
                reply_markup=markup,
                reply_parameters=reply,
            )
            return copied.message_id
        else:
            sent = await self._bot.send_message(
                chat, text or "", parse_mode=mode, reply_markup=markup, reply_parameters=reply
            )
        return sent.message_id


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
