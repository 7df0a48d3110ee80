"""What a person does in Telegram, as steps the end-to-end scenarios share."""

from __future__ import annotations

import re

from emulator import MessageView, UserDriver

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


async def start(user: UserDriver) -> MessageView:
    """/start for someone with no plan yet: the greeting, then the onboarding card."""
    await user.send("/start")
    greeting = await user.wait_for_message()
    await user.wait_for_message()
    return greeting
