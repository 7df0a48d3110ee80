"""Runs Spotter: migrate, build everything, then long-poll or serve the webhook until SIGTERM,
and shut down cleanly."""

from __future__ import annotations

import asyncio
import gc
import logging
import multiprocessing
import os
from concurrent.futures import Executor, ProcessPoolExecutor
from datetime import timedelta

from aiogram import Bot, Dispatcher
from aiogram.client.default import DefaultBotProperties
from aiogram.client.telegram import TelegramAPIServer
from aiogram.enums import ParseMode
from aiogram.types import BotCommandScopeAllGroupChats, BotCommandScopeAllPrivateChats
from aiogram_dialog.api.protocols import BgManagerFactory
from apscheduler.schedulers.asyncio import AsyncIOScheduler
from redis.asyncio import Redis
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker

from bot.chart_pool import SelfHealingPool
from bot.clock import SystemClock
from bot.cluster import owns_chat
from bot.config import Settings
from bot.dispatcher import build_dispatcher
from bot.flood_middleware import FloodPacing
from bot.fsm import build_fsm_storage
from bot.json_session import JsonSession
from bot.metrics import CountRetryAfter, Metrics, outbox_backlog
from bot.outbox_buttons import OutboxButtons
from bot.pipeline import InFlightUpdates
from bot.response_models import PinResponseModels
from bot.retry import RetryRequests
from bot.summaries import ChartedSummary
from bot.webhook import WebhookReceiver, database_ready, serve_webhook
from domain.athletes.model import RUSSIAN_READERS, Language
from domain.athletes.use_cases.registration import find_user
from domain.outbox.activity import InactiveChats
from domain.plans.use_cases.install import install_builtin_programs
from domain.shared.ports import Clock
from domain.training.rest import rests_in_progress
from handlers.billing.texts import BillingWords
from handlers.body.reminders import WeighInWords
from handlers.bookings.texts import BookingWords
from handlers.checkins.checkin import CheckInButtons
from handlers.checkins.texts import CheckInWords
from handlers.coaching.buttons import CoachingButtons
from handlers.coaching.texts import CoachingWords
from handlers.common.commands import command_menu, group_command_menu
from handlers.common.deps import Services
from handlers.common.i18n import Catalogue
from handlers.common.rest_timers import RestTimers
from handlers.goals.texts import GoalWords
from handlers.progress.charts import start_worker
from handlers.reminders.buttons import ReminderButtons
from handlers.reminders.dialog import ReminderWording
from handlers.teams.card_edits import card_edits
from handlers.teams.classes import ClassButtons
from handlers.teams.classes_texts import ClassWords
from handlers.teams.track_texts import WodWords
from handlers.teams.whiteboard_texts import BoardWords
from scheduler.delivery.limits import DeliveryLimits, FloodBudget, FloodControl
from scheduler.delivery.redis_budget import RedisFloodBudget
from scheduler.delivery.sender import DeliverySettings, Sender
from scheduler.delivery.transport import BotTransport
from scheduler.jobs.core import UPDATE_LEDGER_RETENTION
from scheduler.leader import Leadership, lead_scheduler
from scheduler.setup import BOARD_INTERVAL, add_whiteboard_jobs, build_scheduler
from storage.core.engine import create_engine, create_session_factory
from storage.core.ledger import HandledUpdates
from storage.core.migrate import upgrade_to_head
from storage.outbox.outbox import OutboxQueue
from storage.uow import SqlUnitOfWork

logger = logging.getLogger(__name__)

CHART_WORKERS = min(os.cpu_count() or 1, 4)


