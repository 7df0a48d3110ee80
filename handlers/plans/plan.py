"""/plan: the active plan's days, switching plans, a deload week, and plans written as text."""

from __future__ import annotations

import io
import re
from collections.abc import Sequence

from aiogram import Bot, F, Router
from aiogram.enums import ChatType
from aiogram.filters import Command
from aiogram.filters.callback_data import CallbackData
from aiogram.types import (
    BufferedInputFile,
    CallbackQuery,
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    Message,
)
from aiogram_dialog import DialogManager, StartMode

from domain.athletes.use_cases.registration import find_user
from domain.plans.model import Plan, PlanInfo, UnknownDayError, UnknownPlanError
from domain.plans.text.grammar import MAX_TEXT
from domain.plans.text.problems import PlanTextError
from domain.plans.use_cases.exercises import exercise_names
from domain.plans.use_cases.library import (
    NotAnAdminError,
    PublishPlan,
    SaveCustomPlan,
    ToggleDeload,
    available_plans,
    plan_as_text,
)
from domain.shared.errors import NotRegisteredError
from domain.shared.ports import Clock
from domain.training.ports import TrainingUnitOfWork
from domain.training.prescription import MissingTrainingMaxError
from domain.training.use_cases.logging import NoActivePlanError, OpenWorkout, WorkoutInProgressError
from domain.training.use_cases.onboarding import (
    StartPlan,
    active_plan_definition,
    missing_training_maxes,
)
from handlers.common.deps import Deps
from handlers.common.i18n import Translator
from handlers.common.plan_problems import plan_errors
from handlers.common.routing import not_a_command
from handlers.common.states import OnboardingSG, TodaySG
from handlers.common.texts import needs_max
from handlers.plans import texts

DAYS_PER_ROW = 4
MAX_FILE_BYTES = 64 * 1024
# A plan's text starts with its "plan:" line, after any comment lines.
PLAN_TEXT = re.compile(r"^\s*(?:#[^\n]*\n\s*)*plan\s*:", re.IGNORECASE)


class PickDay(CallbackData, prefix="day"):
    number: int


class PlanMenu(CallbackData, prefix="pm"):
    action: str  # "switch", "text", "write", "deload", "back"


class PickPlan(CallbackData, prefix="pp"):
    slug: str


class Publish(CallbackData, prefix="pub"):
    slug: str
    on: int


def plan_keyboard(t: Translator, plan: Plan, *, deloading: bool) -> InlineKeyboardMarkup:
    days = [
        InlineKeyboardButton(
            text=t.get("plans-day-button", number=d.number),
            callback_data=PickDay(number=d.number).pack(),
        )
        for d in plan.days
    ]
    rows = [days[i : i + DAYS_PER_ROW] for i in range(0, len(days), DAYS_PER_ROW)]
    rows.append(
        [
            _menu(t.get("plans-switch-button"), "switch"),
            _menu(t.get("plans-as-text-button"), "text"),
        ]
    )
    rows.append([_menu(texts.deload_button(t, deloading=deloading), "deload")])
    return InlineKeyboardMarkup(inline_keyboard=rows)


def plans_keyboard(
    t: Translator, plans: Sequence[PlanInfo], active: str | None, athlete_id: int
) -> InlineKeyboardMarkup:
    rows = [
        [
            InlineKeyboardButton(
                text=texts.plan_button(info, active=info.slug == active, athlete_id=athlete_id),
                callback_data=PickPlan(slug=info.slug).pack(),
            )
        ]
        for info in plans
    ]
    rows.append(
        [_menu(t.get("plans-write-button"), "write"), _menu(t.get("plans-back-button"), "back")]
    )
    return InlineKeyboardMarkup(inline_keyboard=rows)


def _menu(text: str, action: str) -> InlineKeyboardButton:
    return InlineKeyboardButton(text=text, callback_data=PlanMenu(action=action).pack())


async def _plan_card(
    t: Translator, uow: TrainingUnitOfWork, clock: Clock, athlete_id: int
) -> tuple[str, InlineKeyboardMarkup] | None:
    found = await active_plan_definition(uow, athlete_id)
    if found is None:
        return None
    plan, next_day = found
    user = await find_user(uow, athlete_id)
    deloading = user is not None and user.deloading(clock.now())
    return texts.plan_text(t, plan, next_day, deloading=deloading), plan_keyboard(
        t, plan, deloading=deloading
    )


