"""What goals and assessments need from storage, and the readings they follow."""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING, Protocol

from domain.shared.ports import Transaction

if TYPE_CHECKING:
    from datetime import datetime

    from domain.athletes.model import User
    from domain.athletes.ports import UserRepository
    from domain.conditioning.ports import ConditioningRepository, StrengthDays
    from domain.goals.model import Assessment, AssessmentPrompt, Goal
    from domain.outbox.ports import Outbox
    from domain.plans.ports import ExerciseRepository
    from domain.shared.weights import Weight


class GoalRepository(Protocol):
    async def add(self, goal: Goal) -> Goal: ...

    async def get(self, goal_id: int) -> Goal | None: ...

    async def of_athlete(self, athlete_id: int) -> list[Goal]:
        """The athlete's goals, oldest first."""
        ...

    async def save(self, goal: Goal) -> None:
        """Stores a kept goal's status, start and when it was reached."""
        ...

    async def with_active(self) -> list[int]:
        """The athletes who have an active goal, in id order."""
        ...


class AssessmentRepository(Protocol):
    async def add(self, assessment: Assessment) -> Assessment: ...

    async def of_athlete(self, athlete_id: int, limit: int) -> list[Assessment]:
        """The athlete's assessments, newest day first."""
        ...

    async def add_prompt(self, prompt: AssessmentPrompt, at: datetime) -> None:
        """Remembers the prompt; the same message again changes nothing."""
        ...

    async def prompt(self, chat_id: int, message_id: int) -> AssessmentPrompt | None: ...


class LiftedSets(Protocol):
    async def sets_of(self, athlete_id: int, exercise: str) -> list[tuple[Weight, int]]:
        """Every work set logged on the exercise (weight, reps), in any workout, open ones too:
        a goal moves as the set is logged, not when the workout ends."""
        ...


class BodyReadings(Protocol):
    """What goals read of the body context (body weight, circumferences)."""

    async def latest_body_weight(self, athlete_id: int) -> Weight | None: ...

    async def latest_measurement(self, athlete_id: int, name: str) -> Decimal | None:
        """The latest reading of a circumference by name, in cm."""
        ...


class CoachLinks(Protocol):
    async def coach_of(self, athlete_id: int) -> int | None:
        """The athlete's current coach, if any."""
        ...


class GoalWording(Protocol):
    def goal_reached(
        self, athlete: User, goal: Goal, current: Decimal, subject_name: str | None
    ) -> str: ...


class GoalsUnitOfWork(Transaction, Protocol):
    @property
    def users(self) -> UserRepository: ...

    @property
    def exercises(self) -> ExerciseRepository: ...

    @property
    def goals(self) -> GoalRepository: ...

    @property
    def assessments(self) -> AssessmentRepository: ...

    @property
    def lifted_sets(self) -> LiftedSets: ...

    @property
    def body_readings(self) -> BodyReadings: ...

    @property
    def strength_days(self) -> StrengthDays: ...

    @property
    def conditioning(self) -> ConditioningRepository: ...

    @property
    def coach_links(self) -> CoachLinks: ...

    @property
    def outbox(self) -> Outbox: ...
