"""/history through the real bot: a logged day is listed, opened, fixed, and stays fixed."""

from __future__ import annotations

import re

from emulator import BotApiEmulator, MessageView, UserDriver
from tests.e2e.conftest import Spotter
from tests.e2e.steps import log_day, onboard

DAY_ONE = re.compile(r"\w{3} \d{1,2} \w{3}( \d{4})? · Day 1 · Bench volume, OHP · 17/17 sets")
SET_THREE = "3. T1 Bench press (volume) 3/9: 77.5 kg × 4 → "


async def open_first_workout(ann: UserDriver) -> MessageView:
    """/history, then the newest workout on its card."""
    await ann.send("/history")
    card = await ann.wait_for_message()
    labels = [label for row in card.button_labels for label in row]
    assert DAY_ONE.fullmatch(labels[0]), labels
    await ann.press(labels[0], message_id=card.message_id)
    return await ann.wait_for_edit(message_id=card.message_id)


async def test_a_set_fixed_in_history_stays_fixed(
    emulator: BotApiEmulator, spotter: Spotter
) -> None:
    ann = emulator.user(1001, first_name="Ann")
    await ann.send("/history")
    assert "/start" in (await ann.wait_for_message()).content
    await onboard(ann)
    await ann.send("/history")
    assert "/today" in (await ann.wait_for_message()).content
    await log_day(ann)

    workout = await open_first_workout(ann)
    assert SET_THREE + "77.5 kg × 4" in workout.content
    await ann.press("✏️ Fix a set", message_id=workout.message_id)
    await ann.wait_for_edit(message_id=workout.message_id)
    await ann.press("3", message_id=workout.message_id)
    prompt = await ann.wait_for_edit(message_id=workout.message_id)
    assert "Prescribed: 77.5 kg × 4" in prompt.content

    await ann.send("abc")
    assert "To fix a set" in (await ann.wait_for_message()).content
    await ann.send("100x5")
    confirmation = await ann.wait_for_message()
    assert "Set 3 fixed" in confirmation.content
    assert "does not re-run progression" in confirmation.content
    card = await ann.wait_for_message()
    assert SET_THREE + "100 kg × 5" in card.content

    reopened = await open_first_workout(ann)
    assert SET_THREE + "100 kg × 5" in reopened.content
    assert "4. T1 Bench press (volume) 4/9: 77.5 kg × 4 → 77.5 kg × 4" in reopened.content
