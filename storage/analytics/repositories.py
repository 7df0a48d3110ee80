"""The engagement rows, the activity they are counted from, and the facts /stats reads."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import asdict
from datetime import date, datetime
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import Select, func, or_, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import InstrumentedAttribute

from domain.analytics.model import (
    Activity,
    CoachingSpan,
    DailyEngagement,
    EngagementSubject,
    PaymentFact,
    SessionFact,
)
from domain.billing.model import PaymentStatus
from domain.bookings.model import BookingStatus
from storage.analytics.tables import EngagementDayRow
from storage.athletes.tables import UserRow
from storage.billing.tables import BillingPaymentRow
from storage.bookings.tables import BookingRow
from storage.checkins.tables import CheckInRow
from storage.coaching.tables import CoachingRow, FormVideoRow, ThreadMessageRow
from storage.conditioning.tables import ConditioningResultRow
from storage.core.dialects import dialect_insert
from storage.plans.tables import PlanRow
from storage.training.tables import AthletePlanRow, WorkoutRow, WorkoutSetRow

_COUNTED = tuple(
    name
    for name in DailyEngagement.__dataclass_fields__
    if name not in {"athlete_id", "coach_id", "day"}
)


class SqlEngagementRepository:
    def __init__(self, session: AsyncSession) -> None:
        self._session = session

    async def subjects(self) -> list[EngagementSubject]:
        last_recorded = (
            select(func.max(EngagementDayRow.day))
            .where(
                EngagementDayRow.athlete_id == CoachingRow.athlete_id,
                EngagementDayRow.coach_id == CoachingRow.coach_id,
            )
            .scalar_subquery()
        )
        rows = await self._session.execute(
            select(
                CoachingRow.athlete_id,
                CoachingRow.coach_id,
                UserRow.time_zone,
                CoachingRow.started_at,
                PlanRow.slug,
                last_recorded,
            )
            .join(UserRow, UserRow.telegram_id == CoachingRow.athlete_id)
            .outerjoin(
                AthletePlanRow,
                (AthletePlanRow.user_id == CoachingRow.athlete_id)
                & AthletePlanRow.ended_at.is_(None),
            )
            .outerjoin(PlanRow, PlanRow.id == AthletePlanRow.plan_id)
            .where(CoachingRow.ended_at.is_(None))
            .order_by(CoachingRow.id)
        )
        return [
            EngagementSubject(athlete, coach, ZoneInfo(zone), since, slug, _day(last))
            for athlete, coach, zone, since, slug, last in rows
        ]

    async def activity(
        self, athlete_id: int, coach_id: int, since: datetime, until: datetime
    ) -> Activity:
        coachings = select(CoachingRow.id).where(
            CoachingRow.athlete_id == athlete_id, CoachingRow.coach_id == coach_id
        )
        sources: dict[str, tuple[InstrumentedAttribute[Any], Select[Any]]] = {
            "sets": (
                WorkoutSetRow.logged_at,
                select(WorkoutSetRow.logged_at)
                .join(WorkoutRow, WorkoutRow.id == WorkoutSetRow.workout_id)
                .where(WorkoutRow.user_id == athlete_id, WorkoutSetRow.done_reps.is_not(None)),
            ),
            "workouts": (
                WorkoutRow.finished_at,
                select(WorkoutRow.finished_at).where(WorkoutRow.user_id == athlete_id),
            ),
            "results": (
                ConditioningResultRow.logged_at,
                select(ConditioningResultRow.logged_at).where(
                    ConditioningResultRow.athlete_id == athlete_id
                ),
            ),
            "videos": (
                FormVideoRow.received_at,
                select(FormVideoRow.received_at).where(
                    FormVideoRow.athlete_id == athlete_id,
                    FormVideoRow.coaching_id.in_(coachings),
                ),
            ),
            "messages": (
                ThreadMessageRow.sent_at,
                select(ThreadMessageRow.sent_at).where(
                    ThreadMessageRow.sender_id == athlete_id,
                    ThreadMessageRow.event.is_(None),
                    ThreadMessageRow.coaching_id.in_(coachings),
                ),
            ),
            "check_ins": (
                CheckInRow.completed_at,
                select(CheckInRow.completed_at).where(CheckInRow.athlete_id == athlete_id),
            ),
        }
        found: dict[str, tuple[datetime, ...]] = {}
        before: list[datetime] = []
        for name, (moment, query) in sources.items():
            inside = await self._session.scalars(
                query.where(moment >= since, moment < until).order_by(moment)
            )
            found[name] = tuple(moment for moment in inside if moment is not None)
            latest = await self._session.scalar(
                query.where(moment < since).order_by(moment.desc()).limit(1)
            )
            if latest is not None:
                before.append(latest)
        return Activity(**found, before=max(before, default=None))

    async def save(self, rows: Sequence[DailyEngagement]) -> None:
        if not rows:
            return
        insert = dialect_insert(self._session)(EngagementDayRow).values(
            [asdict(row) for row in rows]
        )
        await self._session.execute(
            insert.on_conflict_do_update(
                index_elements=["athlete_id", "coach_id", "day"],
                set_={name: insert.excluded[name] for name in _COUNTED},
            )
        )


def _day(value: date | str | None) -> date | None:
    """An aggregate's date comes back as the driver gives it: text on SQLite."""
    return date.fromisoformat(value) if isinstance(value, str) else value


class SqlCoachBusiness:
    def __init__(self, session: AsyncSession) -> None:
        self._session = session

    async def coachings(self, coach_id: int) -> list[CoachingSpan]:
        rows = await self._session.execute(
            select(CoachingRow.athlete_id, CoachingRow.started_at, CoachingRow.ended_at).where(
                CoachingRow.coach_id == coach_id
            )
        )
        return [CoachingSpan(*row) for row in rows]

    async def payments(self, coach_id: int, since: datetime) -> list[PaymentFact]:
        rows = await self._session.execute(
            select(
                BillingPaymentRow.amount, BillingPaymentRow.paid_at, BillingPaymentRow.refunded_at
            ).where(
                BillingPaymentRow.coach_id == coach_id,
                BillingPaymentRow.status.in_([PaymentStatus.COMPLETED, PaymentStatus.REFUNDED]),
                BillingPaymentRow.paid_at.is_not(None),
                or_(BillingPaymentRow.paid_at >= since, BillingPaymentRow.refunded_at >= since),
            )
        )
        return [
            PaymentFact(stars, paid, refunded)
            for stars, paid, refunded in rows
            if paid is not None  # a paid_at IS NOT NULL the type does not know of
        ]

    async def sessions(self, coach_id: int, since: datetime) -> list[SessionFact]:
        rows = await self._session.execute(
            select(BookingRow.starts_at, BookingRow.status).where(
                BookingRow.coach_id == coach_id,
                BookingRow.starts_at >= since,
                BookingRow.status.in_([BookingStatus.COMPLETED, BookingStatus.NO_SHOW]),
            )
        )
        return [SessionFact(starts, status == BookingStatus.COMPLETED) for starts, status in rows]
