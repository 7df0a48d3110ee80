"""What conditioning needs from storage: saved workouts and logged results."""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

from domain.shared.ports import Transaction

if TYPE_CHECKING:
    from datetime import datetime

    from domain.athletes.ports import UserRepository
    from domain.conditioning.model import LoggedResult, Prompt, SavedWorkout


class ConditioningRepository(Protocol):
    async def add_workout(self, saved: SavedWorkout) -> SavedWorkout: ...

    async def workout(self, workout_id: int) -> SavedWorkout | None: ...

    async def add_result(self, result: LoggedResult) -> LoggedResult:
        """Keeps a result; the same typed message again returns the one kept the first time."""
        ...

    async def results(self, athlete_id: int, limit: int) -> list[LoggedResult]:
        """The athlete's results, newest first."""
        ...

    async def done_since(
        self, athlete_id: int, since: datetime
    ) -> list[tuple[LoggedResult, SavedWorkout]]:
        """The athlete's results logged since `since`, oldest first, each with its workout."""
        ...

    async def named_results(
        self, athlete_id: int, name: str, *, before: datetime
    ) -> list[LoggedResult]:
        """The athlete's earlier results on workouts of this name (a benchmark's retests)."""
        ...

    async def best_rx_by_athlete(self, name: str, since: datetime) -> list[LoggedResult]:
        """Each athlete's results on this benchmark since `since`, Rx only (all of them: the
        caller ranks)."""
        ...

    async def add_prompt(self, prompt: Prompt, at: datetime) -> None: ...

    async def prompt(self, chat_id: int, message_id: int) -> Prompt | None: ...


class StrengthDays(Protocol):
    """What conditioning reads of the strength days (training keeps them)."""

    async def lifted_since(self, athlete_id: int, since: datetime) -> list[tuple[datetime, str]]:
        """When the athlete logged a strength set since `since`, and of which exercise (the
        rotation rests what was lifted heavy and counts strength days)."""
        ...


class ConditioningUnitOfWork(Transaction, Protocol):
    @property
    def users(self) -> UserRepository: ...

    @property
    def conditioning(self) -> ConditioningRepository: ...

    @property
    def strength_days(self) -> StrengthDays: ...
