"""/goals: the athlete's goals with their progress; `/goals squat e1rm 160 by 2027-03-01`
sets one; ⏸/▶ pause and resume. A coach records an assessment from the client card by
replying to the prompt it sends (remembered in the database, like /wod's)."""

from __future__ import annotations

from aiogram import F, Router
from aiogram.filters import Command, CommandObject
from aiogram.filters.callback_data import CallbackData
from aiogram.types import CallbackQuery, ForceReply, InlineKeyboardMarkup, Message

from domain.goals.model import AssessmentPrompt, GoalStatus
from domain.goals.text import GoalError
from domain.goals.use_cases.assessments import (
    EmptyAssessmentError,
    NotYourClientError,
    RecordAssessment,
    client_assessments,
    my_assessments,
    prompt_of,
    remember_prompt,
)
from domain.goals.use_cases.goals import ChangeGoal, GoalView, SetGoal, UnknownGoalError, goals_of
from domain.shared.errors import NotRegisteredError
from handlers.common.callback_fields import RowId
from handlers.common.client_tools import ClientAssessments
from handlers.common.deps import Deps
from handlers.common.filters import bot_message_replied_to
from handlers.common.i18n import Translator
from handlers.common.keyboards import callback_button
from handlers.goals import texts

NOTES_SEPARATOR = "\n"  # the first line is the tests, the rest the notes


class PauseGoal(CallbackData, prefix="goalp"):
    goal: RowId
    paused: bool


def _keyboard(t: Translator, views: list[GoalView]) -> InlineKeyboardMarkup | None:
    rows = []
    for view in views:
        goal = view.goal
        if goal.id is None or goal.status == GoalStatus.COMPLETED:
            continue
        paused = goal.status == GoalStatus.PAUSED
        label = texts.subject(t, goal, view.subject_name)
        key = "goals-resume-button" if paused else "goals-pause-button"
        rows.append(
            [callback_button(t.get(key, subject=label), PauseGoal(goal=goal.id, paused=not paused))]
        )
    return InlineKeyboardMarkup(inline_keyboard=rows) if rows else None


async def _overview(deps: Deps, athlete_id: int) -> tuple[str, InlineKeyboardMarkup | None]:
    views = await goals_of(deps.uow, deps.clock, athlete_id)
    return texts.goals_text(deps.t, views), _keyboard(deps.t, views)


async def on_goals(message: Message, command: CommandObject, deps: Deps) -> None:
    typed = (command.args or "").strip()
    try:
        if typed:
            view = await SetGoal(deps.uow, deps.clock)(deps.user_id, typed)
            await message.answer(deps.t.get("goals-set") + "\n\n" + texts.goal_text(deps.t, view))
            return
        text, keyboard = await _overview(deps, deps.user_id)
    except NotRegisteredError:
        await message.answer(deps.t.get("common-register-first"))
        return
    except GoalError as error:
        await message.answer(texts.problem(deps.t, error.problem))
        return
    await message.answer(text, reply_markup=keyboard)
    assessments = await my_assessments(deps.uow, deps.user_id)
    if assessments:  # a message of their own: the two together could pass Telegram's limit
        await message.answer(texts.assessments_text(deps.t, assessments))


async def on_pause(callback: CallbackQuery, callback_data: PauseGoal, deps: Deps) -> None:
    try:
        await ChangeGoal(deps.uow, deps.clock)(
            callback.from_user.id, callback_data.goal, paused=callback_data.paused
        )
    except (UnknownGoalError, NotRegisteredError):
        await callback.answer(deps.t.get("goals-not-yours"), show_alert=True)
        return
    await callback.answer()
    if isinstance(callback.message, Message):
        text, keyboard = await _overview(deps, callback.from_user.id)
        await callback.message.edit_text(text, reply_markup=keyboard)


async def on_client_assessments(
    callback: CallbackQuery, callback_data: ClientAssessments, deps: Deps
) -> None:
    coach = callback.from_user.id
    try:
        entries = await client_assessments(deps.uow, coach, callback_data.athlete)
    except NotYourClientError:
        await callback.answer(deps.t.get("goals-not-your-client"), show_alert=True)
        return
    await callback.answer()
    if isinstance(callback.message, Message):
        shown = texts.assessments_text(deps.t, entries) if entries else deps.t.get("goals-none")
        sent = await callback.message.answer(
            shown + "\n\n" + deps.t.get("goals-assess-prompt"), reply_markup=ForceReply()
        )
        prompt = AssessmentPrompt(sent.chat.id, sent.message_id, coach, callback_data.athlete)
        await remember_prompt(deps.uow, deps.clock, prompt)


async def replies_to_a_prompt(message: Message, deps: Deps) -> dict[str, AssessmentPrompt] | bool:
    """Lets a coach's reply to one of their assessment prompts through, with the prompt."""
    replied = bot_message_replied_to(message, deps)
    if replied is None or not message.text:
        return False
    prompt = await prompt_of(deps.uow, deps.user_id, message.chat.id, replied)
    return False if prompt is None else {"prompt": prompt}


async def on_assessment(message: Message, deps: Deps, prompt: AssessmentPrompt) -> None:
    tests, _, notes = (message.text or "").partition(NOTES_SEPARATOR)
    try:
        await RecordAssessment(deps.uow, deps.clock)(deps.user_id, prompt.athlete_id, tests, notes)
    except NotYourClientError:  # the coaching ended since the prompt
        await message.reply(deps.t.get("goals-not-your-client"))
        return
    except EmptyAssessmentError:
        await message.reply(deps.t.get("goals-assess-empty"))
        return
    await message.reply(deps.t.get("goals-assess-saved"))


def build_router() -> Router:
    router = Router(name="goals")
    router.message.register(on_goals, Command("goals"), F.chat.type == "private")
    router.callback_query.register(on_pause, PauseGoal.filter())
    router.callback_query.register(on_client_assessments, ClientAssessments.filter())
    return router


def build_reply_router() -> Router:
    """A coach's reply to an assessment prompt is the assessment."""
    router = Router(name="goals_replies")
    router.message.register(on_assessment, F.chat.type == "private", replies_to_a_prompt)
    return router
