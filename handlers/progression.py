"""The finish summary's buttons: keep the proposed training-max changes, or decline one."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

from aiogram import Router
from aiogram.filters.callback_data import CallbackData
from aiogram.types import CallbackQuery, InlineKeyboardButton, InlineKeyboardMarkup, Message

from domain.ports import Clock, UnitOfWork
from domain.progression import TrainingMaxChange
from domain.sessions import DeclineChange
from handlers import workout_texts as texts


class Decline(CallbackData, prefix="tmno"):
    exercise: str
    changed_to: str  # the new TM on this summary: an older summary cannot undo a newer change


class Keep(CallbackData, prefix="tmok"):
    pass


def summary_keyboard(changes: tuple[TrainingMaxChange, ...]) -> InlineKeyboardMarkup | None:
    if not changes:
        return None
    rows = [[InlineKeyboardButton(text=texts.KEEP_BUTTON, callback_data=Keep().pack())]]
    rows += [
        [
            InlineKeyboardButton(
                text=texts.decline_button(change),
                callback_data=Decline(
                    exercise=change.exercise, changed_to=str(change.new.amount)
                ).pack(),
            )
        ]
        for change in changes
    ]
    return InlineKeyboardMarkup(inline_keyboard=rows)


async def on_keep(callback: CallbackQuery) -> None:
    await callback.answer(texts.KEPT)
    if isinstance(callback.message, Message) and callback.message.reply_markup is not None:
        await callback.message.edit_reply_markup(reply_markup=None)


async def on_decline(
    callback: CallbackQuery, callback_data: Decline, uow: UnitOfWork, clock: Clock
) -> None:
    try:
        changed_to = Decimal(callback_data.changed_to)
    except InvalidOperation:
        changed_to = Decimal(-1)  # forged: matches no training max
    kept = await DeclineChange(uow, clock)(
        callback.from_user.id, callback_data.exercise, changed_to
    )
    if kept is None:
        await callback.answer(texts.NOTHING_TO_DECLINE)
        return
    await callback.answer(texts.declined(kept.exercise, str(kept.weight)), show_alert=True)


def build_router() -> Router:
    router = Router(name="progression")
    router.callback_query.register(on_keep, Keep.filter())
    router.callback_query.register(on_decline, Decline.filter())
    return router
