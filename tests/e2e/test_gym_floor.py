"""Logging on the gym floor through the real bot: typed entries, edits, bad input, days."""

from __future__ import annotations

from pathlib import Path

import pytest

from emulator import BotApiEmulator, UserDriver
from tests.e2e.conftest import Spotter
from tests.e2e.steps import card_position, log_day, onboard


@pytest.fixture
async def ann(emulator: BotApiEmulator, spotter: Spotter) -> UserDriver:
    ann = emulator.user(1001, first_name="Ann")
    await onboard(ann)
    return ann


async def test_text_while_no_workout_is_open_says_how_to_start(ann: UserDriver) -> None:
    await ann.send("8")

    assert "/today" in (await ann.wait_for_message()).content


async def test_bad_entries_get_a_specific_reply_and_log_nothing(ann: UserDriver) -> None:
    await ann.send("/today")
    await ann.wait_for_message()
    replies = {}
    for typed in ("abc", "-5", "99999x5", "1e309", "150", "💪💪", "x" * 4000, "<b>5</b>"):
        await ann.send(typed)
        replies[typed[:10]] = (await ann.wait_for_message()).content

    await ann.send("+")
    after = await ann.wait_for_message()

    assert "100" in replies["150"]  # more than 100 reps
    assert "1000 kg" in replies["99999x5"]
    assert "negative" in replies["-5"]
    assert len(set(replies.values())) >= 4, replies
    assert card_position(after) == (1, 17)  # only the "+" logged a set


async def test_editing_the_message_that_logged_a_set_relogs_it(ann: UserDriver) -> None:
    await ann.send("/today")
    await ann.wait_for_message()
    await ann.send("+")
    await ann.wait_for_message()
    await ann.send("55x8")
    await ann.wait_for_message()
    typed = next(m.message_id for m in reversed(ann.chat.messages) if not m.from_bot)

    await ann.edit(typed, "60x7")
    confirmation = await ann.wait_for_message()

    assert "Updated Bench press (volume) set 2: 60 kg × 7" in confirmation.content


async def test_a_weight_in_pounds_is_kept_in_pounds_in_a_kg_profile(ann: UserDriver) -> None:
    await ann.send("/today")
    await ann.wait_for_message()
    await ann.send("135lb x 8")
    card = await ann.wait_for_message()

    assert card_position(card) == (1, 17)


async def test_declining_a_progression_keeps_the_old_training_max(ann: UserDriver) -> None:
    await log_day(ann)
    summary = await log_day(ann, typed={"Squat — set 3 of 9": "5"})
    query = await ann.press("✖ Keep Squat at 126 kg", message_id=summary.message_id)
    answer = await ann.wait_for_callback_answer(query)
    await ann.send("/maxes")
    maxes = await ann.wait_for_message()

    assert answer.text is not None
    assert "Squat stays at 126 kg" in answer.text
    assert "Squat: 126 kg" in maxes.content


async def test_any_day_of_the_plan_can_be_started_from_plan(ann: UserDriver) -> None:
    await ann.send("/plan")
    plan = await ann.wait_for_message()
    await ann.press("Day 3", message_id=plan.message_id)
    card = await ann.wait_for_edit(message_id=plan.message_id)  # the list becomes the card

    assert "Day 1: " in plan.content
    assert "← next" in plan.content
    assert "Day 3" in card.content


async def test_another_day_cannot_replace_a_workout_with_sets_logged(ann: UserDriver) -> None:
    await ann.send("/today")
    await ann.wait_for_message()
    await ann.send("+")
    await ann.wait_for_message()
    await ann.send("/plan")
    plan = await ann.wait_for_message()

    query = await ann.press("Day 2", message_id=plan.message_id)
    answer = await ann.wait_for_callback_answer(query)
    await ann.send("/today")
    card = await ann.wait_for_message()

    assert answer.text is not None
    assert "Finish it" in answer.text
    assert card_position(card) == (1, 17)
    assert "Day 1" in card.content


async def test_a_rest_timer_running_when_the_bot_was_killed_keeps_refreshing_the_card(
    emulator: BotApiEmulator, tmp_path: Path
) -> None:
    bot = Spotter(emulator, tmp_path)
    bot.env["REST_REFRESH_SECONDS"] = "1"
    await bot.start_polling()
    try:
        ann = emulator.user(1001, first_name="Ann")
        await onboard(ann)
        await ann.send("/today")
        await ann.wait_for_message()
        update_id = await ann.send("+")
        card = await ann.wait_for_message()
        await bot.handled(update_id)
        assert "⏱ Rest" in card.content

        await bot.kill()
        await bot.start_polling()
        refreshed = await ann.wait_for_edit(message_id=card.message_id, timeout=10)

        assert "⏱ Rest" in refreshed.content
        assert refreshed.content != card.content  # less rest left than before
    finally:
        await bot.terminate()
