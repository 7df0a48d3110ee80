"""Dialog cards: windows that answer unmatched presses, and edits only when something changed."""

from __future__ import annotations

import hashlib
from collections import OrderedDict
from contextvars import ContextVar

from aiogram import Bot
from aiogram.types import CallbackQuery
from aiogram_dialog import DialogManager, Window
from aiogram_dialog.api.entities import NewMessage, OldMessage
from aiogram_dialog.api.protocols import DialogProtocol
from aiogram_dialog.manager.message_manager import MessageManager

from handlers.common.deps import deps_of

_callback_notice: ContextVar[str | None] = ContextVar("callback_notice", default=None)


class Card(Window):
    """A window that tells the athlete when a press matches none of its buttons.

    Such a press comes from a card the bot no longer shows, or from a modified client.
    """

    async def process_callback(
        self, callback: CallbackQuery, dialog: DialogProtocol, manager: DialogManager
    ) -> bool:
        if await super().process_callback(callback, dialog, manager):
            return True
        _callback_notice.set(deps_of(manager).t.get("common-outdated-card"))
        return False


def answer_with_alert(text: str) -> None:
    """This press is answered with `text` as an alert (a dialog answers each press itself, after
    its handlers: a handler that answered too would answer twice)."""
    _callback_notice.set(text)


class CardMessageManager(MessageManager):
    """Skips an edit that would show exactly what the card shows already.

    Telegram refuses such an edit ("message is not modified") and counts it against the
    flood limits; aiogram-dialog cannot compare inline keyboards, so we remember what we sent.
    """

    def __init__(self, remembered: int = 10_000) -> None:
        self._shown: OrderedDict[tuple[int, int], str] = OrderedDict()
        self._remembered = remembered

    async def show_message(
        self, bot: Bot, new_message: NewMessage, old_message: OldMessage | None
    ) -> OldMessage:
        if old_message is not None and self._is_shown(new_message, old_message):
            return old_message
        shown = await super().show_message(bot, new_message, old_message)
        self._remember(shown, new_message)
        return shown

    async def answer_callback(self, bot: Bot, callback_query: CallbackQuery) -> None:
        notice = _callback_notice.get()
        if notice is None:
            await super().answer_callback(bot, callback_query)
            return
        _callback_notice.set(None)
        await bot.answer_callback_query(callback_query.id, text=notice, show_alert=True)

    def _is_shown(self, new_message: NewMessage, old_message: OldMessage) -> bool:
        key = (old_message.chat.id, old_message.message_id)
        return self._shown.get(key) == _digest(new_message)

    def _remember(self, shown: OldMessage, new_message: NewMessage) -> None:
        key = (shown.chat.id, shown.message_id)
        self._shown[key] = _digest(new_message)
        self._shown.move_to_end(key)
        while len(self._shown) > self._remembered:
            self._shown.popitem(last=False)


def _digest(message: NewMessage) -> str:
    markup = message.reply_markup.model_dump_json() if message.reply_markup else ""
    media = repr(message.media) if message.media else ""
    content = "\x1f".join((message.text or "", str(message.parse_mode), markup, media))
    return hashlib.blake2b(content.encode(), digest_size=16).hexdigest()
