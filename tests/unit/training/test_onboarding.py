"""Starting a plan: training maxes from one-rep maxes."""

from __future__ import annotations

from domain.training.use_cases.onboarding import SetTrainingMaxes, missing_training_maxes
from tests.fakes import FixedClock, InMemoryUnitOfWork
from tests.unit.training.nsuns import ANN, athlete_on_nsuns, kg


async def test_one_rep_maxes_become_ninety_percent_training_maxes() -> None:
    uow, clock = InMemoryUnitOfWork(), FixedClock()
    await athlete_on_nsuns(uow, clock)

    recorded = await SetTrainingMaxes(uow, clock)(ANN, {"squat": kg("140")}, one_rep_maxes=True)

    assert recorded == {"squat": kg("126.00")}
    assert await missing_training_maxes(uow, ANN) == ()
