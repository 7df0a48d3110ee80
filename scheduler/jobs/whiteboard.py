"""The whiteboard's periodic jobs: show boards whose scores changed, and post each day's
summary once the team's day is over."""

from __future__ import annotations

import logging
import time

from aiogram import Bot
from aiogram.exceptions import TelegramAPIError, TelegramBadRequest
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from domain.shared.ports import Clock
from domain.teams.ports import BoardWording
from domain.teams.use_cases.whiteboard import RefreshBoards, SummariseBoards, board_shown
from scheduler.delivery.limits import FloodControl
from storage.uow import SqlUnitOfWork

logger = logging.getLogger(__name__)


async def refresh_boards(
    session_factory: async_sessionmaker[AsyncSession],
    clock: Clock,
    wording: BoardWording,
    bot: Bot,
    flood: FloodControl | None = None,
) -> int:
    """Queues first versions through the outbox and edits delivered boards in place (one a
    group per run); an edit that fails, or that the bot's flood budget (shared with the outbox
    and the class cards) has no room for now, is tried again next run."""
    edits = await RefreshBoards(SqlUnitOfWork(session_factory, clock), clock, wording)()
    edited = 0
    for edit in edits:
        if flood is not None:
            now = time.monotonic()
            if flood.ready_at(edit.chat_id) > now:
                continue
            flood.take(edit.chat_id, now)
        try:
            await bot.edit_message_text(edit.text, chat_id=edit.chat_id, message_id=edit.message_id)
        except TelegramBadRequest as error:
            if "not modified" not in str(error).lower():
                logger.info("board of post %d not edited: %s", edit.post_id, error)
                continue
        except TelegramAPIError as error:  # a 429 or a network error: next run
            logger.info("board of post %d not edited: %s", edit.post_id, error)
            continue
        await board_shown(SqlUnitOfWork(session_factory, clock), edit)
        edited += 1
    return edited


async def summarise_boards(
    session_factory: async_sessionmaker[AsyncSession], clock: Clock, wording: BoardWording
) -> int:
    queued = await SummariseBoards(SqlUnitOfWork(session_factory, clock), clock, wording)()
    if queued:
        logger.info("whiteboard: %d summaries queued", queued)
    return queued
