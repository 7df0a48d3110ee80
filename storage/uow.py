"""The SQL unit of work: one session, one transaction per use case, and the update ledger.

It lives at the storage root, above the context packages, because it composes every context's
repositories: one `SqlUnitOfWork` satisfies each context's narrow unit-of-work Protocol.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from datetime import datetime
from types import TracebackType
from typing import Self, TypeVar, cast

from sqlalchemy import delete, insert
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from domain.shared.ports import Clock
from storage.account.repository import SqlAccountRepository
from storage.analytics.engagement_days import SqlEngagementDays
from storage.analytics.repositories import SqlCoachBusiness, SqlEngagementRepository
from storage.athletes.users import SqlUserRepository
from storage.billing.repositories import (
    SqlBalanceRepository,
    SqlPackageRepository,
    SqlPaymentRepository,
)
from storage.body.repositories import SqlBodyRepository, SqlBodyWeights
from storage.bookings.repositories import SqlBookingRepository
from storage.bookings.session_packs import SqlSessionPacks
from storage.checkins.repositories import SqlCheckInRepository
from storage.coaching.coach_links import SqlCoachLinks
from storage.coaching.repositories import (
    SqlCoachingRepository,
    SqlCoachRepository,
    SqlInviteRepository,
    SqlThreadRepository,
)
from storage.coaching.videos import SqlVideoRepository
from storage.conditioning.repositories import SqlConditioningRepository
from storage.core.ledger import HandledUpdates
from storage.core.tables import ProcessedUpdateRow
from storage.goals.body_readings import SqlBodyReadings
from storage.goals.repositories import (
    SqlAssessmentRepository,
    SqlGoalRepository,
    SqlLiftedSets,
)
from storage.health.repositories import SqlHealthRepository
from storage.nutrition.repositories import SqlNutritionRepository
from storage.outbox.outbox import SqlOutbox
from storage.plans.exercises import SqlExerciseRepository
from storage.plans.plans import SqlPlanRepository
from storage.reminders.reminders import SqlReminderRepository
from storage.teams.class_days import SqlClassDays
from storage.teams.classes_repository import SqlClassRepository
from storage.teams.repositories import SqlTeamRepository
from storage.teams.track_repository import SqlTrackRepository
from storage.teams.whiteboard_repository import SqlWhiteboardRepository
from storage.training.athlete_plans import SqlAthletePlanRepository
from storage.training.imports import SqlImportRepository
from storage.training.lift_tracks import SqlLiftTrackRepository
from storage.training.proposals import SqlProposalRepository
from storage.training.records import SqlRecordRepository
from storage.training.strength_days import SqlStrengthDays
from storage.training.training_days import SqlTrainingDays
from storage.training.training_maxes import SqlTrainingMaxRepository
from storage.training.workouts import SqlWorkoutRepository

_Repository = TypeVar("_Repository")


class UpdateAlreadyHandledError(Exception):
    """Another handler of the same Telegram update committed first; this one's work is undone."""


