"""What the domain needs from the outside world, as Protocols the adapters implement."""

from __future__ import annotations

from datetime import datetime
from types import TracebackType
from typing import TYPE_CHECKING, Protocol, Self

if TYPE_CHECKING:
    from collections.abc import Sequence

    from domain.plans import Exercise, Plan
    from domain.users import User
    from domain.workouts import ActivePlan, DoneSet, TrainingMax, Workout, WorkoutSet


class Clock(Protocol):
    def now(self) -> datetime:
        """The current time, timezone-aware, in UTC."""
        ...


class UserRepository(Protocol):
    async def get(self, telegram_id: int) -> User | None: ...

    async def add(self, user: User) -> None: ...

    async def update(self, user: User) -> None: ...


class ExerciseRepository(Protocol):
    async def all(self) -> dict[str, Exercise]: ...

    async def save_all(self, exercises: Sequence[Exercise]) -> None:
        """Adds new exercises and updates changed ones (by slug)."""
        ...


class PlanRepository(Protocol):
    async def get(self, slug: str) -> Plan | None: ...

    async def save(self, plan: Plan) -> None:
        """Stores the plan, replacing the stored definition with the same slug if it differs."""
        ...

    async def builtin(self) -> list[Plan]: ...


class AthletePlanRepository(Protocol):
    async def active(self, athlete_id: int) -> ActivePlan | None: ...

    async def start(self, athlete_id: int, plan_slug: str, at: datetime) -> None:
        """Makes this the athlete's active plan from day 1; the previous one is kept as history."""
        ...

    async def set_next_day(self, athlete_id: int, day_number: int) -> None: ...


class TrainingMaxRepository(Protocol):
    async def current(self, athlete_id: int) -> dict[str, TrainingMax]:
        """The newest entry per exercise."""
        ...

    async def history(self, athlete_id: int, exercise: str) -> list[TrainingMax]:
        """Oldest first."""
        ...

    async def add(self, athlete_id: int, training_max: TrainingMax) -> None: ...


class WorkoutRepository(Protocol):
    async def open_for(self, athlete_id: int) -> Workout | None:
        """The athlete's unfinished workout, if any (there is at most one)."""
        ...

    async def get(self, workout_id: int) -> Workout | None: ...

    async def all_open(self) -> list[Workout]:
        """Every athlete's unfinished workout."""
        ...

    async def add(self, workout: Workout) -> Workout:
        """Stores a new workout with its prescribed sets; returns it with its id."""
        ...

    async def save_set(self, workout_id: int, workout_set: WorkoutSet) -> None:
        """Stores what was done (or skipped, or cleared) for the set at its position."""
        ...

    async def finish(self, workout_id: int, at: datetime) -> None: ...

    async def finished(self, athlete_id: int, limit: int, offset: int = 0) -> list[Workout]:
        """Finished workouts, newest first."""
        ...

    async def done_sets(
        self, athlete_id: int, exercises: Sequence[str]
    ) -> list[tuple[str, DoneSet]]:
        """Every set done in the athlete's finished workouts of these exercises, oldest first."""
        ...


class UnitOfWork(Protocol):
    """`async with uow:` is one short transaction; what is not committed is rolled back on exit.

    A use case enters it, reads, decides, writes, commits, and leaves: a transaction never
    spans a call to Telegram.
    """

    @property
    def users(self) -> UserRepository: ...

    @property
    def exercises(self) -> ExerciseRepository: ...

    @property
    def plans(self) -> PlanRepository: ...

    @property
    def athlete_plans(self) -> AthletePlanRepository: ...

    @property
    def training_maxes(self) -> TrainingMaxRepository: ...

    @property
    def workouts(self) -> WorkoutRepository: ...

    async def __aenter__(self) -> Self: ...

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None: ...

    async def commit(self) -> None: ...

    async def rollback(self) -> None: ...
