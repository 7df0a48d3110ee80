"""Nutrition through Telegram: an athlete's day against their targets (typed, captioned photo,
a redelivered message, a bad entry, a training day), and a coach who sets a client's targets,
sees their week's adherence and sends a meal plan, while another coach sees none of it."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta
from pathlib import Path

from domain.nutrition.model import FoodEntry, Macros
from domain.shared.time import local_day
from emulator import BotApiEmulator, UserDriver
from handlers.common.nutrition_buttons import ClientNutrition
from handlers.nutrition.client import ClientAsk
from storage.core.engine import create_engine, create_session_factory
from storage.uow import SqlUnitOfWork
from tests.e2e.conftest import Spotter
from tests.e2e.steps import onboard
from tests.fakes import FixedClock

ANN, SAM, KIM, ALEX = 4201, 4202, 4203, 4204
PHOTO = b"\x89PNG\r\n\x1a\n" + bytes(64)
LINK = re.compile(r"https://t\.me/spotter_test_bot\?start=(c[A-Za-z0-9_-]+)")


async def test_a_day_of_food_against_the_targets(
    emulator: BotApiEmulator, spotter: Spotter
) -> None:
    ann = emulator.user(ANN, first_name="Ann")
    await onboard(ann)

    await ann.send("/food")
    empty = await ann.wait_for_message()
    assert "Nothing logged yet today." in empty.content
    assert "No targets yet" in empty.content
    await ann.press("🎯 Targets", message_id=empty.message_id)
    assert "No targets yet." in (await ann.wait_for_message()).content
    asked = await ann.wait_for_message()
    await ann.send(
        "2400 kcal p180 c250 f70\ntraining: 2800 kcal p200 c320 f75\nnotes: no peanuts",
        reply_to=asked.message_id,
    )
    saved = await ann.wait_for_message()
    assert "✅ Targets saved." in saved.content
    assert "Every day: 2400 kcal · P180 C250 F70" in saved.content
    assert "Training days: 2800 kcal · P200 C320 F75" in saved.content

    await ann.send("/food oats p10 c50 f6")
    assert "✅ Logged: oats — 294 kcal · P10 C50 F6" in (await ann.wait_for_message()).content
    await ann.send_photo(PHOTO, caption="/food lunch 650kcal p40 c60 f20")
    assert "2. lunch — 650 kcal · P40 C60 F20 📷" in (await ann.wait_for_message()).content
    await ann.send("/food p40 c60 f15", deliver_twice=True)
    assert "✅ Logged: Meal — 535 kcal · P40 C60 F15" in (await ann.wait_for_message()).content
    await ann.send("/food f 9999")
    assert "“f 9999” is more than one entry can hold" in (await ann.wait_for_message()).content

    await ann.send("/food")
    day = (await ann.wait_for_message()).content
    # 294 + 650 + 535 = 1479 kcal of 2400; protein 10 + 40 + 40, carbs 50 + 60 + 60, fat 6 + 20 + 15
    assert "1479 of 2400 kcal · 921 kcal left" in day
    assert "Protein 90/180 g · carbs 170/250 g · fat 41/70 g" in day
    assert "1. oats — 294 kcal · P10 C50 F6" in day
    assert "3. Meal — 535 kcal · P40 C60 F15" in day
    assert "4." not in day  # the message delivered twice, and the bad one, logged nothing more
    assert "⚠️ Restrictions and allergies: no peanuts" in day

    await ann.press("🗑 Delete “Meal”")
    assert "🗑 Deleted: Meal — 535 kcal" in (await ann.wait_for_message()).content

    await ann.send("/today")  # a workout opened: today is a training day
    await ann.wait_for_message()
    await ann.send("/food")
    training = (await ann.wait_for_message()).content
    assert "a training day" in training
    assert "944 of 2800 kcal · 1856 kcal left" in training  # 294 + 650


async def become_coach(coach: UserDriver) -> None:
    await coach.send("/coach")
    await coach.wait_for_message()
    await coach.press("🎓 Become a coach")
    await coach.wait_for_edit()


async def seed_week(tmp_path: Path, athlete_id: int) -> None:
    """Six of the last seven days logged (a week cannot pass in a test): five on target."""
    engine = create_engine(f"sqlite:///{tmp_path / 'spotter.db'}")
    now = datetime.now(UTC)
    uow = SqlUnitOfWork(create_session_factory(engine), FixedClock(now))
    try:
        async with uow:
            client = await uow.users.get(athlete_id)
            assert client is not None
            today = local_day(now, client.zone)
            for back, kcal in ((1, 2400), (2, 2300), (3, 2500), (4, 2200), (5, 2640), (6, 3000)):
                meal = Macros(kcal, 180)  # ±10% of 2400 is 2160 to 2640: 3000 is over
                day = today - timedelta(days=back)
                await uow.nutrition.add_entry(FoodEntry(None, athlete_id, day, now, "", meal))
            await uow.commit()
    finally:
        await engine.dispose()


async def test_a_coach_sets_targets_sees_adherence_and_sends_a_meal_plan_another_sees_none(
    emulator: BotApiEmulator, spotter: Spotter, tmp_path: Path
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
    await alex.wait_for_edit()
    await sam.wait_for_message(timeout=10)  # "Alex accepted your invite"

    await sam.send("/clients")
    await sam.wait_for_message()
    await sam.press("Alex")
    await sam.wait_for_message()
    await sam.press("🍽 Nutrition")
    view = await sam.wait_for_message()
    assert "🍽 Alex, today" in view.content
    assert "No targets set" in view.content
    await sam.press("🎯 Set targets", message_id=view.message_id)
    asked = await sam.wait_for_message()
    await sam.send("2400 kcal p180 c250 f70\nnotes: lactose intolerant", reply_to=asked.message_id)
    set_ = await sam.wait_for_message()
    assert "✅ Alex's targets saved." in set_.content
    assert "Every day: 2400 kcal · P180 C250 F70" in set_.content
    told = await alex.wait_for_message(timeout=10)
    assert "🍽 Sam set your nutrition targets" in told.content
    assert "Every day: 2400 kcal · P180 C250 F70" in told.content

    await seed_week(tmp_path, ALEX)
    await sam.press("Alex")
    card = (await sam.wait_for_message()).content
    assert "🍽 Nutrition, the 7 days before today: 5 on target, 6 of 7 logged" in card

    await sam.press("📋 Send a meal plan")
    plan_prompt = await sam.wait_for_message()
    await sam.send("Monday:\nlunch p-5\nTuesday:", reply_to=plan_prompt.message_id)
    wrong = (await sam.wait_for_message()).content
    assert "line 2: “p-5” is negative" in wrong
    assert "line 3: “Tuesday” has no meals." in wrong
    await sam.send(
        "Day A:\nbreakfast oats p10 c50 f6\nlunch 650 kcal p45\nDay B:\nshake p30 c5 f2",
        reply_to=plan_prompt.message_id,
    )
    assert "✅ Meal plan sent to Alex: 2 days." in (await sam.wait_for_message()).content
    sent = await alex.wait_for_message(timeout=10)
    assert "📋 Sam sent you a meal plan (2 days): /food → 📋 Meal plan." in sent.content

    await alex.send("/food")
    own = await alex.wait_for_message()
    assert "0 of 2400 kcal · 2400 kcal left" in own.content
    assert "lactose intolerant" in own.content
    await alex.press("📋 Meal plan", message_id=own.message_id)
    day_a = await alex.wait_for_message()
    # 294 + 650 kcal; protein 10 + 45, carbs 50, fat 6
    assert "📋 Day A · 944 kcal · P55 C50 F6" in day_a.content
    assert "• breakfast oats — 294 kcal · P10 C50 F6" in day_a.content
    await alex.press("Day B", message_id=day_a.message_id)
    day_b = await alex.wait_for_edit(message_id=day_a.message_id)
    assert "• shake — 158 kcal · P30 C5 F2" in day_b.content

    kims = kim.chat.bot_messages[-1].message_id
    for forged in (
        ClientNutrition(athlete=ALEX),
        ClientAsk(athlete=ALEX, action="targets"),
        ClientAsk(athlete=ALEX, action="plan"),
    ):
        answer = await kim.wait_for_callback_answer(await kim.press_forged(kims, forged.pack()))
        assert answer.text == "They are not your client.", forged
    await kim.send("/clients")
    assert "No clients yet" in (await kim.wait_for_message()).content
    assert all("2400" not in m.content and "Alex" not in m.content for m in kim.chat.bot_messages)
