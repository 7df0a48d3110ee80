"""/reminders: training days, time, quiet hours and the weekly summary, one card edited in place.

Also the Start button under a reminder, which opens today's workout as /today does.
"""

from __future__ import annotations

from typing import Any
from zoneinfo import ZoneInfo

from aiogram import F, Router
from aiogram.filters import Command
from aiogram.fsm.state import State
from aiogram.types import CallbackQuery, Message, User
from aiogram_dialog import Dialog, DialogManager, StartMode
from aiogram_dialog.widgets.input import MessageInput
from aiogram_dialog.widgets.kbd import Button, Cancel, Group, Row, Select, SwitchTo
from aiogram_dialog.widgets.text import Format

from domain.athletes.model import Language
from domain.athletes.use_cases.registration import find_user
from domain.plans.model import PlanDay
from domain.plans.use_cases.exercises import exercise_names
from domain.reminders.choices import (
    Change,
    QuietConflictError,
    SetQuietHours,
    SetTime,
    SwitchReminders,
    SwitchWeeklySummary,
    ToggleDay,
)
from domain.reminders.model import WEEK
from domain.reminders.parsing import QuietHoursError, TimeEntryError, parse_quiet_hours, parse_time
from domain.reminders.use_cases.sending import Wording
from domain.reminders.use_cases.settings import ChangeReminders, ShowReminders
from domain.shared.errors import NotRegisteredError
from domain.training.prescription import MissingTrainingMaxError
from domain.training.use_cases.logging import NoActivePlanError, OpenWorkout
from handlers.common.cards import Card
from handlers.common.deps import Deps, deps_of
from handlers.common.filters import leaves_others_alone
from handlers.common.i18n import Catalogue
from handlers.common.states import RemindersSG, TodaySG
from handlers.common.texts import needs_max
from handlers.common.widgets import T, TextMessageInput
from handlers.reminders import texts
from handlers.reminders.buttons import OPEN_TODAY, StartFromReminder


class ReminderWording:
    """The domain's ReminderTexts: the words, and a Start button that opens today's workout."""

    def __init__(self, catalogue: Catalogue) -> None:
        self._catalogue = catalogue

    def reminder(self, language: Language, day: PlanDay | None) -> Wording:
        t = self._catalogue.translator(language)
        return Wording(texts.reminder(t, day), OPEN_TODAY if day else ())

    def missed(self, language: Language, day: PlanDay | None) -> Wording:
        t = self._catalogue.translator(language)
        return Wording(texts.missed(t, day), OPEN_TODAY if day else ())

    def nudge(self, language: Language, missed: int, day: PlanDay | None) -> Wording:
        t = self._catalogue.translator(language)
        return Wording(texts.nudge(t, missed, day), OPEN_TODAY if day else ())


async def on_start_pressed(
    callback: CallbackQuery, deps: Deps, dialog_manager: DialogManager
) -> None:
    try:
        workout = await OpenWorkout(deps.uow, deps.clock)(callback.from_user.id)
    except (NoActivePlanError, NotRegisteredError):
        await callback.answer(deps.t.get("common-no-plan"), show_alert=True)
        return
    except MissingTrainingMaxError as missing:
        name = (await exercise_names(deps.uow))[missing.exercise]
        await callback.answer(needs_max(deps.t, name, missing.exercise), show_alert=True)
        return
    await callback.answer()
    await dialog_manager.start(
        TodaySG.card, data={"workout_id": workout.id}, mode=StartMode.RESET_STACK
    )


async def on_reminders(message: Message, dialog_manager: DialogManager, deps: Deps) -> None:
    if message.from_user is None or await find_user(deps.uow, message.from_user.id) is None:
        await message.answer(deps.t.get("common-register-first"))
        return
    await dialog_manager.start(RemindersSG.main, mode=StartMode.RESET_STACK)


