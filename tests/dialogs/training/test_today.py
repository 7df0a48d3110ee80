"""The /today card, driven through the real dispatcher and a SQLite database."""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal
from typing import Any

import pytest
from aiogram.types import Chat, InlineKeyboardButton, InlineKeyboardMarkup, Message
from aiogram.types import User as TelegramUser
from aiogram_dialog.test_tools import BotClient, MockMessageManager
from aiogram_dialog.test_tools.keyboard import InlineButtonTextLocator
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from domain.shared.weights import Unit, Weight
from domain.training.model import WorkoutSet
from storage.uow import SqlUnitOfWork
from tests.dialogs.conftest import RecordingBot
from tests.fakes import FixedClock
from tests.statements import statements_run

Factory = async_sessionmaker[AsyncSession]


def card(manager: MockMessageManager) -> Message:
    return manager.last_message()


def text_of(manager: MockMessageManager) -> str:
    return card(manager).text or ""


async def press(client: BotClient, manager: MockMessageManager, label: str) -> None:
    await client.click(card(manager), InlineButtonTextLocator(label))


@pytest.fixture
async def on_day_one(client: BotClient, message_manager: MockMessageManager) -> BotClient:
    await client.send("/start")
    await press(client, message_manager, "kg")
    await press(client, message_manager, "nSuns.*")
    await client.send("bench 100 squat 140 ohp 60 deadlift 180")
    message_manager.reset_history()
    await client.send("/today")
    return client


async def test_the_card_shows_the_set_the_plates_and_what_comes_next(
    on_day_one: BotClient, message_manager: MockMessageManager
) -> None:
    text = text_of(message_manager)

    # Bench TM 90 kg (90% of 100): set 1 is 65% x 8 = 58.5 kg, to the nearest 2.5 kg: 57.5.
    assert "Day 1" in text
    assert "(0/17)" in text
    assert "set 1 of 9" in text
    assert "<b>57.5 kg × 8</b>" in text
    assert "Plates per side: 15 + 2.5 + 1.25 (on a 20 kg bar)" in text
    assert "Next: " in text
    assert "67.5 kg × 6" in text  # 75% of 90 = 67.5


async def test_done_logs_the_set_and_the_card_moves_on(
    on_day_one: BotClient, message_manager: MockMessageManager
) -> None:
    first = text_of(message_manager)

    await press(on_day_one, message_manager, "✅ Done")

    after = text_of(message_manager)
    assert "(1/17)" in after
    assert "set 2 of 9" in after
    assert after != first
    assert "⏱ Rest" in after


async def test_adjusted_reps_and_weight_are_what_gets_logged(
    on_day_one: BotClient, message_manager: MockMessageManager
) -> None:
    await press(on_day_one, message_manager, "\\+ rep")
    await press(on_day_one, message_manager, "\\+ 2.5 kg")
    adjusted = text_of(message_manager)
    await press(on_day_one, message_manager, "✅ Done")

    assert "<b>60 kg × 9</b>" in adjusted  # 57.5 + 2.5 kg, 8 + 1 reps
    assert "(1/17)" in text_of(message_manager)


async def test_undo_reopens_the_set_and_a_second_undo_press_changes_nothing(
    on_day_one: BotClient, message_manager: MockMessageManager
) -> None:
    await press(on_day_one, message_manager, "✅ Done")
    logged = card(message_manager)

    await on_day_one.click(logged, InlineButtonTextLocator("↩ Undo"))
    await on_day_one.click(logged, InlineButtonTextLocator("↩ Undo"))

    assert "(0/17)" in text_of(message_manager)
    assert "set 1 of 9" in text_of(message_manager)


async def test_a_double_tap_on_done_logs_one_set(
    on_day_one: BotClient, message_manager: MockMessageManager
) -> None:
    shown = card(message_manager)

    await on_day_one.click(shown, InlineButtonTextLocator("✅ Done"))
    await on_day_one.click(shown, InlineButtonTextLocator("✅ Done"))

    assert "(1/17)" in text_of(message_manager)


@pytest.mark.parametrize("typed", ["abc", "-5", "99999x5", "1e309", "💪", "x" * 4000, "150 reps"])
async def test_bad_typed_entries_get_a_reply_and_log_nothing(
    on_day_one: BotClient, message_manager: MockMessageManager, bot: RecordingBot, typed: str
) -> None:
    await on_day_one.send(typed)

    assert bot.sent, "the athlete got no reply"
    assert "(0/17)" in text_of(message_manager)


@pytest.mark.parametrize(("typed", "logged"), [("+", 1), ("8", 1), ("60x8", 1), ("skip", 1)])
async def test_typed_entries_log_or_skip_the_set(
    on_day_one: BotClient, message_manager: MockMessageManager, typed: str, logged: int
) -> None:
    await on_day_one.send(typed)

    assert f"({logged}/17)" in text_of(message_manager)


