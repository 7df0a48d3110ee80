"""/plan: the active plan's days; any day can be started from here."""

from __future__ import annotations

from html import escape

from aiogram import F, Router
from aiogram.filters import Command
from aiogram.filters.callback_data import CallbackData
from aiogram.types import CallbackQuery, InlineKeyboardButton, InlineKeyboardMarkup, Message
from aiogram_dialog import DialogManager, StartMode

from domain.onboarding import active_plan_definition
from domain.plans import Plan, UnknownDayError
from domain.ports import Clock, UnitOfWork
from domain.prescription import MissingTrainingMaxError
from domain.sessions import NoActivePlanError, OpenWorkout, WorkoutInProgressError
from handlers import workout_texts
from handlers.states import TodaySG


class PickDay(CallbackData, prefix="day"):
    number: int


def plan_text(plan: Plan, next_day: int) -> str:
    lines = [f"<b>{escape(plan.name)}</b>"]
    for day in plan.days:
        marker = " ← next" if day.number == next_day else ""
        lifts = ", ".join(escape(slot.display_name) for slot in day.slots)
        lines.append(f"Day {day.number}: {lifts}{marker}")
    lines.append("Tap a day to train it now, or send /today for the next one.")
    return "\n".join(lines)


def days_keyboard(plan: Plan) -> InlineKeyboardMarkup:
    buttons = [
        InlineKeyboardButton(text=f"Day {d.number}", callback_data=PickDay(number=d.number).pack())
        for d in plan.days
    ]
    return InlineKeyboardMarkup(inline_keyboard=[buttons])


async def on_plan(message: Message, uow: UnitOfWork) -> None:
    if message.from_user is None:
        return
    found = await active_plan_definition(uow, message.from_user.id)
    if found is None:
        await message.answer(workout_texts.NO_PLAN)
        return
    plan, next_day = found
    await message.answer(plan_text(plan, next_day), reply_markup=days_keyboard(plan))


async def on_pick_day(
    callback: CallbackQuery,
    callback_data: PickDay,
    uow: UnitOfWork,
    clock: Clock,
    dialog_manager: DialogManager,
) -> None:
    try:
        workout = await OpenWorkout(uow, clock)(callback.from_user.id, callback_data.number)
    except (NoActivePlanError, UnknownDayError):
        await callback.answer(workout_texts.NO_SUCH_DAY, show_alert=True)
        return
    except MissingTrainingMaxError as missing:
        await callback.answer(workout_texts.missing_max(missing.exercise), show_alert=True)
        return
    except WorkoutInProgressError as in_progress:
        day = in_progress.workout.day_number
        await callback.answer(workout_texts.finish_first(day), show_alert=True)
        return
    await callback.answer()
    await dialog_manager.start(
        TodaySG.card, data={"workout_id": workout.id}, mode=StartMode.RESET_STACK
    )


def build_router() -> Router:
    router = Router(name="plan")
    router.message.register(on_plan, Command("plan"), F.chat.type == "private")
    router.callback_query.register(on_pick_day, PickDay.filter())
    return router
