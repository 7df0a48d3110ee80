"""/history through the real dispatcher and SQLite: the list, a workout, fixing a set."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal

import pytest
from aiogram import Dispatcher
from aiogram.types import InlineKeyboardButton, Message
from aiogram_dialog.test_tools import BotClient, MockMessageManager
from aiogram_dialog.test_tools.keyboard import InlineButtonTextLocator
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from domain.athletes.model import Profile
from domain.athletes.use_cases.preferences import ChooseUnits
from domain.athletes.use_cases.registration import RegisterUser
from domain.shared.weights import Unit, Weight
from domain.training.model import SetResult, Workout
from domain.training.use_cases.finishing import FinishWorkout
from domain.training.use_cases.logging import LogSet, OpenWorkout, SkipSet
from domain.training.use_cases.onboarding import SetTrainingMaxes, StartPlan
from storage.uow import SqlUnitOfWork
from tests.dialogs.conftest import RecordingBot
from tests.fakes import FixedClock

ANN = 1001
Factory = async_sessionmaker[AsyncSession]


def kg(amount: str) -> Weight:
    return Weight(Decimal(amount), Unit.KG)


class Gym:
    """Ann's past training, written through the use cases straight into the database."""

    def __init__(self, session_factory: Factory) -> None:
        self.clock = FixedClock()
        self.uow = SqlUnitOfWork(session_factory, self.clock)

    async def onboard(self) -> None:
        await RegisterUser(self.uow, self.clock)(Profile(ANN, "Ann"))
        await ChooseUnits(self.uow)(ANN, Unit.KG)
        await StartPlan(self.uow, self.clock)(ANN, "nsuns-4day")
        await SetTrainingMaxes(self.uow, self.clock)(
            ANN,
            {"bench": kg("100"), "squat": kg("126"), "ohp": kg("60"), "deadlift": kg("180")},
            one_rep_maxes=False,
        )

    async def train(self, logged: int = 17, skipped: int = 0) -> Workout:
        """The next day: `logged` sets as prescribed, then `skipped` skipped; one a day."""
        workout = await OpenWorkout(self.uow, self.clock)(ANN)
        workout_id = workout.id or 0
        for _ in range(logged):
            await LogSet(self.uow, self.clock)(ANN, workout_id, None, SetResult())
        for _ in range(skipped):
            await SkipSet(self.uow)(ANN, workout_id, None)
        self.clock.current += timedelta(hours=1)
        await FinishWorkout(self.uow, self.clock)(ANN, workout_id)
        self.clock.current += timedelta(days=1, hours=-1)
        return await self.workout(workout_id)

    async def workout(self, workout_id: int) -> Workout:
        async with self.uow:
            workout = await self.uow.workouts.get(workout_id)
        assert workout is not None
        return workout


@pytest.fixture
async def gym(session_factory: Factory) -> Gym:
    gym = Gym(session_factory)
    await gym.onboard()
    return gym


def labels(message: Message) -> list[str]:
    markup = message.reply_markup
    return [b.text for row in markup.inline_keyboard for b in row] if markup else []


def text(message: Message) -> str:
    return message.text or ""


async def open_history(client: BotClient, message_manager: MockMessageManager) -> Message:
    message_manager.reset_history()
    await client.send("/history")
    return message_manager.one_message()


async def open_workout(
    client: BotClient, message_manager: MockMessageManager, label: str
) -> Message:
    card = await open_history(client, message_manager)
    await client.click(card, InlineButtonTextLocator(label))
    return message_manager.last_message()


async def choose_set(
    client: BotClient, message_manager: MockMessageManager, label: str, number: int
) -> Message:
    card = await open_workout(client, message_manager, label)
    await client.click(card, InlineButtonTextLocator("✏️ Fix a set"))
    await client.click(message_manager.last_message(), InlineButtonTextLocator(str(number)))
    return message_manager.last_message()


class ForgedButton:
    """A modified client: the callback data of a real button with its last part replaced."""

    def __init__(self, label: str, last_part: str) -> None:
        self._real = InlineButtonTextLocator(label)
        self._last_part = last_part

    def find_button(self, message: Message) -> InlineKeyboardButton | None:
        button = self._real.find_button(message)
        if button is None or button.callback_data is None:
            return None
        prefix, _, _ = button.callback_data.rpartition(":")
        return InlineKeyboardButton(text="forged", callback_data=f"{prefix}:{self._last_part}")


