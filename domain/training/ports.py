"""What the training context needs from storage: plans run, maxes, workouts, tracks, records."""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

from domain.outbox.ports import OutboxUnitOfWork
from domain.plans.ports import PlansUnitOfWork

if TYPE_CHECKING:
    from collections.abc import Sequence
    from datetime import datetime

    from domain.training.imports.model import App, StoredImport
    from domain.training.model import (
        ActivePlan,
        DoneSet,
        LiftTrack,
        LoggedSet,
        TrainingMax,
        Workout,
        WorkoutSet,
    )
    from domain.training.progression import Proposal, ProposalDecision
    from domain.training.records import DatedSet, PersonalRecord


class AthletePlanRepository(Protocol):
    async def active(self, athlete_id: int) -> ActivePlan | None: ...

    async def start(self, athlete_id: int, plan_slug: str, at: datetime) -> None:
        """Makes this the athlete's active plan from day 1; the previous one is kept as history."""
        ...

    async def set_next_day(self, athlete_id: int, day_number: int) -> None: ...


class ProposalRepository(Protocol):
    """Training-max changes that wait for a coach, and whose changes do."""

    async def approval_required(self, athlete_id: int) -> bool: ...

    async def require_approval(self, athlete_id: int, *, required: bool, at: datetime) -> None: ...

    async def add(self, proposal: Proposal) -> Proposal: ...

    async def get(self, proposal_id: int, *, lock: bool = False) -> Proposal | None: ...

    async def decide(self, proposal_id: int, decision: ProposalDecision, at: datetime) -> None: ...

    async def decline_waiting(self, athlete_id: int, at: datetime) -> None:
        """Declines every undecided proposal of the athlete's."""
        ...


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

    async def first_sets(
        self, athlete_id: int, exercises: Sequence[str]
    ) -> list[tuple[str, DatedSet]]:
        """Each weight × reps of these exercises done in the athlete's finished workouts, once:
        when first done, oldest first (warm-ups and deloads left out).

        All a lift's records are measured against, however long the history: each record
        compares with the earliest set to reach a value, which a repeat never is.
        """
        ...

    async def logged_sets(
        self,
        athlete_id: int,
        since: datetime | None = None,
        until: datetime | None = None,
        exercises: Sequence[str] | None = None,
    ) -> list[LoggedSet]:
        """Sets done in finished workouts started in [since, until), oldest first.

        Only of `exercises` if given; either bound may be left open.
        """
        ...


class LiftTrackRepository(Protocol):
    async def current(self, athlete_id: int) -> dict[str, LiftTrack]:
        """The newest entry per track key."""
        ...

    async def history(self, athlete_id: int, key: str) -> list[LiftTrack]:
        """Oldest first."""
        ...

    async def add(self, athlete_id: int, track: LiftTrack) -> None: ...


class RecordRepository(Protocol):
    async def add(
        self, athlete_id: int, workout_id: int, exercise: str, record: PersonalRecord
    ) -> None:
        """Stores a record set in the workout (once per workout, exercise and kind)."""
        ...


class ImportRepository(Protocol):
    """Files exported by other apps, and the workouts each one added."""

    async def find(self, athlete_id: int, content_hash: str) -> StoredImport | None: ...

    async def get(self, import_id: int, *, lock: bool = False) -> StoredImport | None:
        """The import; `lock` holds it to the end of the transaction (a second tap waits)."""
        ...

    async def add(
        self, athlete_id: int, app: App, content_hash: str, file_id: str, at: datetime
    ) -> StoredImport:
        """Stores a file sent, waiting for the athlete's tap."""
        ...

    async def started_at(self, athlete_id: int) -> set[datetime]:
        """When each of the athlete's workouts started: an imported one is never added twice."""
        ...

    async def add_workout(self, import_id: int, workout: Workout) -> int:
        """Stores a finished workout the import read; returns its id."""
        ...

    async def mark_imported(self, import_id: int, at: datetime, workouts: int) -> None: ...

    async def remove(self, import_id: int) -> None:
        """Forgets the import and everything it added: workouts, their sets and records."""
        ...


class TrainingUnitOfWork(PlansUnitOfWork, Protocol):
    """A transaction over everything an athlete's training touches."""

    @property
    def athlete_plans(self) -> AthletePlanRepository: ...

    @property
    def training_maxes(self) -> TrainingMaxRepository: ...

    @property
    def workouts(self) -> WorkoutRepository: ...

    @property
    def tracks(self) -> LiftTrackRepository: ...

    @property
    def records(self) -> RecordRepository: ...

    @property
    def proposals(self) -> ProposalRepository: ...

    @property
    def imports(self) -> ImportRepository: ...


class RestUnitOfWork(TrainingUnitOfWork, OutboxUnitOfWork, Protocol):
    """A transaction over the athlete's workout and the outbox, where "rest is over" goes."""
