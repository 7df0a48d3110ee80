"""A client's program from the coach's side: assign a plan, set training maxes."""

from __future__ import annotations

import io
from contextlib import suppress
from html import escape

from aiogram import Router
from aiogram.exceptions import TelegramBadRequest
from aiogram.filters.callback_data import CallbackData
from aiogram.types import (
    BufferedInputFile,
    CallbackQuery,
    ForceReply,
    InlineKeyboardMarkup,
    Message,
)

from domain.athletes.model import User
from domain.coaching.model import PromptPurpose
from domain.coaching.use_cases.health import AvoidedLiftsError, HealthNotAcknowledgedError
from domain.coaching.use_cases.invites import NotYourClientError
from domain.coaching.use_cases.messages import PromptClient
from domain.coaching.use_cases.programs import (
    AssignPlan,
    EditClientPlan,
    NoClientCopyError,
    SetClientMaxes,
    client_plan_text,
    plan_token,
    plans_to_assign,
)
from domain.coaching.use_cases.progression import (
    AlreadyDecidedError,
    DecideProposal,
    OutOfDateError,
)
from domain.plans.model import UnknownPlanError
from domain.plans.text.grammar import MAX_TEXT
from domain.plans.text.problems import PlanTextError
from domain.training.maxes_text import read_maxes
from domain.training.progression import ProposalDecision
from domain.training.use_cases.logging import WorkoutInProgressError
from handlers.coaching import texts
from handlers.coaching.health import health_stops_assigning
from handlers.common.callback_fields import Position, RowId, UserId
from handlers.common.deps import Deps
from handlers.common.keyboards import callback_button
from handlers.common.plan_problems import plan_errors


class PickPlan(CallbackData, prefix="cpck"):
    athlete: UserId


class Assign(CallbackData, prefix="casg"):
    athlete: UserId
    index: Position  # in the coach's list of plans to assign
    token: str  # that plan's slug, hashed short: a list changed since cannot mislead
    avoided_ok: bool = False  # the coach confirmed a plan with lifts the client avoids


class SetMaxes(CallbackData, prefix="cmax"):
    athlete: UserId


async def on_pick_plan(callback: CallbackQuery, callback_data: PickPlan, deps: Deps) -> None:
    coach = callback.from_user.id
    try:
        client = await PromptClient(deps.uow, deps.clock).check(coach, callback_data.athlete)
    except NotYourClientError:
        await callback.answer(deps.t.get("coaching-not-your-client"), show_alert=True)
        return
    await callback.answer()
    plans = await plans_to_assign(deps.uow, coach)
    rows = [
        [
            callback_button(
                info.name,
                Assign(athlete=client.telegram_id, index=index, token=plan_token(info.slug)),
            )
        ]
        for index, info in enumerate(plans)
    ]
    if isinstance(callback.message, Message):
        await callback.message.answer(
            deps.t.get("coaching-assign-pick", client=texts.name(client)),
            reply_markup=InlineKeyboardMarkup(inline_keyboard=rows),
        )


async def on_assign(callback: CallbackQuery, callback_data: Assign, deps: Deps) -> None:
    coach = callback.from_user.id
    try:  # whom the coach acts for first, then what they chose
        client = await PromptClient(deps.uow, deps.clock).check(coach, callback_data.athlete)
    except NotYourClientError:
        await callback.answer(deps.t.get("coaching-not-your-client"), show_alert=True)
        return
    plans = await plans_to_assign(deps.uow, coach)
    chosen = plans[callback_data.index] if callback_data.index < len(plans) else None
    if chosen is None or plan_token(chosen.slug) != callback_data.token:
        await callback.answer(deps.t.get("coaching-plan-gone"), show_alert=True)
        return
    assign = AssignPlan(deps.uow, deps.clock, texts.CoachingWords(deps.catalogue))
    try:
        plan = await assign(
            coach, callback_data.athlete, chosen.slug, avoided_ok=callback_data.avoided_ok
        )
    except (HealthNotAcknowledgedError, AvoidedLiftsError) as stopped:
        confirmed = callback_data.model_copy(update={"avoided_ok": True})
        await health_stops_assigning(callback, deps, client, stopped, confirmed)
        return
    except NotYourClientError:
        await callback.answer(deps.t.get("coaching-not-your-client"), show_alert=True)
        return
    except UnknownPlanError:
        await callback.answer(deps.t.get("coaching-plan-gone"), show_alert=True)
        return
    except WorkoutInProgressError:
        await callback.answer(
            deps.t.get("coaching-assign-busy", client=client.first_name), show_alert=True
        )
        return
    await callback.answer()
    if isinstance(callback.message, Message):
        await callback.message.edit_text(
            deps.t.get("coaching-assigned", client=texts.name(client), plan=escape(plan.name))
        )


