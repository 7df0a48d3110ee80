"""A small exercise catalogue, a two-day plan and an athlete, stored the way use cases would."""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from domain.athletes.model import Language, User
from domain.plans.model import (
    AmrapProgression,
    BodyRegion,
    Exercise,
    Increment,
    Plan,
    PlanDay,
    SetTemplate,
    Slot,
    Tier,
)
from domain.training.ports import TrainingUnitOfWork
from storage.conditioning.tables import ConditioningResultRow, ConditioningWorkoutRow
from storage.uow import SqlUnitOfWork
from tests.fakes import FixedClock

CLOCK = FixedClock(datetime(2026, 3, 2, 9, 30, tzinfo=UTC))
ATHLETE = 5_000_000_001

EXERCISES = (
    Exercise("squat", "Squat", "legs", "main", BodyRegion.LOWER),
    Exercise("bench", "Bench press", "chest", "main", BodyRegion.UPPER),
    Exercise("front_squat", "Front squat", "legs", "variation", BodyRegion.LOWER),
    Exercise("ohp", "Overhead press", "shoulders", "main", BodyRegion.UPPER),
)


def sets(*percents_and_reps: tuple[str, int]) -> tuple[SetTemplate, ...]:
    return tuple(
        SetTemplate(percent=Decimal(percent), reps=reps) for percent, reps in percents_and_reps
    )


PLAN = Plan(
    slug="two-day",
    name="Two days, two tiers",
    days=(
        PlanDay(
            number=1,
            name="Squat day",
            slots=(
                Slot(
                    order=1,
                    tier=Tier.T1,
                    exercise="squat",
                    training_max_of="squat",
                    display_name="Squat",
                    stages=(
                        (
                            SetTemplate(percent=Decimal("0.75"), reps=5),
                            SetTemplate(percent=Decimal("0.85"), reps=3),
                            SetTemplate(
                                percent=Decimal("0.95"), reps=1, amrap=True, drives_progression=True
                            ),
                        ),
                    ),
                ),
                Slot(
                    order=2,
                    tier=Tier.T2,
                    exercise="front_squat",
                    training_max_of="squat",
                    display_name="Front squat",
                    stages=(sets(("0.5", 5), ("0.6", 5)),),
                ),
            ),
        ),
        PlanDay(
            number=2,
            name="Bench day",
            slots=(
                Slot(
                    order=1,
                    tier=Tier.T1,
                    exercise="bench",
                    training_max_of="bench",
                    display_name="Bench press",
                    stages=(
                        (
                            SetTemplate(percent=Decimal("0.6500"), reps=8),
                            SetTemplate(
                                percent=Decimal("0.725"),
                                reps=6,
                                amrap=True,
                                drives_progression=True,
                            ),
                        ),
                    ),
                ),
                Slot(
                    order=2,
                    tier=Tier.T2,
                    exercise="ohp",
                    training_max_of="ohp",
                    display_name="OHP",
                    stages=(sets(("0.5", 6)),),
                ),
            ),
        ),
    ),
    progression=(
        AmrapProgression(
            brackets=(
                Increment(0, Decimal(0), Decimal(0)),
                Increment(2, Decimal("2.5"), Decimal(5)),
                Increment(4, Decimal(5), Decimal(10)),
            ),
            region=BodyRegion.LOWER,
        ),
        AmrapProgression(
            brackets=(Increment(1, Decimal("1.25"), Decimal("2.5")),),
            exercise="bench",
        ),
    ),
    training_max_percent=Decimal("0.9"),
)


def athlete(telegram_id: int = ATHLETE) -> User:
    return User(telegram_id, "Zoë", None, None, Language.EN, "UTC", CLOCK.now())


async def seed(
    session_factory: async_sessionmaker[AsyncSession], *athletes: int, plan: Plan = PLAN
) -> None:
    """Stores the exercises, the plan and the athletes (ATHLETE when none are named)."""
    await seed_into(SqlUnitOfWork(session_factory, CLOCK), *athletes, plan=plan)


async def seed_into(uow: TrainingUnitOfWork, *athletes: int, plan: Plan = PLAN) -> None:
    """`seed` through any unit of work, an in-memory one included."""
    async with uow:
        await uow.exercises.save_all(EXERCISES)
        await uow.plans.save(plan)
        for telegram_id in athletes or (ATHLETE,):
            await uow.users.add(athlete(telegram_id))
        await uow.commit()


async def add_fran_result(session: AsyncSession, athlete_id: int, logged: datetime) -> None:
    """A conditioning result (Fran in 5:00, Rx) logged at `logged`, with its pasted workout."""
    wod = ConditioningWorkoutRow(
        owner_id=athlete_id, source="pasted", name="Fran", definition="Fran", created_at=logged
    )
    session.add(wod)
    await session.flush()
    session.add(
        ConditioningResultRow(
            athlete_id=athlete_id,
            workout_id=wod.id,
            scheme="time",
            value=300,
            status="scored",
            reps_at_cap=0,
            tiebreak_reps=False,
            capped_sets=0,
            rx=True,
            note="",
            logged_at=logged,
        )
    )
