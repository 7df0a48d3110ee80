"""Payments in Telegram Stars, as the emulator plays them to a real aiogram Bot."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator

import pytest
from aiogram import Bot
from aiogram.client.session.aiohttp import AiohttpSession
from aiogram.client.telegram import TelegramAPIServer
from aiogram.exceptions import TelegramBadRequest
from aiogram.types import LabeledPrice, Update

from emulator import BotApiEmulator

ANN = 1001


@pytest.fixture
async def emu() -> AsyncIterator[BotApiEmulator]:
    async with BotApiEmulator(token="123456:TEST-token") as emulator:
        emulator.user(ANN, first_name="Ann").allow_messages()
        yield emulator


@pytest.fixture
async def bot(emu: BotApiEmulator) -> AsyncIterator[Bot]:
    client = Bot(emu.token, session=AiohttpSession(api=TelegramAPIServer.from_base(emu.base_url)))
    yield client
    await client.session.close()


async def invoice(bot: Bot, amount: int = 400, payload: str = "p1") -> int:
    sent = await bot.send_invoice(
        ANN,
        "4 sessions",
        "Four coached sessions",
        payload,
        "XTR",
        [LabeledPrice(label="4", amount=amount)],
    )
    return sent.message_id


async def answer_next_query(bot: Bot, *, ok: bool, error: str | None = None) -> Update:
    """Polls until the pre_checkout_query arrives and answers it."""
    while True:
        for update in await bot.get_updates(timeout=1):
            await bot.get_updates(offset=update.update_id + 1, timeout=0)
            if update.pre_checkout_query is not None:
                await bot.answer_pre_checkout_query(
                    update.pre_checkout_query.id, ok=ok, error_message=error
                )
                return update


async def test_an_answered_pre_checkout_charges_once_and_credits_the_bot(
    emu: BotApiEmulator, bot: Bot
) -> None:
    message_id = await invoice(bot)
    shown = emu.user(ANN).chat.message(message_id)
    assert shown is not None
    assert shown.invoice is not None
    assert shown.invoice["total_amount"] == 400

    paying = asyncio.create_task(emu.user(ANN).pay())
    query = await answer_next_query(bot, ok=True)
    result = await paying

    assert query.pre_checkout_query is not None
    assert query.pre_checkout_query.invoice_payload == "p1"
    assert result.outcome == "paid"
    assert result.charge_id
    updates = await bot.get_updates(offset=query.update_id + 1)
    paid = updates[-1].message
    assert paid is not None
    assert paid.successful_payment is not None
    assert paid.successful_payment.telegram_payment_charge_id == result.charge_id
    assert paid.successful_payment.total_amount == 400
    assert (await bot.get_my_star_balance()).amount == 400
    transactions = await bot.get_star_transactions()
    assert [t.amount for t in transactions.transactions] == [400]


async def test_a_refusal_shows_the_user_its_message_and_charges_nothing(
    emu: BotApiEmulator, bot: Bot
) -> None:
    await invoice(bot)
    paying = asyncio.create_task(emu.user(ANN).pay())
    await answer_next_query(bot, ok=False, error="The price has changed")
    result = await paying

    assert (result.outcome, result.error_message) == ("refused", "The price has changed")
    assert emu.user(ANN).payment_errors == ["The price has changed"]
    assert emu.star_balance == 0


async def test_an_unanswered_query_times_out_and_a_late_answer_is_refused(
    emu: BotApiEmulator, bot: Bot
) -> None:
    emu.pre_checkout_timeout = 0.2
    await invoice(bot)
    result = await emu.user(ANN).pay()
    updates = await bot.get_updates()
    query = updates[-1].pre_checkout_query
    assert result.outcome == "timed_out"
    assert query is not None
    with pytest.raises(TelegramBadRequest, match="QUERY_ID_INVALID"):
        await bot.answer_pre_checkout_query(query.id, ok=True)
    assert emu.star_balance == 0


async def test_a_charge_is_refunded_once_and_only_to_its_payer(
    emu: BotApiEmulator, bot: Bot
) -> None:
    await invoice(bot)
    paying = asyncio.create_task(emu.user(ANN).pay())
    await answer_next_query(bot, ok=True)
    charge = (await paying).charge_id
    assert charge is not None

    with pytest.raises(TelegramBadRequest, match="CHARGE_NOT_FOUND"):
        await bot.refund_star_payment(2002, charge)
    with pytest.raises(TelegramBadRequest, match="CHARGE_NOT_FOUND"):
        await bot.refund_star_payment(ANN, "stxNOSUCH")
    assert await bot.refund_star_payment(ANN, charge)
    with pytest.raises(TelegramBadRequest, match="CHARGE_ALREADY_REFUNDED"):
        await bot.refund_star_payment(ANN, charge)
    assert emu.star_balance == 0


async def test_stars_invoices_take_one_price_no_provider_and_subscriptions_30_days(
    emu: BotApiEmulator, bot: Bot
) -> None:
    with pytest.raises(TelegramBadRequest, match="currency XTR"):
        await bot.send_invoice(ANN, "t", "d", "p", "EUR", [LabeledPrice(label="x", amount=5)])
    with pytest.raises(TelegramBadRequest, match="provider_token"):
        await bot.send_invoice(
            ANN, "t", "d", "p", "XTR", [LabeledPrice(label="x", amount=5)], provider_token="tok"
        )
    with pytest.raises(TelegramBadRequest, match="exactly one price"):
        await bot.send_invoice(ANN, "t", "d", "p", "XTR", [LabeledPrice(label="a", amount=5)] * 2)
    with pytest.raises(TelegramBadRequest, match="SUBSCRIPTION_PERIOD_INVALID"):
        await bot.create_invoice_link(
            "t", "d", "p", "XTR", [LabeledPrice(label="x", amount=5)], subscription_period=86400
        )
    link = await bot.create_invoice_link(
        "Monthly",
        "Coaching",
        "s1",
        "XTR",
        [LabeledPrice(label="m", amount=300)],
        subscription_period=2592000,
    )
    paying = asyncio.create_task(emu.user(ANN).pay_link(link))
    query = await answer_next_query(bot, ok=True)
    first = await paying
    assert first.charge_id is not None
    renewed = emu.renew(first.charge_id)
    updates = await bot.get_updates(offset=query.update_id + 1)
    payments = [u.message.successful_payment for u in updates if u.message]
    assert [p.is_first_recurring for p in payments if p] == [True, False]
    assert renewed.charge_id not in {None, first.charge_id}
    assert emu.star_balance == 600


async def test_a_payment_can_be_delivered_again_in_a_new_update(
    emu: BotApiEmulator, bot: Bot
) -> None:
    await invoice(bot)
    paying = asyncio.create_task(emu.user(ANN).pay())
    query = await answer_next_query(bot, ok=True)
    result = await paying
    assert result.charge_id is not None
    assert result.update_id is not None

    again = emu.deliver_payment_again(result.charge_id)
    updates = await bot.get_updates(offset=query.update_id + 1)
    charges = [
        u.message.successful_payment.telegram_payment_charge_id
        for u in updates
        if u.message and u.message.successful_payment
    ]
    assert [u.update_id for u in updates] == [result.update_id, again]
    assert charges == [result.charge_id, result.charge_id]
    assert emu.star_balance == 400
