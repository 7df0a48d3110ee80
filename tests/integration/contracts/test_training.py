"""The training repositories' contracts, on the fake and on SQL: plans followed, training maxes,
lift tracks, records and workouts."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta
from decimal import Decimal

import pytest

from domain.plans.rules import LinearState, StagedState
from domain.plans.rules.reasons import note
from domain.shared.weights import Unit, Weight
from domain.training.model import (
    ActivePlan,
    DoneSet,
    LiftTrack,
    LoggedSet,
    TrainingMax,
    WorkoutSet,
)
from domain.training.records import DatedSet, RecordKind, WeightRecord
from tests.integration.catalog import ATHLETE, CLOCK, PLAN, seed_into
from tests.integration.contracts.conftest import Units
from tests.integration.contracts.workouts import kg, prescribed, squat_day, store

START = CLOCK.now()
MINUTE = timedelta(minutes=1)
OTHER = 7


# --- athlete plans -----------------------------------------------------------------------------


async def test_a_started_plan_is_active_from_day_one_and_a_new_start_replaces_it(
    units: Units,
) -> None:
    await seed_into(units(), ATHLETE, OTHER)
    async with units() as uow:
        before = await uow.athlete_plans.active(ATHLETE)
        await uow.athlete_plans.start(ATHLETE, PLAN.slug, START)
        await uow.athlete_plans.set_next_day(ATHLETE, 2)
        await uow.commit()
    async with units() as uow:
        moved = await uow.athlete_plans.active(ATHLETE)
        await uow.athlete_plans.start(ATHLETE, PLAN.slug, START + MINUTE)
        await uow.athlete_plans.start(OTHER, PLAN.slug, START)
        await uow.athlete_plans.set_next_day(OTHER, 2)
        await uow.commit()
    async with units() as uow:
        again = await uow.athlete_plans.active(ATHLETE)
        other = await uow.athlete_plans.active(OTHER)

    assert before is None
    assert other == ActivePlan(PLAN.slug, START, next_day=2)
    assert moved == ActivePlan(PLAN.slug, START, next_day=2)
    assert again == ActivePlan(PLAN.slug, START + MINUTE, next_day=1)


async def test_starting_an_unknown_plan_or_moving_a_day_without_a_plan_is_a_lookup_error(
    units: Units,
) -> None:
    await seed_into(units())
    async with units() as uow:
        with pytest.raises(LookupError):
            await uow.athlete_plans.start(ATHLETE, "nope", START)
        with pytest.raises(LookupError):
            await uow.athlete_plans.set_next_day(ATHLETE, 2)


# --- training maxes and lift tracks (append-only histories) --------------------------------------


async def test_the_current_training_max_is_the_newest_whatever_the_order_added(
    units: Units,
) -> None:
    await seed_into(units(), ATHLETE, OTHER)
    later = TrainingMax("squat", kg("102.5"), START + timedelta(days=7), note("AMRAP 5"))
    earlier = TrainingMax("squat", kg("100"), START, note("from 1RM"))
    same_time = TrainingMax("bench", kg("80"), START, note("first"))
    same_time_later_added = TrainingMax("bench", Weight.of("77.123", Unit.KG), START, note("fixed"))
    async with units() as uow:
        for training_max in (later, earlier, same_time, same_time_later_added):
            await uow.training_maxes.add(ATHLETE, training_max)
        await uow.training_maxes.add(OTHER, TrainingMax("squat", kg("140"), START, note("other")))
        await uow.commit()
    async with units() as uow:
        current = await uow.training_maxes.current(ATHLETE)
        history = await uow.training_maxes.history(ATHLETE, "squat")
        nobody = await uow.training_maxes.current(99)
        no_history = await uow.training_maxes.history(ATHLETE, "ohp")

    assert current == {"squat": later, "bench": same_time_later_added}
    assert history == [earlier, later]
    assert (nobody, no_history) == ({}, [])


async def test_the_current_track_is_the_newest_whatever_the_order_added(units: Units) -> None:
    await seed_into(units(), ATHLETE, OTHER)
    later = LiftTrack("squat/T1", LinearState(kg("90")), START + timedelta(days=2), note("−10%"))
    earlier = LiftTrack("squat/T1", LinearState(kg("100"), failures=2), START, note("start"))
    bench = LiftTrack("bench/T1", StagedState(kg("80"), 1, kg("77.5")), START, note("6×2+ next"))
    bench_later_added = LiftTrack(
        "bench/T1", StagedState(kg("80"), 2, kg("77.5")), START, note("again")
    )
    async with units() as uow:
        for track in (later, earlier, bench, bench_later_added):
            await uow.tracks.add(ATHLETE, track)
        await uow.tracks.add(
            OTHER, LiftTrack("squat/T1", LinearState(kg("140")), START, note("other"))
        )
        await uow.commit()
    async with units() as uow:
        current = await uow.tracks.current(ATHLETE)
        history = await uow.tracks.history(ATHLETE, "squat/T1")

    assert current == {"squat/T1": later, "bench/T1": bench_later_added}
    assert history == [earlier, later]


async def test_a_record_of_a_stored_workout_is_added(units: Units) -> None:
    await seed_into(units())
    workout = await store(units, squat_day())
    assert workout.id is not None
    new, old = DatedSet(kg("100"), 5, START), DatedSet(kg("95"), 5, START - timedelta(days=7))
    record = WeightRecord(RecordKind.HEAVIEST, kg("100"), kg("95"), new, old)

    async with units() as uow:
        await uow.records.add(ATHLETE, workout.id, "squat", record)
        await uow.commit()


# --- workouts ------------------------------------------------------------------------------------


async def test_an_added_workout_gets_an_id_and_comes_back_open_with_its_sets(
    units: Units,
) -> None:
    await seed_into(units())

    stored = await store(units, squat_day())

    assert stored.id is not None
    assert stored == replace(squat_day(), id=stored.id)
    async with units() as uow:
        assert await uow.workouts.get(stored.id) == stored
        assert await uow.workouts.open_for(ATHLETE) == stored
        assert await uow.workouts.all_open() == [stored]
        assert await uow.workouts.get(stored.id + 1) is None
        assert await uow.workouts.open_for(OTHER) is None


async def test_a_set_is_logged_skipped_and_cleared_then_the_workout_is_finished(
    units: Units,
) -> None:
    await seed_into(units())
    workout = await store(units, squat_day())
    assert workout.id is not None
    warmup, work, amrap = workout.sets
    done = DoneSet(kg("87.5"), 6, START + MINUTE, rpe=Decimal("8.5"), note="felt <b>easy</b> — шаг")

    async with units() as uow:
        await uow.workouts.save_set(workout.id, replace(warmup, skipped=True))
        await uow.workouts.save_set(workout.id, replace(work, done=done))
        await uow.workouts.save_set(workout.id, replace(amrap, done=DoneSet(kg("95"), 4, START)))
        await uow.commit()
    async with units() as uow:
        await uow.workouts.save_set(workout.id, amrap)
        await uow.workouts.finish(workout.id, START + 30 * MINUTE)
        await uow.commit()
    async with units() as uow:
        loaded = await uow.workouts.get(workout.id)
        still_open = await uow.workouts.open_for(ATHLETE)
        all_open = await uow.workouts.all_open()

    assert loaded == replace(
        workout,
        sets=(replace(warmup, skipped=True), replace(work, done=done), amrap),
        finished_at=START + 30 * MINUTE,
    )
    assert (still_open, all_open) == (None, [])
    assert loaded is not None
    assert [s.is_open for s in loaded.sets] == [False, False, True]
    assert loaded.next_open == amrap


async def test_unknown_workouts_sets_and_plans_and_a_stored_workout_are_refused(
    units: Units,
) -> None:
    await seed_into(units())
    workout = await store(units, squat_day())
    assert workout.id is not None

    async with units() as uow:
        with pytest.raises(LookupError):
            await uow.workouts.save_set(workout.id, WorkoutSet(prescribed(3, "50", 5)))
        with pytest.raises(LookupError):
            await uow.workouts.finish(workout.id + 1, START)
        with pytest.raises(LookupError):
            await uow.workouts.add(replace(squat_day(), plan_slug="nope"))
        with pytest.raises(ValueError, match="stored already"):
            await uow.workouts.add(workout)


async def test_finished_workouts_are_listed_newest_first_a_page_at_a_time(units: Units) -> None:
    await seed_into(units(), ATHLETE, OTHER)
    finished = []
    ends = [START + timedelta(days=day) + 45 * MINUTE for day in range(4)]
    ends.append(ends[-1])  # two end at the same moment: the one added later counts as newer
    for day, ended in enumerate(ends):
        workout = await store(units, squat_day(START + timedelta(days=day)))
        assert workout.id is not None
        async with units() as uow:
            await uow.workouts.finish(workout.id, ended)
            await uow.commit()
        finished.append(replace(workout, finished_at=ended))
    await store(units, squat_day(START + timedelta(days=6)))
    await store(units, squat_day(START, athlete_id=OTHER))

    async with units() as uow:
        pages = [
            await uow.workouts.finished(ATHLETE, limit=2),
            await uow.workouts.finished(ATHLETE, limit=2, offset=2),
            await uow.workouts.finished(ATHLETE, limit=2, offset=4),
        ]
        others = await uow.workouts.finished(OTHER, limit=10)

    newest_first = [finished[4], finished[3], finished[2], finished[1], finished[0]]
    assert pages == [newest_first[0:2], newest_first[2:4], newest_first[4:]]
    assert others == []


async def test_done_sets_are_the_work_sets_of_finished_workouts_not_deloads_oldest_first(
    units: Units,
) -> None:
    await seed_into(units())
    first = DoneSet(kg("60"), 5, START + 2 * MINUTE)
    second = DoneSet(kg("100"), 3, START + 5 * MINUTE)
    for started, deload, finish in (
        (START, False, True),
        (START + timedelta(days=1), True, True),
        (START + timedelta(days=2), False, False),
    ):
        workout = await store(units, replace(squat_day(started), deload=deload))
        assert workout.id is not None
        warmup, work, amrap = workout.sets
        async with units() as uow:
            await uow.workouts.save_set(workout.id, replace(warmup, done=first))
            await uow.workouts.save_set(workout.id, replace(amrap, done=second))
            await uow.workouts.save_set(workout.id, replace(work, done=first))
            if finish:
                await uow.workouts.finish(workout.id, started + timedelta(hours=1))
            await uow.commit()

    async with units() as uow:
        squat = await uow.workouts.done_sets(ATHLETE, ["squat"])
        bench = await uow.workouts.done_sets(ATHLETE, ["bench"])

    assert squat == [("squat", first), ("squat", second)]
    assert bench == []


async def test_first_sets_are_each_weight_and_reps_once_when_first_done_in_finished_work(
    units: Units,
) -> None:
    """What a finished workout's records are measured against: a repeat adds nothing."""
    await seed_into(units())
    done_on = {}
    # day: (deload, finished, warm-up set, work set, AMRAP set)
    days = {
        0: (False, True, DoneSet(kg("60"), 5, START), DoneSet(kg("100"), 5, START), None),
        1: (True, True, None, DoneSet(kg("140"), 5, START), None),  # a deload: left out
        2: (False, True, None, DoneSet(kg("100"), 5, START), DoneSet(kg("100"), 8, START)),
        3: (False, True, None, DoneSet(kg("100"), 3, START), DoneSet(kg("100"), 8, START)),
        4: (False, False, None, DoneSet(kg("150"), 1, START), None),  # still open: left out
    }
    for day, (deload, finished, *sets) in days.items():
        started = START + timedelta(days=day)
        workout = await store(units, replace(squat_day(started), deload=deload))
        assert workout.id is not None
        async with units() as uow:
            for n, (planned, done) in enumerate(zip(workout.sets, sets, strict=True)):
                if done is not None:
                    at = started + (n + 1) * MINUTE
                    done_on[(day, n)] = at
                    await uow.workouts.save_set(
                        workout.id, replace(planned, done=replace(done, logged_at=at))
                    )
            if finished:
                await uow.workouts.finish(workout.id, started + timedelta(hours=1))
            await uow.commit()

    async with units() as uow:
        squat = await uow.workouts.first_sets(ATHLETE, ["squat"])
        bench = await uow.workouts.first_sets(ATHLETE, ["bench"])

    assert squat == [
        ("squat", DatedSet(kg("100"), 5, done_on[(0, 1)])),
        ("squat", DatedSet(kg("100"), 8, done_on[(2, 2)])),
        ("squat", DatedSet(kg("100"), 3, done_on[(3, 1)])),
    ]
    assert bench == []