async def on_set_maxes(callback: CallbackQuery, callback_data: SetMaxes, deps: Deps) -> None:
    prompt = PromptClient(deps.uow, deps.clock)
    try:
        client = await prompt.check(callback.from_user.id, callback_data.athlete)
    except NotYourClientError:
        await callback.answer(deps.t.get("coaching-not-your-client"), show_alert=True)
        return
    await callback.answer()
    await _ask_for_maxes(callback, deps, client)


async def _ask_for_maxes(callback: CallbackQuery, deps: Deps, client: User) -> None:
    """A message the coach replies to with the client's training maxes."""
    prompt = PromptClient(deps.uow, deps.clock)
    if not isinstance(callback.message, Message):
        return
    sent = await callback.message.answer(
        deps.t.get("coaching-maxes-prompt", client=texts.name(client), unit=str(client.unit)),
        reply_markup=ForceReply(input_field_placeholder="squat 140 bench 100"),
    )
    with suppress(NotYourClientError):  # they left meanwhile: a reply then goes nowhere
        await prompt.remember(
            callback.from_user.id, client.telegram_id, sent.message_id, PromptPurpose.MAXES
        )


PLAN_TEXT_LIMIT = MAX_TEXT + 1  # one past the limit, so the parser says it is too long
PLAN_FILE_LIMIT = 4 * PLAN_TEXT_LIMIT  # bytes: UTF-8 takes up to 4 a character


class EditPlan(CallbackData, prefix="cepl"):
    athlete: UserId


async def on_edit_plan(callback: CallbackQuery, callback_data: EditPlan, deps: Deps) -> None:
    prompt = PromptClient(deps.uow, deps.clock)
    t = deps.t
    try:
        client = await prompt.check(callback.from_user.id, callback_data.athlete)
        text = await client_plan_text(deps.uow, callback.from_user.id, callback_data.athlete)
    except NotYourClientError:
        await callback.answer(t.get("coaching-not-your-client"), show_alert=True)
        return
    except NoClientCopyError:
        await callback.answer()
        if isinstance(callback.message, Message):
            await callback.message.answer(
                t.get("coaching-edit-plan-none", client=texts.name(client))
            )
        return
    await callback.answer()
    if not isinstance(callback.message, Message):
        return
    sent = await callback.message.answer_document(
        BufferedInputFile(text.encode(), filename="plan.txt"),
        caption=t.get("coaching-edit-plan-prompt", client=texts.name(client)),
        reply_markup=ForceReply(input_field_placeholder=client.first_name[:64]),
    )
    with suppress(NotYourClientError):  # they left meanwhile: a reply then goes nowhere
        await prompt.remember(
            callback.from_user.id, client.telegram_id, sent.message_id, PromptPurpose.PLAN
        )


