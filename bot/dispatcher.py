"""Builds the dispatcher: storage, pipeline middleware, routers and dialogs."""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import Executor
from contextlib import nullcontext

from aiogram import Dispatcher
from aiogram.fsm.storage.base import BaseStorage
from aiogram_dialog import setup_dialogs
from aiogram_dialog.api.protocols import MessageManagerProtocol
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.pipeline import InFlightUpdates, UnitOfWorkMiddleware
from domain.outbox.activity import InactiveChats
from domain.shared.ports import Clock
from domain.training.rest import Rest
from domain.training.use_cases.resting import AnnounceRestOver
from handlers import build_router
from handlers.common.cards import CardMessageManager
from handlers.common.deps import DepsMiddleware, KnownLanguages, Services
from handlers.common.i18n import Catalogue
from handlers.common.rest_timers import REFRESH_EVERY_SECONDS, RestTimers
from storage.core.fsm import SqlStorage
from storage.core.ledger import HandledUpdates
from storage.uow import SqlUnitOfWork


def build_dispatcher(
    session_factory: async_sessionmaker[AsyncSession],
    fsm_storage: BaseStorage,
    clock: Clock,
    handled: HandledUpdates,
    in_flight: InFlightUpdates,
    *,
    message_manager: MessageManagerProtocol | None = None,
    rest_refresh_seconds: float = REFRESH_EVERY_SECONDS,
    inactive_chats: InactiveChats | None = None,
    chart_pool: Executor | None = None,
    admins: frozenset[int] = frozenset(),
    catalogue: Catalogue | None = None,
    outbox_queued: Callable[[], None] | None = None,
) -> Dispatcher:
    """`outbox_queued` is told when an update queued something due now (the sender reads
    the outbox at once rather than at its next poll)."""

    async def announce_rest_over(athlete_id: int, rest: Rest, text: str) -> None:
        uow = SqlUnitOfWork(session_factory, clock)
        if await AnnounceRestOver(uow, clock)(athlete_id, rest, text) and outbox_queued:
            outbox_queued()

    rest_timers = RestTimers(clock, announce_rest_over, refresh_every=rest_refresh_seconds)
    services = Services(
        clock=clock,
        catalogue=catalogue or Catalogue.load(),
        rest_timers=rest_timers,
        inactive_chats=inactive_chats if inactive_chats is not None else InactiveChats(),
        chart_pool=chart_pool,  # None: charts are drawn in the event loop's default thread pool
        admins=admins,  # BOT_ADMINS: they may publish plans to everyone
        languages=KnownLanguages(),
    )
    # The shutdown and the timers resumed at start-up need them outside any update.
    dispatcher = Dispatcher(storage=fsm_storage, rest_timers=rest_timers, services=services)
    fsm_writes = fsm_storage.batched if isinstance(fsm_storage, SqlStorage) else nullcontext
    dispatcher.update.outer_middleware(
        UnitOfWorkMiddleware(session_factory, clock, handled, in_flight, fsm_writes)
    )
    dispatcher.update.outer_middleware(DepsMiddleware(services))
    dispatcher.include_router(build_router())
    # Background dialog updates (rest timers resumed at start-up) need the factory.
    dispatcher["dialog_bg"] = setup_dialogs(
        dispatcher, message_manager=message_manager or CardMessageManager()
    )
    return dispatcher
