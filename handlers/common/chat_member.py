"""Chats that block or remove the bot get nothing more, until they speak again."""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from typing import Any

from aiogram import BaseMiddleware, Router
from aiogram.types import ChatMemberUpdated, Message, TelegramObject

from domain.outbox.activity import resume_talking_to, stop_talking_to
from handlers.common.deps import Deps

logger = logging.getLogger(__name__)

# The bot's own membership: in a private chat "kicked" means blocked; a group may kick or
# simply remove it. Any other status (member, administrator, restricted) lets it talk.
_GONE = frozenset({"kicked", "left"})


async def on_my_chat_member(event: ChatMemberUpdated, deps: Deps) -> None:
    chat_id = event.chat.id
    status = event.new_chat_member.status
    if status in _GONE:
        cancelled = await stop_talking_to(
            deps.uow, chat_id, deps.clock.now(), f"the bot was {status}"
        )
        deps.inactive_chats.add(chat_id)
        logger.info("chat %d: the bot was %s; cancelled %d queued", chat_id, status, cancelled)
    elif await resume_talking_to(deps.uow, chat_id):
        deps.inactive_chats.discard(chat_id)
        logger.info("chat %d let the bot back in (%s)", chat_id, status)


class ChatSpeaksAgain(BaseMiddleware):
    """A message from an inactive chat makes it active again, once the update is handled.

    After the handler, in a transaction of its own: the update's ledger entry is committed by
    its first commit, so committing this before the handler would mark the update handled
    before its work was done.
    """

    async def __call__(
        self,
        handler: Callable[[TelegramObject, dict[str, Any]], Awaitable[Any]],
        event: TelegramObject,
        data: dict[str, Any],
    ) -> Any:
        result = await handler(event, data)
        deps: Deps = data["deps"]
        if isinstance(event, Message) and event.chat.id in deps.inactive_chats:
            await resume_talking_to(deps.uow, event.chat.id)
            deps.inactive_chats.discard(event.chat.id)
            logger.info("chat %d wrote again: messages to it are delivered again", event.chat.id)
        return result


def build_router() -> Router:
    router = Router(name="chat_member")
    router.my_chat_member.register(on_my_chat_member)
    return router
