"""Runs Spotter: migrate, build everything, long-poll until SIGTERM, shut down cleanly."""

from __future__ import annotations

import asyncio
import logging

from aiogram import Bot, Dispatcher
from aiogram.client.default import DefaultBotProperties
from aiogram.client.session.aiohttp import AiohttpSession
from aiogram.client.telegram import TelegramAPIServer
from aiogram.enums import ParseMode
from aiogram.types import BotCommand, BotCommandScopeAllPrivateChats
from aiogram_dialog.api.protocols import BgManagerFactory
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.clock import SystemClock
from bot.config import Settings
from bot.dispatcher import build_dispatcher
from bot.fsm import build_fsm_storage
from bot.pipeline import InFlightUpdates
from bot.response_models import PinResponseModels
from bot.retry import RetryRequests
from domain.library import install_builtin_programs
from domain.ports import Clock
from domain.rest import rests_in_progress
from handlers.rest_timers import RestTimers
from handlers.texts import COMMANDS
from scheduler.jobs import UPDATE_LEDGER_RETENTION
from scheduler.setup import build_scheduler
from storage.db import create_engine, create_session_factory
from storage.ledger import HandledUpdates
from storage.migrate import upgrade_to_head
from storage.uow import SqlUnitOfWork

logger = logging.getLogger(__name__)


def build_bot(token: str, api_base: str) -> Bot:
    session = AiohttpSession(api=TelegramAPIServer.from_base(api_base))
    session.middleware(PinResponseModels())
    session.middleware(RetryRequests())
    return Bot(token, session=session, default=DefaultBotProperties(parse_mode=ParseMode.HTML))


async def resume_rest_timers(
    bot: Bot,
    dispatcher: Dispatcher,
    session_factory: async_sessionmaker[AsyncSession],
    clock: Clock,
) -> None:
    """Athletes who were resting when the bot stopped still hear when their rest is over."""
    timers: RestTimers = dispatcher["rest_timers"]
    bg: BgManagerFactory = dispatcher["dialog_bg"]
    resting = await rests_in_progress(SqlUnitOfWork(session_factory, clock), clock.now())
    for athlete_id, rest in resting:
        timers.start(athlete_id, rest.ends_at, bg.bg(bot, athlete_id, athlete_id), bot)
    if resting:
        logger.info("resumed %d rest timers", len(resting))


async def run(settings: Settings) -> None:
    token = settings.require_token()
    await upgrade_to_head(settings.database_url)
    engine = create_engine(settings.database_url)
    session_factory = create_session_factory(engine)
    clock = SystemClock()
    await install_builtin_programs(SqlUnitOfWork(session_factory, clock))
    handled = await HandledUpdates.load(session_factory, clock.now() - UPDATE_LEDGER_RETENTION)
    in_flight = InFlightUpdates()
    scheduler = build_scheduler(session_factory, handled, clock)
    fsm_storage = build_fsm_storage(settings.redis_url, session_factory)
    dispatcher = build_dispatcher(
        session_factory,
        fsm_storage,
        clock,
        handled,
        in_flight,
        rest_refresh_seconds=settings.rest_refresh_seconds,
    )
    bot = build_bot(token, settings.telegram_api_base)

    async def on_startup(bot: Bot, dispatcher: Dispatcher) -> None:
        me = await bot.get_me()
        dispatcher["bot_username"] = me.username or ""
        dispatcher["bot_id"] = me.id
        await bot.delete_webhook(drop_pending_updates=False)
        await bot.set_my_commands(
            [BotCommand(command=name, description=text) for name, text in COMMANDS],
            scope=BotCommandScopeAllPrivateChats(),
        )
        scheduler.start()
        await resume_rest_timers(bot, dispatcher, session_factory, clock)
        logger.info("Spotter is up as @%s", me.username)

    async def on_shutdown(rest_timers: RestTimers) -> None:
        scheduler.shutdown(wait=False)
        await rest_timers.close()
        try:
            async with asyncio.timeout(settings.shutdown_grace_seconds):
                await in_flight.wait_idle()
        except TimeoutError:
            logger.warning("shutting down with %d updates still in flight", len(in_flight))

    dispatcher.startup.register(on_startup)
    dispatcher.shutdown.register(on_shutdown)
    try:
        await dispatcher.start_polling(
            bot,
            polling_timeout=settings.polling_timeout_seconds,
            allowed_updates=dispatcher.resolve_used_update_types(),
        )
    finally:
        await fsm_storage.close()
        await engine.dispose()
    logger.info("Spotter stopped")
