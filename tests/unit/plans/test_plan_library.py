"""Plans an athlete can run: switching, their own plans as text, publishing, a deload week."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal

import pytest

from domain.athletes.model import Profile
from domain.athletes.use_cases.registration import RegisterUser, registered_user
from domain.plans.model import UnknownPlanError
from domain.plans.text.problems import LineError, PlanProblem, PlanTextError
from domain.plans.use_cases.library import (
    NotAnAdminError,
    PublishPlan,
    SaveCustomPlan,
    ToggleDeload,
    available_plans,
    plan_as_text,
)
from domain.training.model import SetResult
from domain.training.use_cases.finishing import FinishWorkout
from domain.training.use_cases.logging import LogSet, OpenWorkout, WorkoutInProgressError
from domain.training.use_cases.onboarding import SetTrainingMaxes, StartPlan, missing_training_maxes
from handlers.plans.texts import EXAMPLE_PLAN
from tests.fakes import FixedClock, InMemoryUnitOfWork
from tests.unit.training.nsuns import ANN, Setup, athlete_on_nsuns, kg

BEN = 1002
MY_PLAN = """plan: Ann's squats
day: A
squat: 3x5 ; linear +2.5kg/5lb start 60%
"""


@pytest.fixture
async def setup() -> Setup:
    uow, clock = InMemoryUnitOfWork(), FixedClock()
    await athlete_on_nsuns(uow, clock)
    await RegisterUser(uow, clock)(Profile(BEN, "Ben"))
    return uow, clock


async def test_switching_plans_keeps_training_maxes_and_asks_only_for_what_is_missing(
    setup: Setup,
) -> None:
    uow, clock = setup

    await StartPlan(uow, clock)(ANN, "531-bbb")

    assert await missing_training_maxes(uow, ANN) == ()  # bench, squat, OHP, deadlift: all kept
    first = (await OpenWorkout(uow, clock)(ANN)).sets[0].prescribed
    # OHP TM 60 kg, week 1: 65% = 39 → 40 kg
    assert (first.exercise, first.weight, first.reps) == ("ohp", kg("40"), 5)


async def test_a_plan_with_logged_sets_open_must_be_finished_before_switching(
    setup: Setup,
) -> None:
    uow, clock = setup
    workout = await OpenWorkout(uow, clock)(ANN)
    await LogSet(uow, clock)(ANN, workout.id or 0, 0, SetResult())

    with pytest.raises(WorkoutInProgressError):
        await StartPlan(uow, clock)(ANN, "gzclp")


async def test_an_athletes_own_plan_is_saved_under_their_name_and_only_they_see_it(
    setup: Setup,
) -> None:
    uow, clock = setup

    plan = await SaveCustomPlan(uow)(ANN, MY_PLAN)

    assert plan.slug.startswith("ann-s-squats-")
    assert plan.slug.endswith(f"-{ANN:x}")
    assert plan.slug in {info.slug for info in await available_plans(uow, ANN)}
    assert plan.slug not in {info.slug for info in await available_plans(uow, BEN)}
    with pytest.raises(UnknownPlanError):
        await StartPlan(uow, clock)(BEN, plan.slug)  # a forged button for someone else's plan


async def test_a_plan_with_a_mistake_is_not_saved_and_the_line_is_named(setup: Setup) -> None:
    uow, _clock = setup

    with pytest.raises(PlanTextError) as refused:
        await SaveCustomPlan(uow)(ANN, MY_PLAN.replace("3x5", "3y5"))

    assert refused.value.errors == (LineError(3, PlanProblem.NOT_A_SET, {"group": "3y5"}),)
    assert len(await available_plans(uow, ANN)) == 8  # the built-in ones only


async def test_sending_a_plan_of_the_same_name_again_replaces_it(setup: Setup) -> None:
    uow, _clock = setup
    await SaveCustomPlan(uow)(ANN, MY_PLAN)

    again = await SaveCustomPlan(uow)(ANN, MY_PLAN.replace("3x5", "5x5"))

    assert len(await available_plans(uow, ANN)) == 9
    assert len(again.day(1).slots[0].sets) == 5


async def test_only_an_admin_publishes_their_plan_and_then_everyone_sees_it(setup: Setup) -> None:
    uow, _clock = setup
    admins = frozenset({ANN})
    plan = await SaveCustomPlan(uow)(ANN, MY_PLAN)
    bens = await SaveCustomPlan(uow)(BEN, MY_PLAN.replace("Ann's", "Ben's"))

    with pytest.raises(NotAnAdminError):
        await PublishPlan(uow, admins)(BEN, bens.slug)
    assert not await PublishPlan(uow, admins)(ANN, bens.slug)  # not someone else's private plan
    assert await PublishPlan(uow, admins)(ANN, plan.slug)

    assert plan.slug in {info.slug for info in await available_plans(uow, BEN)}
    assert bens.slug not in {info.slug for info in await available_plans(uow, ANN)}
    assert not await PublishPlan(uow, admins)(ANN, "nsuns-4day")  # built-in: always there


async def test_plans_named_in_other_scripts_or_alike_at_the_start_stay_apart(
    setup: Setup,
) -> None:
    """#4: a slug built from the name alone made "Сила" and "Масса" the same plan."""
    uow, _clock = setup
    names = ["Сила", "Масса", "My strength plan version 1", "My strength plan version 2"]

    saved = [
        await SaveCustomPlan(uow)(ANN, MY_PLAN.replace("Ann's squats", name)) for name in names
    ]

    assert len({plan.slug for plan in saved}) == 4
    assert all(len(plan.slug) <= 40 for plan in saved)  # fits a button's 64-byte callback data


