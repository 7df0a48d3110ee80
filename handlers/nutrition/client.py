"""A client's nutrition for their coach: opened from the client card; targets and meal plans
set by reply. Every step is re-authorised: callback data and replies are taken as they came."""

from __future__ import annotations

from html import escape

from aiogram import Router
from aiogram.filters.callback_data import CallbackData
from aiogram.types import CallbackQuery, ForceReply, InlineKeyboardMarkup, Message

from domain.coaching.use_cases.invites import NotYourClientError
from domain.coaching.use_cases.nutrition import (
    ClientNutrition as ClientView,
)
from domain.coaching.use_cases.nutrition import (
    SendMealPlan,
    SetClientTargets,
    client_nutrition,
)
from domain.nutrition.meal_plan import MealPlanError
from domain.nutrition.model import Prompt, PromptPurpose
from domain.nutrition.targets import TargetsError
from domain.nutrition.use_cases.prompts import remember_prompt
from handlers.common.callback_fields import UserId
from handlers.common.deps import Deps
from handlers.common.i18n import Translator
from handlers.common.keyboards import callback_button
from handlers.common.nutrition_buttons import ClientNutrition
from handlers.nutrition import texts

TEXT_LIMIT = 4_000


class ClientAsk(CallbackData, prefix="nuta"):
    athlete: UserId
    action: str  # "targets" | "plan"


PURPOSES = {"targets": PromptPurpose.TARGETS, "plan": PromptPurpose.MEAL_PLAN}


def client_text(t: Translator, view: ClientView) -> str:
    client = escape(view.today.athlete.first_name)
    lines = [
        texts.day_text(t, view.today, t.get("nutrition-client-title", client=client), own=False)
    ]
    week = view.week
    lines.append(
        t.get("nutrition-client-week", on_target=week.on_target, logged=week.logged, days=week.days)
        if week is not None
        else t.get("nutrition-client-no-week")
    )
    lines.append("")
    lines.append(texts.targets_text(t, view.today.targets, own=False))
    return "\n".join(lines)


def client_keyboard(t: Translator, athlete: int) -> InlineKeyboardMarkup:
    return InlineKeyboardMarkup(
        inline_keyboard=[
            [
                callback_button(
                    t.get("nutrition-client-targets-button"),
                    ClientAsk(athlete=athlete, action="targets"),
                ),
                callback_button(
                    t.get("nutrition-client-plan-button"), ClientAsk(athlete=athlete, action="plan")
                ),
            ]
        ]
    )


async def on_client(callback: CallbackQuery, callback_data: ClientNutrition, deps: Deps) -> None:
    try:
        view = await client_nutrition(
            deps.uow, callback.from_user.id, callback_data.athlete, deps.clock.now()
        )
    except NotYourClientError:
        await callback.answer(deps.t.get("nutrition-not-your-client"), show_alert=True)
        return
    await callback.answer()
    if isinstance(callback.message, Message):
        await callback.message.answer(
            client_text(deps.t, view), reply_markup=client_keyboard(deps.t, callback_data.athlete)
        )


async def on_ask(callback: CallbackQuery, callback_data: ClientAsk, deps: Deps) -> None:
    t, coach = deps.t, callback.from_user.id
    purpose = PURPOSES.get(callback_data.action)
    if purpose is None:
        await callback.answer(t.get("common-outdated-card"), show_alert=True)
        return
    try:
        view = await client_nutrition(deps.uow, coach, callback_data.athlete, deps.clock.now())
    except NotYourClientError:
        await callback.answer(t.get("nutrition-not-your-client"), show_alert=True)
        return
    await callback.answer()
    if not isinstance(callback.message, Message):
        return
    key = (
        "nutrition-client-targets-prompt"
        if purpose == PromptPurpose.TARGETS
        else "nutrition-client-plan-prompt"
    )
    client = escape(view.today.athlete.first_name)
    sent = await callback.message.answer(t.get(key, client=client), reply_markup=ForceReply())
    prompt = Prompt(sent.chat.id, sent.message_id, coach, callback_data.athlete, purpose)
    await remember_prompt(deps.uow, deps.clock, prompt)


async def on_client_reply(message: Message, deps: Deps, prompt: Prompt, typed: str) -> None:
    """The coach's answer to a question about a client: their targets, or a meal plan."""
    t = deps.t
    if len(typed) > TEXT_LIMIT:
        await message.reply(t.get("nutrition-too-long"))
        return
    coach, athlete = prompt.owner_id, prompt.athlete_id
    words = texts.NutritionWords(deps.catalogue)
    try:
        if prompt.purpose == PromptPurpose.TARGETS:
            await SetClientTargets(deps.uow, deps.clock, words)(coach, athlete, typed)
            key, count = "nutrition-client-targets-saved", 0
        elif prompt.purpose == PromptPurpose.MEAL_PLAN:
            plan = await SendMealPlan(deps.uow, deps.clock, words)(coach, athlete, typed)
            key, count = "nutrition-client-plan-saved", len(plan.days)
        else:
            return
        view = await client_nutrition(deps.uow, coach, athlete, deps.clock.now())
    except NotYourClientError:
        await message.reply(t.get("nutrition-not-your-client"))
        return
    except TargetsError as wrong:
        await message.reply(texts.targets_problem(t, wrong))
        return
    except MealPlanError as wrong:
        await message.reply(texts.plan_problems(t, wrong))
        return
    client = escape(view.today.athlete.first_name)
    done = t.get(key, client=client, days=count) if count else t.get(key, client=client)
    await message.reply(
        done + "\n\n" + client_text(t, view), reply_markup=client_keyboard(t, athlete)
    )


def build_router() -> Router:
    router = Router(name="client-nutrition")
    router.callback_query.register(on_client, ClientNutrition.filter())
    router.callback_query.register(on_ask, ClientAsk.filter())
    return router
