"""The SQL adapter for the domain's AthletePlanRepository."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from domain.training.model import ActivePlan
from storage.plans.tables import PlanRow
from storage.training.tables import AthletePlanRow


class SqlAthletePlanRepository:
    """Which plan each athlete follows, with the ones they followed before."""

    def __init__(self, session: AsyncSession) -> None:
        self._session = session

    async def active(self, athlete_id: int) -> ActivePlan | None:
        found = (
            await self._session.execute(
                select(PlanRow.slug, AthletePlanRow.started_at, AthletePlanRow.next_day)
                .join(PlanRow, PlanRow.id == AthletePlanRow.plan_id)
                .where(AthletePlanRow.user_id == athlete_id, AthletePlanRow.ended_at.is_(None))
            )
        ).one_or_none()
        if found is None:
            return None
        return ActivePlan(
            plan_slug=found.slug, started_at=found.started_at, next_day=found.next_day
        )

    async def start(self, athlete_id: int, plan_slug: str, at: datetime) -> None:
        """Makes this the athlete's active plan from day 1; the previous one is kept as history."""
        plan_id = await self._session.scalar(select(PlanRow.id).where(PlanRow.slug == plan_slug))
        if plan_id is None:
            raise LookupError(f"no plan {plan_slug!r}")
        previous = await self._active_row(athlete_id)
        if previous is not None:
            previous.ended_at = at
            # The partial unique index must see the old plan end before the new one starts.
            await self._session.flush()
        self._session.add(
            AthletePlanRow(
                user_id=athlete_id, plan_id=plan_id, started_at=at, ended_at=None, next_day=1
            )
        )
        await self._session.flush()

    async def set_next_day(self, athlete_id: int, day_number: int) -> None:
        row = await self._active_row(athlete_id)
        if row is None:
            raise LookupError(f"athlete {athlete_id} follows no plan")
        row.next_day = day_number

    async def _active_row(self, athlete_id: int) -> AthletePlanRow | None:
        return await self._session.scalar(
            select(AthletePlanRow)
            .where(AthletePlanRow.user_id == athlete_id, AthletePlanRow.ended_at.is_(None))
            .execution_options(populate_existing=True)
        )
