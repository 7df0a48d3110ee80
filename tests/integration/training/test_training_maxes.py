from __future__ import annotations

from datetime import timedelta
from decimal import Decimal

import pytest
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from domain.plans.rules.reasons import note
from domain.shared.weights import Unit, Weight
from domain.training.model import TrainingMax
from storage.training.training_maxes import SqlTrainingMaxRepository
from storage.uow import SqlUnitOfWork
from tests.integration.catalog import ATHLETE, CLOCK, seed

DAY = timedelta(days=1)
START = CLOCK.now()


def tm(exercise: str, amount: str, at_day: int, unit: Unit = Unit.KG) -> TrainingMax:
    return TrainingMax(
        exercise, Weight.of(amount, unit), START + at_day * DAY, note(f"day {at_day}")
    )


async def add_all(
    session_factory: async_sessionmaker[AsyncSession], athlete_id: int, *entries: TrainingMax
) -> None:
    async with SqlUnitOfWork(session_factory, CLOCK) as uow:
        for entry in entries:
            await uow.training_maxes.add(athlete_id, entry)
        await uow.commit()


@pytest.mark.parametrize(
    ("amount", "unit"),
    [
        ("102.5", Unit.KG),
        ("113.3980925", Unit.KG),  # 250 lb
        ("0.6500", Unit.KG),
        ("220.4622621848775878500290231", Unit.LB),  # 100 kg
        ("100", Unit.LB),
        ("1000000.0000001", Unit.KG),
    ],
)
async def test_an_unrounded_amount_comes_back_as_the_exact_decimal_saved(
    session_factory: async_sessionmaker[AsyncSession], amount: str, unit: Unit
) -> None:
    await seed(session_factory)
    await add_all(session_factory, ATHLETE, tm("squat", amount, 0, unit))

    async with session_factory() as session:
        (stored,) = await SqlTrainingMaxRepository(session).history(ATHLETE, "squat")

    assert type(stored.weight.amount) is Decimal
    assert str(stored.weight.amount) == amount
    assert stored.weight.unit is unit


async def test_a_training_max_of_an_unknown_exercise_is_refused(
    session_factory: async_sessionmaker[AsyncSession],
) -> None:
    await seed(session_factory)
    async with session_factory() as session:
        await SqlTrainingMaxRepository(session).add(ATHLETE, tm("curl", "20", 0))
        with pytest.raises(IntegrityError):
            await session.flush()