async def test_a_command_typed_while_the_card_is_open_is_not_read_as_a_set(
    on_day_one: BotClient, message_manager: MockMessageManager, bot: RecordingBot
) -> None:
    sent_before = len(bot.sent)
    await on_day_one.send("/maxes")

    assert len(bot.sent) == sent_before + 1
    assert bot.sent[-1].text.startswith("<b>Training maxes</b>")
    assert "(0/17)" in text_of(message_manager)


async def logged_sets(session_factory: async_sessionmaker[AsyncSession]) -> list[WorkoutSet]:
    async with SqlUnitOfWork(session_factory, FixedClock()) as uow:
        workout = await uow.workouts.open_for(1001)
    assert workout is not None
    return [s for s in workout.sets if s.done is not None]


async def test_a_second_tap_on_an_amrap_rep_button_does_not_log_the_next_set(
    on_day_one: BotClient, message_manager: MockMessageManager, session_factory: Factory
) -> None:
    for _ in range(8):
        await on_day_one.send("+")
    amrap_card = card(message_manager)
    assert "set 9 of 9" in (amrap_card.text or "")

    await on_day_one.click(amrap_card, InlineButtonTextLocator("^10$"))
    await on_day_one.click(amrap_card, InlineButtonTextLocator("^10$"))

    done = await logged_sets(session_factory)
    assert len(done) == 9
    assert done[-1].done is not None
    assert done[-1].done.reps == 10


async def test_a_weight_adjustment_is_kept_when_the_reps_are_typed(
    on_day_one: BotClient, message_manager: MockMessageManager, session_factory: Factory
) -> None:
    await press(on_day_one, message_manager, "\\+ 2.5 kg")

    await on_day_one.send("7")

    (first,) = await logged_sets(session_factory)
    assert first.done is not None
    assert (first.done.weight, first.done.reps) == (Weight(Decimal("60"), Unit.KG), 7)


async def test_tapping_the_weight_down_stops_at_the_empty_bar_and_says_why(
    on_day_one: BotClient, message_manager: MockMessageManager
) -> None:
    for _ in range(40):
        await press(on_day_one, message_manager, "− 2.5 kg")

    assert "<b>20 kg × 8</b>" in text_of(message_manager)
    assert "2.5 kg can't be loaded with your bar and plates" in text_of(message_manager)


async def test_the_first_set_of_a_main_lift_shows_a_warm_up_ramp_until_switched_off(
    on_day_one: BotClient, message_manager: MockMessageManager
) -> None:
    # Work set 57.5 kg: bar x 10, then 40/60/80% (23, 34.5, 46) to the nearest 2.5 kg.
    assert "Warm up first: 20 × 10 · 22.5 × 5 · 35 × 3 · 45 × 1 kg" in text_of(message_manager)
    await press(on_day_one, message_manager, "✅ Done")
    assert "Warm up" not in text_of(message_manager)

    message_manager.reset_history()
    await on_day_one.send("/settings")
    settings = next(m for m in message_manager.sent_messages if "Settings" in (m.text or ""))
    await on_day_one.click(settings, InlineButtonTextLocator(".*Hide warm-ups"))
    assert "Warm-up ramps before main lifts: <b>off</b>" in text_of(message_manager)
    await on_day_one.send("/today")
    await press(on_day_one, message_manager, "↩ Undo")

    assert "set 1 of 9" in text_of(message_manager)
    assert "Warm up" not in text_of(message_manager)


async def test_a_lighter_bar_changes_the_plates_per_side(
    on_day_one: BotClient, message_manager: MockMessageManager
) -> None:
    message_manager.reset_history()
    await on_day_one.send("/settings")
    settings = next(m for m in message_manager.sent_messages if "Settings" in (m.text or ""))
    await on_day_one.click(settings, InlineButtonTextLocator(".*Bar$"))
    await on_day_one.click(message_manager.last_message(), InlineButtonTextLocator("^15$"))
    assert "Bar: <b>15 kg</b>" in text_of(message_manager)

    await on_day_one.send("/today")

    # 57.5 kg on a 15 kg bar: 21.25 per side = 20 + 1.25.
    assert "Plates per side: 20 + 1.25 (on a 15 kg bar)" in text_of(message_manager)


async def test_a_max_set_by_button_mid_workout_leaves_the_card_working(
    on_day_one: BotClient, message_manager: MockMessageManager, bot: RecordingBot
) -> None:
    await on_day_one.send("/maxes")
    maxes = bot.sent[-1]
    assert isinstance(maxes.reply_markup, InlineKeyboardMarkup)
    listing = Message(
        message_id=999,
        date=datetime.now(UTC),
        chat=Chat(id=1001, type="private"),
        text=maxes.text,
        reply_markup=maxes.reply_markup,
    )

    await on_day_one.click(listing, InlineButtonTextLocator("✏️ Squat"))
    await on_day_one.send("abc")
    refused = bot.sent[-1].text
    await on_day_one.send("130")
    updated = bot.sent[-1].text
    await on_day_one.send("+")

    assert "Send just the weight" in refused
    assert "<b>Squat</b>: 130 kg" in updated
    assert "(1/17)" in text_of(message_manager)


