"""/packages (a coach's offer), /billing (both sides), buying with Stars, refunds, payouts."""

from __future__ import annotations

import logging
from html import escape
from zoneinfo import ZoneInfo

from aiogram import Bot, F, Router
from aiogram.exceptions import TelegramBadRequest
from aiogram.filters import Command, CommandObject
from aiogram.filters.callback_data import CallbackData
from aiogram.types import (
    CallbackQuery,
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    Message,
    PreCheckoutQuery,
)

from domain.athletes.use_cases.registration import find_user
from domain.billing.model import Package, PackageKind, Payment, PaymentStatus
from domain.billing.text import PackageTextError, parse_package
from domain.billing.use_cases.overview import athlete_view, coach_view
from domain.billing.use_cases.packages import (
    ArchivePackage,
    BadPriceError,
    DefinePackage,
    RepricePackage,
    UnknownPackageError,
    own_packages,
)
from domain.billing.use_cases.purchase import (
    CancelInvoice,
    Charge,
    Invoice,
    NotYourInvoiceError,
    Paid,
    RecordPayment,
    StartPurchase,
    UnknownChargeError,
    check_payment,
    fail_payment,
)
from domain.billing.use_cases.refunds import (
    NotRefundableError,
    RecordRefund,
    refundable,
    refundable_charge,
)
from domain.billing.use_cases.settlement import (
    MoreThanOwedError,
    NotAnAdminError,
    RecordPayout,
    owed_to_coaches,
)
from domain.coaching.use_cases.invites import NoCoachError, NotACoachError
from domain.plans.model import UnknownPlanError
from domain.shared.errors import NotRegisteredError
from handlers.billing import texts
from handlers.billing.texts import BillingWords
from handlers.common.callback_fields import RowId
from handlers.common.deps import Deps
from handlers.common.i18n import Translator
from handlers.common.invoices import send_stars_invoice
from handlers.common.keyboards import callback_button

logger = logging.getLogger(__name__)
ALREADY_REFUNDED = "CHARGE_ALREADY_REFUNDED"
UTC_ZONE = ZoneInfo("UTC")  # for a bot admin who never registered


class ArchiveIt(CallbackData, prefix="bpa"):
    package: RowId


class Buy(CallbackData, prefix="bpb"):
    package: RowId


class Refund(CallbackData, prefix="bpr"):
    payment: RowId


class Cancel(CallbackData, prefix="bpc"):
    payment: RowId


# --- the coach's packages -----------------------------------------------------------------


def _packages_markup(t: Translator, packages: list[Package]) -> InlineKeyboardMarkup | None:
    rows = [
        [
            callback_button(
                t.get("billing-archive-button", name=p.draft.name), ArchiveIt(package=p.id or 0)
            )
        ]
        for p in packages
    ]
    return InlineKeyboardMarkup(inline_keyboard=rows) if rows else None


async def on_packages(message: Message, command: CommandObject, deps: Deps) -> None:
    t, args = deps.t, (command.args or "").strip()
    if args.lower().startswith("add"):
        await _add_package(message, deps, args[3:])
        return
    if args.lower().startswith("price"):
        await _reprice(message, deps, args[5:].split())
        return
    try:
        packages = await own_packages(deps.uow, deps.user_id)
    except NotACoachError:
        await message.answer(t.get("billing-not-coach"))
        return
    await message.answer(
        texts.packages_text(t, packages), reply_markup=_packages_markup(t, packages)
    )


async def _add_package(message: Message, deps: Deps, text: str) -> None:
    t = deps.t
    try:
        draft = parse_package(text)
        package = await DefinePackage(deps.uow, deps.clock)(deps.user_id, draft)
    except PackageTextError as wrong:
        await message.answer(
            t.get(f"billing-problem-{wrong.problem.value}")
            + "\n\n"
            + t.get("billing-packages-help")
        )
        return
    except UnknownPlanError:
        await message.answer(
            t.get("billing-problem-plan-unknown", plan=escape(draft.program_slug or ""))
        )
        return
    except NotACoachError:
        await message.answer(t.get("billing-not-coach"))
        return
    await message.answer(
        t.get("billing-package-added", line=texts.package_line(t, 1, package).split(" ", 1)[1])
    )


