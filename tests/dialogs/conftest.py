"""Dialogs driven through the real dispatcher and a real SQLite database, with no network."""

from __future__ import annotations

import itertools
from collections.abc import AsyncIterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from aiogram import Dispatcher
from aiogram.methods import AnswerCallbackQuery, SendMessage, SetMyCommands, TelegramMethod
from aiogram.types import Chat, Message
from aiogram.types import User as TelegramUser
from aiogram_dialog.test_tools import BotClient, MockMessageManager
from aiogram_dialog.test_tools.bot_client import FakeBot
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.dispatcher import build_dispatcher
from bot.pipeline import InFlightUpdates
from domain.plans.use_cases.install import install_builtin_programs
from storage.core.engine import create_engine, create_session_factory
from storage.core.fsm import SqlStorage
from storage.core.ledger import HandledUpdates
from storage.core.migrate import upgrade_to_head
from storage.uow import SqlUnitOfWork
from tests.fakes import FixedClock

BOT_ID = 42


class RecordingBot(FakeBot):
    """A bot stub that keeps what handlers send directly (outside dialog windows)."""

    def __init__(self) -> None:
        super().__init__()
        self.sent: list[SendMessage] = []
        self.menus: list[SetMyCommands] = []
        self._ids = itertools.count(10_000)

    @property
    def id(self) -> int:
        return BOT_ID

    async def __call__(
        self, method: TelegramMethod[Any], request_timeout: int | None = None
    ) -> Any:
        if isinstance(method, AnswerCallbackQuery):
            return True
        if isinstance(method, SetMyCommands):
            self.menus.append(method)
            return True
        if isinstance(method, SendMessage):
            self.sent.append(method)
            return Message(
                message_id=next(self._ids),
                date=datetime.now(UTC),
                chat=Chat(id=int(method.chat_id), type="private"),
                from_user=TelegramUser(id=BOT_ID, is_bot=True, first_name="Spotter"),
                text=method.text,
            )
        raise AssertionError(f"unexpected call in a dialog test: {method.__api_method__}")


@pytest.fixture
async def session_factory(tmp_path: Path) -> AsyncIterator[async_sessionmaker[AsyncSession]]:
    url = f"sqlite+aiosqlite:///{tmp_path / 'spotter.db'}"
    await upgrade_to_head(url)
    engine = create_engine(url)
    factory = create_session_factory(engine)
    await install_builtin_programs(SqlUnitOfWork(factory, FixedClock()))
    yield factory
    await engine.dispose()


@pytest.fixture
def message_manager() -> MockMessageManager:
    return MockMessageManager()


def spotter_dispatcher(
    session_factory: async_sessionmaker[AsyncSession], message_manager: MockMessageManager
) -> Dispatcher:
    """The production dispatcher, with dialogs rendered into the mock message manager."""
    dispatcher = build_dispatcher(
        session_factory,
        SqlStorage(session_factory),
        FixedClock(),
        HandledUpdates(),
        InFlightUpdates(),
        message_manager=message_manager,
    )
    dispatcher["bot_username"] = "spotter_test_bot"
    dispatcher["bot_id"] = BOT_ID
    return dispatcher


@pytest.fixture
async def dispatcher(
    session_factory: async_sessionmaker[AsyncSession], message_manager: MockMessageManager
) -> AsyncIterator[Dispatcher]:
    dispatcher = spotter_dispatcher(session_factory, message_manager)
    yield dispatcher
    await dispatcher["rest_timers"].close()


@pytest.fixture
def bot() -> RecordingBot:
    return RecordingBot()


@pytest.fixture
def client(dispatcher: Dispatcher, bot: RecordingBot) -> BotClient:
    return BotClient(dispatcher, user_id=1001, chat_id=1001, bot=bot)