async def on_plan(message: Message, deps: Deps) -> None:
    if message.from_user is None:
        return
    card = await _plan_card(deps.t, deps.uow, deps.clock, message.from_user.id)
    if card is None:
        await message.answer(deps.t.get("common-no-plan"))
        return
    text, keyboard = card
    await message.answer(text, reply_markup=keyboard)


async def on_pick_day(
    callback: CallbackQuery,
    callback_data: PickDay,
    deps: Deps,
    dialog_manager: DialogManager,
) -> None:
    try:
        workout = await OpenWorkout(deps.uow, deps.clock)(
            callback.from_user.id, callback_data.number
        )
    except (NoActivePlanError, UnknownDayError):
        await callback.answer(deps.t.get("plans-no-such-day"), show_alert=True)
        return
    except MissingTrainingMaxError as missing:
        name = (await exercise_names(deps.uow))[missing.exercise]
        await callback.answer(needs_max(deps.t, name, missing.exercise), show_alert=True)
        return
    except WorkoutInProgressError as in_progress:
        day = in_progress.workout.day_number
        await callback.answer(deps.t.get("plans-finish-first", day=day), show_alert=True)
        return
    await callback.answer()
    await dialog_manager.start(
        TodaySG.card, data={"workout_id": workout.id}, mode=StartMode.RESET_STACK
    )


async def on_menu(callback: CallbackQuery, callback_data: PlanMenu, deps: Deps) -> None:
    uow, clock, t = deps.uow, deps.clock, deps.t
    athlete_id = callback.from_user.id
    message = callback.message if isinstance(callback.message, Message) else None
    action = callback_data.action
    if action == "write":
        await callback.answer()
        if message is not None:
            await message.answer(texts.write_your_own(t))
        return
    if action == "text":
        await _send_as_text(callback, t, uow, message)
        return
    if action == "deload":
        try:
            user = await ToggleDeload(uow, clock)(athlete_id)
        except NotRegisteredError:
            await callback.answer(t.get("common-register-first"), show_alert=True)
            return
        await callback.answer(texts.deload_toggled(t, deloading=user.deloading(clock.now())))
    elif action == "switch":
        await callback.answer()
        if message is not None:
            plans = await available_plans(uow, athlete_id)
            found = await active_plan_definition(uow, athlete_id)
            active = found[0].slug if found else None
            await message.edit_text(
                t.get("plans-pick-plan"), reply_markup=plans_keyboard(t, plans, active, athlete_id)
            )
        return
    else:
        await callback.answer()
    card = await _plan_card(t, uow, clock, athlete_id)
    if card is not None and message is not None:
        text, keyboard = card
        await message.edit_text(text, reply_markup=keyboard)


async def _send_as_text(
    callback: CallbackQuery, t: Translator, uow: TrainingUnitOfWork, message: Message | None
) -> None:
    found = await active_plan_definition(uow, callback.from_user.id)
    if found is None or message is None:
        await callback.answer(t.get("common-no-plan"), show_alert=True)
        return
    plan = found[0]
    try:
        text = await plan_as_text(uow, callback.from_user.id, plan.slug)
    except UnknownPlanError:  # a published plan withdrawn while the athlete still runs it
        await callback.answer(t.get("plans-unknown-plan"), show_alert=True)
        return
    await callback.answer()
    await message.answer_document(
        BufferedInputFile(text.encode(), filename=f"{plan.slug}.txt"),
        caption=t.get("plans-as-text-caption"),
    )


async def on_pick_plan(
    callback: CallbackQuery,
    callback_data: PickPlan,
    deps: Deps,
    dialog_manager: DialogManager,
) -> None:
    uow, clock = deps.uow, deps.clock
    athlete_id = callback.from_user.id
    try:
        plan = await StartPlan(uow, clock)(athlete_id, callback_data.slug)
    except NotRegisteredError:
        await callback.answer(deps.t.get("common-register-first"), show_alert=True)
        return
    except UnknownPlanError:
        await callback.answer(deps.t.get("plans-unknown-plan"), show_alert=True)
        return
    except WorkoutInProgressError as in_progress:
        await callback.answer(
            deps.t.get("plans-finish-first", day=in_progress.workout.day_number), show_alert=True
        )
        return
    await callback.answer()
    if isinstance(callback.message, Message):
        await callback.message.edit_text(texts.switched(deps.t, plan))
    if await missing_training_maxes(uow, athlete_id):
        await dialog_manager.start(OnboardingSG.maxes, mode=StartMode.RESET_STACK)