async def _reprice(message: Message, deps: Deps, words: list[str]) -> None:
    t = deps.t
    if len(words) != 2 or not all(w.isdecimal() and len(w) <= 6 for w in words):
        await message.answer(t.get("billing-price-usage"))
        return
    try:
        package = await RepricePackage(deps.uow)(deps.user_id, int(words[0]), int(words[1]))
    except BadPriceError:
        await message.answer(t.get("billing-problem-price"))
        return
    except UnknownPackageError:
        await message.answer(t.get("billing-price-usage"))
        return
    except NotACoachError:
        await message.answer(t.get("billing-not-coach"))
        return
    await message.answer(
        t.get("billing-price-set", name=escape(package.draft.name), price=package.draft.price)
    )


async def on_archive(callback: CallbackQuery, callback_data: ArchiveIt, deps: Deps) -> None:
    t = deps.t
    try:
        package = await ArchivePackage(deps.uow, deps.clock)(
            callback.from_user.id, callback_data.package
        )
    except UnknownPackageError:
        await callback.answer(t.get("billing-no-package"), show_alert=True)
        return
    await callback.answer(t.get("billing-package-archived", name=package.draft.name))
    packages = await own_packages(deps.uow, callback.from_user.id)
    if isinstance(callback.message, Message):
        await callback.message.edit_text(
            texts.packages_text(t, packages), reply_markup=_packages_markup(t, packages)
        )


# --- /billing --------------------------------------------------------------------------------


def _refund_button(t: Translator, payment: Payment) -> list[InlineKeyboardButton]:
    return [
        callback_button(
            t.get("billing-refund-button", number=f"{payment.number:04d}"),
            Refund(payment=payment.id or 0),
        )
    ]


async def on_billing(message: Message, deps: Deps) -> None:
    t = deps.t
    user = await find_user(deps.uow, deps.user_id)
    if user is None:
        await message.answer(t.get("common-register-first"))
        return
    coaching = await coach_view(deps.uow, deps.user_id)
    if coaching is not None:
        refundable_ones = [p for p in coaching.invoices if p.status == PaymentStatus.COMPLETED]
        rows = [_refund_button(t, p) for p in refundable_ones]
        await message.answer(
            texts.coach_text(t, coaching),
            reply_markup=InlineKeyboardMarkup(inline_keyboard=rows) if rows else None,
        )
    view = await athlete_view(deps.uow, deps.user_id)
    if coaching is not None and view.coach_id is None and not view.invoices:
        return  # a coach with no coach of their own: their side is all there is
    coach = None if view.coach_id is None else await find_user(deps.uow, view.coach_id)
    buttons = [
        [
            callback_button(
                t.get("billing-buy-button", name=p.draft.name, price=p.draft.price),
                Buy(package=p.id or 0),
            )
        ]
        for p in view.packages
    ]
    buttons += [
        [
            callback_button(
                t.get("billing-cancel-button", number=f"{p.number:04d}"),
                Cancel(payment=p.id or 0),
            )
        ]
        for p in view.invoices
        if p.status in {PaymentStatus.PENDING, PaymentStatus.FAILED}
    ]
    await message.answer(
        texts.athlete_text(t, view, coach.first_name if coach else None, user.zone),
        reply_markup=InlineKeyboardMarkup(inline_keyboard=buttons) if buttons else None,
    )


# --- buying ----------------------------------------------------------------------------------


async def on_buy(callback: CallbackQuery, callback_data: Buy, deps: Deps, bot: Bot) -> None:
    t = deps.t
    try:
        invoice = await StartPurchase(deps.uow, deps.clock)(
            callback.from_user.id, callback_data.package
        )
    except NotRegisteredError:
        await callback.answer(t.get("common-register-first"), show_alert=True)
        return
    except NoCoachError:
        await callback.answer(t.get("billing-no-coach"), show_alert=True)
        return
    except UnknownPackageError:
        await callback.answer(t.get("billing-no-package"), show_alert=True)
        return
    await callback.answer()
    await _send_invoice(bot, t, callback.from_user.id, invoice, deps)