async def test_history_before_start_asks_to_start_first(
    client: BotClient, bot: RecordingBot, message_manager: MockMessageManager
) -> None:
    await client.send("/history")

    assert "/start" in bot.sent[-1].text
    assert message_manager.sent_messages == []


async def test_no_workouts_yet_points_to_today(
    client: BotClient, bot: RecordingBot, message_manager: MockMessageManager, gym: Gym
) -> None:
    await OpenWorkout(gym.uow, gym.clock)(ANN)  # open, not finished: not history yet

    await client.send("/history")

    assert "/today" in bot.sent[-1].text
    assert message_manager.sent_messages == []


async def test_the_list_shows_five_workouts_a_page_newest_first(
    client: BotClient, bot: RecordingBot, message_manager: MockMessageManager, gym: Gym
) -> None:
    await gym.train(logged=15, skipped=2)
    for _ in range(6):
        await gym.train()

    card = await open_history(client, message_manager)

    assert "Your workouts" in text(card)
    assert labels(card) == [
        "Sun 8 Mar · Day 3 · Bench 5/3/1, close-grip bench · 17/17 sets",
        "Sat 7 Mar · Day 2 · Squat, sumo deadlift · 17/17 sets",
        "Fri 6 Mar · Day 1 · Bench volume, OHP · 17/17 sets",
        "Thu 5 Mar · Day 4 · Deadlift, front squat · 17/17 sets",
        "Wed 4 Mar · Day 3 · Bench 5/3/1, close-grip bench · 17/17 sets",
        "▶",
    ]

    await client.click(card, InlineButtonTextLocator("▶"))
    second = message_manager.last_message()
    assert labels(second) == [
        "Tue 3 Mar · Day 2 · Squat, sumo deadlift · 17/17 sets",
        "Mon 2 Mar · Day 1 · Bench volume, OHP · 15/17 sets",
        "◀",
    ]
    assert "page 2" in text(second)

    await client.click(second, InlineButtonTextLocator("◀"))
    assert labels(message_manager.last_message()) == labels(card)
    assert bot.sent == []  # one card, edited in place: nothing sent beside it


async def test_opening_a_workout_shows_every_set_prescribed_against_done(
    client: BotClient, message_manager: MockMessageManager, gym: Gym
) -> None:
    await gym.train(logged=15, skipped=2)

    card = await open_workout(client, message_manager, "Mon 2 Mar .*")

    shown = text(card)
    assert "<b>Mon 2 Mar · Day 1 · Bench volume, OHP</b>" in shown
    assert "15 of 17 sets done" in shown
    assert "1. T1 Bench press (volume) 1/9: 65 kg × 8 → 65 kg × 8" in shown
    assert "9. T1 Bench press (volume) 9/9: 65 kg × 8+ → 65 kg × 8" in shown
    assert "16. T2 Overhead press 7/8: 42.5 kg × 6 → skipped" in shown
    assert "17. T2 Overhead press 8/8: 42.5 kg × 8 → skipped" in shown
    assert labels(card) == ["⬅️ Back", "✏️ Fix a set"]

    await client.click(card, InlineButtonTextLocator("⬅️ Back"))
    assert "Your workouts" in text(message_manager.last_message())


async def test_fixing_a_set_by_its_button_changes_that_set(
    client: BotClient, bot: RecordingBot, message_manager: MockMessageManager, gym: Gym
) -> None:
    workout = await gym.train()
    card = await open_workout(client, message_manager, "Mon 2 Mar .*")
    await client.click(card, InlineButtonTextLocator("✏️ Fix a set"))
    pick = message_manager.last_message()
    assert "Which set?" in text(pick)
    assert labels(pick)[:17] == [str(n) for n in range(1, 18)]

    await client.click(pick, InlineButtonTextLocator("3"))
    prompt = text(message_manager.last_message())
    assert "Set 3" in prompt
    assert "Prescribed: 85 kg × 4" in prompt
    await client.send("100x5")

    assert "Set 3 fixed" in bot.sent[-1].text
    assert "85 kg × 4 → <b>100 kg × 5</b>" in bot.sent[-1].text
    assert "does not re-run progression" in bot.sent[-1].text
    assert "3. T1 Bench press (volume) 3/9: 85 kg × 4 → 100 kg × 5" in text(
        message_manager.last_message()
    )
    fixed = await gym.workout(workout.id or 0)
    done = fixed.sets[2].done
    assert done is not None
    assert (done.weight, done.reps) == (kg("100"), 5)
    assert fixed.sets[:2] + fixed.sets[3:] == workout.sets[:2] + workout.sets[3:]


