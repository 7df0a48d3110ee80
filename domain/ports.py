"""What the domain needs from the outside world, as Protocols the adapters implement."""

from __future__ import annotations

from datetime import datetime
from types import TracebackType
from typing import TYPE_CHECKING, Protocol, Self

if TYPE_CHECKING:
    from collections.abc import Sequence

    from domain.outbox import OutgoingMessage
    from domain.plans import Exercise, Plan, PlanInfo
    from domain.progress import LoggedSet
    from domain.records import PersonalRecord
    from domain.reminders import Reminder
    from domain.tracks import Track
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

    async def save(self, plan: Plan, *, builtin: bool = True, owner_id: int | None = None) -> None:
        """Stores the plan, replacing the stored definition with the same slug if it differs."""
        ...

    async def builtin(self) -> list[Plan]: ...

    async def available(self, athlete_id: int) -> list[PlanInfo]:
        """Built-in and published plans, and the athlete's own: built-in first, then by name."""
        ...

    async def owner_of(self, slug: str) -> int | None:
        """Who wrote the plan; None for a built-in plan or no such plan."""
        ...

    async def publish(self, slug: str, *, published: bool) -> bool:
        """Offers a custom plan to everyone, or stops; False when there is no such custom plan."""
        ...


class TrackRepository(Protocol):
    async def current(self, athlete_id: int) -> dict[str, Track]:
        """The newest entry per track key."""
        ...

    async def history(self, athlete_id: int, key: str) -> list[Track]:
        """Oldest first."""
        ...

    async def add(self, athlete_id: int, track: Track) -> None: ...


class RecordRepository(Protocol):
    async def add(
        self, athlete_id: int, workout_id: int, exercise: str, record: PersonalRecord
    ) -> None:
        """Stores a record set in the workout (once per workout, exercise and kind)."""
        ...


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


class Outbox(Protocol):
    """Messages Spotter sends unasked, delivered later by the sender, each key at most once."""

    async def add(self, message: OutgoingMessage) -> bool:
        """Queues the message; False (and nothing changes) if its key was queued before."""
        ...

    async def add_all(self, messages: Sequence[OutgoingMessage]) -> int:
        """Queues the messages whose keys are new; returns how many."""
        ...

    async def deactivate_chat(self, chat_id: int, at: datetime, reason: str) -> int:
        """Marks the chat inactive and cancels what is queued for it; returns how many."""
        ...

    async def reactivate_chat(self, chat_id: int) -> bool:
        """Marks the chat active again; True if it was inactive."""
        ...


class ReminderRepository(Protocol):
    """Each athlete's reminder choices and due times (see domain/reminders.py)."""

    async def get(self, athlete_id: int, *, lock: bool = False) -> Reminder | None:
        """The athlete's row; `lock` holds it against other writers until the transaction ends."""
        ...

    async def save(self, reminder: Reminder) -> None:
        """Adds the athlete's row, or replaces it."""
        ...

    async def without_reminder(self, limit: int) -> list[int]:
        """Registered athletes who have no row yet."""
        ...

    async def due(self, now: datetime, limit: int) -> list[int]:
        """Athletes with a reminder or follow-up due by `now`, or whose time zone changed."""
        ...

    async def summaries_due(self, now: datetime, limit: int) -> list[int]:
        """Athletes whose weekly summary is due by `now`."""
        ...

    async def sets_logged(self, athlete_id: int, since: datetime) -> list[datetime]:
        """When the athlete logged sets (in any workout, finished or not), from `since` on."""
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

    @property
    def tracks(self) -> TrackRepository: ...

    @property
    def records(self) -> RecordRepository: ...

    @property
    def outbox(self) -> Outbox: ...

    @property
    def reminders(self) -> ReminderRepository: ...

    async def __aenter__(self) -> Self: ...

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None: ...

    async def commit(self) -> None: ...

    async def rollback(self) -> None: ...
