"""/packages, /billing, the pre-checkout answer and a payment, through the real dispatcher."""

from __future__ import annotations

import itertools
from datetime import UTC, datetime
from typing import Any

import pytest
from aiogram import Dispatcher
from aiogram.methods import AnswerPreCheckoutQuery, SendInvoice, TelegramMethod
from aiogram.types import (
    Chat,
    InlineKeyboardMarkup,
    Message,
    PreCheckoutQuery,
    SuccessfulPayment,
    Update,
)
from aiogram.types import User as TelegramUser
from aiogram_dialog.test_tools import BotClient
from aiogram_dialog.test_tools.keyboard import InlineButtonTextLocator
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from domain.athletes.model import Profile
from domain.athletes.use_cases.registration import RegisterUser
from domain.billing.use_cases.balance import SessionBalance
from domain.coaching.use_cases.invites import AcceptInvite, BecomeCoach, CreateInvite
from storage.uow import SqlUnitOfWork
from tests.dialogs.conftest import BOT_ID, RecordingBot
from tests.fakes import FixedClock
from tests.integration.coaching.conftest import Words

COACH, ATHLETE = 1001, 2002
_UPDATES = itertools.count(50_000)


class PayingBot(RecordingBot):
    """Also keeps the invoices sent and the pre-checkout answers."""

    def __init__(self) -> None:
        super().__init__()
        self.invoices: list[SendInvoice] = []
        self.answers: list[AnswerPreCheckoutQuery] = []

    async def __call__(
        self, method: TelegramMethod[Any], request_timeout: int | None = None
    ) -> Any:
        if isinstance(method, SendInvoice):
            self.invoices.append(method)
            return Message(
                message_id=9,
                date=datetime.now(UTC),
                chat=Chat(id=int(method.chat_id), type="private"),
                from_user=TelegramUser(id=BOT_ID, is_bot=True, first_name="Spotter"),
            )
        if isinstance(method, AnswerPreCheckoutQuery):
            self.answers.append(method)
            return True
        return await super().__call__(method, request_timeout)


@pytest.fixture
def bot() -> PayingBot:
    return PayingBot()


@pytest.fixture
async def people(session_factory: async_sessionmaker[AsyncSession]) -> None:
    """A coach (1001) and their client (2002, who reads Russian)."""
    clock = FixedClock()
    uow = SqlUnitOfWork(session_factory, clock)
    await RegisterUser(uow, clock)(Profile(COACH, "Sam", language_code="en"))
    await RegisterUser(uow, clock)(Profile(ATHLETE, "Маша", language_code="ru"))
    await BecomeCoach(uow, clock)(COACH)
    _, payload = await CreateInvite(uow, clock)(COACH)
    await AcceptInvite(uow, clock, Words())(payload, ATHLETE)


@pytest.fixture
def coach(dispatcher: Dispatcher, bot: PayingBot, people: None) -> BotClient:
    return BotClient(dispatcher, user_id=COACH, chat_id=COACH, bot=bot)


@pytest.fixture
def athlete(dispatcher: Dispatcher, bot: PayingBot, people: None) -> BotClient:
    client = BotClient(dispatcher, user_id=ATHLETE, chat_id=ATHLETE, bot=bot)
    client.last_update_id = 10_000  # the coach's client counts from 1: update ids never meet
    return client


def athlete_user() -> TelegramUser:
    return TelegramUser(id=ATHLETE, is_bot=False, first_name="Маша", language_code="ru")


async def pre_checkout(dispatcher: Dispatcher, bot: PayingBot, payload: str, amount: int) -> str:
    query = PreCheckoutQuery(
        id="q1",
        from_user=athlete_user(),
        currency="XTR",
        total_amount=amount,
        invoice_payload=payload,
    )
    await dispatcher.feed_update(bot, Update(update_id=next(_UPDATES), pre_checkout_query=query))
    [answer] = bot.answers
    return "ok" if answer.ok else answer.error_message or ""


async def pay(dispatcher: Dispatcher, bot: PayingBot, payload: str, charge: str) -> None:
    message = Message(
        message_id=next(_UPDATES),
        date=datetime.now(UTC),
        chat=Chat(id=ATHLETE, type="private"),
        from_user=athlete_user(),
        successful_payment=SuccessfulPayment(
            currency="XTR",
            total_amount=400,
            invoice_payload=payload,
            telegram_payment_charge_id=charge,
            provider_payment_charge_id="",
        ),
    )
    await dispatcher.feed_update(bot, Update(update_id=next(_UPDATES), message=message))


