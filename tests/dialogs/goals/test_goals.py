"""/goals and the check-in buttons through the real dispatcher and SQLite."""

from __future__ import annotations

from datetime import UTC, datetime

from aiogram.types import Chat, InlineKeyboardMarkup, Message
from aiogram_dialog.test_tools import BotClient
from aiogram_dialog.test_tools.keyboard import InlineButtonTextLocator
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from domain.athletes.model import Profile
from domain.athletes.use_cases.registration import RegisterUser
from domain.checkins.model import Question
from domain.checkins.use_cases.checkins import SendCheckIns, SetCheckInDay, answer_buttons
from handlers.checkins.checkin import CheckInButtons
from handlers.checkins.texts import CheckInWords
from handlers.common.i18n import Catalogue
from storage.uow import SqlUnitOfWork
from tests.dialogs.conftest import RecordingBot
from tests.fakes import FixedClock

ANN, BEN = 1001, 1002
CATALOGUE = Catalogue.load()


async def register(factory: async_sessionmaker[AsyncSession], *users: int) -> SqlUnitOfWork:
    clock = FixedClock()
    uow = SqlUnitOfWork(factory, clock)
    for user in users:
        await RegisterUser(uow, clock)(Profile(user, f"user{user}", language_code="en"))
    return uow


def last(bot: RecordingBot) -> str:
    return bot.sent[-1].text


async def test_a_goal_is_set_listed_and_a_mistake_named(
    client: BotClient, bot: RecordingBot, session_factory: async_sessionmaker[AsyncSession]
) -> None:
    await register(session_factory, ANN)
    await client.send("/goals get strong")
    assert "couldn't read that goal" in last(bot)
    await client.send("/goals squat e1rm 160 by 2026-06-01")
    assert "Goal set" in last(bot)
    assert "Squat e1RM" in last(bot)
    assert "no reading yet" in last(bot)
    await client.send("/goals")
    assert "160 kg by 2026-06-01" in last(bot)
    markup = bot.sent[-1].reply_markup
    assert isinstance(markup, InlineKeyboardMarkup)
    assert markup.inline_keyboard[0][0].text == "⏸ Pause: Squat e1RM"


async def test_a_check_in_button_of_someone_elses_changes_nothing(
    dispatcher: object, bot: RecordingBot, session_factory: async_sessionmaker[AsyncSession]
) -> None:
    uow = await register(session_factory, ANN, BEN)
    clock = FixedClock()
    await SetCheckInDay(uow)(ANN, ANN, clock.now().weekday())
    assert await SendCheckIns(uow, clock, CheckInWords(CATALOGUE))() == 1
    markup = CheckInButtons(CATALOGUE)(answer_buttons(1, Question.SLEEP), "en")
    card = Message(
        message_id=5,
        date=datetime.now(UTC),
        chat=Chat(id=BEN, type="private"),
        text="forged",
        reply_markup=markup,
    )
    ben = BotClient(dispatcher, user_id=BEN, chat_id=BEN, bot=bot)  # type: ignore[arg-type]
    await ben.click(card, InlineButtonTextLocator("3"))
    async with uow:
        kept = await uow.checkins.get(1)
    assert kept is not None
    assert (kept.athlete_id, kept.answers) == (ANN, {})  # Ben's forged tap changed nothing