async def test_any_plan_the_athlete_may_run_comes_out_as_text_and_reads_back(
    setup: Setup,
) -> None:
    uow, _clock = setup

    text = await plan_as_text(uow, ANN, "gzclp")
    copy = await SaveCustomPlan(uow)(ANN, text.replace("plan: GZCLP", "plan: My GZCLP"))

    assert copy.days == (await uow.plans.get("gzclp") or copy).days
    with pytest.raises(UnknownPlanError):
        await plan_as_text(uow, BEN, copy.slug)


async def test_the_example_the_bot_gives_for_writing_a_plan_is_a_valid_plan(
    setup: Setup,
) -> None:
    uow, _clock = setup
    plan = await SaveCustomPlan(uow)(ANN, EXAMPLE_PLAN)

    assert [day.name for day in plan.days] == ["A", "B"]


async def test_a_deload_week_lightens_the_loads_and_moves_nothing(setup: Setup) -> None:
    uow, clock = setup
    user = await ToggleDeload(uow, clock)(ANN)
    assert user.deloading(clock.now())

    workout = await OpenWorkout(uow, clock)(ANN)
    first = workout.sets[0].prescribed
    # bench TM 100 kg: 65% = 65 kg, deloaded to 60% of it: 39 → 40 kg; no AMRAP sets at all
    assert workout.deload
    assert first.weight == kg("40")
    assert not any(s.prescribed.amrap for s in workout.sets)
    for position in range(len(workout.sets)):
        await LogSet(uow, clock)(ANN, workout.id or 0, position, SetResult(reps=12))
    summary = await FinishWorkout(uow, clock)(ANN, workout.id or 0)

    assert summary.changes == ()
    assert all(best.records == () for best in summary.bests)


async def test_a_deload_week_ends_after_seven_days_or_with_a_second_tap(setup: Setup) -> None:
    uow, clock = setup
    await ToggleDeload(uow, clock)(ANN)

    clock.current += timedelta(days=7)
    user = await registered_user(uow, ANN)
    assert not user.deloading(clock.now())
    assert (await ToggleDeload(uow, clock)(ANN)).deloading(clock.now())  # over: a new one
    assert (await ToggleDeload(uow, clock)(ANN)).deload_until is None  # tapped off again


async def test_a_stronglifts_athlete_needs_no_training_max_and_starts_with_the_empty_bar(
    setup: Setup,
) -> None:
    uow, clock = setup
    await RegisterUser(uow, clock)(Profile(3, "Cy"))

    await StartPlan(uow, clock)(3, "stronglifts")

    assert await missing_training_maxes(uow, 3) == ()
    first = (await OpenWorkout(uow, clock)(3)).sets[0].prescribed
    assert (first.exercise, first.weight, first.reps) == ("squat", kg("20"), 5)
    assert first.weight.amount == Decimal(20)


async def test_a_531_lifter_may_take_training_maxes_at_85_percent_of_their_one_rep_maxes(
    setup: Setup,
) -> None:
    uow, clock = setup
    await StartPlan(uow, clock)(BEN, "531-fsl")

    recorded = await SetTrainingMaxes(uow, clock)(
        BEN, {"squat": kg("140")}, one_rep_maxes=True, percent=Decimal("0.85")
    )

    assert recorded == {"squat": kg("119")}  # 5/3/1's lighter option: 85% of 140 kg
    with pytest.raises(ValueError, match="85% or 90%"):
        await SetTrainingMaxes(uow, clock)(
            BEN, {"squat": kg("140")}, one_rep_maxes=True, percent=Decimal("0.5")
        )
