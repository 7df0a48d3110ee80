"""/health through the real dispatcher: the PAR-Q intake, history, fitness level, contacts,
resuming after a restart, and the coach's view with its Acknowledge button (#15)."""

from __future__ import annotations

import itertools
import re
from datetime import UTC, datetime
from typing import Any

import pytest
from aiogram import Dispatcher
from aiogram.methods import EditMessageText, SendMessage, TelegramMethod
from aiogram.types import CallbackQuery, Chat, InlineKeyboardMarkup, Message, Update
from aiogram.types import User as TelegramUser
from aiogram_dialog.test_tools import BotClient, MockMessageManager
from aiogram_dialog.test_tools.keyboard import InlineButtonTextLocator
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from domain.athletes.model import Profile
from domain.athletes.use_cases.registration import RegisterUser
from domain.coaching.use_cases.invites import AcceptInvite, BecomeCoach, CreateInvite
from handlers.coaching.clients import OpenClient
from handlers.coaching.health import AcknowledgeFlag
from handlers.coaching.texts import CoachingWords
from handlers.common.i18n import Catalogue
from storage.uow import SqlUnitOfWork
from tests.dialogs.conftest import BOT_ID, RecordingBot, spotter_dispatcher
from tests.fakes import FixedClock

ATHLETE, COACH, OTHER_COACH, OTHER_CLIENT = 1001, 2002, 3003, 4004


class EditingBot(RecordingBot):
    """Also takes the edits a plain handler makes to its own messages."""

    def __init__(self) -> None:
        super().__init__()
        self.edits: list[EditMessageText] = []

    async def __call__(
        self, method: TelegramMethod[Any], request_timeout: int | None = None
    ) -> Any:
        if isinstance(method, EditMessageText):
            self.edits.append(method)
            return True
        return await super().__call__(method, request_timeout)


@pytest.fixture
def bot() -> EditingBot:
    return EditingBot()


def text_of(manager: MockMessageManager) -> str:
    return manager.last_message().text or ""


async def press(client: BotClient, manager: MockMessageManager, label: str) -> None:
    """Presses the button whose label starts with `label`."""
    await client.click(manager.last_message(), InlineButtonTextLocator(re.escape(label) + ".*"))


async def answer_parq(client: BotClient, manager: MockMessageManager, *yes: int) -> None:
    for question in range(7):
        await press(client, manager, "Yes" if question in yes else "No")


@pytest.fixture
async def card(client: BotClient, message_manager: MockMessageManager) -> BotClient:
    await client.send("/start")
    message_manager.reset_history()
    await client.send("/health")
    return client


async def test_health_before_start_asks_to_start_first(
    client: BotClient, bot: RecordingBot, message_manager: MockMessageManager
) -> None:
    await client.send("/health")

    assert "/start" in bot.sent[-1].text
    assert message_manager.sent_messages == []


async def test_a_new_athlete_is_told_what_the_questionnaire_is_and_who_sees_it(
    card: BotClient, message_manager: MockMessageManager
) -> None:
    text = text_of(message_manager)

    assert "haven't filled in your health questionnaire" in text
    assert "Only you and your current coach see this" in text


