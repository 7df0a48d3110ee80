"""/food (or /nutrition): today against the targets, logging food by command, reply or
captioned photo, deleting an entry, the targets and the coach's meal plan."""

from __future__ import annotations

from contextlib import suppress

from aiogram import F, Router
from aiogram.exceptions import TelegramBadRequest
from aiogram.filters import Command, CommandObject
from aiogram.filters.callback_data import CallbackData
from aiogram.types import CallbackQuery, ForceReply, InlineKeyboardMarkup, Message

from domain.nutrition.entry import FoodEntryError
from domain.nutrition.model import Prompt, PromptPurpose
from domain.nutrition.targets import TargetsError
from domain.nutrition.use_cases.food import (
    DeleteEntry,
    FoodDay,
    LogFood,
    UnknownEntryError,
    food_today,
    meal_plan_of,
)
from domain.nutrition.use_cases.prompts import prompt_of, remember_prompt
from domain.nutrition.use_cases.targets import SetTargets
from domain.shared.errors import NotRegisteredError
from handlers.common.callback_fields import Position, RowId
from handlers.common.deps import Deps
from handlers.common.filters import bot_message_replied_to
from handlers.common.i18n import Translator
from handlers.common.keyboards import callback_button
from handlers.nutrition import texts
from handlers.nutrition.client import on_client_reply

TEXT_LIMIT = 4_000


class FoodMenu(CallbackData, prefix="nutm"):
    action: str  # "log" | "targets" | "plan"


class DeleteFood(CallbackData, prefix="nutd"):
    entry: RowId


class PlanDay(CallbackData, prefix="nutp"):
    index: Position


def day_keyboard(t: Translator, day: FoodDay) -> InlineKeyboardMarkup:
    rows = [
        [
            callback_button(t.get("nutrition-log-button"), FoodMenu(action="log")),
            callback_button(t.get("nutrition-targets-button"), FoodMenu(action="targets")),
        ]
    ]
    last = day.entries[-1] if day.entries else None
    if last is not None and last.id is not None:
        name = last.name or t.get("nutrition-unnamed-meal")
        delete = t.get("nutrition-delete-button", name=name[:30])
        rows.append([callback_button(delete, DeleteFood(entry=last.id))])
    if day.has_meal_plan:
        rows.append([callback_button(t.get("nutrition-plan-button"), FoodMenu(action="plan"))])
    return InlineKeyboardMarkup(inline_keyboard=rows)


def _day_card(t: Translator, day: FoodDay) -> str:
    return texts.day_text(t, day, t.get("nutrition-today"))


async def on_food(message: Message, command: CommandObject, deps: Deps) -> None:
    typed = (command.args or "").strip()
    photo = message.photo[-1].file_id if message.photo else None
    if typed:
        await _log(message, deps, typed, photo)
        return
    if photo is not None:
        await message.reply(deps.t.get("nutrition-photo-needs-caption"))
        return
    try:
        day = await food_today(deps.uow, deps.user_id, deps.clock.now())
    except NotRegisteredError:
        await message.answer(deps.t.get("common-register-first"))
        return
    text = _day_card(deps.t, day) + "\n\n" + deps.t.get("nutrition-how-to-log")
    await message.answer(text, reply_markup=day_keyboard(deps.t, day))


async def _log(message: Message, deps: Deps, typed: str, photo: str | None) -> None:
    t = deps.t
    if len(typed) > TEXT_LIMIT:
        await message.reply(t.get("nutrition-too-long"))
        return
    try:
        entry, day = await LogFood(deps.uow, deps.clock)(
            deps.user_id, typed, photo_file_id=photo, message_id=message.message_id
        )
    except FoodEntryError as wrong:
        await message.reply(texts.entry_problem(t, wrong))
        return
    except NotRegisteredError:
        await message.answer(t.get("common-register-first"))
        return
    logged = t.get("nutrition-logged", entry=texts.entry_text(t, entry))
    await message.reply(logged + "\n\n" + _day_card(t, day), reply_markup=day_keyboard(t, day))


async def on_menu(callback: CallbackQuery, callback_data: FoodMenu, deps: Deps) -> None:
    t, athlete = deps.t, callback.from_user.id
    message = callback.message if isinstance(callback.message, Message) else None
    if callback_data.action == "plan":
        await _show_plan(callback, deps, None)
        return
    if callback_data.action not in ("log", "targets"):
        await callback.answer(t.get("common-outdated-card"), show_alert=True)
        return
    try:
        day = await food_today(deps.uow, athlete, deps.clock.now())
    except NotRegisteredError:
        await callback.answer(t.get("common-register-first"), show_alert=True)
        return
    await callback.answer()
    if callback_data.action == "log":
        await _ask(callback, deps, PromptPurpose.FOOD, t.get("nutrition-log-prompt"))
        return
    if message:
        await message.answer(texts.targets_text(t, day.targets, own=True))
    await _ask(callback, deps, PromptPurpose.TARGETS, t.get("nutrition-targets-prompt"))


