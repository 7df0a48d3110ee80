"""Lower contexts' view of coaching (goals, check-ins): who coaches an athlete now."""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncSession

from storage.coaching.repositories import SqlCoachingRepository


class SqlCoachLinks:
    def __init__(self, session: AsyncSession) -> None:
        self._coachings = SqlCoachingRepository(session)

    async def coach_of(self, athlete_id: int) -> int | None:
        current = await self._coachings.current_for_athlete(athlete_id)
        return None if current is None else current.coach_id
