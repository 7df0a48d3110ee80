"""/food through the real dispatcher and a SQLite database: logging, bad entries, targets by
reply, a redelivered update, and forged buttons."""

from __future__ import annotations

from datetime import UTC, datetime
from types import SimpleNamespace
from typing import Any

import pytest
from aiogram import Dispatcher
from aiogram.methods import AnswerCallbackQuery, SendMessage, TelegramMethod
from aiogram.types import CallbackQuery, Chat, InlineKeyboardMarkup, Message, Update
from aiogram.types import User as TelegramUser
from aiogram_dialog.test_tools import BotClient
from aiogram_dialog.test_tools.keyboard import InlineButtonTextLocator
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from domain.nutrition.use_cases.food import food_today
from handlers.common.nutrition_buttons import ClientNutrition
from handlers.nutrition.food import DeleteFood, FoodMenu, PlanDay, replies_to_a_prompt
from storage.uow import SqlUnitOfWork
from tests.dialogs.conftest import BOT_ID, RecordingBot
from tests.fakes import FixedClock
from tests.integration.catalog import athlete

ANN, BEN = 1001, 1002
Factory = async_sessionmaker[AsyncSession]


class AnsweringBot(RecordingBot):
    """Keeps the alerts answered to button presses too."""

    def __init__(self) -> None:
        super().__init__()
        self.alerts: list[str] = []

    async def __call__(
        self, method: TelegramMethod[Any], request_timeout: int | None = None
    ) -> Any:
        if isinstance(method, AnswerCallbackQuery) and method.text:
            self.alerts.append(method.text)
        return await super().__call__(method, request_timeout)


@pytest.fixture
def bot() -> AnsweringBot:
    return AnsweringBot()


@pytest.fixture
async def ann(session_factory: Factory, dispatcher: Dispatcher, bot: AnsweringBot) -> BotClient:
    uow = SqlUnitOfWork(session_factory, FixedClock())
    async with uow:
        for telegram_id in (ANN, BEN):
            await uow.users.add(athlete(telegram_id))
        await uow.commit()
    return BotClient(dispatcher, user_id=ANN, chat_id=ANN, bot=bot)


def last(bot: RecordingBot) -> SendMessage:
    return bot.sent[-1]


def as_message(sent: SendMessage, message_id: int) -> Message:
    """What the athlete sees of a message the bot sent: its text and buttons."""
    return Message(
        message_id=message_id,
        date=datetime.now(UTC),
        chat=Chat(id=int(sent.chat_id), type="private"),
        from_user=TelegramUser(id=BOT_ID, is_bot=True, first_name="Spotter"),
        text=sent.text,
        reply_markup=sent.reply_markup
        if isinstance(sent.reply_markup, InlineKeyboardMarkup)
        else None,
    )


async def entries(session_factory: Factory, athlete_id: int = ANN) -> list[str]:
    day = await food_today(
        SqlUnitOfWork(session_factory, FixedClock()), athlete_id, FixedClock().now()
    )
    return [entry.name for entry in day.entries]


async def test_a_typed_entry_is_logged_with_kcal_from_its_macros(
    ann: BotClient, bot: AnsweringBot
) -> None:
    await ann.send("/food oats p10 c50 f6")

    text = last(bot).text
    # 10*4 + 50*4 + 6*9 = 294 kcal
    assert "✅ Logged: oats — 294 kcal · P10 C50 F6" in text
    assert "<b>294</b> kcal" in text
    assert "1. oats — 294 kcal · P10 C50 F6" in text
    assert "No targets yet" in text


@pytest.mark.parametrize(
    ("typed", "reply"),
    [
        ("p-5", "“p-5” is negative"),
        ("c", "“c” has no amount"),
        ("f 9999", "“f 9999” is more than one entry can hold"),
        ("650", "“650” has no unit"),
        ("oats p40 banana", "I don't understand “banana”"),
        ("<b>x</b>", "I found no amount in “&lt;b&gt;x&lt;/b&gt;”"),
    ],
)
async def test_a_bad_entry_names_what_was_not_understood_and_logs_nothing(
    ann: BotClient, bot: AnsweringBot, session_factory: Factory, typed: str, reply: str
) -> None:
    await ann.send(f"/food {typed}")

    assert reply in last(bot).text
    assert "Nothing was logged." in last(bot).text
    assert await entries(session_factory) == []


async def test_a_redelivered_update_logs_the_meal_once(
    ann: BotClient, dispatcher: Dispatcher, bot: AnsweringBot, session_factory: Factory
) -> None:
    update = Update(
        update_id=777,
        message=Message(
            message_id=55,
            date=datetime.now(UTC),
            chat=Chat(id=ANN, type="private"),
            from_user=TelegramUser(id=ANN, is_bot=False, first_name="Ann"),
            text="/food lunch 650kcal p40",
        ),
    )
    await dispatcher.feed_update(bot, update)
    await dispatcher.feed_update(bot, update)

    assert await entries(session_factory) == ["lunch"]


