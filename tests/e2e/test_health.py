"""Health and safety through Telegram (#15): a new client's PAR-Q with one yes flags them for
their coach, who must acknowledge it before assigning a plan and is warned of the lifts the
client's limitations name; another coach sees none of it."""

from __future__ import annotations

import asyncio
import re

from domain.coaching.use_cases.programs import plan_token
from emulator import BotApiEmulator, UserDriver
from handlers.coaching.clients import OpenClient
from handlers.coaching.health import AcknowledgeFlag
from handlers.coaching.programs import Assign
from tests.e2e.conftest import Spotter
from tests.e2e.steps import onboard

SAM, KIM, ALEX = 3201, 3202, 3301
LINK = re.compile(r"https://t\.me/spotter_test_bot\?start=(c[A-Za-z0-9_-]+)")
PRIVATE = ("bone or joint", "Knee surgery", "Maria", "79123456789", "overhead press")


async def become_coach(coach: UserDriver) -> None:
    await coach.send("/coach")
    await coach.wait_for_message()
    await coach.press("🎓 Become a coach")
    await coach.wait_for_edit()


async def take_intake(alex: UserDriver) -> None:
    """The questionnaire from the offer: yes to question 5 only, a knee, no press or deadlift."""
    await alex.press("🩺 Answer now")
    first = await alex.wait_for_message()
    assert "Question 1 of 7" in first.content
    for answer in ("No", "No", "No", "No", "Yes", "No", "No"):
        await alex.press(answer)
        await alex.wait_for_edit()
    await alex.press("Skip")  # conditions
    await alex.wait_for_edit()
    await alex.send("Knee surgery in 2019")
    await alex.wait_for_message()
    await alex.press("Skip")  # medications
    await alex.wait_for_edit()
    await alex.send("No overhead press, no deadlifts")
    fitness = await alex.wait_for_message()
    assert "Lifts to avoid: Deadlift, Overhead press" in fitness.content
    await alex.press("Train regularly")
    await alex.wait_for_edit()
    await alex.press("➕ Add a contact")
    await alex.wait_for_edit()
    for typed in ("Maria", "mother", "+7 912 345-67-89"):
        await alex.send(typed)
        await alex.wait_for_message()
    await alex.press("✅ Done")
    done = await alex.wait_for_edit()
    assert "PAR-Q: ⚠️ yes to question 5." in done.content


async def test_a_yes_flags_the_client_until_the_coach_acknowledges_and_avoided_lifts_warn(
    emulator: BotApiEmulator, spotter: Spotter
) -> None:
    sam = emulator.user(SAM, first_name="Sam")
    kim = emulator.user(KIM, first_name="Kim")
    alex = emulator.user(ALEX, first_name="Alex")
    await become_coach(sam)
    await become_coach(kim)
    await onboard(alex)
    await sam.press("🔗 Invite link (one client)")
    link = LINK.search((await sam.wait_for_message()).content)
    assert link

    await alex.send(f"/start {link[1]}")
    await alex.wait_for_message()
    await alex.press("✅ Accept")
    accepted = await alex.wait_for_edit()
    assert "You are training with Sam now." in accepted.content
    assert "Only you and your coach see it" in accepted.content
    joined = await sam.wait_for_message(timeout=10)
    assert "Alex accepted your invite" in joined.content
    await take_intake(alex)

    await sam.send("/clients")
    await sam.wait_for_message()
    await sam.press("Alex")
    card = await sam.wait_for_message()
    assert "⚠️ PAR-Q flag: read the answers below and acknowledge them." in card.content
    health = await sam.wait_for_message()
    assert "⚠️ PAR-Q flag" in health.content
    assert "5. Do you have a bone or joint problem" in health.content
    assert "Injuries: Knee surgery in 2019" in health.content
    assert "⭐ Maria (mother): +79123456789" in health.content

    await sam.press("📋 Assign a plan")
    await sam.wait_for_message()
    await sam.press("Starting Strength, phase 1")
    refused = await sam.wait_for_message()
    assert "you haven't acknowledged it yet" in refused.content

    await sam.press("✅ Acknowledge")
    acknowledged = await sam.wait_for_edit()
    assert "You have acknowledged the PAR-Q answers" in acknowledged.content
    assert (await sam.wait_for_message()).content.startswith("Acknowledged")

    await sam.press("Starting Strength, phase 1")
    warning = await sam.wait_for_message()
    assert "Alex's limitations name lifts this plan has" in warning.content
    assert "• Overhead press: day 1" in warning.content
    assert "• Deadlift: days 1, 2" in warning.content
    await sam.press("✅ Assign anyway")
    assigned = await sam.wait_for_edit()
    assert "Starting Strength, phase 1 is Alex's plan now" in assigned.content
    told = await alex.wait_for_message(timeout=10)
    assert "Sam gave you a new plan: Starting Strength, phase 1" in told.content

    await kim.send("/clients")
    kims = await kim.wait_for_message()
    for forged in (
        OpenClient(athlete=ALEX).pack(),
        AcknowledgeFlag(athlete=ALEX, shown=127).pack(),
        Assign(athlete=ALEX, index=0, token=plan_token("stronglifts"), avoided_ok=True).pack(),
    ):
        query = await kim.press_forged(kims.message_id, forged)
        answer = await kim.wait_for_callback_answer(query)
        assert answer.text == "That athlete is not your client.", forged
    await asyncio.sleep(0.3)
    seen_by_kim = " ".join(message.content for message in kim.chat.bot_messages)
    assert not [word for word in PRIVATE if word in seen_by_kim]
    logged = spotter.output()
    assert not [word for word in PRIVATE if word in logged]
