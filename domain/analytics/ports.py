"""What analytics reads and keeps: the daily engagement rows and the facts /stats counts."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Protocol

from domain.analytics.model import (
    Activity,
    CoachingSpan,
    DailyEngagement,
    EngagementSubject,
    PaymentFact,
    SessionFact,
)
from domain.coaching.ports import CoachingUnitOfWork


class EngagementRepository(Protocol):
    async def subjects(self) -> list[EngagementSubject]:
        """Every current coaching, with the client's zone, active plan and last day recorded."""
        ...

    async def activity(
        self, athlete_id: int, coach_id: int, since: datetime, until: datetime
    ) -> Activity:
        """What the client did in [since, until) (messages and videos to this coach only),
        without coaching's sessions, and their latest activity before `since`."""
        ...

    async def save(self, rows: Sequence[DailyEngagement]) -> None:
        """Writes each row, replacing the one of the same client, coach and day."""
        ...


class CoachBusiness(Protocol):
    async def coachings(self, coach_id: int) -> list[CoachingSpan]:
        """Every coaching of this coach's, ended or not."""
        ...

    async def payments(self, coach_id: int, since: datetime) -> list[PaymentFact]:
        """Payments to this coach that took Stars (completed or refunded since), paid or
        refunded from `since`."""
        ...

    async def sessions(self, coach_id: int, since: datetime) -> list[SessionFact]:
        """This coach's appointments from `since` marked completed or no-show."""
        ...


class AnalyticsUnitOfWork(CoachingUnitOfWork, Protocol):
    """A transaction over the engagement rows and what they are read from."""

    @property
    def engagement(self) -> EngagementRepository: ...

    @property
    def business(self) -> CoachBusiness: ...