class SqlUnitOfWork:
    """One session for an update or a job; each `async with uow:` block is one transaction.

    Blocks may nest (the middleware's around each use case's): leaving any block rolls back
    what it left uncommitted, so no transaction outlives it; leaving the outermost one also
    closes the session. Inside `one_transaction()`, leaving a block does not end it.
    """

    def __init__(
        self,
        session_factory: async_sessionmaker[AsyncSession],
        clock: Clock,
        update_id: int | None = None,
        handled: HandledUpdates | None = None,
    ) -> None:
        self._session_factory = session_factory
        self._update_id = update_id
        self._handled = handled
        self._clock = clock
        self._session: AsyncSession | None = None
        self._repositories: dict[Callable[[AsyncSession], object], object] = {}
        self._depth = 0
        self._kept_at: int | None = None
        self._update_recorded = False

    async def __aenter__(self) -> Self:
        if self._depth == 0:
            self._session = self._session_factory()
        self._depth += 1
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        session = self._active_session
        self._depth -= 1
        if exc_type is None and self._kept_at is not None and self._depth >= self._kept_at:
            return  # one_transaction() ends it
        try:
            await session.rollback()
        finally:
            if self._depth == 0:
                self._session = None
                self._repositories.clear()
                await session.close()

    @asynccontextmanager
    async def one_transaction(self) -> AsyncIterator[None]:
        """The blocks inside share one transaction, which ends here: a read and the write that
        follows it cost one BEGIN, not two (a typed set: a third of its transactions).

        Only around work that awaits nothing but the database, as a transaction open on SQLite
        holds the write lock; the blocks inside commit what they write, or raise.
        """
        if self._kept_at is not None:  # already inside one
            yield
            return
        async with self:
            self._kept_at = self._depth
            try:
                yield
            finally:
                self._kept_at = None

    @property
    def users(self) -> SqlUserRepository:
        return self._repository(SqlUserRepository)

    @property
    def engagement(self) -> SqlEngagementRepository:
        return self._repository(SqlEngagementRepository)

    @property
    def business(self) -> SqlCoachBusiness:
        return self._repository(SqlCoachBusiness)

    @property
    def engagement_days(self) -> SqlEngagementDays:
        return self._repository(SqlEngagementDays)

    @property
    def exercises(self) -> SqlExerciseRepository:
        return self._repository(SqlExerciseRepository)

    @property
    def plans(self) -> SqlPlanRepository:
        return self._repository(SqlPlanRepository)

    @property
    def athlete_plans(self) -> SqlAthletePlanRepository:
        return self._repository(SqlAthletePlanRepository)

    @property
    def training_maxes(self) -> SqlTrainingMaxRepository:
        return self._repository(SqlTrainingMaxRepository)

    @property
    def workouts(self) -> SqlWorkoutRepository:
        return self._repository(SqlWorkoutRepository)

    @property
    def tracks(self) -> SqlLiftTrackRepository:
        return self._repository(SqlLiftTrackRepository)

    @property
    def records(self) -> SqlRecordRepository:
        return self._repository(SqlRecordRepository)

    @property
    def proposals(self) -> SqlProposalRepository:
        return self._repository(SqlProposalRepository)

    @property
    def account(self) -> SqlAccountRepository:
        return self._repository(SqlAccountRepository)

    @property
    def imports(self) -> SqlImportRepository:
        return self._repository(SqlImportRepository)

    @property
    def outbox(self) -> SqlOutbox:
        return self._repository(SqlOutbox)

    @property
    def reminders(self) -> SqlReminderRepository:
        return self._repository(SqlReminderRepository)

    @property
    def strength_days(self) -> SqlStrengthDays:
        return self._repository(SqlStrengthDays)

    @property
    def teams(self) -> SqlTeamRepository:
        return self._repository(SqlTeamRepository)

    @property
    def class_days(self) -> SqlClassDays:
        return self._repository(SqlClassDays)

    @property
    def classes(self) -> SqlClassRepository:
        return self._repository(SqlClassRepository)

    @property
    def wod_tracks(self) -> SqlTrackRepository:
        return self._repository(SqlTrackRepository)

    @property
    def whiteboard(self) -> SqlWhiteboardRepository:
        return self._repository(SqlWhiteboardRepository)

    @property
    def coaches(self) -> SqlCoachRepository:
        return self._repository(SqlCoachRepository)

    @property
    def invites(self) -> SqlInviteRepository:
        return self._repository(SqlInviteRepository)

    @property
    def coachings(self) -> SqlCoachingRepository:
        return self._repository(SqlCoachingRepository)

    @property
    def threads(self) -> SqlThreadRepository:
        return self._repository(SqlThreadRepository)

    @property
    def videos(self) -> SqlVideoRepository:
        return self._repository(SqlVideoRepository)

    @property
    def conditioning(self) -> SqlConditioningRepository:
        return self._repository(SqlConditioningRepository)

    @property
    def nutrition(self) -> SqlNutritionRepository:
        return self._repository(SqlNutritionRepository)

    @property
    def training_days(self) -> SqlTrainingDays:
        return self._repository(SqlTrainingDays)

    @property
    def body(self) -> SqlBodyRepository:
        return self._repository(SqlBodyRepository)

    @property
    def body_weights(self) -> SqlBodyWeights:
        return self._repository(SqlBodyWeights)

    @property
    def checkins(self) -> SqlCheckInRepository:
        return self._repository(SqlCheckInRepository)

    @property
    def coach_links(self) -> SqlCoachLinks:
        return self._repository(SqlCoachLinks)

    @property
    def goals(self) -> SqlGoalRepository:
        return self._repository(SqlGoalRepository)

    @property
    def assessments(self) -> SqlAssessmentRepository:
        return self._repository(SqlAssessmentRepository)

    @property
    def lifted_sets(self) -> SqlLiftedSets:
        return self._repository(SqlLiftedSets)

    @property
    def body_readings(self) -> SqlBodyReadings:
        return self._repository(SqlBodyReadings)

    @property
    def health(self) -> SqlHealthRepository:
        return self._repository(SqlHealthRepository)

    @property
    def packages(self) -> SqlPackageRepository:
        return self._repository(SqlPackageRepository)

    @property
    def payments(self) -> SqlPaymentRepository:
        return self._repository(SqlPaymentRepository)

    @property
    def balances(self) -> SqlBalanceRepository:
        return self._repository(SqlBalanceRepository)

    @property
    def bookings(self) -> SqlBookingRepository:
        return self._repository(SqlBookingRepository)

    @property
    def session_packs(self) -> SqlSessionPacks:
        return self._repository(SqlSessionPacks)

    async def commit(self) -> None:
        """Commits the work so far; the first commit also records the update as handled."""
        session = self._active_session
        if self._update_id is None or self._update_recorded:
            await session.commit()
            return
        now = self._clock.now()
        await session.flush()
        connection = await session.connection()
        try:
            await connection.execute(
                _RECORD_UPDATE, {"update_id": self._update_id, "processed_at": now}
            )
        except IntegrityError as error:
            await session.rollback()
            raise UpdateAlreadyHandledError(self._update_id) from error
        await session.commit()
        self._update_recorded = True
        if self._handled is not None:
            self._handled.add(self._update_id, now)

    async def rollback(self) -> None:
        """Discards the work since the last commit."""
        await self._active_session.rollback()

    def _repository(self, build: Callable[[AsyncSession], _Repository]) -> _Repository:
        """The session's repository of this kind, built on first use."""
        session = self._active_session
        if build not in self._repositories:
            self._repositories[build] = build(session)
        return cast("_Repository", self._repositories[build])

    @property
    def _active_session(self) -> AsyncSession:
        if self._session is None:
            raise RuntimeError("use the unit of work inside `async with`")
        return self._session


_RECORD_UPDATE = insert(ProcessedUpdateRow)


async def prune_processed_updates(
    session_factory: async_sessionmaker[AsyncSession], older_than: datetime
) -> int:
    """Forgets ledger entries processed before `older_than`; returns how many."""
    statement = delete(ProcessedUpdateRow).where(ProcessedUpdateRow.processed_at < older_than)
    async with session_factory.begin() as session:
        connection = await session.connection()
        result = await connection.execute(statement)
    return result.rowcount
