"""Lower contexts' view of coaching (goals, check-ins): who coaches an athlete now."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from storage.coaching.tables import CoachingRow


class SqlCoachLinks:
    def __init__(self, session: AsyncSession) -> None:
        self._session = session

    async def coach_of(self, athlete_id: int) -> int | None:
        coach_id: int | None = await self._session.scalar(
            select(CoachingRow.coach_id).where(
                CoachingRow.athlete_id == athlete_id, CoachingRow.ended_at.is_(None)
            )
        )
        return coach_id
