"""The /reminders card and the Start button under a reminder, through the real dispatcher (#5)."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from aiogram.types import Chat, InlineKeyboardMarkup, Message
from aiogram.types import User as TelegramUser
from aiogram_dialog.test_tools import BotClient, MockMessageManager
from aiogram_dialog.test_tools.keyboard import InlineButtonTextLocator
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from domain.athletes.model import Language
from domain.plans.model import PlanDay
from handlers.common.i18n import Catalogue
from handlers.reminders.buttons import ReminderButtons
from handlers.reminders.dialog import ReminderWording
from storage.uow import SqlUnitOfWork
from tests.dialogs.conftest import BOT_ID, RecordingBot
from tests.fakes import FixedClock


def text_of(manager: MockMessageManager) -> str:
    return manager.last_message().text or ""


async def press(client: BotClient, manager: MockMessageManager, label: str) -> None:
    await client.click(manager.last_message(), InlineButtonTextLocator(label))


@pytest.fixture
async def card(client: BotClient, message_manager: MockMessageManager) -> BotClient:
    await client.send("/start")
    message_manager.reset_history()
    await client.send("/reminders")
    return client


async def test_reminders_before_start_asks_to_start_first(
    client: BotClient, bot: RecordingBot, message_manager: MockMessageManager
) -> None:
    await client.send("/reminders")

    assert "/start" in bot.sent[-1].text
    assert message_manager.sent_messages == []


async def test_the_card_starts_off_with_monday_wednesday_friday_at_six_and_the_summary_on(
    card: BotClient, message_manager: MockMessageManager
) -> None:
    text = text_of(message_manager)

    assert "⏰ <b>Reminders</b>: off" in text
    assert "Days: Mon, Wed, Fri at <b>18:00</b> (UTC)" in text
    assert "Quiet hours: none" in text
    assert "Weekly summary: Sundays at 19:00" in text


async def test_turning_on_and_tapping_days_shows_the_next_reminder(
    card: BotClient, message_manager: MockMessageManager
) -> None:
    # the dialogs' clock is Monday 2 March 2026, 09:30 UTC
    await press(card, message_manager, "🔔 Turn reminders on")
    await press(card, message_manager, "✅ Mon")
    await press(card, message_manager, "Tue")

    text = text_of(message_manager)
    assert "⏰ <b>Reminders</b>: <b>on</b>" in text
    assert "Days: Tue, Wed, Fri at <b>18:00</b>" in text
    assert "Next reminder: Tue 18:00" in text


async def test_a_time_typed_badly_is_explained_and_changes_nothing(
    card: BotClient, bot: RecordingBot, message_manager: MockMessageManager
) -> None:
    await press(card, message_manager, "🕕 Time")

    replies = []
    for typed in ("abc", "25:00", "18:75", "13pm", "<b>6</b>"):
        await card.send(typed)
        replies.append(bot.sent[-1].text)

    assert "can't read “abc” as a time" in replies[0]
    assert "no such hour" in replies[1]
    assert "minutes go from 00 to 59" in replies[2]
    assert "mixes the 24-hour clock with am/pm" in replies[3]
    assert "&lt;b&gt;6&lt;/b&gt;" in replies[4]
    message_manager.reset_history()
    await card.send("/reminders")
    assert "at <b>18:00</b>" in text_of(message_manager)


@pytest.mark.parametrize(("typed", "shown"), [("6pm", "18:00"), ("7:30", "07:30")])
async def test_a_time_typed_well_is_saved_and_shown(
    card: BotClient, message_manager: MockMessageManager, typed: str, shown: str
) -> None:
    await press(card, message_manager, "🕕 Time")

    await card.send(typed)

    assert f"at <b>{shown}</b>" in text_of(message_manager)


async def test_quiet_hours_are_checked_against_the_reminder_time(
    card: BotClient, bot: RecordingBot, message_manager: MockMessageManager
) -> None:
    await press(card, message_manager, "🌙 Quiet hours")

    await card.send("22-22")
    same = bot.sent[-1].text
    await card.send("17-19")
    covering = bot.sent[-1].text
    await card.send("22-7")

    assert "can't read “22-22” as quiet hours" in same
    assert "Your reminders come at 18:00, inside 17:00–19:00" in covering
    assert "Quiet hours: 22:00–07:00" in text_of(message_manager)
    await press(card, message_manager, "🕕 Time")
    await card.send("23:00")
    assert "23:00 is inside your quiet hours (22:00–07:00)" in bot.sent[-1].text


async def test_a_forged_weekday_press_changes_nothing(
    card: BotClient, message_manager: MockMessageManager, bot: RecordingBot
) -> None:
    before = text_of(message_manager)
    forged = message_manager.last_message()
    markup = forged.reply_markup
    assert isinstance(markup, InlineKeyboardMarkup)
    button = markup.inline_keyboard[0][0]
    assert button.callback_data is not None
    tampered = button.model_copy(
        update={"callback_data": button.callback_data.rsplit(":", 1)[0] + ":9"}
    )
    forged_markup = InlineKeyboardMarkup(inline_keyboard=[[tampered]])

    await card.click(
        forged.model_copy(update={"reply_markup": forged_markup}),
        InlineButtonTextLocator(tampered.text),
    )

    message_manager.reset_history()
    await card.send("/reminders")
    assert text_of(message_manager) == before


async def test_start_under_a_reminder_opens_todays_workout(
    client: BotClient,
    message_manager: MockMessageManager,
    session_factory: async_sessionmaker[AsyncSession],
) -> None:
    await client.send("/start")
    await press(client, message_manager, "kg")
    await press(client, message_manager, "nSuns.*")
    await client.send("bench 100 squat 140 ohp 60 deadlift 180")
    async with SqlUnitOfWork(session_factory, FixedClock()) as uow:
        active = await uow.athlete_plans.active(1001)
        plan = await uow.plans.get(active.plan_slug) if active else None
    assert plan is not None
    day: PlanDay = plan.days[0]
    wording = ReminderWording(Catalogue.load()).reminder(Language.EN, day)
    reminder = Message(
        message_id=777,
        date=datetime.now(UTC),
        chat=Chat(id=1001, type="private"),
        from_user=TelegramUser(id=BOT_ID, is_bot=True, first_name="Spotter"),
        text=wording.text,
        reply_markup=ReminderButtons(Catalogue.load())(wording.buttons, "en"),
    )
    message_manager.reset_history()

    await client.click(reminder, InlineButtonTextLocator("▶️ Start"))

    assert (
        wording.text == "⏰ Training day today: <b>Day 1 · Bench press (volume), Overhead press</b>"
    )
    assert "Day 1" in text_of(message_manager)
    assert "set 1 of 9" in text_of(message_manager)


async def test_a_russian_athlete_gets_the_card_and_its_buttons_in_russian(
    client: BotClient, message_manager: MockMessageManager
) -> None:
    client.user = TelegramUser(id=1001, is_bot=False, first_name="Оля", language_code="ru")
    await client.send("/start")
    message_manager.reset_history()
    await client.send("/reminders")

    await press(client, message_manager, "🔔 Включить напоминания")

    text = text_of(message_manager)
    assert "⏰ <b>Напоминания</b>: <b>включены</b>" in text
    assert "Дни: Пн, Ср, Пт в <b>18:00</b> (UTC)" in text
    assert "Тихие часы: нет" in text
    assert "Следующее напоминание: Пн 18:00" in text
    keyboard = message_manager.last_message().reply_markup
    assert isinstance(keyboard, InlineKeyboardMarkup)
    labels = [button.text for row in keyboard.inline_keyboard for button in row]
    assert {"✅ Пн", "Вт", "🕕 Время", "🔕 Выключить напоминания", "Готово"} <= set(labels)
