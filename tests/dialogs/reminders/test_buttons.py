"""The outbox's button actions as the sender sends them: Telegram markup, labelled."""

from __future__ import annotations

from aiogram.types import InlineKeyboardButton, InlineKeyboardMarkup

from domain.outbox.model import Action, Button
from handlers.common.i18n import Catalogue
from handlers.reminders.buttons import OPEN_TODAY, ReminderButtons, StartFromReminder

MARKUP = ReminderButtons(Catalogue.load())


def test_the_start_action_becomes_the_start_button_whose_callback_opens_today() -> None:
    start = InlineKeyboardButton(text="▶️ Start", callback_data=StartFromReminder().pack())

    assert MARKUP(OPEN_TODAY, "en") == InlineKeyboardMarkup(inline_keyboard=[[start]])


def test_the_label_is_in_the_recipients_language_at_send_time() -> None:
    start = InlineKeyboardButton(text="▶️ Начать", callback_data=StartFromReminder().pack())

    assert MARKUP(OPEN_TODAY, "ru") == InlineKeyboardMarkup(inline_keyboard=[[start]])


def test_rows_and_their_order_are_kept() -> None:
    start = Button(Action.OPEN_TODAYS_WORKOUT)

    markup = MARKUP(((start, start), (start,)), None)

    assert [len(row) for row in markup.inline_keyboard] == [2, 1]
