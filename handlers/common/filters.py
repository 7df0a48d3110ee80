"""Filters that decide whether a message is meant for Spotter."""

from __future__ import annotations

from typing import Any

from aiogram import F, Router
from aiogram.dispatcher.event.handler import FilterObject
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


def magic_in_loop(router: Router) -> Router:
    """Resolves the magic filters (`F.…`) of `router` and its sub-routers in the event loop.

    aiogram runs every callable that is not a coroutine function in a worker thread, magic
    filters included: each message paid a thread hand-off per `F` filter it met on its way
    to the card (measured at 4% of the bot's CPU per logged set). Resolving one is a few
    attribute reads; it cannot block.
    """
    for observer in router.observers.values():
        # `_handler` holds the filters set with `observer.filter(…)` on the whole router.
        for handler in (observer._handler, *observer.handlers):
            for event_filter in handler.filters or ():
                _resolve_in_loop(event_filter)
    for sub_router in router.sub_routers:
        magic_in_loop(sub_router)
    return router


def _resolve_in_loop(event_filter: FilterObject) -> None:
    magic = event_filter.magic
    if magic is None or event_filter.awaitable:
        return

    async def resolve(value: Any) -> Any:
        return magic.resolve(value)

    event_filter.callback = resolve
    event_filter.awaitable = True
