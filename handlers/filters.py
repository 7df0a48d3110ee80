"""Filters that decide whether a message is meant for Spotter."""

from __future__ import annotations

from aiogram import F
from aiogram.enums import ChatType, MessageEntityType
from aiogram.filters import Filter
from aiogram.types import Message


class Addressed(Filter):
    """True in a private chat; in a group, only when the message mentions or replies to the bot."""

    async def __call__(self, message: Message, bot_username: str, bot_id: int) -> bool:
        if message.chat.type == ChatType.PRIVATE:
            return True
        replied = message.reply_to_message
        if replied is not None and replied.from_user and replied.from_user.id == bot_id:
            return True
        text = message.text or message.caption or ""
        entities = message.entities or message.caption_entities or []
        mention = f"@{bot_username}".casefold()
        for entity in entities:
            part = entity.extract_from(text).casefold()
            if entity.type == MessageEntityType.MENTION and part == mention:
                return True
            if entity.type == MessageEntityType.BOT_COMMAND and part.endswith(mention):
                return True
        return False


# A card's text input must not swallow commands: /history typed during a workout opens history.
NOT_A_COMMAND = ~F.text.startswith("/")
