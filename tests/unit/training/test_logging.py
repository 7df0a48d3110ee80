"""A workout in progress: open, log, skip, undo, and only one's own."""

from __future__ import annotations

from datetime import timedelta

import pytest

from domain.athletes.model import Profile
from domain.athletes.use_cases.registration import RegisterUser
from domain.training.model import SetResult
from domain.training.use_cases.logging import (
    LogSet,
    OpenWorkout,
    ReopenSet,
    SkipSet,
    WorkoutNotFoundError,
)
from tests.unit.training.nsuns import ANN, Setup, kg


async def test_today_opens_day_one_with_every_set_from_the_training_maxes(setup: Setup) -> None:
    uow, clock = setup

    workout = await OpenWorkout(uow, clock)(ANN)

    assert workout.day_number == 1
    assert len(workout.sets) == 17  # 9 T1 bench + 8 T2 OHP
    first = workout.sets[0].prescribed
    assert (first.exercise, first.weight, first.reps) == ("bench", kg("65"), 8)
    assert await OpenWorkout(uow, clock)(ANN) == workout  # the same workout until finished


async def test_a_double_tap_logs_the_set_once(setup: Setup) -> None:
    uow, clock = setup
    workout = await OpenWorkout(uow, clock)(ANN)
    assert workout.id is not None

    await LogSet(uow, clock)(ANN, workout.id, 0, SetResult())
    clock.current += timedelta(seconds=1)
    after = await LogSet(uow, clock)(ANN, workout.id, 0, SetResult(reps=3))

    assert after.sets[0].done is not None
    assert after.sets[0].done.reps == 8
    assert after.sets[1].is_open


async def test_skip_and_undo(setup: Setup) -> None:
    uow, clock = setup
    workout = await OpenWorkout(uow, clock)(ANN)
    assert workout.id is not None
    await LogSet(uow, clock)(ANN, workout.id, None, SetResult(kg("67.5"), 7))
    await SkipSet(uow)(ANN, workout.id, None)

    undone = await ReopenSet(uow)(ANN, workout.id, None)

    assert undone.sets[0].done is not None
    assert undone.sets[0].done.weight == kg("67.5")
    assert undone.sets[1].is_open


async def test_nobody_can_act_on_another_athletes_workout(setup: Setup) -> None:
    uow, clock = setup
    workout = await OpenWorkout(uow, clock)(ANN)
    await RegisterUser(uow, clock)(Profile(666, "Mallory"))

    with pytest.raises(WorkoutNotFoundError):
        await LogSet(uow, clock)(666, workout.id or 0, 0, SetResult())
