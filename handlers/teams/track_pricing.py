"""Paid tracks: the owner's `/track price`, a subscriber's `/track pay`, the Pay button and the
invoice it sends in private. The payment itself is billing's (pre-checkout, successful_payment,
refunds): docs/billing.md, "Paid tracks"."""

from __future__ import annotations

import re
from html import escape

from aiogram import Bot
from aiogram.filters.callback_data import CallbackData
from aiogram.types import (
    CallbackQuery,
    InlineKeyboardMarkup,
    Message,
)

from domain.billing.use_cases.purchase import Invoice
from domain.billing.use_cases.tracks import (
    BadPriceError,
    BadTrialError,
    NothingToPayError,
    SetTrackPricing,
    StartTrackPurchase,
)
from domain.shared.errors import NotRegisteredError
from domain.teams.model import Actor
from domain.teams.tracks import PriceKind, Pricing, StoredTrack, Subscription, has_access
from domain.teams.use_cases.membership import NotAllowedError
from domain.teams.use_cases.tracks import NoSuchTrackError, followed
from handlers.common.callback_fields import RowId
from handlers.common.deps import Deps
from handlers.common.i18n import Translator
from handlers.common.invoices import send_stars_invoice
from handlers.common.keyboards import callback_button
from handlers.teams.admins import is_chat_admin

_PRICE = re.compile(
    r"^(?P<ref>.+?)\s+(?P<kind>free|once|monthly)(?:\s+(?P<price>\d{1,6}))?"
    r"(?:\s+trial\s+(?P<trial>\d{1,4}))?$",
    re.IGNORECASE,
)


class PayTrack(CallbackData, prefix="tkp"):
    subscription: RowId


def parse_pricing(text: str) -> tuple[str, Pricing] | None:
    """`<track> free`, `<track> once <stars>`, `<track> monthly <stars> [trial <days>]`
    (a trial goes with either paid kind); None when it says none of them."""
    found = _PRICE.match(" ".join(text.split()))
    if found is None:
        return None
    kind = PriceKind(found["kind"].lower())
    price, trial = int(found["price"] or 0), int(found["trial"] or 0)
    if (kind == PriceKind.FREE) != (found["price"] is None):
        return None
    return found["ref"], Pricing(kind, price, trial)


def pricing_text(t: Translator, pricing: Pricing) -> str:
    return t.get(
        f"tracks-price-{pricing.kind.value}", price=pricing.price, trial=pricing.trial_days
    )


def pay_markup(t: Translator, track: StoredTrack, held: Subscription) -> InlineKeyboardMarkup:
    button = callback_button(
        t.get("tracks-pay-button", price=track.pricing.price), PayTrack(subscription=held.id or 0)
    )
    return InlineKeyboardMarkup(inline_keyboard=[[button]])


def access_text(t: Translator, deps: Deps, track: StoredTrack, held: Subscription) -> str:
    """Where a paid track's subscription stands: bought, paid or on trial until, or lapsed."""
    now = deps.clock.now()
    if held.paid_for_good:
        return t.get("tracks-access-for-good")
    if has_access(track.pricing, held, now) and held.access_until is not None:
        return t.get("tracks-access-until", until=f"{held.access_until:%Y-%m-%d %H:%M} UTC")
    return t.get("tracks-access-none")


async def price_track(deps: Deps, rest: str) -> str:
    """`/track price …` in private: only the track's owner prices it."""
    t = deps.t
    parsed = parse_pricing(rest)
    if parsed is None:
        return t.get("tracks-price-help")
    ref, pricing = parsed
    try:
        track = await SetTrackPricing(deps.uow, deps.clock)(deps.user_id, ref, pricing)
    except BadPriceError:
        return t.get("tracks-price-bad-price")
    except BadTrialError:
        return t.get("tracks-price-bad-trial")
    return t.get("tracks-priced", name=escape(track.name), price=pricing_text(t, track.pricing))


async def pay_reply(
    deps: Deps, rest: str, *, chat_id: int | None
) -> tuple[str, InlineKeyboardMarkup | None]:
    """`/track pay <track>`: where the subscription stands, and the Pay button when a payment
    would give access."""
    t = deps.t
    shown = await followed(deps.uow, rest, chat_id=chat_id, user_id=deps.user_id)
    held, track = shown.subscription, shown.track
    if held is None or not held.active:
        return t.get("tracks-not-subscribed"), None
    if not track.pricing.paid:
        return t.get("tracks-pay-free", name=escape(track.name)), None
    text = "\n".join(
        [
            t.get(
                "tracks-pay-offer", name=escape(track.name), price=pricing_text(t, track.pricing)
            ),
            access_text(t, deps, track, held),
        ]
    )
    return text, None if held.paid_for_good else pay_markup(t, track, held)


async def on_pay_track(
    callback: CallbackQuery, callback_data: PayTrack, bot: Bot, deps: Deps
) -> None:
    """The payer is re-authorised against the subscription: their own, or their team's when
    they may program it; the invoice goes to them in private."""
    t, user = deps.t, callback.from_user.id
    message = callback.message
    chat = message.chat if isinstance(message, Message) else None
    admin = chat is not None and chat.type != "private" and await is_chat_admin(bot, chat.id, user)
    try:
        invoice = await StartTrackPurchase(deps.uow, deps.clock)(
            Actor(user, admin), callback_data.subscription
        )
    except NotRegisteredError:
        await callback.answer(t.get("common-register-first"), show_alert=True)
        return
    except (NoSuchTrackError, NotAllowedError):
        await callback.answer(t.get("tracks-pay-not-yours"), show_alert=True)
        return
    except NothingToPayError:
        await callback.answer(t.get("tracks-pay-nothing"), show_alert=True)
        return
    await callback.answer()
    await send_track_invoice(bot, t, user, invoice)


async def send_track_invoice(bot: Bot, t: Translator, chat_id: int, invoice: Invoice) -> None:
    draft, payment = invoice.package.draft, invoice.payment
    await send_stars_invoice(
        bot,
        chat_id,
        invoice,
        t.get("tracks-invoice-description", name=draft.name),
        link_text=t.get("tracks-pay-link", name=escape(draft.name), price=payment.amount),
        button=t.get("tracks-subscribe-button"),
    )
