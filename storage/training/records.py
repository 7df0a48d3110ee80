"""The SQL adapter for the domain's RecordRepository: personal records, one row per kind."""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncSession

from domain.training.records import PersonalRecord, RepsRecord
from storage.core.columns import weight_columns
from storage.training.tables import PersonalRecordRow


class SqlRecordRepository:
    def __init__(self, session: AsyncSession) -> None:
        self._session = session

    async def add(
        self, athlete_id: int, workout_id: int, exercise: str, record: PersonalRecord
    ) -> None:
        amount, unit = weight_columns(record.new_set.weight)
        value = (
            amount
            if isinstance(record, RepsRecord)
            else record.new.to(record.new_set.weight.unit).amount
        )
        self._session.add(
            PersonalRecordRow(
                user_id=athlete_id,
                workout_id=workout_id,
                exercise=exercise,
                kind=record.kind.value,
                amount=amount,
                unit=unit,
                reps=record.new_set.reps,
                value_amount=value,
                achieved_at=record.new_set.at,
            )
        )
