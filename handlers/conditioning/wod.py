"""/wod: generate a MetCon, pick a benchmark or paste your own; log a score by replying."""

from __future__ import annotations

import random

from aiogram import F, Router
from aiogram.filters import Command, CommandObject
from aiogram.filters.callback_data import CallbackData
from aiogram.types import CallbackQuery, ForceReply, InlineKeyboardMarkup, Message

from domain.athletes.use_cases.registration import find_user
from domain.conditioning.entry import BadTiebreakError
from domain.conditioning.library import benchmarks
from domain.conditioning.model import Prompt, SavedWorkout, WorkoutSource
from domain.conditioning.scores import BadScoreError
from domain.conditioning.text import WorkoutTextError, parse_workout
from domain.conditioning.use_cases import (
    GenerateWorkout,
    LogScore,
    SaveWorkout,
    SwapMovement,
    UnknownWorkoutError,
    history,
    owned_workout,
    prompt_of,
    remember_prompt,
)
from domain.conditioning.workout import Format
from domain.shared.errors import NotRegisteredError
from domain.shared.weights import Unit
from handlers.common.callback_fields import Position, RowId
from handlers.common.deps import Deps
from handlers.common.filters import bot_message_replied_to
from handlers.common.i18n import Translator
from handlers.common.keyboards import callback_button
from handlers.conditioning import texts

PASTE_LIMIT = 4_000


def _dice() -> random.Random:
    return random.Random()  # noqa: S311 - it picks movements, it guards no secret


GENERATED = {"any": None, "amrap": Format.AMRAP, "fortime": Format.FOR_TIME}  # None: the rotation's


class WodMenu(CallbackData, prefix="wod"):
    action: str  # "any" | "amrap" | "fortime" | "benchmarks" | "paste"


class PickBenchmark(CallbackData, prefix="wodb"):
    index: Position


class Swap(CallbackData, prefix="wods"):
    workout: RowId
    part: Position


class LogIt(CallbackData, prefix="wodl"):
    workout: RowId
    rx: bool


def _menu(t: Translator) -> InlineKeyboardMarkup:
    return InlineKeyboardMarkup(
        inline_keyboard=[
            [callback_button(t.get("conditioning-any-button"), WodMenu(action="any"))],
            [
                callback_button(t.get("conditioning-amrap-button"), WodMenu(action="amrap")),
                callback_button(t.get("conditioning-fortime-button"), WodMenu(action="fortime")),
            ],
            [
                callback_button(
                    t.get("conditioning-benchmarks-button"), WodMenu(action="benchmarks")
                )
            ],
            [callback_button(t.get("conditioning-paste-button"), WodMenu(action="paste"))],
        ]
    )


def _card_markup(t: Translator, saved: SavedWorkout) -> InlineKeyboardMarkup:
    workout_id = saved.id or 0
    rows = []
    if saved.source == WorkoutSource.GENERATED:
        rows += [
            [
                callback_button(
                    t.get("conditioning-swap-button", movement=part.movement),
                    Swap(workout=workout_id, part=index),
                )
            ]
            for index, part in enumerate(saved.workout.parts)
        ]
    rows.append(
        [
            callback_button(
                t.get("conditioning-log-rx-button"), LogIt(workout=workout_id, rx=True)
            ),
            callback_button(
                t.get("conditioning-log-scaled-button"), LogIt(workout=workout_id, rx=False)
            ),
        ]
    )
    return InlineKeyboardMarkup(inline_keyboard=rows)


async def on_wod(message: Message, command: CommandObject, deps: Deps) -> None:
    if (command.args or "").strip().lower() == "history":
        await on_history(message, deps)
        return
    await message.answer(deps.t.get("conditioning-menu"), reply_markup=_menu(deps.t))


async def on_history(message: Message, deps: Deps) -> None:
    rows = await history(deps.uow, deps.user_id)
    await message.answer(texts.history_text(deps.t, rows, await _unit(deps)))


async def _unit(deps: Deps) -> str:
    """The athlete's unit, which loads are shown in."""
    user = await find_user(deps.uow, deps.user_id)
    return (user.unit if user is not None else Unit.KG).value


async def on_menu(callback: CallbackQuery, callback_data: WodMenu, deps: Deps) -> None:
    t, athlete = deps.t, callback.from_user.id
    message = callback.message if isinstance(callback.message, Message) else None
    if callback_data.action in GENERATED:
        kind = GENERATED[callback_data.action]
        try:
            saved = await GenerateWorkout(deps.uow, deps.clock)(athlete, kind, _dice())
        except NotRegisteredError:
            await callback.answer(t.get("common-register-first"), show_alert=True)
            return
        await callback.answer()
        if message:
            card = texts.workout_card(t, saved)
            user = await find_user(deps.uow, athlete)
            if user is not None and user.kit is None:
                card += "\n\n" + t.get("conditioning-kit-hint")
            await message.answer(card, reply_markup=_card_markup(t, saved))
    elif callback_data.action == "benchmarks":
        await callback.answer()
        buttons = [
            callback_button(w.name, PickBenchmark(index=i)) for i, w in enumerate(benchmarks())
        ]
        rows = [buttons[i : i + 3] for i in range(0, len(buttons), 3)]
        if message:
            await message.answer(
                t.get("conditioning-pick-benchmark"),
                reply_markup=InlineKeyboardMarkup(inline_keyboard=rows),
            )
    elif callback_data.action == "paste":
        await callback.answer()
        if message:
            sent = await message.answer(
                t.get("conditioning-paste-prompt"),
                reply_markup=ForceReply(input_field_placeholder="AMRAP 12: 5 pull-ups, …"),
            )
            await remember_prompt(
                deps.uow, deps.clock, Prompt(sent.chat.id, sent.message_id, athlete, None)
            )
    else:
        await callback.answer(t.get("common-outdated-card"), show_alert=True)