async def test_a_russian_athlete_sees_the_card_in_russian_with_weights_as_typed(
    client: BotClient, message_manager: MockMessageManager, bot: RecordingBot
) -> None:
    client.user = TelegramUser(id=1001, is_bot=False, first_name="Оля", language_code="ru")
    await client.send("/start")
    assert "Привет, Оля!" in bot.sent[0].text
    await press(client, message_manager, "kg")
    await press(client, message_manager, "nSuns.*")
    await client.send("bench 100 squat 140 ohp 60 deadlift 180")
    message_manager.reset_history()

    await client.send("/today")

    text = text_of(message_manager)
    assert "День 1" in text
    assert "подход 1 из 9" in text
    assert "<b>57.5 kg × 8</b>" in text
    assert "Блины на сторону: 15 + 2.5 + 1.25 (на грифе 20 kg)" in text
    await press(client, message_manager, "✅ Готово")
    assert "(1/17)" in text_of(message_manager)


async def test_a_typed_set_reads_and_logs_in_one_transaction(
    on_day_one: BotClient, message_manager: MockMessageManager, session_factory: Factory
) -> None:
    """Issue 14: "+" reads the athlete and the workout and writes the set with the ledger in one
    transaction, then the dialog state in a second."""
    await on_day_one.send("+")
    async with statements_run(session_factory.kw["bind"]) as statements:
        await on_day_one.send("+")

    assert "(2/17)" in text_of(message_manager)
    assert [s.split(" ")[0] for s in statements] == [
        "BEGIN",
        "SELECT",  # the athlete
        "SELECT",  # the open workout, once
        "UPDATE",  # the set
        "INSERT",  # the update, handled
        "COMMIT",
        "BEGIN",
        "INSERT",  # the dialog's context and stack
        "INSERT",
        "COMMIT",
    ], statements
    assert "workout_sets" in statements[3]
    assert "processed_updates" in statements[4]
    assert "fsm_records" in statements[7]


async def test_a_tapped_set_reads_and_logs_in_one_transaction(
    on_day_one: BotClient, message_manager: MockMessageManager, session_factory: Factory
) -> None:
    async with statements_run(session_factory.kw["bind"]) as statements:
        await press(on_day_one, message_manager, "✅ Done")

    assert "(1/17)" in text_of(message_manager)
    assert sum(s.startswith("BEGIN") for s in statements) == 2, statements
    assert sum(s.startswith("SELECT workouts.") for s in statements) == 1


async def test_no_transaction_is_open_while_telegram_is_called(
    on_day_one: BotClient,
    message_manager: MockMessageManager,
    session_factory: Factory,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The read and the write share a transaction, which ends before the card or a reply is
    sent: an open one would hold SQLite's write lock for as long as Telegram takes to answer."""
    pool = session_factory.kw["bind"].sync_engine.pool
    connections_out: list[int] = []
    show, call = message_manager.show_message, RecordingBot.__call__

    async def recording_show(*args: Any, **kwargs: Any) -> Any:
        connections_out.append(pool.checkedout())
        return await show(*args, **kwargs)

    async def recording_call(bot: RecordingBot, *args: Any, **kwargs: Any) -> Any:
        connections_out.append(pool.checkedout())
        return await call(bot, *args, **kwargs)

    message_manager.show_message = recording_show  # type: ignore[method-assign]
    monkeypatch.setattr(RecordingBot, "__call__", recording_call)
    await on_day_one.send("+")
    await press(on_day_one, message_manager, "✅ Done")
    await on_day_one.send("100x5")
    await on_day_one.send("5 kg")  # not a set: answered, the card shown again

    assert "(3/17)" in text_of(message_manager)
    assert len(connections_out) >= 5, connections_out  # four cards and the answer
    assert set(connections_out) == {0}, connections_out


@pytest.mark.parametrize(
    "forged", ["amrap:99:5", "amrap:1:5x", "done:99", "done:", "skip:-1", "undo:99", "undo:x"]
)
async def test_a_forged_press_on_the_card_changes_nothing_and_breaks_nothing(
    on_day_one: BotClient,
    message_manager: MockMessageManager,
    bot: RecordingBot,
    session_factory: Factory,
    forged: str,
) -> None:
    """Callback data is the client's to make up: a set the card does not have is refused."""
    shown = card(message_manager)
    assert shown.reply_markup is not None
    done = next(b for row in shown.reply_markup.inline_keyboard for b in row if b.text == "✅ Done")
    assert done.callback_data is not None
    intent, _, _ = done.callback_data.rpartition("done:")
    markup = InlineKeyboardMarkup(
        inline_keyboard=[[InlineKeyboardButton(text="forged", callback_data=intent + forged)]]
    )
    sent_before = len(bot.sent)

    await on_day_one.click(
        shown.model_copy(update={"reply_markup": markup}), InlineButtonTextLocator("forged")
    )

    async with SqlUnitOfWork(session_factory, FixedClock()) as uow:
        workout = await uow.workouts.open_for(1001)
    assert workout is not None
    assert not [s for s in workout.sets if s.done or s.skipped]
    assert len(bot.sent) == sent_before  # no apology for an error: nothing went wrong
    assert "(0/17)" in text_of(message_manager)
