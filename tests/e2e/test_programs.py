"""Plans beyond nSuns through the real bot: switching to 5/3/1 and a plan written as text."""

from __future__ import annotations

from domain.plans.use_cases.library import custom_slug
from emulator import BotApiEmulator, MessageView, UserDriver
from tests.e2e.conftest import Spotter
from tests.e2e.steps import onboard


async def switch_plan(ann: UserDriver, name: str) -> MessageView:
    await ann.send("/plan")
    card = await ann.wait_for_message()
    await ann.press("🔁 Switch plan", message_id=card.message_id)
    await ann.wait_for_edit(message_id=card.message_id)
    await ann.press(name, message_id=card.message_id)
    return await ann.wait_for_edit(message_id=card.message_id)


async def test_a_531_cycle_raises_the_training_max_once_its_deload_week_is_done(
    emulator: BotApiEmulator, spotter: Spotter
) -> None:
    """Weeks 1–3 move nothing; the week-4 press day ends the cycle: OHP TM 54 → 56.5 kg."""
    ann = emulator.user(1001, first_name="Ann")
    await onboard(ann)  # OHP 1RM 60 kg → TM 54 kg, kept when the plan changes

    switched = await switch_plan(ann, "5/3/1 Boring But Big")
    assert "Switched to 5/3/1 Boring But Big" in switched.content

    await ann.send("/today")
    card = await ann.wait_for_message()
    # 65% of 54 kg = 35.1 → 35 kg; the top set 85% = 45.9 → 45 kg
    assert "Week 1 · Press" in card.content
    assert "35 kg × 5" in card.content
    for _ in range(2):
        await ann.send("+")
        card = await ann.wait_for_message()
    assert "45 kg × 5+" in card.content
    await ann.send("8")  # the 5+ top set
    card = await ann.wait_for_message()
    assert "joker set, optional" in card.content
    await ann.press("🏁 Finish", message_id=card.message_id)
    week1 = await ann.wait_for_message()
    assert "No training max changes" in week1.content

    for day in (5, 9):  # weeks 2 and 3: the top sets, then finish early
        card = await train_day(ann, day, sets=3)
        await ann.press("🏁 Finish", message_id=card.message_id)
        assert "No training max changes" in (await ann.wait_for_message()).content

    card = await train_day(ann, 13, sets=0)
    # 40/50/60% of 54 kg: 21.6 → 22.5, 27 → 27.5, 32.4 → 32.5 kg
    assert "Week 4 · Press" in card.content
    assert "deload" in card.content
    assert "22.5 kg × 5" in card.content
    for _ in range(3):
        await ann.send("+")
        card = await ann.wait_for_message()

    assert "Overhead press TM 54 kg → 56.5 kg" in card.content
    assert "4-week cycle complete" in card.content


async def train_day(ann: UserDriver, day: int, *, sets: int) -> MessageView:
    """Opens a day from /plan (the card takes the plan's place) and logs `sets` sets with +."""
    await ann.send("/plan")
    plan = await ann.wait_for_message()
    await ann.press(f"Day {day}", message_id=plan.message_id)
    card = await ann.wait_for_edit(message_id=plan.message_id)
    for _ in range(sets):
        await ann.send("+")
        card = await ann.wait_for_message()
    return card


CUSTOM_PLAN = """plan: Ann's 3x5
day: A
{lift}: 3x5 ; linear +2.5kg/5lb start 60kg/135lb
"""


async def test_a_plan_pasted_with_a_mistake_names_the_line_and_runs_once_fixed(
    emulator: BotApiEmulator, spotter: Spotter
) -> None:
    ann = emulator.user(1002, first_name="Ann")
    await ann.send("/start")
    await ann.wait_for_message()  # the greeting
    units = await ann.wait_for_message()
    await ann.press("kg", message_id=units.message_id)
    await ann.wait_for_edit(message_id=units.message_id)

    await ann.send(CUSTOM_PLAN.format(lift="sqaut"))
    refused = await ann.wait_for_message()
    assert "nothing was saved" in refused.content
    assert "line 3: I don't know the exercise “sqaut” — did you mean squat?" in refused.content

    await ann.send(CUSTOM_PLAN.format(lift="squat"))
    saved = await ann.wait_for_message()
    assert "Saved your plan Ann's 3x5" in saved.content
    await ann.press("▶️ Start it now", message_id=saved.message_id)
    assert "Switched to Ann's 3x5" in (await ann.wait_for_edit()).content

    await ann.send("/today")
    card = await ann.wait_for_message()
    assert "60 kg × 5" in card.content
    for _ in range(3):
        await ann.send("+")
        card = await ann.wait_for_message()

    assert "Squat T1 60 kg → 62.5 kg (+2.5 kg: all 3×5 sets made)" in card.content
    await ann.send("/maxes")
    assert "Squat T1: 62.5 kg" in (await ann.wait_for_message()).content

    await ann.press("✏️ Set it myself", message_id=card.message_id)  # on the finish summary
    assert "working weight" in (await ann.wait_for_message()).content
    await ann.send("70")
    assert "Squat T1: 70 kg" in (await ann.wait_for_message()).content
    await ann.send("/today")
    assert "70 kg × 5" in (await ann.wait_for_message()).content


async def test_a_forged_button_for_someone_elses_plan_starts_nothing(
    emulator: BotApiEmulator, spotter: Spotter
) -> None:
    ann = emulator.user(1003, first_name="Ann")
    await onboard(ann)
    await ann.send(CUSTOM_PLAN.format(lift="squat"))
    await ann.wait_for_message()
    ben = emulator.user(1004, first_name="Ben")
    await onboard(ben)
    await ben.send("/plan")
    card = await ben.wait_for_message()

    anns_plan = custom_slug("Ann's 3x5", 1003)  # a real plan, private to Ann
    query = await ben.press_forged(card.message_id, f"pp:{anns_plan}")
    answer = await ben.wait_for_callback_answer(query)

    assert answer.show_alert
    assert "isn't available" in (answer.text or "")
    await ben.send("/today")
    assert "Bench press (volume)" in (await ben.wait_for_message()).content  # still nSuns
