"""Training max changes the athlete answers: declining one."""

from __future__ import annotations

from domain.training.model import SetResult
from domain.training.use_cases.finishing import FinishWorkout
from domain.training.use_cases.logging import LogSet, OpenWorkout
from domain.training.use_cases.training_maxes import DeclineChange
from tests.unit.training.nsuns import ANN, Setup, kg


async def test_declining_a_change_keeps_the_old_training_max(setup: Setup) -> None:
    uow, clock = setup
    for _ in range(2):
        workout = await OpenWorkout(uow, clock)(ANN)
        for s in workout.sets:
            reps = 6 if s.prescribed.drives_progression else None
            await LogSet(uow, clock)(
                ANN, workout.id or 0, s.prescribed.position, SetResult(reps=reps)
            )
        await FinishWorkout(uow, clock)(ANN, workout.id or 0)

    async with uow:
        raised_to = (await uow.training_maxes.current(ANN))["squat"].weight.amount

    older_summary = await DeclineChange(uow, clock)(ANN, "squat", raised_to - 7)
    kept = await DeclineChange(uow, clock)(ANN, "squat", raised_to)
    again = await DeclineChange(uow, clock)(ANN, "squat", raised_to)

    assert older_summary is None
    assert kept is not None
    assert again is None
    async with uow:
        assert (await uow.training_maxes.current(ANN))["squat"].weight == kg("126")