async def on_benchmark(callback: CallbackQuery, callback_data: PickBenchmark, deps: Deps) -> None:
    library = benchmarks()
    if callback_data.index >= len(library):
        await callback.answer(deps.t.get("common-outdated-card"), show_alert=True)
        return
    try:
        saved = await SaveWorkout(deps.uow, deps.clock)(
            callback.from_user.id, WorkoutSource.BENCHMARK, library[callback_data.index]
        )
    except NotRegisteredError:
        await callback.answer(deps.t.get("common-register-first"), show_alert=True)
        return
    await callback.answer()
    if isinstance(callback.message, Message):
        await callback.message.answer(
            texts.workout_card(deps.t, saved), reply_markup=_card_markup(deps.t, saved)
        )


async def on_swap(callback: CallbackQuery, callback_data: Swap, deps: Deps) -> None:
    swapping = SwapMovement(deps.uow, deps.clock)
    try:
        saved = await swapping(
            callback.from_user.id, callback_data.workout, callback_data.part, _dice()
        )
    except LookupError:  # not theirs, no such movement, or nothing to swap it for
        await callback.answer(deps.t.get("conditioning-no-swap"), show_alert=True)
        return
    await callback.answer()
    if isinstance(callback.message, Message):
        await callback.message.edit_text(
            texts.workout_card(deps.t, saved), reply_markup=_card_markup(deps.t, saved)
        )


async def on_log(callback: CallbackQuery, callback_data: LogIt, deps: Deps) -> None:
    try:
        saved = await owned_workout(deps.uow, callback.from_user.id, callback_data.workout)
    except UnknownWorkoutError:
        await callback.answer(deps.t.get("conditioning-not-yours"), show_alert=True)
        return
    await callback.answer()
    if not isinstance(callback.message, Message):
        return
    t = deps.t
    sent = await callback.message.answer(
        t.get(
            "conditioning-score-prompt",
            rx="rx" if callback_data.rx else "scaled",
            how=texts.score_how(t, saved.workout.scheme),
        ),
        reply_markup=ForceReply(),
    )
    prompt = Prompt(
        sent.chat.id, sent.message_id, callback.from_user.id, saved.id, callback_data.rx
    )
    await remember_prompt(deps.uow, deps.clock, prompt)


async def replies_to_a_prompt(message: Message, deps: Deps) -> dict[str, Prompt] | bool:
    """Lets a reply to one of the athlete's /wod prompts through, with the prompt."""
    replied = bot_message_replied_to(message, deps)
    if replied is None or not message.text:
        return False
    prompt = await prompt_of(deps.uow, deps.user_id, message.chat.id, replied)
    return False if prompt is None else {"prompt": prompt}


async def on_reply(message: Message, deps: Deps, prompt: Prompt) -> None:
    text = (message.text or "")[: PASTE_LIMIT + 1]
    if prompt.workout_id is None:
        await _pasted(message, deps, text)
        return
    t = deps.t
    logging = LogScore(deps.uow, deps.clock)
    try:
        outcome = await logging(
            deps.user_id, prompt.workout_id, text, rx=prompt.rx, message_id=message.message_id
        )
    except BadScoreError as bad:
        await message.reply(t.get("conditioning-bad-score", how=texts.score_how(t, bad.scheme)))
        return
    except BadTiebreakError:
        await message.reply(t.get("conditioning-bad-tiebreak"))
        return
    except UnknownWorkoutError:
        await message.reply(t.get("conditioning-not-yours"))
        return
    await message.reply(texts.logged(t, outcome, await _unit(deps)))


async def _pasted(message: Message, deps: Deps, text: str) -> None:
    try:
        workout = parse_workout(text)
    except WorkoutTextError as wrong:
        await message.reply(texts.workout_errors(deps.t, wrong.errors))
        return
    saved = await SaveWorkout(deps.uow, deps.clock)(deps.user_id, WorkoutSource.PASTED, workout)
    await message.answer(
        texts.workout_card(deps.t, saved), reply_markup=_card_markup(deps.t, saved)
    )


def build_reply_router() -> Router:
    """A reply to a /wod prompt: a score or a workout's text."""
    router = Router(name="wod_replies")
    router.message.register(on_reply, F.chat.type == "private", replies_to_a_prompt)
    return router


def build_router() -> Router:
    router = Router(name="wod")
    router.message.register(on_wod, Command("wod"), F.chat.type == "private")
    router.callback_query.register(on_menu, WodMenu.filter())
    router.callback_query.register(on_benchmark, PickBenchmark.filter())
    router.callback_query.register(on_swap, Swap.filter())
    router.callback_query.register(on_log, LogIt.filter())
    return router
