"""A paid track through the real dispatcher (#16): the price typed wrong gets a specific reply,
only the owner prices their track, and a forged Pay button of someone else's subscription
sends no invoice; the subscriber's own sends one whose payment makes the track theirs."""

from __future__ import annotations

import itertools
from datetime import UTC, datetime
from typing import Any

import pytest
from aiogram import Dispatcher
from aiogram.methods import AnswerCallbackQuery, TelegramMethod
from aiogram.types import Chat, InlineKeyboardMarkup, Message
from aiogram.types import User as TelegramUser
from aiogram_dialog.test_tools import BotClient
from aiogram_dialog.test_tools.keyboard import InlineButtonTextLocator
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from domain.athletes.model import Profile
from domain.athletes.use_cases.registration import RegisterUser
from domain.teams.tracks import PriceKind, Pricing
from domain.teams.use_cases.tracks import SavePersonalTrack, publish_track
from storage.uow import SqlUnitOfWork
from tests.dialogs.billing.test_billing_chat import PayingBot
from tests.dialogs.conftest import BOT_ID
from tests.fakes import FixedClock
from tests.integration.catalog import EXERCISES

OLGA, ALEX, MASHA = 3001, 3002, 3003
ENGINE = "track: Engine\nweek 1 day 1:\nstrength:\nsquat: 5x5 @75%\n"
_IDS = itertools.count(70_000)


class AnsweringBot(PayingBot):
    """Also keeps what callback answers said."""

    def __init__(self) -> None:
        super().__init__()
        self.alerts: list[str] = []

    async def __call__(
        self, method: TelegramMethod[Any], request_timeout: int | None = None
    ) -> Any:
        if isinstance(method, AnswerCallbackQuery):
            self.alerts.append(method.text or "")
            return True
        return await super().__call__(method, request_timeout)


@pytest.fixture
def bot() -> AnsweringBot:
    return AnsweringBot()


@pytest.fixture
async def engine(session_factory: async_sessionmaker[AsyncSession]) -> None:
    """Olga's public track Engine; Alex and Маша registered."""
    clock = FixedClock()
    uow = SqlUnitOfWork(session_factory, clock)
    for user_id, name in ((OLGA, "Olga"), (ALEX, "Alex"), (MASHA, "Маша")):
        await RegisterUser(uow, clock)(Profile(user_id, name, language_code="en"))
    async with uow:
        await uow.exercises.save_all(EXERCISES)
        await uow.commit()
    await SavePersonalTrack(uow, clock)(OLGA, ENGINE)
    await publish_track(uow, OLGA, "Engine", frozenset({OLGA}), public=True)


def client(dispatcher: Dispatcher, bot: AnsweringBot, user_id: int) -> BotClient:
    made = BotClient(dispatcher, user_id=user_id, chat_id=user_id, bot=bot)
    made.last_update_id = user_id * 100  # each person's update ids apart
    return made


async def pricing(session_factory: async_sessionmaker[AsyncSession]) -> Pricing:
    uow = SqlUnitOfWork(session_factory, FixedClock())
    async with uow:
        [track] = await uow.wod_tracks.visible(team_id=None, user_id=OLGA)
    return track.pricing


def shown(chat_id: int, text: str, markup: InlineKeyboardMarkup) -> Message:
    """The bot's message with the button, as it shows in `chat_id` (forged or not)."""
    return Message(
        message_id=next(_IDS),
        date=datetime.now(UTC),
        chat=Chat(id=chat_id, type="private"),
        from_user=TelegramUser(id=BOT_ID, is_bot=True, first_name="Spotter"),
        text=text,
        reply_markup=markup,
    )


@pytest.mark.usefixtures("engine")
@pytest.mark.parametrize(
    ("typed", "said"),
    [
        ("/track price Engine once", "Price one of your own tracks"),
        ("/track price Engine sometimes 300", "Price one of your own tracks"),
        ("/track price Engine monthly 10001", "1 to 10000 Stars"),
        ("/track price Engine once 0", "1 to 10000 Stars"),
        ("/track price Engine monthly 250 trial 91", "0 to 90 days"),
        ("/track price Engine free trial 3", "0 to 90 days"),
        ("/track price Nothing once 300", "I know no track “Nothing”"),
    ],
)
async def test_a_price_typed_wrong_gets_a_specific_reply_and_the_track_stays_free(
    dispatcher: Dispatcher,
    bot: AnsweringBot,
    session_factory: async_sessionmaker[AsyncSession],
    typed: str,
    said: str,
) -> None:
    await client(dispatcher, bot, OLGA).send(typed)

    assert said in bot.sent[-1].text
    assert await pricing(session_factory) == Pricing()


async def test_only_the_owner_prices_and_only_the_subscriber_pays_whatever_button_is_forged(
    dispatcher: Dispatcher,
    bot: AnsweringBot,
    engine: None,
    session_factory: async_sessionmaker[AsyncSession],
) -> None:
    olga, alex, masha = (client(dispatcher, bot, who) for who in (OLGA, ALEX, MASHA))
    await masha.send("/track price Engine free")
    assert "I know no track “Engine”" in bot.sent[-1].text
    await olga.send("/track price Engine once 300")
    assert "⭐300 once" in bot.sent[-1].text
    assert await pricing(session_factory) == Pricing(PriceKind.ONCE, 300)

    await alex.send("/track subscribe Engine")
    reply = bot.sent[-1]
    assert "No workouts until it's paid." in reply.text
    markup = reply.reply_markup
    assert isinstance(markup, InlineKeyboardMarkup)

    # Маша replays Alex's Pay button in her own chat: refused, no invoice
    await masha.click(shown(MASHA, reply.text, markup), InlineButtonTextLocator("Pay ⭐300"))
    assert bot.alerts[-1] == "This isn't a subscription you can pay for."
    assert bot.invoices == []

    await alex.click(shown(ALEX, reply.text, markup), InlineButtonTextLocator("Pay ⭐300"))
    [invoice] = bot.invoices
    assert (int(invoice.chat_id), invoice.currency) == (ALEX, "XTR")
    assert [(p.label, p.amount) for p in invoice.prices] == [("Engine", 300)]
    assert str(OLGA) not in invoice.payload
