"""The classes an athlete attended, as progress reads them for the training calendar."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from domain.teams.classes import Attendance
from storage.teams.classes_tables import TeamClassBookingRow, TeamClassOccurrenceRow


class SqlClassDays:
    def __init__(self, session: AsyncSession) -> None:
        self._session = session

    async def attended_since(self, athlete_id: int, since: datetime) -> list[datetime]:
        starts = await self._session.scalars(
            select(TeamClassOccurrenceRow.starts_at)
            .join(
                TeamClassBookingRow,
                TeamClassBookingRow.occurrence_id == TeamClassOccurrenceRow.id,
            )
            .where(
                TeamClassBookingRow.user_id == athlete_id,
                TeamClassBookingRow.attendance == Attendance.PRESENT.value,
                TeamClassOccurrenceRow.starts_at >= since,
            )
            .order_by(TeamClassOccurrenceRow.starts_at)
        )
        return list(starts)
