"""The whiteboard's periodic jobs: show boards whose scores changed, and post each day's
summary once the team's day is over."""

from __future__ import annotations

import logging

from aiogram import Bot
from aiogram.exceptions import (
    TelegramAPIError,
    TelegramBadRequest,
    TelegramForbiddenError,
    TelegramMigrateToChat,
    TelegramNotFound,
)
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from domain.outbox.lanes import Lane
from domain.shared.ports import Clock
from domain.teams.ports import BoardWording
from domain.teams.use_cases.whiteboard import (
    RefreshBoards,
    SummariseBoards,
    board_lost,
    board_shown,
)
from scheduler.delivery.limits import FloodBudget
from storage.uow import SqlUnitOfWork

logger = logging.getLogger(__name__)


# The board's message is gone (deleted by an admin): it is posted again.
_LOST = ("message to edit not found", "message can't be edited", "message_id_invalid")
# Nothing else will change this: the version is given up (the next change tries again), so a
# dead board never holds up the group's others (a chat gone, or moved to a supergroup).
_REFUSED = (TelegramBadRequest, TelegramForbiddenError, TelegramMigrateToChat, TelegramNotFound)


async def refresh_boards(
    session_factory: async_sessionmaker[AsyncSession],
    clock: Clock,
    wording: BoardWording,
    bot: Bot,
    flood: FloodBudget | None = None,
) -> int:
    """Queues first versions through the outbox and edits delivered boards in place, one a
    group per run: a group's next board is tried when an edit fails for good, and waits for the
    next run when an edit worked, Telegram asked to wait, or the bot's flood budget (shared with
    the outbox and the class cards) has no room for now."""
    edits = await RefreshBoards(SqlUnitOfWork(session_factory, clock), clock, wording)()
    served: set[int] = set()
    edited = 0
    for edit in edits:
        if edit.chat_id in served:
            continue
        # a board is a group's time-critical post: after replies, before bulk
        if flood is not None and not await flood.try_acquire(edit.chat_id, Lane.TIMELY):
            served.add(edit.chat_id)
            continue
        try:
            await bot.edit_message_text(edit.text, chat_id=edit.chat_id, message_id=edit.message_id)
        except _REFUSED as error:
            said = str(error).lower()
            if "not modified" not in said:
                logger.info("board of post %d not edited: %s", edit.post_id, error)
                uow = SqlUnitOfWork(session_factory, clock)
                if isinstance(error, TelegramBadRequest) and any(m in said for m in _LOST):
                    await board_lost(uow, edit)
                else:
                    await board_shown(uow, edit)
                continue
        except TelegramAPIError as error:  # a 429, a server or a network error: next run
            logger.info("board of post %d not edited: %s", edit.post_id, error)
            served.add(edit.chat_id)
            continue
        await board_shown(SqlUnitOfWork(session_factory, clock), edit)
        served.add(edit.chat_id)
        edited += 1
    return edited


async def summarise_boards(
    session_factory: async_sessionmaker[AsyncSession], clock: Clock, wording: BoardWording
) -> int:
    queued = await SummariseBoards(SqlUnitOfWork(session_factory, clock), clock, wording)()
    if queued:
        logger.info("whiteboard: %d summaries queued", queued)
    return queued
