"""Nutrition's view of training: when a workout was opened, a set or a MetCon result logged."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select, union_all
from sqlalchemy.ext.asyncio import AsyncSession

from storage.conditioning.tables import ConditioningResultRow
from storage.training.tables import WorkoutRow, WorkoutSetRow


class SqlTrainingDays:
    def __init__(self, session: AsyncSession) -> None:
        self._session = session

    async def trained_between(
        self, athlete_id: int, since: datetime, until: datetime
    ) -> list[datetime]:
        opened = select(WorkoutRow.started_at.label("at")).where(
            WorkoutRow.user_id == athlete_id,
            WorkoutRow.started_at >= since,
            WorkoutRow.started_at < until,
        )
        lifted = (
            select(WorkoutSetRow.logged_at.label("at"))
            .join(WorkoutRow, WorkoutRow.id == WorkoutSetRow.workout_id)
            .where(
                WorkoutRow.user_id == athlete_id,
                WorkoutSetRow.logged_at >= since,
                WorkoutSetRow.logged_at < until,
            )
        )
        conditioned = select(ConditioningResultRow.logged_at.label("at")).where(
            ConditioningResultRow.athlete_id == athlete_id,
            ConditioningResultRow.logged_at >= since,
            ConditioningResultRow.logged_at < until,
        )
        moments = union_all(opened, lifted, conditioned).subquery()
        rows = await self._session.scalars(select(moments.c.at).distinct().order_by(moments.c.at))
        return [moment for moment in rows if moment is not None]
