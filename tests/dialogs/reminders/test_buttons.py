"""The outbox's button actions as the sender sends them: Telegram markup, labelled."""

from __future__ import annotations

from aiogram.types import InlineKeyboardButton, InlineKeyboardMarkup

from domain.outbox.model import Action, Button
from handlers.reminders.buttons import OPEN_TODAY, StartFromReminder, inline_keyboard


def test_the_start_action_becomes_the_start_button_whose_callback_opens_today() -> None:
    start = InlineKeyboardButton(text="▶️ Start", callback_data=StartFromReminder().pack())

    assert inline_keyboard(OPEN_TODAY, "en") == InlineKeyboardMarkup(inline_keyboard=[[start]])


def test_rows_and_their_order_are_kept() -> None:
    start = Button(Action.OPEN_TODAYS_WORKOUT)

    markup = inline_keyboard(((start, start), (start,)), None)

    assert [len(row) for row in markup.inline_keyboard] == [2, 1]
