"""The finish summary's buttons: keep the proposed training-max changes, or decline one."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

from aiogram import Router
from aiogram.filters.callback_data import CallbackData
from aiogram.types import CallbackQuery, InlineKeyboardButton, InlineKeyboardMarkup, Message

from domain.plans.use_cases.exercises import exercise_names
from domain.shared.weights import format_amount
from domain.training.progression import TrainingMaxChange
from domain.training.use_cases.training_maxes import DeclineChange, ResetTrainingMax
from handlers.common.deps import Deps
from handlers.common.i18n import Translator
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
    t: Translator,
    changes: tuple[TrainingMaxChange, ...],
    resets: tuple[TrainingMaxChange, ...] = (),
) -> InlineKeyboardMarkup | None:
    if not changes and not resets:
        return None
    rows = [
        [
            InlineKeyboardButton(
                text=texts.reset_button(t, reset),
                callback_data=Reset(
                    exercise=reset.exercise, reset_from=format_amount(reset.old.amount)
                ).pack(),
            )
        ]
        for reset in resets
    ]
    if not changes:
        return InlineKeyboardMarkup(inline_keyboard=rows)
    keep = InlineKeyboardButton(text=t.get("training-keep-button"), callback_data=Keep().pack())
    rows += [[keep]]
    rows += [
        [
            InlineKeyboardButton(
                text=texts.decline_button(t, change),
                callback_data=Decline(
                    exercise=change.track or change.exercise,
                    changed_to=format_amount(change.new.amount),
                    track=int(change.track is not None),
                ).pack(),
            ),
            InlineKeyboardButton(
                text=t.get("training-edit-button"),
                callback_data=EditMax(exercise=change.track or change.exercise).pack(),
            ),
        ]
        for change in changes
    ]
    return InlineKeyboardMarkup(inline_keyboard=rows)


async def on_keep(callback: CallbackQuery, deps: Deps) -> None:
    await callback.answer(deps.t.get("training-kept"))
    if isinstance(callback.message, Message) and callback.message.reply_markup is not None:
        await callback.message.edit_reply_markup(reply_markup=None)


async def on_decline(callback: CallbackQuery, callback_data: Decline, deps: Deps) -> None:
    try:
        changed_to = Decimal(callback_data.changed_to)
    except InvalidOperation:
        changed_to = Decimal(-1)  # forged: matches no training max
    kept = await DeclineChange(deps.uow, deps.clock)(
        callback.from_user.id,
        callback_data.exercise[:80],
        changed_to,
        track=bool(callback_data.track),
    )
    if kept is None:
        await callback.answer(deps.t.get("training-nothing-to-decline"))
        return
    lift = callback_data.exercise.split("/")[0]
    name = (await exercise_names(deps.uow))[lift]  # a change was declined: the lift is ours
    await callback.answer(
        deps.t.get("training-declined", lift=name, weight=str(kept)), show_alert=True
    )


async def on_reset(callback: CallbackQuery, callback_data: Reset, deps: Deps) -> None:
    try:
        reset_from = Decimal(callback_data.reset_from)
    except InvalidOperation:
        reset_from = Decimal(-1)  # forged: matches no training max
    new = await ResetTrainingMax(deps.uow, deps.clock)(
        callback.from_user.id, callback_data.exercise[:64], reset_from
    )
    if new is None:
        await callback.answer(deps.t.get("training-nothing-to-reset"))
        return
    name = (await exercise_names(deps.uow))[callback_data.exercise]  # it has a TM: in the library
    await callback.answer(
        deps.t.get("training-was-reset", lift=name, weight=str(new)), show_alert=True
    )


def build_router() -> Router:
    router = Router(name="progression")
    router.callback_query.register(on_reset, Reset.filter())
    router.callback_query.register(on_keep, Keep.filter())
    router.callback_query.register(on_decline, Decline.filter())
    return router