@pytest.mark.parametrize(
    ("typed", "said"),
    [
        ("/packages add pack 4 400 Four", "Start with the kind"),
        ("/packages add sessions 0 400 Four", "A pack has 1 to 100 sessions"),
        ("/packages add sessions 4 4.5 Four", "whole number of Stars, 1 to 10000"),
        ("/packages add sessions 4 10001 Four", "whole number of Stars, 1 to 10000"),
        ("/packages add monthly 300 +daily Online", "Options are"),
        ("/packages add monthly 300", "a name of up to 32 characters"),
        ("/packages add sessions 4 400 " + "x" * 33, "a name of up to 32 characters"),
        ("/packages add program no-such-plan 800 Block", "You have no plan “no-such-plan”"),
        ("/packages price 9 450", "/packages price 1 450"),
    ],
)
async def test_a_package_typed_wrong_gets_a_specific_reply_and_nothing_is_offered(
    coach: BotClient, bot: PayingBot, typed: str, said: str
) -> None:
    await coach.send(typed)
    assert said in bot.sent[-1].text

    await coach.send("/packages")
    assert "You offer no packages yet." in bot.sent[-1].text


async def test_someone_who_is_not_a_coach_is_told_how_to_become_one(
    athlete: BotClient, bot: PayingBot
) -> None:
    await athlete.send("/packages add sessions 4 400 Four sessions")
    assert "/coach" in bot.sent[-1].text


async def test_buying_sends_a_stars_invoice_whose_payload_names_only_a_payment(
    coach: BotClient,
    athlete: BotClient,
    bot: PayingBot,
    dispatcher: Dispatcher,
    session_factory: async_sessionmaker[AsyncSession],
) -> None:
    await coach.send("/packages add sessions 4 400 +forms Four sessions")
    assert "✅" in bot.sent[-1].text
    await athlete.send("/billing")
    card = bot.sent[-1]
    assert "Пакеты тренера Sam:" in card.text
    markup = card.reply_markup
    assert isinstance(markup, InlineKeyboardMarkup)

    [[buy]] = markup.inline_keyboard
    shown = Message(
        message_id=card_id(bot),
        date=datetime.now(UTC),
        chat=Chat(id=ATHLETE, type="private"),
        from_user=TelegramUser(id=BOT_ID, is_bot=True, first_name="Spotter"),
        text=card.text,
        reply_markup=markup,
    )
    await athlete.click(shown, InlineButtonTextLocator(buy.text))
    [invoice] = bot.invoices
    assert (invoice.currency, invoice.provider_token) == ("XTR", None)
    assert [(p.label, p.amount) for p in invoice.prices] == [("Four sessions", 400)]
    assert str(COACH) not in invoice.payload  # nothing in it to trust or forge
    assert "4 занятия" in invoice.description

    assert await pre_checkout(dispatcher, bot, invoice.payload, 400) == "ok"
    await pay(dispatcher, bot, invoice.payload, "stx-d1")
    assert "Осталось занятий: 4" in bot.sent[-1].text
    await pay(dispatcher, bot, invoice.payload, "stx-d1")
    assert "уже учтён" in bot.sent[-1].text
    uow = SqlUnitOfWork(session_factory, FixedClock())
    assert (await SessionBalance(uow, FixedClock()).balance(ATHLETE, COACH)).sessions == 4


def card_id(bot: PayingBot) -> int:
    return 10_000 + len(bot.sent) - 1  # RecordingBot numbers what it sends from 10,000


async def test_a_forged_payload_is_refused_in_the_payers_language_and_nothing_is_paid(
    athlete: BotClient, bot: PayingBot, dispatcher: Dispatcher
) -> None:
    said = await pre_checkout(dispatcher, bot, "forged-payload", 400)

    assert said == "Это не наш счёт. Ничего не списано."
    await pay(dispatcher, bot, "forged-payload", "stx-d2")
    assert "не совпал ни с одним счётом" in bot.sent[-1].text


@pytest.mark.parametrize("typed", ["/payout 1001 100", "/owed", "/refund stx-anything"])
async def test_the_admin_commands_refuse_everyone_else_and_change_nothing(
    coach: BotClient, bot: PayingBot, typed: str
) -> None:
    await coach.send(typed)
    assert bot.sent[-1].text == "Only a bot admin can do that."


async def test_a_payout_typed_wrong_is_explained(coach: BotClient, bot: PayingBot) -> None:
    await coach.send("/payout 1001")
    assert "<code>/payout 3001 400</code>" in bot.sent[-1].text
