"""Filters that decide whether a message is meant for Spotter."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from aiogram import F, Router
from aiogram.dispatcher.event.handler import FilterObject
from aiogram.enums import ChatType, MessageEntityType
from aiogram.filters import Filter
from aiogram.fsm.state import State
from aiogram.types import Message
from aiogram_dialog import Dialog
from aiogram_dialog.utils import CB_SEP

from handlers.common.deps import Deps
from handlers.common.routing import commanded, not_a_command


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
    dialog.message.filter(not_a_command)  # a command in a photo's caption too
    dialog.callback_query.filter(F.data.contains(CB_SEP))
    return dialog


def magic_in_loop(router: Router) -> Router:
    """Checks the magic filters (`F.…`) and state filters of `router` and its sub-routers in the
    event loop.

    aiogram runs every callable that is not a coroutine function in a worker thread, these
    included: each message paid a thread hand-off per such filter it met on its way to the
    card (measured at 4% of the bot's CPU per logged set). Each is a few attribute reads and
    a comparison; it cannot block.
    """
    for observer in router.observers.values():
        # `_handler` holds the filters set with `observer.filter(…)` on the whole router.
        for handler in (observer._handler, *observer.handlers):
            for event_filter in handler.filters or ():
                _check_in_loop(event_filter)
    for sub_router in router.sub_routers:
        magic_in_loop(sub_router)
    return router


def _check_in_loop(event_filter: FilterObject) -> None:
    if event_filter.awaitable:
        return
    if event_filter.magic is not None:
        check: Callable[..., Any] = event_filter.magic.resolve
    elif isinstance(event_filter.callback, State):
        check = event_filter.callback
    else:
        return

    async def in_loop(*args: Any, **kwargs: Any) -> Any:
        return check(*args, **kwargs)

    # The parameters aiogram passes were read from the original's signature, and stay.
    event_filter.callback = in_loop
    event_filter.awaitable = True


def bot_message_replied_to(message: Message, deps: Deps) -> int | None:
    """The id of the bot's own message this one replies to, unless it is a command: where a
    reply to a prompt, a card or a clip starts (the caller looks the message id up)."""
    replied = message.reply_to_message
    if replied is None or replied.from_user is None or replied.from_user.id != deps.bot_id:
        return None
    if commanded(message):
        return None
    return replied.message_id
