"""Filters that decide whether a message is meant for Spotter."""

from __future__ import annotations

from aiogram import F
from aiogram.enums import ChatType, MessageEntityType
from aiogram.filters import Filter
from aiogram.types import Message
from aiogram_dialog import Dialog
from aiogram_dialog.utils import CB_SEP

from handlers.common.deps import Deps


class Addressed(Filter):
    """True in a private chat; in a group, only when the message mentions or replies to the bot."""

    async def __call__(self, message: Message, deps: Deps) -> bool:
        if message.chat.type == ChatType.PRIVATE:
            return True
        replied = message.reply_to_message
        if replied is not None and replied.from_user and replied.from_user.id == deps.bot_id:
            return True
        text = message.text or message.caption or ""
        entities = message.entities or message.caption_entities or []
        mention = f"@{deps.bot_username}".casefold()
        for entity in entities:
            part = entity.extract_from(text).casefold()
            if entity.type == MessageEntityType.MENTION and part == mention:
                return True
            if entity.type == MessageEntityType.BOT_COMMAND and part.endswith(mention):
                return True
        return False


def leaves_others_alone(dialog: Dialog) -> Dialog:
    """An open dialog takes every message and press in its state unless told otherwise.

    Commands must reach their routers (/history typed while the card waits for a set opens
    history), and presses on other messages' buttons (a /plan day) their handlers.
    """
    dialog.message.filter(~F.text.startswith("/"))
    dialog.callback_query.filter(F.data.contains(CB_SEP))
    return dialog
