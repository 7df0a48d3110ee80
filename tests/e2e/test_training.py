"""The heart of Spotter through the real bot: onboarding, set-by-set logging, progression."""

from __future__ import annotations

import re

from emulator import BotApiEmulator, MessageView, UserDriver
from tests.e2e.conftest import Spotter

SETS_PER_DAY = 17  # 9 T1 + 8 T2 sets on every nSuns 4-day day


async def onboard(ann: UserDriver) -> MessageView:
    await ann.send("/start")
    await ann.wait_for_message()  # the greeting
    units = await ann.wait_for_message()
    await ann.press("kg", message_id=units.message_id)
    plans = await ann.wait_for_edit(message_id=units.message_id)
    assert "nSuns" in " ".join(label for row in plans.button_labels for label in row)
    await ann.press("nSuns 5/3/1 LP, 4 days", message_id=units.message_id)
    await ann.wait_for_edit(message_id=units.message_id)
    await ann.send("bench 100 squat 140 ohp 60 deadlift 180")
    return await ann.wait_for_message()


def card_position(card: MessageView) -> tuple[int, int]:
    """(sets logged, sets in the workout) as the card shows them."""
    match = re.search(r"\((\d+)/(\d+)\)", card.content)
    assert match, card.content
    return int(match[1]), int(match[2])


async def log_day(ann: UserDriver, typed: dict[str, str] | None = None) -> MessageView:
    """Logs every set of the open day with "+", or the typed text for a card containing a key."""
    await ann.send("/today")
    card = await ann.wait_for_message()
    for _ in range(SETS_PER_DAY):
        reply = next((text for key, text in (typed or {}).items() if key in card.content), "+")
        await ann.send(reply)
        card = await ann.wait_for_message()
    return card  # the finish summary


async def test_onboarding_takes_one_rep_maxes_in_one_message(
    emulator: BotApiEmulator, spotter: Spotter
) -> None:
    ann = emulator.user(1001, first_name="Ann")

    done = await onboard(ann)

    assert "squat 126 kg" in done.content
    assert "bench 90 kg" in done.content
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
