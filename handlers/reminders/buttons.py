"""The buttons under reminders: the actions, their labels, and the callbacks answered here.

The sender calls `inline_keyboard` at send time (bot/ injects it as the transport's
ButtonMarkup), so a label is in the recipient's language when the message leaves.
"""

from __future__ import annotations

from aiogram.filters.callback_data import CallbackData
from aiogram.types import InlineKeyboardButton, InlineKeyboardMarkup

from domain.outbox.model import Action, Button, Buttons
from handlers.reminders import texts


class StartFromReminder(CallbackData, prefix="remind"):
    """The Start button under a reminder: it names nothing, the presser is the athlete."""

    action: str = "start"


OPEN_TODAY: Buttons = ((Button(Action.OPEN_TODAYS_WORKOUT),),)


def inline_keyboard(buttons: Buttons, language: str | None) -> InlineKeyboardMarkup:
    return InlineKeyboardMarkup(
        inline_keyboard=[
            [
                InlineKeyboardButton(
                    text=label(button.action, language), callback_data=_callback_data(button)
                )
                for button in row
            ]
            for row in buttons
        ]
    )


def label(action: Action, _language: str | None) -> str:
    """What a button says: every action's words, in one place."""
    match action:
        case Action.OPEN_TODAYS_WORKOUT:
            return texts.START_BUTTON


def _callback_data(button: Button) -> str:
    match button.action:
        case Action.OPEN_TODAYS_WORKOUT:
            return StartFromReminder().pack()
