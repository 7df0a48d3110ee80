"""Whether someone administers a group now, as Telegram's member list says, cached briefly:
a team's settings are checked against it at action time, not against what it was."""

from __future__ import annotations

import logging
import time
from collections import OrderedDict

from aiogram import Bot
from aiogram.exceptions import TelegramAPIError
from aiogram.types import Chat

logger = logging.getLogger(__name__)

ADMIN_STATUSES = frozenset({"creator", "administrator"})
FRESH_FOR = 60.0  # seconds: a demoted admin keeps their rights at most this long
KEPT = 4096  # (chat, person) answers remembered

_answers: OrderedDict[tuple[int, int], tuple[float, bool]] = OrderedDict()


async def is_chat_admin(
    bot: Bot, chat_id: int, user_id: int | None, sender_chat: Chat | None = None
) -> bool:
    """An anonymous admin posts as the group itself (sender_chat is the group): an admin."""
    if sender_chat is not None and sender_chat.id == chat_id:
        return True
    if user_id is None:
        return False
    key, now = (chat_id, user_id), time.monotonic()
    held = _answers.get(key)
    if held is not None and now - held[0] < FRESH_FOR:
        return held[1]
    try:
        member = await bot.get_chat_member(chat_id, user_id)
    except TelegramAPIError as error:  # cannot tell: not an admin, and ask again next time
        logger.warning("could not read member %d of chat %d: %s", user_id, chat_id, error)
        return False
    admin = member.status in ADMIN_STATUSES
    _answers[key] = (now, admin)
    _answers.move_to_end(key)
    while len(_answers) > KEPT:
        _answers.popitem(last=False)
    return admin