async def _ask(callback: CallbackQuery, deps: Deps, purpose: PromptPurpose, text: str) -> None:
    """Asks for a reply under the pressed button's message, and remembers the question."""
    if not isinstance(callback.message, Message):
        return
    athlete = callback.from_user.id
    sent = await callback.message.answer(text, reply_markup=ForceReply())
    prompt = Prompt(sent.chat.id, sent.message_id, athlete, athlete, purpose)
    await remember_prompt(deps.uow, deps.clock, prompt)


async def on_plan_day(callback: CallbackQuery, callback_data: PlanDay, deps: Deps) -> None:
    await _show_plan(callback, deps, callback_data.index)


async def _show_plan(callback: CallbackQuery, deps: Deps, index: int | None) -> None:
    t = deps.t
    plan, today = await meal_plan_of(deps.uow, callback.from_user.id, deps.clock.now())
    if plan is None:
        await callback.answer(t.get("nutrition-no-meal-plan"), show_alert=True)
        return
    if index is not None and index >= len(plan.days):
        await callback.answer(t.get("common-outdated-card"), show_alert=True)
        return
    await callback.answer()
    if not isinstance(callback.message, Message):
        return
    pressed = index is not None
    if index is None:
        index = today
    buttons = [
        callback_button(("• " if i == index else "") + day.name[:20], PlanDay(index=i))
        for i, day in enumerate(plan.days)
    ]
    keyboard = InlineKeyboardMarkup(
        inline_keyboard=[buttons[i : i + 3] for i in range(0, len(buttons), 3)]
    )
    text = texts.plan_day_text(t, plan.days[index])
    if pressed:  # a day's button turns the plan's page in place
        with suppress(TelegramBadRequest):  # the same day again: nothing to change
            await callback.message.edit_text(text, reply_markup=keyboard)
        return
    await callback.message.answer(text, reply_markup=keyboard)


async def on_delete(callback: CallbackQuery, callback_data: DeleteFood, deps: Deps) -> None:
    t = deps.t
    try:
        entry, day = await DeleteEntry(deps.uow, deps.clock)(
            callback.from_user.id, callback_data.entry
        )
    except UnknownEntryError:
        await callback.answer(t.get("nutrition-entry-gone"), show_alert=True)
        return
    await callback.answer()
    if isinstance(callback.message, Message):
        deleted = t.get("nutrition-deleted", entry=texts.entry_text(t, entry))
        await callback.message.answer(
            deleted + "\n\n" + _day_card(t, day), reply_markup=day_keyboard(t, day)
        )


async def replies_to_a_prompt(message: Message, deps: Deps) -> dict[str, Prompt] | bool:
    """Lets a reply to one of this person's nutrition questions through, with the question."""
    replied = bot_message_replied_to(message, deps)
    if replied is None or not (message.text or message.caption or message.photo):
        return False
    if message.video or message.video_note:
        return False  # a clip for the coach (reviews), whatever it replies to
    prompt = await prompt_of(deps.uow, deps.user_id, message.chat.id, replied)
    return False if prompt is None else {"prompt": prompt}


async def on_reply(message: Message, deps: Deps, prompt: Prompt) -> None:
    typed = (message.text or message.caption or "").strip()
    if prompt.athlete_id != prompt.owner_id:
        await on_client_reply(message, deps, prompt, typed[: TEXT_LIMIT + 1])
    elif prompt.purpose == PromptPurpose.FOOD:
        photo = message.photo[-1].file_id if message.photo else None
        if not typed:
            await message.reply(deps.t.get("nutrition-photo-needs-caption"))
            return
        await _log(message, deps, typed, photo)
    elif prompt.purpose == PromptPurpose.TARGETS:
        await _set_targets(message, deps, typed)


async def _set_targets(message: Message, deps: Deps, typed: str) -> None:
    t = deps.t
    if len(typed) > TEXT_LIMIT:
        await message.reply(t.get("nutrition-too-long"))
        return
    try:
        targets = await SetTargets(deps.uow, deps.clock)(deps.user_id, typed)
    except TargetsError as wrong:
        await message.reply(texts.targets_problem(t, wrong))
        return
    except NotRegisteredError:
        await message.answer(t.get("common-register-first"))
        return
    await message.reply(
        t.get("nutrition-targets-saved") + "\n\n" + texts.targets_text(t, targets, own=True)
    )


def build_reply_router() -> Router:
    """A reply to a /food question: food, targets, a meal plan."""
    router = Router(name="nutrition_replies")
    router.message.register(on_reply, F.chat.type == "private", replies_to_a_prompt)
    return router


def build_router() -> Router:
    router = Router(name="nutrition")
    router.message.register(on_food, Command("food", "nutrition"), F.chat.type == "private")
    router.callback_query.register(on_menu, FoodMenu.filter())
    router.callback_query.register(on_delete, DeleteFood.filter())
    router.callback_query.register(on_plan_day, PlanDay.filter())
    return router
