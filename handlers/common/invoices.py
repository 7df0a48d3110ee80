"""Sending a Stars invoice: sendInvoice for a one-time price, and for a monthly one an invoice
link with Telegram's 30-day period (the only subscription period Telegram takes)."""

from __future__ import annotations

from aiogram import Bot
from aiogram.types import InlineKeyboardButton, InlineKeyboardMarkup, LabeledPrice

from domain.billing.model import SUBSCRIPTION_PERIOD, PackageKind
from domain.billing.use_cases.purchase import Invoice


async def send_stars_invoice(
    bot: Bot, chat_id: int, invoice: Invoice, description: str, *, link_text: str, button: str
) -> None:
    """`link_text` and `button` carry a monthly price's link; a one-time price is an invoice."""
    draft, payment = invoice.package.draft, invoice.payment
    prices = [LabeledPrice(label=draft.name, amount=payment.amount)]
    if draft.kind == PackageKind.MONTHLY:
        link = await bot.create_invoice_link(
            title=draft.name,
            description=description,
            payload=payment.token,
            currency="XTR",
            prices=prices,
            subscription_period=int(SUBSCRIPTION_PERIOD.total_seconds()),
        )
        markup = InlineKeyboardMarkup(
            inline_keyboard=[[InlineKeyboardButton(text=button, url=link)]]
        )
        await bot.send_message(chat_id, link_text, reply_markup=markup)
        return
    await bot.send_invoice(
        chat_id,
        title=draft.name,
        description=description,
        payload=payment.token,
        currency="XTR",
        prices=prices,
    )
