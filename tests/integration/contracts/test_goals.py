"""Goals' and check-ins' repositories, on the fakes and on SQL alike."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, time, timedelta
from decimal import Decimal
from typing import Protocol, cast

from domain.checkins.model import CheckIn, CheckInDay, Question
from domain.checkins.ports import CheckInsUnitOfWork
from domain.goals.model import Assessment, AssessmentPrompt, Goal, GoalKind, GoalStatus
from domain.goals.ports import GoalsUnitOfWork
from domain.shared.weights import Unit
from domain.training.model import DoneSet
from domain.training.ports import TrainingUnitOfWork
from tests.integration.catalog import ATHLETE, CLOCK, seed_into
from tests.integration.contracts.conftest import Units
from tests.integration.contracts.workouts import kg, squat_day, store

NOW = CLOCK.now()
OTHER = ATHLETE + 1


class Work(GoalsUnitOfWork, CheckInsUnitOfWork, TrainingUnitOfWork, Protocol):
    """What these repositories' unit of work offers (the fake's and SQL's both)."""


def opened(units: Units) -> Work:
    return cast("Work", units())


def squat_goal(athlete: int = ATHLETE) -> Goal:
    return Goal(None, athlete, GoalKind.E1RM, Decimal(160), date(2026, 6, 1), NOW, "squat", Unit.KG)


async def test_a_goal_comes_back_as_kept_and_as_changed(units: Units) -> None:
    await seed_into(units(), ATHLETE, OTHER)
    async with opened(units) as uow:
        first = await uow.goals.add(squat_goal())
        second = await uow.goals.add(
            Goal(None, ATHLETE, GoalKind.BENCHMARK, Decimal(210), date(2026, 6, 1), NOW, "Fran")
        )
        await uow.goals.add(squat_goal(OTHER))
        await uow.commit()
    reached = replace(first, status=GoalStatus.COMPLETED, start=Decimal("116.5"), reached_at=NOW)
    async with opened(units) as uow:
        await uow.goals.save(reached)
        await uow.goals.save(replace(second, status=GoalStatus.PAUSED))
        await uow.commit()
    async with opened(units) as uow:
        mine = await uow.goals.of_athlete(ATHLETE)
        active = await uow.goals.with_active()
        missing = await uow.goals.get(999)

    assert mine == [reached, replace(second, status=GoalStatus.PAUSED)]
    assert (active, missing) == ([OTHER], None)


async def test_assessments_come_newest_day_first_up_to_the_limit(units: Units) -> None:
    await seed_into(units(), ATHLETE, OTHER)
    days = (date(2026, 3, 1), date(2026, 3, 3), date(2026, 3, 2))
    async with opened(units) as uow:
        for day in days:
            await uow.assessments.add(Assessment(None, ATHLETE, 9, day, f"t{day.day}", "", NOW))
        await uow.assessments.add(Assessment(None, OTHER, 9, days[0], "other", "", NOW))
        await uow.commit()
    async with opened(units) as uow:
        shown = await uow.assessments.of_athlete(ATHLETE, 2)
    assert [a.tests for a in shown] == ["t3", "t2"]


async def test_lifted_sets_are_the_work_sets_done_of_open_workouts_too(units: Units) -> None:
    await seed_into(units())
    workout = await store(units, squat_day())
    async with opened(units) as uow:
        for position, amount, reps in ((0, "60", 5), (1, "85", 3)):  # 0 is the warm-up
            done = DoneSet(kg(amount), reps, NOW + timedelta(minutes=position))
            await uow.workouts.save_set(workout.id or 0, replace(workout.sets[position], done=done))
        await uow.commit()
    async with opened(units) as uow:
        lifted = await uow.lifted_sets.sets_of(ATHLETE, "squat")
        none = await uow.lifted_sets.sets_of(ATHLETE, "bench")
    assert (lifted, none) == ([(kg("85"), 3)], [])


async def test_a_check_in_day_defaults_to_not_asked_and_is_kept(units: Units) -> None:
    await seed_into(units(), ATHLETE, OTHER)
    async with opened(units) as uow:
        unset = await uow.checkins.day(ATHLETE)
        await uow.checkins.set_day(CheckInDay(ATHLETE, 6, time(9)))
        await uow.checkins.set_day(CheckInDay(OTHER, 2, time(7, 30)))
        await uow.checkins.set_day(CheckInDay(OTHER, None, time(7, 30)))
        await uow.commit()
    async with opened(units) as uow:
        asked = await uow.checkins.asked()
        other = await uow.checkins.day(OTHER)
    assert unset == CheckInDay(ATHLETE)
    assert asked == [CheckInDay(ATHLETE, 6, time(9))]
    assert other == CheckInDay(OTHER, None, time(7, 30))


async def test_a_weeks_check_in_is_kept_once_and_its_answers_saved(units: Units) -> None:
    await seed_into(units(), ATHLETE, OTHER)
    async with opened(units) as uow:
        kept = await uow.checkins.add(CheckIn(None, ATHLETE, "2026-W10", NOW))
        again = await uow.checkins.add(CheckIn(None, ATHLETE, "2026-W10", NOW))
        older = await uow.checkins.add(CheckIn(None, ATHLETE, "2026-W09", NOW - timedelta(days=7)))
        others = await uow.checkins.add(CheckIn(None, OTHER, "2026-W10", NOW))
        await uow.commit()
    assert kept is not None
    assert older is not None
    assert others is not None
    assert again is None
    answers = dict.fromkeys(Question, 3)
    done = replace(kept, answers=answers, completed_at=NOW + timedelta(hours=1))
    half = replace(older, answers={Question.SLEEP: 2})
    async with opened(units) as uow:
        await uow.checkins.save(done)
        await uow.checkins.save(half)
        await uow.checkins.save(replace(others, answers=answers, completed_at=NOW))
        await uow.commit()
    async with opened(units) as uow:
        latest = await uow.checkins.latest(ATHLETE, 5)
        partly = await uow.checkins.get(older.id or 0)
        since = await uow.checkins.completed_since([ATHLETE, OTHER], NOW + timedelta(minutes=1))
        nobody = await uow.checkins.completed_since([], NOW)
    assert latest == [done]
    assert partly == half
    assert (since, nobody) == ([done], [])


async def test_an_assessment_prompt_is_remembered_once(units: Units) -> None:
    await seed_into(units(), ATHLETE)
    first = AssessmentPrompt(9, 50, 9, ATHLETE)
    async with opened(units) as uow:
        await uow.assessments.add_prompt(first, NOW)
        await uow.assessments.add_prompt(replace(first, athlete_id=ATHLETE + 5), NOW)
        await uow.commit()
    async with opened(units) as uow:
        kept = await uow.assessments.prompt(9, 50)
        other = await uow.assessments.prompt(9, 51)
    assert (kept, other) == (first, None)
