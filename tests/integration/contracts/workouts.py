"""A squat day with a warm-up, a work set and an AMRAP set, stored through any unit of work."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal

from domain.plans.model import Tier
from domain.shared.weights import Unit, Weight
from domain.training.model import PrescribedSet, Workout, WorkoutSet
from tests.integration.catalog import ATHLETE, CLOCK, PLAN
from tests.integration.contracts.conftest import Units

START = CLOCK.now()


def kg(amount: str) -> Weight:
    return Weight(Decimal(amount), Unit.KG)


def prescribed(position: int, amount: str, reps: int, *, warmup: bool = False) -> PrescribedSet:
    return PrescribedSet(
        position=position,
        slot_order=1,
        tier=Tier.T1,
        exercise="squat",
        training_max_of="squat",
        display_name="Squat",
        set_number=position + 1,
        sets_in_slot=3,
        weight=kg(amount),
        reps=reps,
        amrap=position == 2,
        drives_progression=position == 2,
        warmup=warmup,
    )


def squat_day(started_at: datetime = START, athlete_id: int = ATHLETE) -> Workout:
    return Workout(
        id=None,
        athlete_id=athlete_id,
        plan_slug=PLAN.slug,
        day_number=1,
        day_name="Squat day",
        started_at=started_at,
        sets=(
            WorkoutSet(prescribed(0, "60", 5, warmup=True)),
            WorkoutSet(prescribed(1, "85", 3)),
            WorkoutSet(prescribed(2, "95", 1)),
        ),
    )


async def store(units: Units, workout: Workout) -> Workout:
    async with units() as uow:
        stored = await uow.workouts.add(workout)
        await uow.commit()
    return stored
