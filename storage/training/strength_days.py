"""Conditioning's view of the strength days: when a set was logged, and of what."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from storage.training.tables import WorkoutRow, WorkoutSetRow


class SqlStrengthDays:
    def __init__(self, session: AsyncSession) -> None:
        self._session = session

    async def lifted_since(self, athlete_id: int, since: datetime) -> list[tuple[datetime, str]]:
        rows = await self._session.execute(
            select(WorkoutSetRow.logged_at, WorkoutSetRow.exercise)
            .join(WorkoutRow, WorkoutRow.id == WorkoutSetRow.workout_id)
            .where(WorkoutRow.user_id == athlete_id, WorkoutSetRow.logged_at >= since)
            .order_by(WorkoutSetRow.logged_at)
        )
        return [(at, exercise) for at, exercise in rows if at is not None]
