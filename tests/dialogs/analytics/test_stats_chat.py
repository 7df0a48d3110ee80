"""/stats through the real dispatcher and SQLite: the coach's figures as text, then a chart."""

from __future__ import annotations

from typing import Any

import pytest
from aiogram import Dispatcher
from aiogram.methods import SendChatAction, SendPhoto, TelegramMethod
from aiogram.types import BufferedInputFile
from aiogram_dialog.test_tools import BotClient
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from domain.athletes.model import Language, Profile
from domain.athletes.use_cases.registration import RegisterUser
from domain.billing.use_cases.packages import DefinePackage
from domain.coaching.use_cases.invites import AcceptInvite, BecomeCoach, CreateInvite
from handlers.common.i18n import Catalogue
from storage.uow import SqlUnitOfWork
from tests.dialogs.conftest import RecordingBot
from tests.fakes import FixedClock
from tests.integration.billing.conftest import PACK, buy
from tests.integration.coaching.conftest import Words

SAM, KIM, ALEX = 1001, 1002, 2002
EN = Catalogue.load().translator(Language.EN)
RU = Catalogue.load().translator(Language.RU)


class PhotoBot(RecordingBot):
    """Also keeps the photos and chat actions the handler sends."""

    def __init__(self) -> None:
        super().__init__()
        self.photos: list[SendPhoto] = []
        self.actions: list[str] = []

    async def __call__(
        self, method: TelegramMethod[Any], request_timeout: int | None = None
    ) -> Any:
        if isinstance(method, SendPhoto):
            self.photos.append(method)
            return True
        if isinstance(method, SendChatAction):
            self.actions.append(method.action)
            return True
        return await super().__call__(method, request_timeout)


@pytest.fixture
def bot() -> PhotoBot:
    return PhotoBot()


@pytest.fixture
async def coaching(session_factory: async_sessionmaker[AsyncSession]) -> None:
    """Sam coaches Alex (Russian), who paid ⭐400 for four sessions; Kim coaches nobody."""
    clock = FixedClock()  # 2 March 2026
    uow = SqlUnitOfWork(session_factory, clock)
    await RegisterUser(uow, clock)(Profile(SAM, "Sam", language_code="en"))
    await RegisterUser(uow, clock)(Profile(KIM, "Kim", language_code="en"))
    await RegisterUser(uow, clock)(Profile(ALEX, "Alex", language_code="ru"))
    await BecomeCoach(uow, clock)(SAM)
    await BecomeCoach(uow, clock)(KIM)
    _, payload = await CreateInvite(uow, clock)(SAM)
    await AcceptInvite(uow, clock, Words())(payload, ALEX)
    await buy(uow, clock, await DefinePackage(uow, clock)(SAM, PACK), "charge-1", athlete=ALEX)


def _client(dispatcher: Dispatcher, bot: PhotoBot, user: int) -> BotClient:
    return BotClient(dispatcher, user_id=user, chat_id=user, bot=bot)


@pytest.mark.usefixtures("coaching")
async def test_a_coach_gets_their_figures_then_a_chart(
    dispatcher: Dispatcher, bot: PhotoBot
) -> None:
    await _client(dispatcher, bot, SAM).send("/stats")
    [text] = [message.text for message in bot.sent]
    assert EN.get("analytics-active", count=1) in text
    assert EN.get("analytics-revenue", stars=400) in text
    assert EN.get("analytics-attendance-none") in text
    # Alex joined in March: one active, new, and the ⭐400 they paid
    assert "2026-03: 1 active — 0 stayed, 1 new, 0 left · ⭐400" in text
    assert "2025-10: 0 active — 0 stayed, 0 new, 0 left · ⭐0" in text
    assert bot.actions == ["upload_photo"]
    [photo] = bot.photos
    assert isinstance(photo.photo, BufferedInputFile)
    assert photo.photo.data.startswith(b"\x89PNG")


@pytest.mark.usefixtures("coaching")
async def test_another_coach_sees_none_of_it(dispatcher: Dispatcher, bot: PhotoBot) -> None:
    await _client(dispatcher, bot, KIM).send("/stats")
    [text] = [message.text for message in bot.sent]
    assert EN.get("analytics-active", count=0) in text
    assert EN.get("analytics-revenue", stars=0) in text
    assert "⭐400" not in text
    assert len(bot.photos) == 1


@pytest.mark.usefixtures("coaching")
async def test_a_client_is_told_stats_are_for_coaches(
    dispatcher: Dispatcher, bot: PhotoBot
) -> None:
    await _client(dispatcher, bot, ALEX).send("/stats")
    assert [message.text for message in bot.sent] == [RU.get("analytics-not-coach")]
    assert bot.photos == []
