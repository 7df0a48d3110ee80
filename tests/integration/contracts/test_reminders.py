"""The reminders repository's contract, on the fake and on SQL: rows and the due queries."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, time, timedelta

from domain.conditioning.library import benchmark
from domain.conditioning.model import LoggedResult, SavedWorkout, WorkoutSource
from domain.conditioning.scores import parse_score
from domain.reminders.model import QuietHours, Reminder
from domain.shared.weights import Unit, Weight
from domain.training.model import DoneSet
from tests.integration.catalog import CLOCK, athlete, seed_into
from tests.integration.contracts.conftest import Units
from tests.integration.contracts.workouts import squat_day, store

NOW = CLOCK.now()
HOUR = timedelta(hours=1)


async def test_a_reminder_comes_back_as_saved_and_as_saved_again(units: Units) -> None:
    await seed_into(units(), 1)
    saved = Reminder(
        1,
        days=frozenset({0, 2, 4}),
        at=time(18, 30),
        quiet=QuietHours(time(22), time(7)),
        enabled=True,
        weekly_summary=False,
        since=NOW,
        time_zone="Europe/Berlin",
        next_due=NOW + HOUR,
        check_day=date(2026, 3, 2),
        check_due=NOW + 2 * HOUR,
        summary_due=NOW + 3 * HOUR,
    )
    async with units() as uow:
        before = await uow.reminders.get(1)
        await uow.reminders.save(saved)
        await uow.commit()
    changed = replace(saved, quiet=None, enabled=False, next_due=None, check_day=None)
    async with units() as uow:
        first = await uow.reminders.get(1, lock=True)
        await uow.reminders.save(changed)
        await uow.commit()
    async with units() as uow:
        second = await uow.reminders.get(1)

    assert (before, first, second) == (None, saved, changed)


async def test_athletes_without_a_reminder_row_come_in_id_order_up_to_the_limit(
    units: Units,
) -> None:
    await seed_into(units(), 3, 1, 2, 4)
    async with units() as uow:
        await uow.reminders.save(Reminder(2))
        await uow.commit()
    async with units() as uow:
        first_two = await uow.reminders.without_reminder(2)
        every = await uow.reminders.without_reminder(10)

    assert (first_two, every) == ([1, 3], [1, 3, 4])


async def test_due_are_reminders_or_follow_ups_due_by_now_and_athletes_who_moved(
    units: Units,
) -> None:
    await seed_into(units(), 1, 2, 3, 4, 5, 6)
    async with units() as uow:
        await uow.users.update(replace(athlete(6), time_zone="Asia/Tokyo"))
        for reminder in (
            Reminder(1, time_zone="UTC", next_due=NOW),
            Reminder(2, time_zone="UTC", next_due=NOW + HOUR),
            Reminder(3, time_zone="UTC", check_due=NOW - HOUR),
            Reminder(4),  # never worked out: no zone yet
            Reminder(5, time_zone="UTC", summary_due=NOW - HOUR),
            Reminder(6, time_zone="UTC", next_due=NOW + HOUR),  # moved to Tokyo since
        ):
            await uow.reminders.save(reminder)
        await uow.commit()
    async with units() as uow:
        due = await uow.reminders.due(NOW, 10)
        first = await uow.reminders.due(NOW, 1)

    assert (due, first) == ([1, 3, 4, 6], [1])


async def test_summaries_due_come_oldest_due_first(units: Units) -> None:
    await seed_into(units(), 1, 2, 3)
    async with units() as uow:
        await uow.reminders.save(Reminder(1, summary_due=NOW))
        await uow.reminders.save(Reminder(2, summary_due=NOW - HOUR))
        await uow.reminders.save(Reminder(3, summary_due=NOW + HOUR))
        await uow.commit()
    async with units() as uow:
        due = await uow.reminders.summaries_due(NOW, 10)
        first = await uow.reminders.summaries_due(NOW, 1)

    assert (due, first) == ([2, 1], [2])


async def test_trained_at_lists_sets_and_conditioning_results_since_a_moment_oldest_first(
    units: Units,
) -> None:
    await seed_into(units(), 1, 2)
    for athlete_id, days_ago in ((1, 3), (1, 1), (2, 1)):
        workout = await store(units, squat_day(NOW - timedelta(days=days_ago), athlete_id))
        assert workout.id is not None
        done = DoneSet(Weight.of("85", Unit.KG), 3, NOW - timedelta(days=days_ago))
        async with units() as uow:
            await uow.workouts.save_set(workout.id, replace(workout.sets[1], done=done))
            await uow.workouts.finish(workout.id, NOW - timedelta(days=days_ago) + HOUR)
            await uow.commit()
    fran = benchmark("Fran")
    assert fran is not None
    for athlete_id, days_ago in ((1, 4), (1, 2), (2, 2)):  # Fran, without a set lifted (#12)
        when = NOW - timedelta(days=days_ago) + HOUR
        async with units() as uow:
            saved = await uow.conditioning.add_workout(
                SavedWorkout(None, athlete_id, WorkoutSource.BENCHMARK, fran, when)
            )
            result = LoggedResult(
                None, athlete_id, saved.id or 0, parse_score(fran.scheme, "4:22"), True, when
            )
            await uow.conditioning.add_result(result)
            await uow.commit()

    async with units() as uow:
        recent = await uow.reminders.trained_at(1, NOW - timedelta(days=2))
        everything = await uow.reminders.trained_at(1, NOW - timedelta(days=30))

    days = timedelta(days=1)
    assert recent == [NOW - 2 * days + HOUR, NOW - days]
    assert everything == [NOW - 4 * days + HOUR, NOW - 3 * days, NOW - 2 * days + HOUR, NOW - days]