async def test_the_whole_intake_is_saved_and_shown(
    card: BotClient, bot: RecordingBot, message_manager: MockMessageManager
) -> None:
    await press(card, message_manager, "📝 Start")
    first_question = text_of(message_manager)
    for answer in ("No", "No", "No", "No", "Yes"):
        await press(card, message_manager, answer)
    advice = text_of(message_manager)  # question 6, after the yes
    await press(card, message_manager, "No")
    await press(card, message_manager, "No")
    await card.send("Asthma <mild>")
    await press(card, message_manager, "Skip")
    await card.send("salbutamol")
    await card.send("No overhead press, no deadlifts")
    fitness = text_of(message_manager)
    await press(card, message_manager, "Beginner")
    await press(card, message_manager, "➕ Add")
    await card.send("Maria")
    await card.send("mother")
    await card.send("+7 912 345-67-89")
    contacts = text_of(message_manager)
    await press(card, message_manager, "✅ Done")

    shown = text_of(message_manager)
    assert "Question 1 of 7" in first_question
    assert "heart condition" in first_question
    assert "talk with your doctor" in advice
    assert "Lifts to avoid: Deadlift, Overhead press" in fitness
    assert "⭐ Maria (mother): +79123456789" in contacts
    assert "Thank you: your health record is saved" in shown
    assert "PAR-Q: ⚠️ yes to question 5." in shown
    assert "Conditions: Asthma &lt;mild&gt;" in shown
    assert "Injuries: —" in shown
    assert "Medications: salbutamol" in shown
    assert "Fitness level: Beginner" in shown
    assert "🔁 Retake" in str(message_manager.last_message().reply_markup)


async def test_a_bad_phone_is_explained_and_adds_nobody(
    card: BotClient, bot: RecordingBot, message_manager: MockMessageManager
) -> None:
    await press(card, message_manager, "📞 Emergency")
    await press(card, message_manager, "➕ Add")
    await card.send("Maria")
    await card.send("mother")

    replies = []
    for typed in ("call her", "12345", "1234567890123456", "<b>1</b>"):
        await card.send(typed)
        replies.append(bot.sent[-1].text)
    await press(card, message_manager, "◀ Back")

    assert "“call her” isn't a phone number" in replies[0]
    assert "too short" in replies[1]
    assert "15 digits at most" in replies[2]
    assert "&lt;b&gt;1&lt;/b&gt;" in replies[3]
    assert "None yet" in text_of(message_manager)


async def test_an_intake_resumes_after_a_restart_where_it_stopped(
    card: BotClient,
    bot: RecordingBot,
    message_manager: MockMessageManager,
    session_factory: async_sessionmaker[AsyncSession],
) -> None:
    await press(card, message_manager, "📝 Start")
    await press(card, message_manager, "No")
    await press(card, message_manager, "Yes")

    restarted = spotter_dispatcher(session_factory, message_manager)
    try:
        after = BotClient(restarted, user_id=ATHLETE, chat_id=ATHLETE, bot=bot)
        after.last_update_id = 1_000
        await after.send("/health")
        unfinished = text_of(message_manager)
        await press(after, message_manager, "▶️ Continue")
        resumed = text_of(message_manager)
    finally:
        await restarted["rest_timers"].close()

    assert "PAR-Q: 2 of 7 answered." in unfinished
    assert "isn't finished" in unfinished
    assert "Question 3 of 7" in resumed


async def test_an_old_answer_pressed_again_answers_nothing_twice(
    card: BotClient, message_manager: MockMessageManager
) -> None:
    await press(card, message_manager, "📝 Start")
    question_one = message_manager.last_message()
    await card.click(question_one, InlineButtonTextLocator("Yes"))
    await card.click(question_one, InlineButtonTextLocator("Yes"))  # the same press again

    assert "Question 2 of 7" in text_of(message_manager)


def as_message(sent: SendMessage, message_id: int) -> Message:
    """What the coach sees of a message the bot sent, buttons included."""
    markup = sent.reply_markup if isinstance(sent.reply_markup, InlineKeyboardMarkup) else None
    return Message(
        message_id=message_id,
        date=datetime.now(UTC),
        chat=Chat(id=int(sent.chat_id), type="private"),
        from_user=TelegramUser(id=BOT_ID, is_bot=True, first_name="Spotter"),
        text=sent.text,
        reply_markup=markup,
    )


async def coach_presses(dispatcher: Dispatcher, bot: RecordingBot, coach: int, data: str) -> None:
    """A press with this callback data from `coach`, as Telegram would deliver it (or forge)."""
    message = Message(
        message_id=1,
        date=datetime.now(UTC),
        chat=Chat(id=coach, type="private"),
        from_user=TelegramUser(id=BOT_ID, is_bot=True, first_name="Spotter"),
        text="…",
    )
    callback = CallbackQuery(
        id=f"{coach}-{data}",
        data=data,
        chat_instance="--",
        from_user=TelegramUser(id=coach, is_bot=False, first_name="Coach"),
        message=message,
    )
    update = Update(update_id=next(_UPDATE_IDS), callback_query=callback)
    await dispatcher.feed_update(bot, update)


