"""The buttons under reminders: the actions, their labels, and the callbacks answered here.

The sender calls `ReminderButtons` at send time (bot/ injects it as the transport's
ButtonMarkup), so a label is in the recipient's language when the message leaves.
"""

from __future__ import annotations

from aiogram.filters.callback_data import CallbackData
from aiogram.types import InlineKeyboardButton, InlineKeyboardMarkup

from domain.athletes.model import language_for
from domain.outbox.model import Action, Button, Buttons
from handlers.common.i18n import Catalogue, Translator


class StartFromReminder(CallbackData, prefix="remind"):
    """The Start button under a reminder: it names nothing, the presser is the athlete."""

    action: str = "start"


OPEN_TODAY: Buttons = ((Button(Action.OPEN_TODAYS_WORKOUT),),)


class ReminderButtons:
    """The sender's ButtonMarkup: actions become Telegram buttons labelled in `language`."""

    def __init__(self, catalogue: Catalogue) -> None:
        self._catalogue = catalogue

    def __call__(self, buttons: Buttons, language: str | None) -> InlineKeyboardMarkup:
        t = self._catalogue.translator(language_for(language))
        return InlineKeyboardMarkup(
            inline_keyboard=[
                [
                    InlineKeyboardButton(
                        text=_label(t, button.action), callback_data=_callback_data(button)
                    )
                    for button in row
                ]
                for row in buttons
            ]
        )


def _label(t: Translator, action: Action) -> str:
    """What a button says: every action's words, in one place."""
    match action:
        case Action.OPEN_TODAYS_WORKOUT:
            return t.get("reminders-start-button")


def _callback_data(button: Button) -> str:
    match button.action:
        case Action.OPEN_TODAYS_WORKOUT:
            return StartFromReminder().pack()
