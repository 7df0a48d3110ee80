"""The import repository's and own exercises' contracts, on the fake and on SQL."""

from __future__ import annotations

from pathlib import Path
from zoneinfo import ZoneInfo

from domain.plans.model import BodyRegion, Exercise
from domain.shared.weights import Unit
from domain.training.imports.convert import to_workout
from domain.training.imports.files import read_export
from domain.training.imports.model import App, StoredImport
from tests.integration.catalog import ATHLETE, CLOCK, seed_into
from tests.integration.contracts.conftest import Units

OTHER = 7
STRONG = read_export((Path(__file__).parents[2] / "exports" / "strong.csv").read_bytes(), Unit.KG)
SLUGS = {"Squat (Barbell)": "squat", "Pull Up": "bench", "Bench Press (Barbell)": "bench"}


async def test_an_import_is_found_by_its_hash_per_athlete_and_removed_with_its_workouts(
    units: Units,
) -> None:
    await seed_into(units(), ATHLETE, OTHER)
    workout = to_workout(ATHLETE, STRONG.workouts[0], ZoneInfo("UTC"), SLUGS, {})
    async with units() as uow:
        stored = await uow.imports.add(ATHLETE, App.STRONG, "ab" * 32, "file", CLOCK.now())
        await uow.imports.add_workout(stored.id, workout)
        await uow.imports.mark_imported(stored.id, CLOCK.now(), 1)
        await uow.commit()
    async with units() as uow:
        found = await uow.imports.find(ATHLETE, "ab" * 32)
        theirs = await uow.imports.find(OTHER, "ab" * 32)
        starts = await uow.imports.started_at(ATHLETE)
        listed = await uow.workouts.finished(ATHLETE, 10)
        await uow.imports.remove(stored.id)
        await uow.commit()
    async with units() as uow:
        gone = await uow.imports.get(stored.id, lock=True)
        after = await uow.workouts.finished(ATHLETE, 10)

    assert found == StoredImport(
        stored.id, ATHLETE, App.STRONG, "ab" * 32, "file", CLOCK.now(), CLOCK.now(), 1
    )
    assert theirs is None
    assert starts == {workout.started_at}
    assert [(w.day_name, len(w.sets)) for w in listed] == [("Evening Workout", 3)]
    assert listed[0].sets == workout.sets
    assert gone is None
    assert after == []


async def test_own_exercises_are_their_owners_and_corrected_in_place(units: Units) -> None:
    await seed_into(units(), ATHLETE, OTHER)
    fly = Exercise("u1_cable_fly_00000000", "Cable fly", "chest", "accessory", BodyRegion.UPPER)
    async with units() as uow:
        await uow.exercises.add_own(ATHLETE, fly)
        await uow.exercises.add_own(
            ATHLETE, Exercise(fly.slug, "Cable fly", "shoulders", "accessory", BodyRegion.UPPER)
        )
        await uow.commit()
    async with units() as uow:
        mine = await uow.exercises.owned_by(ATHLETE)
        theirs = await uow.exercises.owned_by(OTHER)
        visible_to_me = await uow.exercises.visible_to(ATHLETE)
        visible_to_them = await uow.exercises.visible_to(OTHER)

    assert [(e.slug, e.muscle_group) for e in mine] == [(fly.slug, "shoulders")]
    assert theirs == []
    assert fly.slug in visible_to_me
    assert "squat" in visible_to_them
    assert fly.slug not in visible_to_them
