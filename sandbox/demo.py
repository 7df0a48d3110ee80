"""The demo athlete: three months of nSuns already logged, so /progress and /history have a story.

Written straight into the sandbox's database before the bot starts, through the same use cases
and repositories the bot uses; the bot then finds an athlete mid-plan, as after real training.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from domain.athletes.model import Profile
from domain.athletes.use_cases.registration import RegisterUser
from domain.plans.use_cases.install import install_builtin_programs
from domain.training.use_cases.onboarding import StartPlan
from sandbox.history import PLAN, a_year_of_training
from storage.core.engine import create_engine, create_session_factory
from storage.core.migrate import upgrade_to_head
from storage.uow import SqlUnitOfWork

DEMO_WEEKS = 13
PLAN_DAYS = 4


@dataclass(frozen=True)
class PinnedClock:
    """The clock of the day the demo athlete joined."""

    at: datetime

    def now(self) -> datetime:
        return self.at


@dataclass(frozen=True)
class SeededHistory:
    workouts: int
    sets: int
    first_day: date


async def seed_demo_athlete(database_url: str, profile: Profile, today: date) -> SeededHistory:
    """Registers the athlete on nSuns 4-day and stores thirteen weeks of their training."""
    await upgrade_to_head(database_url)
    engine = create_engine(database_url)
    try:
        history = a_year_of_training(profile.telegram_id, today, weeks=DEMO_WEEKS)
        joined = history.workouts[0].started_at.replace(hour=8)
        uow = SqlUnitOfWork(create_session_factory(engine), PinnedClock(joined))
        await install_builtin_programs(uow)
        await RegisterUser(uow, PinnedClock(joined))(profile)
        await StartPlan(uow, PinnedClock(joined))(profile.telegram_id, PLAN)
        async with uow:
            for maxes in history.training_maxes.values():
                for training_max in maxes:
                    await uow.training_maxes.add(profile.telegram_id, training_max)
            for workout in history.workouts:
                await uow.workouts.add(workout)
            last_day = history.workouts[-1].day_number
            await uow.athlete_plans.set_next_day(profile.telegram_id, last_day % PLAN_DAYS + 1)
            await uow.commit()
    finally:
        await engine.dispose()
    return SeededHistory(
        workouts=len(history.workouts),
        sets=sum(len(workout.sets) for workout in history.workouts),
        first_day=history.workouts[0].started_at.date(),
    )
