"""The finish summary's buttons: keep the proposed training-max changes, or decline one."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

from aiogram import Router
from aiogram.filters.callback_data import CallbackData
from aiogram.types import CallbackQuery, InlineKeyboardButton, InlineKeyboardMarkup, Message

from domain.plans.use_cases.exercises import exercise_names
from domain.shared.ports import Clock
from domain.shared.weights import format_amount
from domain.training.ports import TrainingUnitOfWork
from domain.training.progression import TrainingMaxChange
from domain.training.use_cases.training_maxes import DeclineChange, ResetTrainingMax
from handlers.training import texts
from handlers.training.maxes import EditMax


class Decline(CallbackData, prefix="tmno"):
    exercise: str  # the lift of a training max, or the track of a working weight
    changed_to: str  # the new value on this summary: an older summary cannot undo a newer change
    track: int = 0  # 1: a working weight


class Keep(CallbackData, prefix="tmok"):
    pass


class Reset(CallbackData, prefix="tmreset"):
    exercise: str
    reset_from: str  # the TM the proposal saw: a second tap, or a stale card, changes nothing


def summary_keyboard(
    changes: tuple[TrainingMaxChange, ...], resets: tuple[TrainingMaxChange, ...] = ()
) -> InlineKeyboardMarkup | None:
    if not changes and not resets:
        return None
    rows = [
        [
            InlineKeyboardButton(
                text=texts.reset_button(reset),
                callback_data=Reset(
                    exercise=reset.exercise, reset_from=format_amount(reset.old.amount)
                ).pack(),
            )
        ]
        for reset in resets
    ]
    if not changes:
        return InlineKeyboardMarkup(inline_keyboard=rows)
    rows += [[InlineKeyboardButton(text=texts.KEEP_BUTTON, callback_data=Keep().pack())]]
    rows += [
        [
            InlineKeyboardButton(
                text=texts.decline_button(change),
                callback_data=Decline(
                    exercise=change.track or change.exercise,
                    changed_to=format_amount(change.new.amount),
                    track=int(change.track is not None),
                ).pack(),
            ),
            InlineKeyboardButton(
                text=texts.EDIT_BUTTON,
                callback_data=EditMax(exercise=change.track or change.exercise).pack(),
            ),
        ]
        for change in changes
    ]
    return InlineKeyboardMarkup(inline_keyboard=rows)


async def on_keep(callback: CallbackQuery) -> None:
    await callback.answer(texts.KEPT)
    if isinstance(callback.message, Message) and callback.message.reply_markup is not None:
        await callback.message.edit_reply_markup(reply_markup=None)


async def on_decline(
    callback: CallbackQuery, callback_data: Decline, uow: TrainingUnitOfWork, clock: Clock
) -> None:
    try:
        changed_to = Decimal(callback_data.changed_to)
    except InvalidOperation:
        changed_to = Decimal(-1)  # forged: matches no training max
    kept = await DeclineChange(uow, clock)(
        callback.from_user.id,
        callback_data.exercise[:80],
        changed_to,
        track=bool(callback_data.track),
    )
    if kept is None:
        await callback.answer(texts.NOTHING_TO_DECLINE)
        return
    lift = callback_data.exercise.split("/")[0]
    name = (await exercise_names(uow))[lift]  # a change was declined: the lift is ours
    await callback.answer(texts.declined(name, str(kept)), show_alert=True)


async def on_reset(
    callback: CallbackQuery, callback_data: Reset, uow: TrainingUnitOfWork, clock: Clock
) -> None:
    try:
        reset_from = Decimal(callback_data.reset_from)
    except InvalidOperation:
        reset_from = Decimal(-1)  # forged: matches no training max
    new = await ResetTrainingMax(uow, clock)(
        callback.from_user.id, callback_data.exercise[:64], reset_from
    )
    if new is None:
        await callback.answer(texts.NOTHING_TO_RESET)
        return
    name = (await exercise_names(uow))[callback_data.exercise]  # it has a TM: it is in the library
    await callback.answer(texts.was_reset(name, str(new)), show_alert=True)


def build_router() -> Router:
    router = Router(name="progression")
    router.callback_query.register(on_reset, Reset.filter())
    router.callback_query.register(on_keep, Keep.filter())
    router.callback_query.register(on_decline, Decline.filter())
    return router
