"""The heart of Spotter through the real bot: onboarding, set-by-set logging, progression."""

from __future__ import annotations

from emulator import BotApiEmulator
from tests.e2e.conftest import Spotter
from tests.e2e.steps import SETS_PER_DAY, card_position, log_day, onboard


async def test_onboarding_takes_one_rep_maxes_in_one_message(
    emulator: BotApiEmulator, spotter: Spotter
) -> None:
    ann = emulator.user(1001, first_name="Ann")

    done = await onboard(ann)

    assert "Squat 126 kg" in done.content
    assert "Bench press 90 kg" in done.content
    assert "/today" in done.content


async def test_two_days_logged_then_a_restart_in_the_middle_of_day_three(
    emulator: BotApiEmulator, spotter: Spotter
) -> None:
    ann = emulator.user(1001, first_name="Ann")
    await onboard(ann)

    day1 = await log_day(ann)
    day2 = await log_day(ann, typed={"Squat — set 3 of 9": "5"})

    assert "Day 1 done" in day1.content
    assert "Day 2 done" in day2.content
    assert "Squat TM 126 kg → 131 kg" in day2.content
    assert "5 reps on the 95% set" in day2.content

    await ann.send("/today")
    card = await ann.wait_for_message()
    assert "Day 3" in card.content
    for _ in range(4):
        await ann.send("+")
        card = await ann.wait_for_message()
    update_id = await ann.send("100x3")
    card = await ann.wait_for_message()
    await spotter.handled(update_id)
    assert card_position(card) == (5, SETS_PER_DAY)

    await spotter.kill()
    await spotter.start_polling()
    await ann.send("/today")
    resumed = await ann.wait_for_message()

    assert "Day 3" in resumed.content
    assert card_position(resumed) == (5, SETS_PER_DAY)
    assert "set 6 of 9" in resumed.content
