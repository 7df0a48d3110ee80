"""The card's message manager: what reaches Telegram."""

from __future__ import annotations

from collections.abc import AsyncGenerator
from datetime import UTC, datetime
from typing import Any

from aiogram import Bot
from aiogram.client.session.base import BaseSession
from aiogram.methods import EditMessageText, SendMessage, TelegramMethod
from aiogram.types import Chat, InlineKeyboardButton, InlineKeyboardMarkup, Message
from aiogram_dialog import ShowMode
from aiogram_dialog.api.entities import NewMessage, OldMessage

from handlers.common.cards import CardMessageManager

CHAT = Chat(id=7, type="private")
TOKEN = "42:TEST"


class RecordingSession(BaseSession):
    """Answers every call as Telegram would and keeps them in order."""

    def __init__(self) -> None:
        super().__init__()
        self.calls: list[TelegramMethod[Any]] = []

    async def make_request(
        self,
        bot: Bot,
        method: TelegramMethod[Any],
        timeout: int | None = None,  # noqa: ASYNC109 (aiogram's signature)
    ) -> Any:
        self.calls.append(method)
        if isinstance(method, SendMessage):  # the new card
            return Message(message_id=2, date=datetime.now(UTC), chat=CHAT, text=method.text)
        if isinstance(method, EditMessageText) and method.message_id is not None:
            return Message(
                message_id=method.message_id, date=datetime.now(UTC), chat=CHAT, text=method.text
            )
        return True

    async def stream_content(
        self,
        url: str,
        headers: dict[str, Any] | None = None,
        timeout: int = 30,  # noqa: ASYNC109 (aiogram's signature)
        chunk_size: int = 65536,
        raise_for_status: bool = True,
    ) -> AsyncGenerator[bytes, None]:
        raise NotImplementedError
        yield b""

    async def close(self) -> None:
        """Nothing to close."""


def card(text: str, mode: ShowMode) -> NewMessage:
    keyboard = InlineKeyboardMarkup(
        inline_keyboard=[[InlineKeyboardButton(text="✅ Done", callback_data="done")]]
    )
    return NewMessage(chat=CHAT, text=text, reply_markup=keyboard, show_mode=mode)


OLD_CARD = OldMessage(chat=CHAT, message_id=1, media_id=None, media_uniq_id=None, text="set 1")


async def test_a_tapped_card_is_edited_in_place() -> None:
    session = RecordingSession()
    shown = await CardMessageManager().show_message(
        Bot(TOKEN, session=session), card("set 2", ShowMode.EDIT), OLD_CARD
    )

    assert [type(call) for call in session.calls] == [EditMessageText]
    assert shown.message_id == 1


async def test_a_card_shown_again_unchanged_costs_no_call() -> None:
    session = RecordingSession()
    manager, bot = CardMessageManager(), Bot(TOKEN, session=session)
    shown = await manager.show_message(bot, card("set 2", ShowMode.EDIT), OLD_CARD)
    await manager.show_message(bot, card("set 2", ShowMode.EDIT), shown)

    assert len(session.calls) == 1
