"""/progress through the real dispatcher and SQLite: three charts, or a word on how to get them."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal
from typing import Any

import pytest
from aiogram import Dispatcher
from aiogram.methods import SendChatAction, SendPhoto, TelegramMethod
from aiogram.types import BufferedInputFile
from aiogram_dialog.test_tools import BotClient
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from domain.athletes.model import Language, Profile
from domain.athletes.use_cases.preferences import ChooseUnits
from domain.athletes.use_cases.registration import RegisterUser
from domain.shared.weights import Unit, Weight
from domain.training.model import SetResult
from domain.training.use_cases.finishing import FinishWorkout
from domain.training.use_cases.logging import LogSet, OpenWorkout
from domain.training.use_cases.onboarding import SetTrainingMaxes, StartPlan
from handlers.common.i18n import Catalogue
from storage.uow import SqlUnitOfWork
from tests.dialogs.conftest import RecordingBot
from tests.fakes import FixedClock

ANN = 1001
EN = Catalogue.load().translator(Language.EN)


class PhotoBot(RecordingBot):
    """Also keeps the photos and chat actions handlers send."""

    def __init__(self) -> None:
        super().__init__()
        self.photos: list[SendPhoto] = []
        self.actions: list[str] = []

    async def __call__(
        self, method: TelegramMethod[Any], request_timeout: int | None = None
    ) -> Any:
        if isinstance(method, SendPhoto):
            self.photos.append(method)
            return True  # the handler reads nothing back
        if isinstance(method, SendChatAction):
            self.actions.append(method.action)
            return True
        return await super().__call__(method, request_timeout)


@pytest.fixture
def photo_bot() -> PhotoBot:
    return PhotoBot()


@pytest.fixture
def photo_client(dispatcher: Dispatcher, photo_bot: PhotoBot) -> BotClient:
    return BotClient(dispatcher, user_id=ANN, chat_id=ANN, bot=photo_bot)


async def onboard(factory: async_sessionmaker[AsyncSession], clock: FixedClock) -> SqlUnitOfWork:
    uow = SqlUnitOfWork(factory, clock)
    await RegisterUser(uow, clock)(Profile(ANN, "Ann"))
    await ChooseUnits(uow)(ANN, Unit.KG)
    await StartPlan(uow, clock)(ANN, "nsuns-4day")
    maxes = {"bench": 100, "squat": 126, "ohp": 60, "deadlift": 180}
    await SetTrainingMaxes(uow, clock)(
        ANN, {lift: Weight(Decimal(kg), Unit.KG) for lift, kg in maxes.items()}, one_rep_maxes=False
    )
    return uow


async def test_progress_sends_three_charts_of_an_athletes_training(
    photo_client: BotClient, photo_bot: PhotoBot, session_factory: async_sessionmaker[AsyncSession]
) -> None:
    clock = FixedClock(FixedClock().current - timedelta(days=3))
    uow = await onboard(session_factory, clock)
    for _ in range(2):  # two days of the plan, every set as prescribed
        workout = await OpenWorkout(uow, clock)(ANN)
        for _ in range(17):
            await LogSet(uow, clock)(ANN, workout.id or 0, None, SetResult())
        clock.current += timedelta(hours=1)
        await FinishWorkout(uow, clock)(ANN, workout.id or 0)
        clock.current += timedelta(days=1)

    await photo_client.send("/progress")

    assert photo_bot.actions == ["upload_photo"]
    assert len(photo_bot.photos) == 3
    for photo, caption in zip(photo_bot.photos, ("1RM", "volume", "Training days"), strict=True):
        assert isinstance(photo.photo, BufferedInputFile)
        assert photo.photo.data.startswith(b"\x89PNG")
        assert len(photo.photo.data) < 150 * 1024
        assert caption in (photo.caption or "")
    assert photo_bot.sent == []


async def test_progress_without_workouts_says_how_to_get_charts(
    photo_client: BotClient, photo_bot: PhotoBot, session_factory: async_sessionmaker[AsyncSession]
) -> None:
    await onboard(session_factory, FixedClock())

    await photo_client.send("/progress")

    assert photo_bot.photos == []
    assert [m.text for m in photo_bot.sent] == [EN.get("progress-no-data")]


async def test_progress_before_start_asks_to_start_first(
    photo_client: BotClient, photo_bot: PhotoBot
) -> None:
    await photo_client.send("/progress")

    assert photo_bot.photos == []
    assert "/start" in (photo_bot.sent[-1].text or "")
