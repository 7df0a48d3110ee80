"""The nutrition repository's contract, and nutrition's view of training days, on the fake, on
SQLite and on PostgreSQL."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

from domain.nutrition.meal_plan import parse_meal_plan
from domain.nutrition.model import (
    FoodEntry,
    Macros,
    MealPlan,
    Prompt,
    PromptPurpose,
    Targets,
)
from domain.training.model import DoneSet
from tests.integration.catalog import ATHLETE, CLOCK, seed_into
from tests.integration.contracts.conftest import Units
from tests.integration.contracts.workouts import kg, squat_day, store

NOW = CLOCK.now()
TODAY = date(2026, 3, 2)
OTHER = 7


def eaten(name: str, macros: Macros, *, minutes: int = 0, message: int | None = None) -> FoodEntry:
    return FoodEntry(
        None, ATHLETE, TODAY, NOW + timedelta(minutes=minutes), name, macros, None, message
    )


async def test_targets_are_kept_whole_and_replaced(units: Units) -> None:
    await seed_into(units(), ATHLETE, OTHER)
    first = Targets(ATHLETE, Macros(2400, 180, 250, 70), Macros(2800, 180, 320, 75), "no nuts", 9)
    async with units() as uow:
        none = await uow.nutrition.targets(ATHLETE)
        await uow.nutrition.save_targets(first, NOW)
        await uow.commit()
    async with units() as uow:
        kept = await uow.nutrition.targets(ATHLETE)
        second = Targets(ATHLETE, Macros(2000), None, "", ATHLETE)
        await uow.nutrition.save_targets(second, NOW)
        await uow.commit()
    async with units() as uow:
        replaced = await uow.nutrition.targets(ATHLETE)
        other = await uow.nutrition.targets(OTHER)
    assert none is None
    assert kept == first
    assert replaced == second
    assert other is None


async def test_entries_in_order_once_per_message_and_deleted(units: Units) -> None:
    await seed_into(units(), ATHLETE, OTHER)
    photo = "AgACAgIAAxkBAAIBQ2"
    async with units() as uow:
        oats = await uow.nutrition.add_entry(eaten("oats", Macros(294, 10, 50, 6), message=11))
        again = await uow.nutrition.add_entry(eaten("oats", Macros(294, 10, 50, 6), message=11))
        lunch = await uow.nutrition.add_entry(
            eaten("lunch", Macros(650, 40), minutes=240, message=12)
        )
        snap = FoodEntry(
            None, ATHLETE, TODAY, NOW + timedelta(minutes=300), "", Macros(535, 40, 60, 15), photo
        )
        snack = await uow.nutrition.add_entry(snap)
        yesterday = await uow.nutrition.add_entry(
            FoodEntry(None, ATHLETE, TODAY - timedelta(days=1), NOW, "", Macros(2000, 150))
        )
        await uow.nutrition.add_entry(
            FoodEntry(None, OTHER, TODAY, NOW, "", Macros(999, 1), None, 11)
        )
        await uow.commit()
    async with units() as uow:
        today = await uow.nutrition.entries(ATHLETE, TODAY)
        totals = await uow.nutrition.totals(ATHLETE, TODAY - timedelta(days=6), TODAY)
        await uow.nutrition.delete_entry(lunch.id or 0)
        await uow.commit()
    async with units() as uow:
        after = await uow.nutrition.entries(ATHLETE, TODAY)
        gone = await uow.nutrition.entry(lunch.id or 0)
        kept_snack = await uow.nutrition.entry(snack.id or 0)

    assert again == oats
    assert [e.name for e in today] == ["oats", "lunch", ""]
    assert today[0] == oats
    assert today[0].macros == Macros(294, 10, 50, 6)
    # 294 + 650 + 535 kcal; 10 + 40 + 40 g protein; 50 + 60 carbs; 6 + 15 fat
    assert totals == {
        TODAY: Macros(1479, 90, 110, 21),
        TODAY - timedelta(days=1): yesterday.macros,
    }
    assert [e.id for e in after] == [oats.id, snack.id]
    assert gone is None
    assert kept_snack is not None
    assert kept_snack.photo_file_id == photo


async def test_a_meal_plan_reads_back_and_is_replaced(units: Units) -> None:
    await seed_into(units(), ATHLETE, OTHER)
    text = "Monday:\noats p10 c50 f6\nTuesday:\nshake p30"
    plan = MealPlan(ATHLETE, OTHER, parse_meal_plan(text), text, NOW)
    async with units() as uow:
        await uow.nutrition.save_meal_plan(plan)
        await uow.commit()
    async with units() as uow:
        kept = await uow.nutrition.meal_plan(ATHLETE)
        newer = MealPlan(ATHLETE, OTHER, parse_meal_plan("Day 1:\np40"), "Day 1:\np40", NOW)
        await uow.nutrition.save_meal_plan(newer)
        await uow.commit()
    async with units() as uow:
        replaced = await uow.nutrition.meal_plan(ATHLETE)
        none = await uow.nutrition.meal_plan(OTHER)
    assert kept == plan
    assert replaced == newer
    assert none is None


async def test_a_prompt_is_kept_once(units: Units) -> None:
    await seed_into(units(), ATHLETE, OTHER)
    asked = Prompt(ATHLETE, 40, OTHER, ATHLETE, PromptPurpose.TARGETS)
    async with units() as uow:
        await uow.nutrition.add_prompt(asked, NOW)
        await uow.nutrition.add_prompt(
            Prompt(ATHLETE, 40, ATHLETE, ATHLETE, PromptPurpose.FOOD), NOW
        )
        await uow.commit()
    async with units() as uow:
        kept = await uow.nutrition.prompt(ATHLETE, 40)
        missing = await uow.nutrition.prompt(ATHLETE, 41)
    assert kept == asked
    assert missing is None


async def test_training_days_are_a_workout_opened_or_a_set_logged(units: Units) -> None:
    await seed_into(units(), ATHLETE, OTHER)
    opened = await store(units, squat_day(NOW - timedelta(days=3)))
    async with units() as uow:
        await uow.workouts.finish(opened.id or 0, NOW - timedelta(days=3))
        await uow.commit()
    lifted = await store(units, squat_day(NOW - timedelta(days=1)))
    logged_at = NOW - timedelta(hours=2)
    async with units() as uow:
        work_set = replace(lifted.sets[1], done=DoneSet(kg("85"), 3, logged_at))
        await uow.workouts.save_set(lifted.id or 0, work_set)
        await uow.commit()
    await store(units, squat_day(NOW - timedelta(days=2), athlete_id=OTHER))
    async with units() as uow:
        moments = await uow.training_days.trained_between(ATHLETE, NOW - timedelta(days=7), NOW)
        none = await uow.training_days.trained_between(
            ATHLETE, NOW - timedelta(days=30), NOW - timedelta(days=7)
        )
    assert moments == [NOW - timedelta(days=3), NOW - timedelta(days=1), logged_at]
    assert none == []