def build_bot(
    token: str,
    api_base: str,
    *,
    retry: bool = True,
    metrics: Metrics | None = None,
    flood: FloodBudget | None = None,
) -> Bot:
    """A Bot; with `retry`, its calls wait out 429s and retry failures on their own; with
    `metrics`, every 429 it meets is counted; with `flood`, every message it sends waits for
    its slot in the bot's one budget, as a reply (lane 0)."""
    session = JsonSession(api=TelegramAPIServer.from_base(api_base))
    session.middleware(PinResponseModels())
    if retry:
        session.middleware(RetryRequests())
    if flood is not None:  # inside the retries: a retried message waits for a slot again
        waited = metrics.limiter_waited if metrics is not None else None
        session.middleware(FloodPacing(flood, waited=waited))
    if metrics is not None:
        session.middleware(CountRetryAfter(metrics))  # innermost: sees each retried 429
    return Bot(token, session=session, default=DefaultBotProperties(parse_mode=ParseMode.HTML))


def delivery_limits(settings: Settings) -> DeliveryLimits:
    return DeliveryLimits(
        global_per_second=settings.delivery_global_per_second,
        per_chat_per_second=settings.delivery_per_chat_per_second,
        group_per_minute=settings.delivery_group_per_minute,
        headroom=settings.delivery_headroom,
    )


def flood_budgets(settings: Settings) -> tuple[FloodControl, FloodBudget]:
    """This process's flood budget, and the one every message waits for: the same, or with
    Redis configured one all the processes share (scheduler/delivery/redis_budget.py), in the
    same lanes, falling back to this process's while Redis is unreachable. The class cards'
    edits take from the latter, like the replies, the outbox and the boards' edits (Telegram
    counts them all alike)."""
    flood = FloodControl(delivery_limits(settings))
    budget: FloodBudget = flood
    if settings.redis_url:
        budget = RedisFloodBudget(
            Redis.from_url(settings.redis_url), delivery_limits(settings), fallback=flood
        )
    card_edits.share(budget)
    return flood, budget


def build_sender(
    settings: Settings,
    session_factory: async_sessionmaker[AsyncSession],
    bot: Bot,
    clock: Clock,
    inactive: InactiveChats,
    *,
    catalogue: Catalogue,
    flood: FloodControl | None = None,
    budget: FloodBudget | None = None,
) -> Sender:
    delivery = DeliverySettings(
        limits=delivery_limits(settings),
        concurrency=settings.delivery_concurrency,
        poll_seconds=settings.delivery_poll_seconds,
        stop_grace_seconds=settings.shutdown_grace_seconds,
    )
    return Sender(
        OutboxQueue(session_factory),
        BotTransport(
            bot,
            OutboxButtons(
                catalogue,
                [
                    ReminderButtons(catalogue),
                    CoachingButtons(catalogue),
                    ClassButtons(catalogue),
                    CheckInButtons(catalogue),
                ],
            ),
        ),
        clock,
        inactive,
        settings=delivery,
        flood=flood,
        budget=budget,
    )


def build_chart_pool(workers: int = CHART_WORKERS) -> Executor:
    """Processes that draw charts: matplotlib holds the GIL for the ~100 ms a chart takes.

    Started on first use, by a fork server (forking the running bot would copy its threads),
    and started afresh if a worker dies.
    """
    context = multiprocessing.get_context("forkserver")
    return SelfHealingPool(
        lambda: ProcessPoolExecutor(workers, mp_context=context, initializer=start_worker)
    )


async def resume_rest_timers(
    bot: Bot,
    dispatcher: Dispatcher,
    session_factory: async_sessionmaker[AsyncSession],
    clock: Clock,
) -> None:
    """Athletes who were resting when the bot stopped still hear when their rest is over."""
    services: Services = dispatcher["services"]
    bg: BgManagerFactory = dispatcher["dialog_bg"]
    uow = SqlUnitOfWork(session_factory, clock)
    mine = owns_chat()  # in a cluster, each athlete's timer runs where their chat goes
    resting = [(a, rest) for a, rest in await rests_in_progress(uow, clock.now()) if mine(a)]
    for athlete_id, rest in resting:
        athlete = await find_user(uow, athlete_id)
        t = services.catalogue.translator(athlete.language if athlete else Language.EN)
        services.rest_timers.start(
            athlete_id, rest, bg.bg(bot, athlete_id, athlete_id), t.get("training-rest-over")
        )
    if resting:
        logger.info("resumed %d rest timers", len(resting))


