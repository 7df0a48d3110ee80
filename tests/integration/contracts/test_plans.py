"""The exercise library's and the plans' repository contracts, on the fake and on SQL."""

from __future__ import annotations

from dataclasses import replace

from domain.plans.model import BodyRegion, Exercise, PlanInfo
from tests.integration.catalog import ATHLETE, EXERCISES, PLAN, seed_into
from tests.integration.contracts.conftest import Units

OTHER = 7


async def test_the_exercise_library_comes_back_as_saved_and_saving_again_updates_it(
    units: Units,
) -> None:
    renamed = Exercise("squat", "Back squat", "legs", "main", BodyRegion.LOWER)
    async with units() as uow:
        await uow.exercises.save_all(EXERCISES)
        await uow.commit()
    async with units() as uow:
        first = await uow.exercises.all()
        await uow.exercises.save_all([renamed])
        await uow.commit()
    async with units() as uow:
        second = await uow.exercises.all()

    assert first == {exercise.slug: exercise for exercise in EXERCISES}
    assert second == {**first, "squat": renamed}


async def test_a_plan_comes_back_as_saved_and_an_unknown_one_is_none(units: Units) -> None:
    await seed_into(units())
    async with units() as uow:
        found = await uow.plans.get(PLAN.slug)
        unknown = await uow.plans.get("no-such-plan")
        builtin = await uow.plans.builtin()

    assert (found, unknown, builtin) == (PLAN, None, [PLAN])


async def test_an_athlete_sees_builtin_published_and_own_plans_builtin_first_then_by_name(
    units: Units,
) -> None:
    await seed_into(units(), ATHLETE, OTHER)
    mine = replace(PLAN, slug="mine", name="A plan of mine")
    theirs = replace(PLAN, slug="theirs", name="Their plan")
    shared = replace(PLAN, slug="shared", name="B shared plan")
    async with units() as uow:
        await uow.plans.save(mine, builtin=False, owner_id=ATHLETE)
        await uow.plans.save(theirs, builtin=False, owner_id=OTHER)
        await uow.plans.save(shared, builtin=False, owner_id=OTHER)
        published = await uow.plans.publish("shared", published=True)
        builtin_published = await uow.plans.publish(PLAN.slug, published=True)
        unknown_published = await uow.plans.publish("no-such-plan", published=True)
        await uow.commit()
    async with units() as uow:
        seen = await uow.plans.available(ATHLETE)
        owners = [await uow.plans.owner_of(slug) for slug in ("mine", PLAN.slug, "nope")]
        builtin = await uow.plans.builtin()

    assert (published, builtin_published, unknown_published) == (True, False, False)
    assert seen == [
        PlanInfo(PLAN.slug, PLAN.name, builtin=True),
        PlanInfo("mine", "A plan of mine", builtin=False, owner_id=ATHLETE),
        PlanInfo("shared", "B shared plan", builtin=False, owner_id=OTHER, published=True),
    ]
    assert owners == [ATHLETE, None, None]
    assert builtin == [PLAN]


async def test_saving_a_plan_again_replaces_it_and_keeps_it_published(units: Units) -> None:
    await seed_into(units())
    custom = replace(PLAN, slug="custom", name="Custom")
    async with units() as uow:
        await uow.plans.save(custom, builtin=False, owner_id=ATHLETE)
        await uow.plans.publish("custom", published=True)
        await uow.commit()
    renamed = replace(custom, name="Custom, renamed", days=custom.days[:1])
    async with units() as uow:
        await uow.plans.save(renamed, builtin=False, owner_id=ATHLETE)
        await uow.commit()
    async with units() as uow:
        found = await uow.plans.get("custom")
        seen = await uow.plans.available(ATHLETE)

    assert found == renamed
    assert PlanInfo("custom", "Custom, renamed", False, ATHLETE, published=True) in seen
