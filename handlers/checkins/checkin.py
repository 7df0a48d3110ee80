"""/checkin picks the weekday of the weekly check-in (a coach picks a client's from the card);
the answers come as 1–5 buttons under the question, one question after another."""

from __future__ import annotations

from typing import Annotated

from aiogram import F, Router
from aiogram.filters import Command
from aiogram.filters.callback_data import CallbackData
from aiogram.types import CallbackQuery, InlineKeyboardButton, InlineKeyboardMarkup, Message
from pydantic import Field

from domain.athletes.model import language_for
from domain.checkins.model import CheckInDay
from domain.checkins.readiness import readiness
from domain.checkins.use_cases.checkins import (
    AnswerCheckIn,
    BadAnswerError,
    NotAllowedError,
    SetCheckInDay,
    UnknownCheckInError,
    answer_buttons,
    check_in_day,
)
from domain.outbox.model import Action, Button, Buttons
from domain.shared.errors import NotRegisteredError
from handlers.checkins import texts
from handlers.common.callback_fields import RowId, UserId
from handlers.common.client_tools import ClientCheckIns
from handlers.common.deps import Deps
from handlers.common.i18n import Catalogue, Translator
from handlers.common.keyboards import callback_button

Answer = Annotated[int, Field(ge=0, le=9)]
Weekday = Annotated[int, Field(ge=-1, le=6)]  # -1: not asked
OFF = -1


class CheckInAnswer(CallbackData, prefix="chk"):
    check_in: RowId
    question: str
    answer: Answer


class PickCheckInDay(CallbackData, prefix="chkd"):
    athlete: UserId
    weekday: Weekday


def _answer_data(button: Button) -> CheckInAnswer:
    parameters = dict(button.parameters)
    return CheckInAnswer(
        check_in=int(parameters["check_in"]),
        question=parameters["question"],
        answer=int(parameters["answer"]),
    )


def _markup(buttons: Buttons) -> InlineKeyboardMarkup:
    return InlineKeyboardMarkup(
        inline_keyboard=[
            [
                InlineKeyboardButton(
                    text=dict(b.parameters)["answer"], callback_data=_answer_data(b).pack()
                )
                for b in row
            ]
            for row in buttons
        ]
    )


class CheckInButtons:
    """The answer buttons under a check-in sent by the outbox; their label is the number."""

    actions = frozenset({Action.CHECKIN_ANSWER})

    def __init__(self, catalogue: Catalogue) -> None:
        self._catalogue = catalogue

    def __call__(self, buttons: Buttons, language: str | None) -> InlineKeyboardMarkup:
        t = self._catalogue.translator(language_for(language))
        return InlineKeyboardMarkup(
            inline_keyboard=[[self.button(t, button) for button in row] for row in buttons]
        )

    def button(self, t: Translator, button: Button) -> InlineKeyboardButton:
        return InlineKeyboardButton(
            text=dict(button.parameters)["answer"], callback_data=_answer_data(button).pack()
        )


async def on_answer(callback: CallbackQuery, callback_data: CheckInAnswer, deps: Deps) -> None:
    t = deps.t
    try:
        check_in = await AnswerCheckIn(deps.uow, deps.clock)(
            callback.from_user.id,
            callback_data.check_in,
            callback_data.question,
            callback_data.answer,
        )
    except UnknownCheckInError:
        await callback.answer(t.get("checkins-not-yours"), show_alert=True)
        return
    except BadAnswerError:
        await callback.answer(t.get("common-outdated-card"), show_alert=True)
        return
    await callback.answer()
    if not isinstance(callback.message, Message):
        return
    following = check_in.next_question
    if check_in.completed_at is not None or following is None:
        await callback.message.edit_text(t.get("checkins-done", score=readiness(check_in.answers)))
        return
    await callback.message.edit_text(
        texts.question_text(t, following),
        reply_markup=_markup(answer_buttons(callback_data.check_in, following)),
    )


def _day_keyboard(t: Translator, athlete: int) -> InlineKeyboardMarkup:
    days = [
        callback_button(t.get(f"checkins-weekday-{n}"), PickCheckInDay(athlete=athlete, weekday=n))
        for n in range(7)
    ]
    off = callback_button(
        t.get("checkins-off-button"), PickCheckInDay(athlete=athlete, weekday=OFF)
    )
    return InlineKeyboardMarkup(inline_keyboard=[days[:4], days[4:], [off]])


async def _show_day(
    message: Message, t: Translator, day: CheckInDay, *, edit: bool, viewer: int
) -> None:
    for_coach = viewer != day.athlete_id
    intro = t.get("checkins-client-intro" if for_coach else "checkins-intro")
    text = intro + "\n\n" + texts.day_text(t, day, for_coach=for_coach)
    keyboard = _day_keyboard(t, day.athlete_id)
    if edit:
        await message.edit_text(text, reply_markup=keyboard)
    else:
        await message.answer(text, reply_markup=keyboard)


async def on_checkin(message: Message, deps: Deps) -> None:
    day = await check_in_day(deps.uow, deps.user_id, deps.user_id)
    await _show_day(message, deps.t, day, edit=False, viewer=deps.user_id)


async def on_client_checkins(
    callback: CallbackQuery, callback_data: ClientCheckIns, deps: Deps
) -> None:
    try:
        day = await check_in_day(deps.uow, callback.from_user.id, callback_data.athlete)
    except NotAllowedError:
        await callback.answer(deps.t.get("checkins-not-your-client"), show_alert=True)
        return
    await callback.answer()
    if isinstance(callback.message, Message):
        await _show_day(callback.message, deps.t, day, edit=False, viewer=callback.from_user.id)


async def on_pick_day(callback: CallbackQuery, callback_data: PickCheckInDay, deps: Deps) -> None:
    weekday = None if callback_data.weekday == OFF else callback_data.weekday
    try:
        day = await SetCheckInDay(deps.uow)(callback.from_user.id, callback_data.athlete, weekday)
    except NotRegisteredError:
        await callback.answer(deps.t.get("common-register-first"), show_alert=True)
        return
    except NotAllowedError:
        await callback.answer(deps.t.get("checkins-not-your-client"), show_alert=True)
        return
    await callback.answer()
    if isinstance(callback.message, Message):
        await _show_day(callback.message, deps.t, day, edit=True, viewer=callback.from_user.id)


def build_router() -> Router:
    router = Router(name="checkins")
    router.message.register(on_checkin, Command("checkin"), F.chat.type == "private")
    router.callback_query.register(on_answer, CheckInAnswer.filter())
    router.callback_query.register(on_client_checkins, ClientCheckIns.filter())
    router.callback_query.register(on_pick_day, PickCheckInDay.filter())
    return router