async def edit_plan_from_reply(message: Message, deps: Deps, athlete_id: int) -> None:
    """The coach's reply to a plan prompt: the whole text, typed or as a .txt file."""
    text = message.text or await _text_file(message, deps)
    if text is None:
        await message.answer(deps.t.get("plans-not-a-plan-file"))
        return
    editing = EditClientPlan(deps.uow, deps.clock, texts.CoachingWords(deps.catalogue))
    try:
        plan = await editing(deps.user_id, athlete_id, text[:PLAN_TEXT_LIMIT])
        client = await PromptClient(deps.uow, deps.clock).check(deps.user_id, athlete_id)
    except PlanTextError as error:
        await message.answer(plan_errors(deps.t, error.errors))
        return
    except NotYourClientError:
        await message.answer(deps.t.get("coaching-not-your-client"))
        return
    except NoClientCopyError:
        await message.answer(deps.t.get("coaching-edit-plan-gone"))
        return
    await message.answer(
        deps.t.get(
            "coaching-plan-saved",
            plan=escape(plan.name),
            client=texts.name(client),
            days=len(plan.days),
        )
    )


async def _text_file(message: Message, deps: Deps) -> str | None:
    document = message.document
    if document is None or (document.file_size or 0) > PLAN_FILE_LIMIT:
        return None
    buffer = io.BytesIO()
    await deps.bot.download(document, destination=buffer)
    try:
        return buffer.getvalue().decode("utf-8-sig")
    except UnicodeDecodeError:
        return None


class Decide(CallbackData, prefix="cdcd"):
    """Keep, Decline or ✏️ under a client's proposed training-max change."""

    proposal: RowId
    decision: ProposalDecision


async def on_decide(callback: CallbackQuery, callback_data: Decide, deps: Deps) -> None:
    deciding = DecideProposal(deps.uow, deps.clock, texts.CoachingWords(deps.catalogue))
    t = deps.t
    try:
        proposal, client = await deciding(
            callback.from_user.id, callback_data.proposal, callback_data.decision
        )
    except NotYourClientError:
        await callback.answer(t.get("coaching-not-your-client"), show_alert=True)
        return
    except AlreadyDecidedError:
        await callback.answer(t.get("coaching-already-decided"), show_alert=True)
        return
    except OutOfDateError as stale:
        now = "—" if stale.current is None else str(stale.current.weight)
        await callback.answer(t.get("coaching-proposal-stale", now=now), show_alert=True)
        return
    await callback.answer()
    change = proposal.change
    if isinstance(callback.message, Message) and callback.message.html_text:
        outcome = {
            ProposalDecision.KEPT: "coaching-decided-kept",
            ProposalDecision.DECLINED: "coaching-decided-declined",
            ProposalDecision.REPLACED: "coaching-decided-declined",
        }[callback_data.decision]
        said = t.get(outcome, lift=escape(change.name), old=str(change.old), new=str(change.new))
        with suppress(TelegramBadRequest):
            await callback.message.edit_text(f"{callback.message.html_text}\n{said}")
    if callback_data.decision == ProposalDecision.REPLACED:
        await _ask_for_maxes(callback, deps, client)


async def set_maxes_from_reply(message: Message, deps: Deps, athlete_id: int) -> None:
    """The coach's reply to a training-max prompt: read it, then set what it names."""
    client = await PromptClient(deps.uow, deps.clock).check(deps.user_id, athlete_id)
    typed = read_maxes(message.text or "", client.unit)
    if not typed.found or typed.unknown or typed.out_of_range:
        await message.answer(deps.t.get("coaching-maxes-bad"))
        return
    await SetClientMaxes(deps.uow, deps.clock, texts.CoachingWords(deps.catalogue))(
        deps.user_id, athlete_id, typed.found
    )
    await message.answer(deps.t.get("coaching-maxes-done", client=texts.name(client)))


def build_router() -> Router:
    router = Router(name="programs")
    router.callback_query.register(on_pick_plan, PickPlan.filter())
    router.callback_query.register(on_assign, Assign.filter())
    router.callback_query.register(on_set_maxes, SetMaxes.filter())
    router.callback_query.register(on_decide, Decide.filter())
    router.callback_query.register(on_edit_plan, EditPlan.filter())
    return router