async def test_a_typed_set_number_and_reps_alone_fix_at_the_prescribed_weight(
    client: BotClient, bot: RecordingBot, message_manager: MockMessageManager, gym: Gym
) -> None:
    workout = await gym.train(logged=16, skipped=1)
    card = await open_workout(client, message_manager, "Mon 2 Mar .*")
    await client.click(card, InlineButtonTextLocator("✏️ Fix a set"))

    await client.send("17")
    await client.send("8")

    assert "skipped → <b>42.5 kg × 8</b>" in bot.sent[-1].text
    fixed = (await gym.workout(workout.id or 0)).sets[16]
    assert not fixed.skipped
    assert fixed.done is not None
    assert (fixed.done.weight, fixed.done.reps) == (kg("42.5"), 8)


async def test_a_plus_fixes_a_set_as_prescribed(
    client: BotClient, bot: RecordingBot, message_manager: MockMessageManager, gym: Gym
) -> None:
    workout = await gym.train(logged=0, skipped=17)
    await choose_set(client, message_manager, "Mon 2 Mar .*", 9)

    await client.send("+")

    assert "skipped → <b>65 kg × 8</b>" in bot.sent[-1].text
    assert (await gym.workout(workout.id or 0)).sets[8].done is not None


@pytest.mark.parametrize(
    "case",
    [
        ("99", "There is no set 99 here. Send a number from 1 to 17."),
        ("0", "There is no set 0 here"),
        ("abc", "Send the set's number, from 1 to 17."),
        ("<b>1</b>", "Send the set's number"),
    ],
)
async def test_a_set_number_the_workout_does_not_have_is_explained(
    client: BotClient,
    bot: RecordingBot,
    message_manager: MockMessageManager,
    gym: Gym,
    case: tuple[str, str],
) -> None:
    typed, reply = case
    await gym.train()
    card = await open_workout(client, message_manager, "Mon 2 Mar .*")
    await client.click(card, InlineButtonTextLocator("✏️ Fix a set"))

    await client.send(typed)

    assert reply in bot.sent[-1].text
    assert "Which set?" in text(message_manager.last_message())


@pytest.mark.parametrize(
    "case",
    [
        ("abc", "To fix a set, send what you did"),
        ("99999x5", "beyond any barbell"),
        ("100x500", "up to 100"),
        ("100 kg", "How many reps?"),
        ("skip", "To fix a set, send what you did"),
        ("undo", "To fix a set, send what you did"),
    ],
)
async def test_a_bad_entry_is_explained_and_changes_nothing(
    client: BotClient,
    bot: RecordingBot,
    message_manager: MockMessageManager,
    gym: Gym,
    case: tuple[str, str],
) -> None:
    typed, reply = case
    workout = await gym.train()
    await choose_set(client, message_manager, "Mon 2 Mar .*", 3)

    await client.send(typed)

    assert reply in bot.sent[-1].text
    assert "Send what you did" in text(message_manager.last_message())
    assert await gym.workout(workout.id or 0) == workout


async def test_a_forged_press_opens_no_workout(
    client: BotClient, message_manager: MockMessageManager, gym: Gym
) -> None:
    """Callback data is untrusted: an entry index the card never offered opens nothing."""
    await gym.train()
    card = await open_history(client, message_manager)

    await client.click(card, ForgedButton("Mon 2 Mar .*", "7"))
    await client.click(card, ForgedButton("Mon 2 Mar .*", "-1"))

    shown = message_manager.sent_messages
    assert len(shown) == 3
    assert all("Your workouts" in text(m) for m in shown)


async def test_another_athletes_press_on_the_card_changes_nothing(
    dispatcher: Dispatcher,
    bot: RecordingBot,
    message_manager: MockMessageManager,
    gym: Gym,
    client: BotClient,
) -> None:
    """The dialog keeps the workout id on Ann's side: Mallory reaches neither it nor the set."""
    workout = await gym.train()
    card = await open_workout(client, message_manager, "Mon 2 Mar .*")
    await client.click(card, InlineButtonTextLocator("✏️ Fix a set"))
    pick = message_manager.last_message()
    await RegisterUser(gym.uow, gym.clock)(Profile(666, "Mallory"))
    mallory = BotClient(dispatcher, user_id=666, chat_id=1001, bot=bot)
    mallory.last_update_id = 1_000
    message_manager.reset_history()

    await mallory.click(pick, InlineButtonTextLocator("3"))
    await mallory.send("100x1")

    assert message_manager.sent_messages == []
    assert await gym.workout(workout.id or 0) == workout