async def set_command_menus(bot: Bot, services: Services) -> None:
    """In private chats and in groups; English by default, Russian for the clients whose users
    Spotter speaks Russian to."""
    menus = (
        (BotCommandScopeAllPrivateChats(), command_menu),
        (BotCommandScopeAllGroupChats(), group_command_menu),
    )
    for scope, menu in menus:
        english = menu(services.catalogue.translator(Language.EN))
        await bot.set_my_commands(english, scope=scope)
        russian = menu(services.catalogue.translator(Language.RU))
        for code in sorted(RUSSIAN_READERS):
            await bot.set_my_commands(russian, scope=scope, language_code=code)


async def serve(
    settings: Settings,
    dispatcher: Dispatcher,
    bot: Bot,
    *,
    metrics: Metrics,
    engine: AsyncEngine,
    session_factory: async_sessionmaker[AsyncSession],
    clock: Clock,
) -> None:
    """Long polling, or in webhook mode the webhook server, until SIGTERM."""
    if settings.mode == "polling":
        # Updates wait for whoever takes them; a webhook left set would refuse getUpdates.
        await bot.delete_webhook(drop_pending_updates=False)
        await dispatcher.start_polling(
            bot,
            polling_timeout=settings.polling_timeout_seconds,
            allowed_updates=dispatcher.resolve_used_update_types(),
        )
        return
    webhook = settings.require_webhook()
    receiver = WebhookReceiver(
        dispatcher,
        bot,
        webhook,
        metrics,
        database_ready=lambda: database_ready(engine),
        outbox_backlog=lambda: outbox_backlog(session_factory, clock.now()),
    )
    await serve_webhook(
        receiver, dispatcher, bot, webhook, grace_seconds=settings.shutdown_grace_seconds
    )


def _scheduler(
    settings: Settings,
    session_factory: async_sessionmaker[AsyncSession],
    *,
    handled: HandledUpdates,
    clock: Clock,
    chart_pool: Executor,
    catalogue: Catalogue,
    sender_bot: Bot,
    flood: FloodBudget,
) -> tuple[AsyncIOScheduler, Leadership]:
    """The periodic jobs, and the leadership that runs them in one process among several."""
    scheduler = build_scheduler(
        session_factory,
        handled,
        clock,
        outbox_retention=timedelta(days=settings.outbox_retention_days),
        reminder_texts=ReminderWording(catalogue),
        summary_renderer=ChartedSummary(session_factory, chart_pool, catalogue),
        reminder_interval=timedelta(seconds=settings.reminder_interval_seconds),
        reminder_grace=timedelta(minutes=settings.reminder_grace_minutes),
        coaching_wording=CoachingWords(catalogue),
        class_wording=ClassWords(catalogue),
        wod_wording=WodWords(catalogue),
        weigh_in_wording=WeighInWords(catalogue),
        goal_wording=GoalWords(catalogue),
        check_in_wording=CheckInWords(catalogue),
        billing_wording=BillingWords(catalogue),
        booking_wording=BookingWords(catalogue),
    )
    # Boards are edited by the job with the sender's bot (no retries: a refused edit waits for
    # the next run); a short reminder interval (tests, the sandbox) shortens its runs too.
    add_whiteboard_jobs(
        scheduler,
        session_factory,
        clock,
        BoardWords(catalogue),
        sender_bot,
        interval=min(BOARD_INTERVAL, timedelta(seconds=settings.reminder_interval_seconds)),
        summary_interval=timedelta(seconds=settings.reminder_interval_seconds),
        flood=flood,
    )
    leadership = lead_scheduler(
        scheduler, settings.database_url, retry_seconds=settings.leader_retry_seconds
    )
    return scheduler, leadership


