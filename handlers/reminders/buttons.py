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
    """The reminders' actions as Telegram buttons labelled in `language`.

    Called alone it is a ButtonMarkup for messages with reminder buttons only; bot/ combines
    it with the other contexts' (`button`) for the sender.
    """

    actions = frozenset({Action.OPEN_TODAYS_WORKOUT})

    def __init__(self, catalogue: Catalogue) -> None:
        self._catalogue = catalogue

    def __call__(self, buttons: Buttons, language: str | None) -> InlineKeyboardMarkup:
        t = self._catalogue.translator(language_for(language))
        return InlineKeyboardMarkup(
            inline_keyboard=[[self.button(t, button) for button in row] for row in buttons]
        )

    def button(self, t: Translator, button: Button) -> InlineKeyboardButton:
        return InlineKeyboardButton(
            text=t.get("reminders-start-button"), callback_data=StartFromReminder().pack()
        )