async def test_logged_sets_come_from_finished_workouts_started_within_the_bounds(
    units: Units,
) -> None:
    await seed_into(units())
    days = [START + timedelta(days=n) for n in range(4)]
    ids = []
    for n, day in enumerate(days):
        workout = await store(units, squat_day(day))
        assert workout.id is not None
        ids.append(workout.id)
        done = DoneSet(kg("100"), 5 + n, day + 5 * MINUTE)
        async with units() as uow:
            await uow.workouts.save_set(workout.id, replace(workout.sets[1], done=done))
            if n < 3:  # the last one is still open
                await uow.workouts.finish(workout.id, day + 60 * MINUTE)
            await uow.commit()

    async with units() as uow:
        recent = await uow.workouts.logged_sets(ATHLETE, since=days[1])
        earlier = await uow.workouts.logged_sets(ATHLETE, until=days[1], exercises=["squat"])
        benched = await uow.workouts.logged_sets(ATHLETE, exercises=["bench"])

    assert recent == [
        LoggedSet(ids[1], days[1], "squat", kg("100"), 6, days[1] + 5 * MINUTE),
        LoggedSet(ids[2], days[2], "squat", kg("100"), 7, days[2] + 5 * MINUTE),
    ]
    assert [(s.workout_id, s.reps) for s in earlier] == [(ids[0], 5)]
    assert benched == []