def _delivery(
    settings: Settings,
    session_factory: async_sessionmaker[AsyncSession],
    *,
    clock: Clock,
    inactive: InactiveChats,
    catalogue: Catalogue,
    metrics: Metrics,
) -> tuple[Bot, Bot, Sender, FloodBudget]:
    """The bot that answers updates, the sender's bot and the sender, and the one flood
    budget they all take their slots from."""
    flood, budget = flood_budgets(settings)
    bot = build_bot(
        settings.require_token(), settings.telegram_api_base, metrics=metrics, flood=budget
    )
    # Outbox messages are retried by the sender, which knows whether a retry may repeat one;
    # it and the boards' job take their slots themselves.
    sender_bot = build_bot(
        settings.require_token(), settings.telegram_api_base, retry=False, metrics=metrics
    )
    sender = build_sender(
        settings,
        session_factory,
        sender_bot,
        clock,
        inactive,
        catalogue=catalogue,
        flood=flood,
        budget=None if budget is flood else budget,
    )
    return bot, sender_bot, sender, budget


async def run(settings: Settings) -> None:
    await upgrade_to_head(settings.database_url)
    engine = create_engine(settings.database_url)
    session_factory = create_session_factory(engine)
    clock = SystemClock()
    await install_builtin_programs(SqlUnitOfWork(session_factory, clock))
    handled = await HandledUpdates.load(
        session_factory, clock.now() - UPDATE_LEDGER_RETENTION, shared=settings.cluster_worker
    )
    in_flight = InFlightUpdates()
    inactive = InactiveChats(await OutboxQueue(session_factory).inactive_chats())
    fsm_storage = build_fsm_storage(
        settings.redis_url, session_factory, shared=settings.cluster_worker
    )
    chart_pool = build_chart_pool()
    catalogue = Catalogue.load()
    metrics = Metrics()
    bot, sender_bot, sender, budget = _delivery(
        settings,
        session_factory,
        clock=clock,
        inactive=inactive,
        catalogue=catalogue,
        metrics=metrics,
    )
    dispatcher = build_dispatcher(
        session_factory,
        fsm_storage,
        clock,
        handled,
        in_flight,
        rest_refresh_seconds=settings.rest_refresh_seconds,
        inactive_chats=inactive,
        chart_pool=chart_pool,
        admins=settings.bot_admins,
        catalogue=catalogue,
        outbox_queued=sender.read_soon,
    )
    scheduler, leadership = _scheduler(
        settings,
        session_factory,
        handled=handled,
        clock=clock,
        chart_pool=chart_pool,
        catalogue=catalogue,
        sender_bot=sender_bot,
        flood=budget,
    )

    async def on_startup(bot: Bot, dispatcher: Dispatcher) -> None:
        me = await bot.get_me()
        dispatcher["bot_username"] = me.username or ""
        dispatcher["bot_id"] = me.id
        await set_command_menus(bot, dispatcher["services"])
        scheduler.start(paused=True)  # resumed while this process leads (one among several)
        leadership.start()
        sender.start()
        await resume_rest_timers(bot, dispatcher, session_factory, clock)
        # What start-up built lives as long as the bot: a full collection need not scan it. It
        # took one 200-400 ms pause of every update while athletes asked for their charts.
        gc.freeze()
        logger.info("Spotter is up as @%s", me.username)

    async def on_shutdown(rest_timers: RestTimers) -> None:
        scheduler.shutdown(wait=False)
        await leadership.stop()
        await rest_timers.close()
        await sender.stop()
        try:
            async with asyncio.timeout(settings.shutdown_grace_seconds):
                await in_flight.wait_idle()
        except TimeoutError:
            logger.warning("shutting down with %d updates still in flight", len(in_flight))

    dispatcher.startup.register(on_startup)
    dispatcher.shutdown.register(on_shutdown)
    try:
        await serve(
            settings,
            dispatcher,
            bot,
            metrics=metrics,
            engine=engine,
            session_factory=session_factory,
            clock=clock,
        )
    finally:
        chart_pool.shutdown(cancel_futures=True)
        await sender_bot.session.close()
        if isinstance(budget, RedisFloodBudget):
            await budget.close()
        await fsm_storage.close()
        await engine.dispose()
    logger.info("Spotter stopped")