async def test_targets_by_reply_then_the_day_against_them(
    ann: BotClient, bot: AnsweringBot
) -> None:
    await ann.send("/food")
    card = as_message(last(bot), 500)
    await ann.click(card, InlineButtonTextLocator("🎯 Targets"))
    assert "Reply with the targets" in last(bot).text
    # the prompt is remembered under the id RecordingBot gave it: it counts from 10 000
    prompt = as_message(last(bot), 10_000 + len(bot.sent) - 1)

    await ann.send("2400 kcal p180 c250 f70\nnotes: no <peanuts>", reply_to=prompt)
    assert "✅ Targets saved." in last(bot).text
    assert "Every day: 2400 kcal · P180 C250 F70" in last(bot).text
    assert "no &lt;peanuts&gt;" in last(bot).text

    await ann.send("2400 kcal p-5", reply_to=prompt)
    assert "line 1: “p-5” is negative" in last(bot).text
    assert "Nothing changed." in last(bot).text

    await ann.send("/food p40 c60 f15")
    text = last(bot).text
    # 40*4 + 60*4 + 15*9 = 535 of 2400: 1865 left
    assert "<b>535</b> of 2400 kcal · 1865 kcal left" in text
    assert "Protein 40/180 g · carbs 60/250 g · fat 15/70 g" in text
    assert "⚠️ Restrictions and allergies: no &lt;peanuts&gt;" in text


async def test_delete_removes_the_last_entry_and_a_second_press_changes_nothing(
    ann: BotClient, bot: AnsweringBot, session_factory: Factory
) -> None:
    await ann.send("/food oats p10 c50 f6")
    await ann.send("/food lunch 650 kcal")
    card = as_message(last(bot), 600)

    await ann.click(card, InlineButtonTextLocator("🗑 Delete “lunch”"))
    assert "🗑 Deleted: lunch — 650 kcal" in last(bot).text
    await ann.click(card, InlineButtonTextLocator("🗑 Delete “lunch”"))

    assert bot.alerts == ["That entry is gone already."]
    assert await entries(session_factory) == ["oats"]


async def test_forged_buttons_touch_nobody_else_s_food(
    ann: BotClient, dispatcher: Dispatcher, bot: AnsweringBot, session_factory: Factory
) -> None:
    ben = BotClient(dispatcher, user_id=BEN, chat_id=BEN, bot=bot)
    await ben.send("/food shake p30")
    bens_entry = 1

    for forged in (DeleteFood(entry=bens_entry), ClientNutrition(athlete=BEN)):
        await dispatcher.feed_update(
            bot,
            Update(
                update_id=900 + len(bot.alerts),
                callback_query=CallbackQuery(
                    id="forged",
                    from_user=TelegramUser(id=ANN, is_bot=False, first_name="Ann"),
                    chat_instance="--",
                    data=forged.pack(),
                    message=as_message(last(bot), 700),
                ),
            ),
        )

    assert bot.alerts == ["That entry is gone already.", "They are not your client."]
    assert await entries(session_factory, BEN) == ["shake"]


async def test_nutrition_is_food_too_and_a_reply_to_log_food_is_an_entry(
    ann: BotClient, bot: AnsweringBot, session_factory: Factory
) -> None:
    await ann.send("/nutrition")
    card = as_message(last(bot), 800)
    assert "Nothing logged yet today." in last(bot).text
    await ann.click(card, InlineButtonTextLocator("🍽 Log food"))
    assert "Reply with what you ate" in last(bot).text
    prompt = as_message(last(bot), 10_000 + len(bot.sent) - 1)

    await ann.send("dinner p 35 f 15", reply_to=prompt)

    # 35*4 + 15*9 = 140 + 135
    assert "✅ Logged: dinner — 275 kcal · P35 C0 F15" in last(bot).text
    assert await entries(session_factory) == ["dinner"]


async def test_forged_menu_buttons_are_refused_and_keep_nothing(
    ann: BotClient, dispatcher: Dispatcher, bot: AnsweringBot, session_factory: Factory
) -> None:
    await ann.send("/food")
    shown = as_message(last(bot), 900)
    stranger = TelegramUser(id=5555, is_bot=False, first_name="Eve")
    presses = [
        (stranger, FoodMenu(action="log")),  # someone who never started
        (ann.user, FoodMenu(action="delete-everything")),
        (ann.user, PlanDay(index=3)),  # no meal plan
    ]
    for number, (who, forged) in enumerate(presses):
        await dispatcher.feed_update(
            bot,
            Update(
                update_id=950 + number,
                callback_query=CallbackQuery(
                    id=f"forged-{number}",
                    from_user=who,
                    chat_instance="--",
                    data=forged.pack(),
                    message=shown,
                ),
            ),
        )

    assert bot.alerts == [
        "Send /start first so I know who you are.",
        "This card is out of date. Send the command again to get a fresh one.",
        "No meal plan yet: your coach can send you one.",
    ]
    assert await entries(session_factory) == []


async def test_a_video_replying_to_a_food_question_is_left_for_the_coach_as_a_clip() -> None:
    question = Message(
        message_id=5,
        date=datetime(2026, 3, 2, tzinfo=UTC),
        chat=Chat(id=ANN, type="private"),
        from_user=TelegramUser(id=BOT_ID, is_bot=True, first_name="Spotter"),
        text="What did you eat?",
    )
    video = Message.model_validate(
        {
            "message_id": 6,
            "date": datetime(2026, 3, 2, tzinfo=UTC),
            "chat": {"id": ANN, "type": "private"},
            "from": {"id": ANN, "is_bot": False, "first_name": "Ann"},
            "caption": "p40 c60",
            "video": {
                "file_id": "v",
                "file_unique_id": "v",
                "width": 1,
                "height": 1,
                "duration": 3,
            },
            "reply_to_message": question.model_dump(by_alias=True),
        }
    )
    deps: Any = SimpleNamespace(bot_id=BOT_ID)  # no unit of work: it must not be asked

    assert await replies_to_a_prompt(video, deps) is False