_UPDATE_IDS = itertools.count(50_000)  # past the athlete's: the ledger skips a repeated id


async def test_the_coach_reads_the_flag_under_the_card_and_acknowledges_it(
    card: BotClient,
    bot: EditingBot,
    message_manager: MockMessageManager,
    session_factory: async_sessionmaker[AsyncSession],
) -> None:
    clock, words = FixedClock(), CoachingWords(Catalogue.load())
    uow = SqlUnitOfWork(session_factory, clock)
    for user_id, name in ((COACH, "Sam"), (OTHER_COACH, "Kim"), (OTHER_CLIENT, "Lee")):
        await RegisterUser(uow, clock)(Profile(user_id, name, language_code="en"))
        if user_id != OTHER_CLIENT:
            await BecomeCoach(uow, clock)(user_id)
    for coach, client in ((COACH, ATHLETE), (OTHER_COACH, OTHER_CLIENT)):
        _, payload = await CreateInvite(uow, clock)(coach, multi_use=False)
        await AcceptInvite(uow, clock, words)(payload, client)
    await press(card, message_manager, "📝 Start")
    await answer_parq(card, message_manager, 1)
    dispatcher = card.dp

    await coach_presses(dispatcher, bot, OTHER_COACH, OpenClient(athlete=ATHLETE).pack())
    forged = AcknowledgeFlag(athlete=ATHLETE, shown=127).pack()
    await coach_presses(dispatcher, bot, OTHER_COACH, forged)
    sent_to_other = [m for m in bot.sent if int(m.chat_id) == OTHER_COACH]
    await coach_presses(dispatcher, bot, COACH, OpenClient(athlete=ATHLETE).pack())
    health = bot.sent[-1]
    ack = as_message(health, 77)
    button = InlineButtonTextLocator("✅ Acknowledge").find_button(ack)
    assert button is not None
    assert button.callback_data is not None
    await coach_presses(dispatcher, bot, COACH, button.callback_data)

    assert sent_to_other == []  # refused with an alert, nothing shown
    assert "PAR-Q flag" in (health.text or "")
    assert "2. Do you feel pain in your chest when you do physical activity? — <b>Yes</b>" in (
        health.text or ""
    )
    assert "1. Has your doctor ever said" in (health.text or "")
    assert "you can assign User_1001 a plan now" in bot.sent[-1].text
    assert "You have acknowledged the PAR-Q answers" in (bot.edits[-1].text or "")


async def test_a_new_client_is_offered_the_questionnaire_on_accepting_a_coach(
    client: BotClient,
    bot: EditingBot,
    message_manager: MockMessageManager,
    session_factory: async_sessionmaker[AsyncSession],
) -> None:
    clock = FixedClock()
    uow = SqlUnitOfWork(session_factory, clock)
    await RegisterUser(uow, clock)(Profile(COACH, "Sam", language_code="en"))
    await BecomeCoach(uow, clock)(COACH)
    _, payload = await CreateInvite(uow, clock)(COACH, multi_use=False)

    await client.send(f"/start {payload}")
    await client.click(as_message(bot.sent[-1], 90), InlineButtonTextLocator("✅ Accept"))
    accepted = next(m for m in bot.sent if "training with" in (m.text or ""))
    onboarding = len(message_manager.sent_messages)
    await client.click(as_message(accepted, 91), InlineButtonTextLocator("🩺 Answer now"))

    assert "Your coach will want to know a little about your health" in (accepted.text or "")
    assert onboarding == 1  # the onboarding card, below the acceptance
    assert "Question 1 of 7" in text_of(message_manager)