async def reminders_getter(
    dialog_manager: DialogManager, event_from_user: User, **_: Any
) -> dict[str, Any]:
    deps = deps_of(dialog_manager)
    t = deps.t
    shown = await ShowReminders(deps.uow)(event_from_user.id)
    if shown is None:
        return {
            "summary": t.get("common-register-first"),
            "days": [],
            "switch": "",
            "summary_switch": "",
        }
    reminder = shown.reminder
    next_due = (
        reminder.next_due.astimezone(ZoneInfo(shown.time_zone)) if reminder.next_due else None
    )
    return {
        "summary": texts.card(t, reminder, shown.time_zone, next_due),
        "days": [
            (str(d), texts.weekday_button(t, d, chosen=d in reminder.days)) for d in range(WEEK)
        ],
        "switch": t.get("reminders-turn-off" if reminder.enabled else "reminders-turn-on"),
        "summary_switch": t.get(
            "reminders-summary-turn-off" if reminder.weekly_summary else "reminders-summary-turn-on"
        ),
    }


def _athlete_id(manager: DialogManager) -> int:
    return deps_of(manager).user_id


async def _change(manager: DialogManager, change: Change) -> None:
    deps = deps_of(manager)
    await ChangeReminders(deps.uow, deps.clock)(_athlete_id(manager), change)


async def on_day(_c: CallbackQuery, _w: Any, manager: DialogManager, item: str) -> None:
    if not item.isdecimal() or int(item) >= WEEK:
        return  # a forged press: the card simply shows the current choices
    await _change(manager, ToggleDay(int(item)))


async def on_switch(_c: CallbackQuery, _b: Button, manager: DialogManager) -> None:
    await _change(manager, SwitchReminders())


async def on_switch_summary(_c: CallbackQuery, _b: Button, manager: DialogManager) -> None:
    await _change(manager, SwitchWeeklySummary())


async def on_time_text(message: Message, _w: Any, manager: DialogManager) -> None:
    text = message.text or ""
    try:
        await _change(manager, SetTime(parse_time(text)))
    except TimeEntryError as error:
        await message.answer(texts.time_problem(deps_of(manager).t, error.problem, text))
        return
    except QuietConflictError as conflict:
        await message.answer(
            texts.time_in_quiet_hours(deps_of(manager).t, conflict.at, conflict.quiet)
        )
        return
    await manager.switch_to(RemindersSG.main)


async def on_quiet_text(message: Message, _w: Any, manager: DialogManager) -> None:
    text = message.text or ""
    try:
        await _change(manager, SetQuietHours(parse_quiet_hours(text)))
    except QuietHoursError as error:
        await message.answer(texts.quiet_problem(deps_of(manager).t, error.problem, text))
        return
    except QuietConflictError as conflict:
        await message.answer(
            texts.quiet_hours_cover_reminders(deps_of(manager).t, conflict.at, conflict.quiet)
        )
        return
    await manager.switch_to(RemindersSG.main)


async def on_not_text(message: Message, _w: Any, manager: DialogManager) -> None:
    await message.answer(deps_of(manager).t.get("reminders-not-text"))


def _entry(prompt: str, on_text: Any, state: State, back_id: str) -> Card:
    return Card(
        T(prompt),
        TextMessageInput(on_text),
        MessageInput(on_not_text),
        SwitchTo(T("reminders-back-button"), id=back_id, state=RemindersSG.main),
        state=state,
    )


def build_dialog() -> Dialog:
    return leaves_others_alone(
        Dialog(
            Card(
                Format("{summary}"),
                Group(
                    Select(
                        Format("{item[1]}"),
                        id="day",
                        item_id_getter=lambda item: item[0],
                        items="days",
                        on_click=on_day,
                    ),
                    width=4,
                ),
                Row(
                    SwitchTo(T("reminders-time-button"), id="time", state=RemindersSG.time),
                    SwitchTo(T("reminders-quiet-button"), id="quiet", state=RemindersSG.quiet),
                ),
                Button(Format("{switch}"), id="switch", on_click=on_switch),
                Button(Format("{summary_switch}"), id="summary", on_click=on_switch_summary),
                Cancel(T("reminders-close-button")),
                state=RemindersSG.main,
                getter=reminders_getter,
            ),
            _entry("reminders-time-prompt", on_time_text, RemindersSG.time, "time_back"),
            _entry("reminders-quiet-prompt", on_quiet_text, RemindersSG.quiet, "quiet_back"),
        )
    )


def build_router() -> Router:
    router = Router(name="reminders")
    router.message.register(on_reminders, Command("reminders"), F.chat.type == "private")
    router.callback_query.register(on_start_pressed, StartFromReminder.filter())
    router.include_router(build_dialog())
    return router