async def on_cancel(callback: CallbackQuery, callback_data: Cancel, deps: Deps) -> None:
    t = deps.t
    try:
        payment = await CancelInvoice(deps.uow, deps.clock)(
            callback.from_user.id, callback_data.payment
        )
    except NotYourInvoiceError:
        await callback.answer(t.get("billing-cancel-not-open"), show_alert=True)
        return
    await callback.answer(t.get("billing-cancelled", number=f"{payment.number:04d}"))


async def _send_invoice(
    bot: Bot, t: Translator, chat_id: int, invoice: Invoice, deps: Deps
) -> None:
    draft, payment = invoice.package.draft, invoice.payment
    coach = await find_user(deps.uow, payment.coach_id)
    await send_stars_invoice(
        bot,
        chat_id,
        invoice,
        texts.invoice_description(t, draft, coach.first_name if coach else ""),
        link_text=t.get("billing-subscribe", name=escape(draft.name), price=payment.amount),
        button=t.get("billing-subscribe-button"),
    )


async def on_pre_checkout(query: PreCheckoutQuery, deps: Deps) -> None:
    """Answered first, within Telegram's 10 s: a few reads by key decide it."""
    problem = await check_payment(
        deps.uow, query.from_user.id, query.invoice_payload, query.currency, query.total_amount
    )
    if problem is None:
        await query.answer(ok=True)
        return
    await query.answer(ok=False, error_message=deps.t.get(f"billing-checkout-{problem.value}"))
    await fail_payment(deps.uow, deps.clock, query.from_user.id, query.invoice_payload)


async def on_paid(message: Message, deps: Deps) -> None:
    paid_with = message.successful_payment
    if paid_with is None or message.from_user is None:
        return
    charge = Charge(
        buyer_id=message.from_user.id,
        payload=paid_with.invoice_payload,
        charge_id=paid_with.telegram_payment_charge_id,
        amount=paid_with.total_amount,
        recurring=bool(paid_with.is_recurring),
    )
    try:
        paid = await RecordPayment(deps.uow, deps.clock, BillingWords(deps.catalogue))(charge)
    except UnknownChargeError:
        logger.warning("billing: a payment matches no invoice: charge %s", charge.charge_id)
        await message.answer(deps.t.get("billing-paid-unknown", charge=charge.charge_id))
        return
    payer = await find_user(deps.uow, charge.buyer_id)
    await message.answer(_paid_text(deps.t, paid, payer.zone if payer else UTC_ZONE))


def _paid_text(t: Translator, paid: Paid, zone: ZoneInfo) -> str:
    if paid.duplicate:
        return t.get("billing-paid-again")
    kind, amount = paid.package.draft.kind, paid.payment.amount
    if paid.track is not None:
        name, until = escape(paid.package.draft.name), paid.track.access_until
        if paid.track.paid_for_good or until is None:
            return t.get("billing-paid-track-once", amount=amount, name=name)
        return t.get(
            "billing-paid-track-monthly", amount=amount, name=name, until=texts.day(until, zone)
        )
    if kind == PackageKind.SESSIONS:
        return t.get(
            "billing-paid-sessions",
            amount=amount,
            added=paid.package.draft.sessions,
            sessions=paid.sessions,
        )
    if kind == PackageKind.MONTHLY and paid.paid_until is not None:
        return t.get(
            "billing-paid-monthly", amount=amount, until=texts.day(paid.paid_until.paid_until, zone)
        )
    return t.get("billing-paid-program", amount=amount, name=escape(paid.package.draft.name))


# --- refunds and payouts ---------------------------------------------------------------------


