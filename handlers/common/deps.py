"""What every handler may use, as one typed object instead of string keys in `middleware_data`."""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Awaitable, Callable
from concurrent.futures import Executor
from contextlib import AbstractAsyncContextManager
from dataclasses import dataclass, replace
from typing import Any, Protocol

from aiogram import BaseMiddleware, Bot
from aiogram.types import TelegramObject, User
from aiogram_dialog import DialogManager

from domain.account.ports import AccountUnitOfWork
from domain.analytics.ports import AnalyticsUnitOfWork
from domain.athletes.model import Language, language_for
from domain.athletes.model import User as Athlete
from domain.athletes.use_cases.registration import find_user
from domain.billing.ports import BillingUnitOfWork
from domain.bookings.ports import BookingsUnitOfWork
from domain.checkins.ports import CheckInsUnitOfWork
from domain.coaching.ports import CoachingUnitOfWork
from domain.goals.ports import GoalsUnitOfWork
from domain.outbox.activity import InactiveChats
from domain.outbox.ports import OutboxUnitOfWork
from domain.reminders.ports import RemindersUnitOfWork
from domain.shared.ports import Clock
from domain.teams.ports import WhiteboardUnitOfWork
from domain.training.model import Workout
from handlers.common.i18n import Catalogue, Translator
from handlers.common.rest_timers import RestTimers

DEPS = "deps"


class UnitOfWork(
    AccountUnitOfWork,
    AnalyticsUnitOfWork,
    WhiteboardUnitOfWork,
    BookingsUnitOfWork,
    BillingUnitOfWork,
    CoachingUnitOfWork,
    GoalsUnitOfWork,
    CheckInsUnitOfWork,
    RemindersUnitOfWork,
    OutboxUnitOfWork,
    Protocol,
):
    """Every context's unit of work: the one the pipeline opens for an update satisfies all
    (conditioning's comes with progress's, which counts its results; coaching's with
    bookings')."""

    def one_transaction(self) -> AbstractAsyncContextManager[None]:
        """The use cases inside share one transaction (a read and the write it decides)."""
        ...


class KnownLanguages:
    """The language of athletes seen lately, so an update need not read it from the database.

    Only this process sets a language (registration, /settings), and it tells this cache.
    """

    def __init__(self, remembered: int = 100_000) -> None:
        self._languages: OrderedDict[int, Language] = OrderedDict()
        self._remembered = remembered

    def get(self, athlete_id: int) -> Language | None:
        return self._languages.get(athlete_id)

    def remember(self, athlete_id: int, language: Language) -> None:
        self._languages[athlete_id] = language
        self._languages.move_to_end(athlete_id)
        while len(self._languages) > self._remembered:
            self._languages.popitem(last=False)


@dataclass(slots=True)
class SeenToday:
    """The athlete and their open workout as this update last saw them."""

    athlete: Athlete
    workout: Workout | None


@dataclass(slots=True)
class UpdateReads:
    """What this update has read already, shared by its handlers, use case results and card."""

    today: SeenToday | None = None


@dataclass(frozen=True, slots=True)
class Deps:
    """The update's unit of work and the bot's long-lived services; `t` speaks to the sender."""

    uow: UnitOfWork
    clock: Clock
    t: Translator
    catalogue: Catalogue
    languages: KnownLanguages
    rest_timers: RestTimers
    inactive_chats: InactiveChats
    chart_pool: Executor | None  # None: charts are drawn in the event loop's default thread pool
    admins: frozenset[int]  # BOT_ADMINS: they may publish plans to everyone
    bot: Bot
    bot_username: str
    bot_id: int
    sender_id: int | None  # None for an update nobody sent, e.g. a channel post
    reads: UpdateReads

    @property
    def user_id(self) -> int:
        """The acting user's id, for handlers that only ever run on someone's own update."""
        if self.sender_id is None:
            raise LookupError("this update has no sender")
        return self.sender_id

    def speaking(self, athlete_id: int, language: Language) -> Deps:
        """The same services, speaking `language` from now on to the athlete who chose it."""
        self.languages.remember(athlete_id, language)
        return replace(self, t=self.catalogue.translator(language))


def deps_of(manager: DialogManager) -> Deps:
    """The update's deps, from a dialog's manager."""
    deps: Deps = manager.middleware_data[DEPS]
    return deps


def use_language(manager: DialogManager, athlete_id: int, language: Language) -> None:
    """The rest of this update, the card included, speaks the athlete's new language."""
    manager.middleware_data[DEPS] = deps_of(manager).speaking(athlete_id, language)


@dataclass(frozen=True, slots=True)
class Services:
    """What lives as long as the bot; each update's Deps adds its unit of work and language."""

    clock: Clock
    catalogue: Catalogue
    rest_timers: RestTimers
    inactive_chats: InactiveChats
    chart_pool: Executor | None
    admins: frozenset[int]
    languages: KnownLanguages


class DepsMiddleware(BaseMiddleware):
    """Puts the update's `Deps` in the handler data; runs after the unit-of-work middleware."""

    def __init__(self, services: Services) -> None:
        self._services = services

    async def __call__(
        self,
        handler: Callable[[TelegramObject, dict[str, Any]], Awaitable[Any]],
        event: TelegramObject,
        data: dict[str, Any],
    ) -> Any:
        services = self._services
        uow: UnitOfWork = data["uow"]
        sender: User | None = data.get("event_from_user")
        language = await self._language(uow, sender)
        data[DEPS] = Deps(
            uow=uow,
            clock=services.clock,
            t=services.catalogue.translator(language),
            catalogue=services.catalogue,
            languages=services.languages,
            rest_timers=services.rest_timers,
            inactive_chats=services.inactive_chats,
            chart_pool=services.chart_pool,
            admins=services.admins,
            bot=data["bot"],
            bot_username=data.get("bot_username", ""),
            bot_id=data.get("bot_id", 0),
            sender_id=sender.id if sender else None,
            reads=UpdateReads(),
        )
        return await handler(event, data)

    async def _language(self, uow: UnitOfWork, sender: User | None) -> Language:
        """The athlete's chosen language; for someone not registered, their client's."""
        if sender is None:
            return Language.EN
        known = self._services.languages.get(sender.id)
        if known is not None:
            return known
        athlete = await find_user(uow, sender.id)
        # Someone not registered (a group member, say) is spoken to as their client asks, and
        # remembered too: registration sets that same language, and tells the cache anyway.
        language = athlete.language if athlete else language_for(sender.language_code)
        self._services.languages.remember(sender.id, language)
        return language