async def on_publish(callback: CallbackQuery, callback_data: Publish, deps: Deps) -> None:
    try:
        changed = await PublishPlan(deps.uow, deps.admins)(
            callback.from_user.id, callback_data.slug, published=bool(callback_data.on)
        )
    except NotAnAdminError:
        await callback.answer(deps.t.get("plans-not-admin"), show_alert=True)
        return
    if not changed:
        await callback.answer(deps.t.get("plans-unknown-plan"), show_alert=True)
        return
    await callback.answer(
        deps.t.get("plans-published" if callback_data.on else "plans-unpublished")
    )
    if isinstance(callback.message, Message):
        await callback.message.edit_reply_markup(
            reply_markup=_saved_keyboard(
                deps.t, callback_data.slug, admin=True, published=bool(callback_data.on)
            )
        )


async def on_plan_text(message: Message, deps: Deps) -> None:
    await _save(message, message.text or "", deps)


async def on_plan_file(message: Message, bot: Bot, deps: Deps) -> None:
    document = message.document
    if document is None:
        return
    if (document.file_size or 0) > MAX_FILE_BYTES:
        await message.answer(deps.t.get("plans-file-too-big"))
        return
    buffer = io.BytesIO()
    await bot.download(document, destination=buffer)
    try:
        text = buffer.getvalue()[: MAX_FILE_BYTES + 1].decode("utf-8-sig")
    except UnicodeDecodeError:
        await message.answer(deps.t.get("plans-file-unreadable"))
        return
    if not PLAN_TEXT.match(text):
        await message.answer(deps.t.get("plans-not-a-plan-file"))
        return
    await _save(message, text, deps)


async def _text_file(message: Message) -> bool:
    """A .txt document: perhaps a plan; any other file is not ours to answer here."""
    document = message.document
    if document is None:
        return False
    name = (document.file_name or "").lower()
    return name.endswith(".txt") or (document.mime_type or "").startswith("text/plain")


async def _save(message: Message, text: str, deps: Deps) -> None:
    if message.from_user is None:
        return
    try:
        plan = await SaveCustomPlan(deps.uow)(message.from_user.id, text[: MAX_TEXT + 1])
    except NotRegisteredError:
        await message.answer(deps.t.get("common-register-first"))
        return
    except PlanTextError as error:
        await message.answer(plan_errors(deps.t, error.errors))
        return
    admin = message.from_user.id in deps.admins
    await message.answer(
        texts.saved(deps.t, plan),
        reply_markup=_saved_keyboard(deps.t, plan.slug, admin=admin, published=False),
    )


def _saved_keyboard(
    t: Translator, slug: str, *, admin: bool, published: bool
) -> InlineKeyboardMarkup:
    rows = [
        [
            InlineKeyboardButton(
                text=t.get("plans-start-it-button"), callback_data=PickPlan(slug=slug).pack()
            )
        ]
    ]
    if admin:
        label = t.get("plans-unpublish-button" if published else "plans-publish-button")
        rows.append(
            [
                InlineKeyboardButton(
                    text=label, callback_data=Publish(slug=slug, on=int(not published)).pack()
                )
            ]
        )
    return InlineKeyboardMarkup(inline_keyboard=rows)


def build_upload_router() -> Router:
    """A plan sent as text or a .txt file: it must reach us even while a workout card is open."""
    router = Router(name="plan-upload")
    private = F.chat.type == ChatType.PRIVATE
    router.message.register(on_plan_text, private, F.text.regexp(PLAN_TEXT))
    router.message.register(on_plan_file, private, _text_file, not_a_command)
    return router


def build_router() -> Router:
    router = Router(name="plan")
    router.message.register(on_plan, Command("plan"), F.chat.type == ChatType.PRIVATE)
    router.callback_query.register(on_pick_day, PickDay.filter())
    router.callback_query.register(on_menu, PlanMenu.filter())
    router.callback_query.register(on_pick_plan, PickPlan.filter())
    router.callback_query.register(on_publish, Publish.filter())
    return router