async def _refund(deps: Deps, bot: Bot, actor_id: int, payment: Payment, *, admin: bool) -> str:
    """Telegram first (no transaction open meanwhile), then the record; the words to say."""
    t = deps.t
    if payment.status == PaymentStatus.COMPLETED:
        try:
            await bot.refund_star_payment(payment.athlete_id, payment.charge_id or "")
        except TelegramBadRequest as refused:
            if ALREADY_REFUNDED not in refused.message:
                return t.get("billing-refund-failed", reason=refused.message)
    refunded = await RecordRefund(deps.uow, deps.clock, BillingWords(deps.catalogue))(
        actor_id, payment.id or 0, admin=admin
    )
    actor = await find_user(deps.uow, actor_id)
    return texts.refunded_text(t, refunded, actor.zone if actor else UTC_ZONE)


async def on_refund(callback: CallbackQuery, callback_data: Refund, deps: Deps, bot: Bot) -> None:
    actor, admin = callback.from_user.id, callback.from_user.id in deps.admins
    try:
        payment = await refundable(deps.uow, actor, callback_data.payment, admin=admin)
    except NotRefundableError:
        await callback.answer(deps.t.get("billing-refund-not-allowed"), show_alert=True)
        return
    await callback.answer()
    said = await _refund(deps, bot, actor, payment, admin=admin)
    if isinstance(callback.message, Message):
        await callback.message.answer(said)


async def on_admin_refund(message: Message, command: CommandObject, deps: Deps, bot: Bot) -> None:
    t, charge_id = deps.t, (command.args or "").strip()
    if deps.user_id not in deps.admins:
        await message.answer(t.get("billing-admin-only"))
        return
    try:
        payment = await refundable_charge(deps.uow, charge_id[:255])
    except NotRefundableError:
        await message.answer(t.get("billing-refund-usage"))
        return
    await message.answer(await _refund(deps, bot, deps.user_id, payment, admin=True))


async def on_payout(message: Message, command: CommandObject, deps: Deps) -> None:
    t, args = deps.t, (command.args or "").split()
    if len(args) != 2 or not all(a.isdecimal() and len(a) < 16 for a in args):
        await message.answer(t.get("billing-payout-usage"))
        return
    coach_id, stars = int(args[0]), int(args[1])
    try:
        owed = await RecordPayout(deps.uow, deps.clock, deps.admins)(deps.user_id, coach_id, stars)
    except NotAnAdminError:
        await message.answer(t.get("billing-admin-only"))
        return
    except NotACoachError:
        await message.answer(t.get("billing-payout-usage"))
        return
    except MoreThanOwedError as too_much:
        await message.answer(t.get("billing-payout-too-much", owed=too_much.owed))
        return
    await message.answer(t.get("billing-payout-done", stars=stars, owed=owed.owed))


async def on_owed(message: Message, deps: Deps) -> None:
    t = deps.t
    try:
        owed = await owed_to_coaches(deps.uow, deps.user_id, deps.admins)
    except NotAnAdminError:
        await message.answer(t.get("billing-admin-only"))
        return
    lines = [t.get("billing-owed-head")]
    lines += [
        t.get("billing-owed-line", coach=coach_id, owed=o.owed, earned=o.earned)
        for coach_id, o in sorted(owed.items())
    ]
    await message.answer("\n".join(lines))


def build_payments_router() -> Router:
    """A pre-checkout to answer within seconds, and a payment: before anything else."""
    router = Router(name="payments")
    router.pre_checkout_query.register(on_pre_checkout)
    router.message.register(on_paid, F.successful_payment)
    return router


def build_router() -> Router:
    router = Router(name="billing")
    private = F.chat.type == "private"
    router.message.register(on_packages, Command("packages"), private)
    router.message.register(on_billing, Command("billing"), private)
    router.message.register(on_admin_refund, Command("refund"), private)
    router.message.register(on_payout, Command("payout"), private)
    router.message.register(on_owed, Command("owed"), private)
    router.callback_query.register(on_archive, ArchiveIt.filter())
    router.callback_query.register(on_buy, Buy.filter())
    router.callback_query.register(on_refund, Refund.filter())
    router.callback_query.register(on_cancel, Cancel.filter())
    return router
