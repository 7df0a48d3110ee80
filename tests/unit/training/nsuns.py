"""Ann on the shipped nSuns plan, with in-memory storage, for the workout use case tests."""

from __future__ import annotations

from decimal import Decimal

from domain.athletes.model import Profile
from domain.athletes.use_cases.preferences import ChooseUnits
from domain.athletes.use_cases.registration import RegisterUser
from domain.plans.use_cases.install import install_builtin_programs
from domain.shared.weights import Unit, Weight
from domain.training.use_cases.onboarding import SetTrainingMaxes, StartPlan
from tests.fakes import FixedClock, InMemoryUnitOfWork

ANN = 1001
Setup = tuple[InMemoryUnitOfWork, FixedClock]


def kg(amount: str) -> Weight:
    return Weight(Decimal(amount), Unit.KG)


async def athlete_on_nsuns(uow: InMemoryUnitOfWork, clock: FixedClock) -> None:
    await install_builtin_programs(uow)
    await RegisterUser(uow, clock)(Profile(ANN, "Ann"))
    await ChooseUnits(uow)(ANN, Unit.KG)
    await StartPlan(uow, clock)(ANN, "nsuns-4day")
    await SetTrainingMaxes(uow, clock)(
        ANN,
        {"bench": kg("100"), "squat": kg("126"), "ohp": kg("60"), "deadlift": kg("180")},
        one_rep_maxes=False,
    )
