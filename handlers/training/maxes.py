"""/maxes: training maxes with their history; set one by button or "/maxes squat 130"."""

from __future__ import annotations

from html import escape

from aiogram import F, Router
from aiogram.filters import Command, CommandObject
from aiogram.filters.callback_data import CallbackData
from aiogram.fsm.context import FSMContext
from aiogram.fsm.state import State, StatesGroup
from aiogram.types import CallbackQuery, InlineKeyboardButton, InlineKeyboardMarkup, Message

from domain.athletes.use_cases.registration import find_user
from domain.plans.use_cases.exercises import exercise_names
from domain.shared.weights import Weight
from domain.training.maxes_text import read_maxes, read_one_weight
from domain.training.model import TrainingMax
from domain.training.use_cases.onboarding import (
    SetTrainingMaxes,
    SetWorkingWeight,
    UnknownTrackError,
    training_maxes_with_history,
    working_weights,
)
from handlers.common.deps import Deps
from handlers.common.i18n import Translator
from handlers.common.routing import not_a_command

HISTORY_SHOWN = 4


def _history_line(t: Translator, entries: list[TrainingMax], names: dict[str, str]) -> str:
    latest = entries[-1]
    earlier = " ← ".join(str(e.weight) for e in reversed(entries[-HISTORY_SHOWN:-1]))
    weight = str(latest.weight)
    if earlier:
        weight = t.get("training-maxes-was", latest=weight, earlier=earlier)
    return f"<b>{escape(names[latest.exercise])}</b>: {weight}"


async def on_maxes(message: Message, command: CommandObject, deps: Deps) -> None:
    if message.from_user is None:
        return
    uow, clock = deps.uow, deps.clock
    athlete = await find_user(uow, message.from_user.id)
    if athlete is None:
        await message.answer(deps.t.get("training-no-maxes"))
        return
    if command.args:
        typed = read_maxes(command.args, athlete.unit)
        if not typed.found:
            await message.answer(deps.t.get("training-maxes-unreadable"))
            return
        await SetTrainingMaxes(uow, clock)(athlete.telegram_id, typed.found, one_rep_maxes=False)
    await _answer_maxes(message, deps, athlete.telegram_id)


async def _answer_maxes(message: Message, deps: Deps, athlete_id: int) -> None:
    uow = deps.uow
    history = await training_maxes_with_history(uow, athlete_id)
    working = await working_weights(uow, athlete_id)
    if not history and not working:
        await message.answer(deps.t.get("training-no-maxes"))
        return
    names = await exercise_names(uow)
    await message.answer(
        _maxes_text(deps.t, history, working, names),
        reply_markup=_edit_buttons(history, working, names),
    )


def _maxes_text(
    t: Translator,
    history: dict[str, list[TrainingMax]],
    working: dict[str, Weight],
    names: dict[str, str],
) -> str:
    lines = []
    if history:
        lines.append(t.get("training-maxes-title"))
        lines += [_history_line(t, e, names) for e in history.values()]
    if working:
        lines.append(t.get("training-working-weights-title"))
        lines += [f"{_track(key, names)}: {weight}" for key, weight in working.items()]
    if history:
        lines.append(t.get("training-how-to-set"))
    return "\n".join(lines)


def _track(key: str, names: dict[str, str]) -> str:
    """ "squat/T1" → "<b>Squat</b> T1"."""
    lift, _, tier = key.partition("/")
    return f"<b>{escape(names[lift])}</b> {escape(tier)}"


def _name_and_tier(key: str, names: dict[str, str]) -> tuple[str, ...]:
    """ "squat/T1" → ("Squat", "T1"); "ohp" → ("Overhead press",)."""
    lift, _, tier = key.partition("/")
    return (names[lift], tier) if tier else (names[lift],)


class EditMax(CallbackData, prefix="tm"):
    exercise: str


class EditingMax(StatesGroup):
    weight = State()


def _edit_buttons(
    history: dict[str, list[TrainingMax]], working: dict[str, Weight], names: dict[str, str]
) -> InlineKeyboardMarkup:
    keys = [*history, *working]
    buttons = [
        InlineKeyboardButton(
            text=f"✏️ {' '.join(_name_and_tier(key, names))}",
            callback_data=EditMax(exercise=key).pack(),
        )
        for key in keys
    ]
    return InlineKeyboardMarkup(
        inline_keyboard=[buttons[i : i + 2] for i in range(0, len(buttons), 2)]
    )


async def on_edit_max(
    callback: CallbackQuery, callback_data: EditMax, state: FSMContext, deps: Deps
) -> None:
    key = callback_data.exercise
    if "/" in key:
        known: set[str] = set(await working_weights(deps.uow, callback.from_user.id))
    else:
        known = set(await training_maxes_with_history(deps.uow, callback.from_user.id))
    if key not in known:  # callback data is untrusted
        await callback.answer(deps.t.get("training-not-your-lift"), show_alert=True)
        return
    await state.set_state(EditingMax.weight)
    await state.set_data({"exercise": callback_data.exercise})
    await callback.answer()
    if isinstance(callback.message, Message):
        what = "working" if "/" in key else "max"
        names = await exercise_names(deps.uow)
        lift = _track(key, names) if "/" in key else f"<b>{escape(names[key])}</b>"
        await callback.message.answer(deps.t.get("training-ask-new-max", what=what, lift=lift))


async def on_new_max(message: Message, state: FSMContext, deps: Deps) -> None:
    uow, clock = deps.uow, deps.clock
    athlete = await find_user(uow, message.from_user.id) if message.from_user else None
    exercise = (await state.get_data()).get("exercise")
    if athlete is None or not isinstance(exercise, str):
        await state.clear()
        return
    weight = read_one_weight(message.text or "", athlete.unit)
    if weight is None:
        await message.answer(deps.t.get("training-not-a-weight"))
        return
    await state.clear()
    if "/" in exercise:
        try:
            await SetWorkingWeight(uow, clock)(athlete.telegram_id, exercise, weight)
        except UnknownTrackError:
            await message.answer(deps.t.get("training-not-your-lift"))
            return
    else:
        await SetTrainingMaxes(uow, clock)(
            athlete.telegram_id, {exercise: weight}, one_rep_maxes=False
        )
    await _answer_maxes(message, deps, athlete.telegram_id)


def build_router() -> Router:
    router = Router(name="maxes")
    router.message.register(on_maxes, Command("maxes"), F.chat.type == "private")
    router.callback_query.register(on_edit_max, EditMax.filter())
    return router


def build_answer_router() -> Router:
    """The weight asked for after ✏️: it must reach us even while a workout card is open."""
    router = Router(name="maxes-answer")
    router.message.register(on_new_max, EditingMax.weight, F.chat.type == "private", not_a_command)
    return router
