from dataclasses import replace
from datetime import UTC, datetime, timedelta
from decimal import Decimal

from domain.plans.model import Tier
from domain.plans.use_cases.install import install_builtin_programs
from domain.shared.weights import Unit, Weight
from domain.training.model import DoneSet, PrescribedSet, Workout, WorkoutSet
from domain.training.rest import current_rest, rests_in_progress
from tests.fakes import InMemoryUnitOfWork

T0 = datetime(2026, 3, 2, 18, 0, tzinfo=UTC)


def a_set(position: int, tier: Tier, logged_at: datetime | None = None) -> WorkoutSet:
    weight = Weight(Decimal(100), Unit.KG)
    prescribed = PrescribedSet(
        position, 1, tier, "squat", "squat", "Squat", position + 1, 3, weight, 5, False, False
    )
    done = DoneSet(weight, 5, logged_at) if logged_at else None
    return WorkoutSet(prescribed, done)


def workout(*sets: WorkoutSet) -> Workout:
    return Workout(1, 1001, "nsuns-4day", 2, "Squat", T0, sets)


def test_three_minutes_of_rest_follow_a_t1_set() -> None:
    w = workout(a_set(0, Tier.T1, T0), a_set(1, Tier.T1))

    rest = current_rest(w, T0 + timedelta(seconds=50))

    assert rest is not None
    assert rest.remaining(T0 + timedelta(seconds=50)) == timedelta(seconds=130)
    assert current_rest(w, T0 + timedelta(minutes=3)) is None


def test_the_rest_follows_the_set_logged_last_even_if_logged_out_of_order() -> None:
    w = workout(
        a_set(0, Tier.T2, T0 + timedelta(minutes=5)), a_set(1, Tier.T1, T0), a_set(2, Tier.T1)
    )

    rest = current_rest(w, T0 + timedelta(minutes=6))

    assert rest is not None
    assert rest.length == timedelta(minutes=2)


def test_no_rest_before_the_first_set_or_after_the_last() -> None:
    assert current_rest(workout(a_set(0, Tier.T1)), T0) is None
    assert current_rest(workout(a_set(0, Tier.T1, T0)), T0) is None


async def test_athletes_resting_now_are_found_among_all_open_workouts() -> None:
    uow = InMemoryUnitOfWork()
    await install_builtin_programs(uow)
    resting = workout(a_set(0, Tier.T1, T0), a_set(1, Tier.T1))
    rested = replace(
        workout(a_set(0, Tier.T2, T0 - timedelta(minutes=10)), a_set(1, Tier.T2)), athlete_id=7
    )
    async with uow:
        await uow.workouts.add(replace(resting, id=None))
        await uow.workouts.add(replace(rested, id=None))
        await uow.commit()

    found = await rests_in_progress(uow, T0 + timedelta(minutes=1))

    assert [(athlete, rest.ends_at) for athlete, rest in found] == [
        (1001, T0 + timedelta(minutes=3))
    ]
