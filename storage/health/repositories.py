"""The SQL adapter for health: the record, emergency contacts and acknowledgements."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import delete, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from domain.health.model import (
    HISTORY_FIELDS,
    PARQ_QUESTIONS,
    EmergencyContact,
    FitnessLevel,
    HealthRecord,
    HistoryField,
    as_mask,
    from_mask,
)
from storage.core.dialects import dialect_insert
from storage.health.tables import HealthAcknowledgementRow, HealthContactRow, HealthRecordRow

_ANSWER = {True: "y", False: "n", None: "-"}
_READ = {"y": True, "n": False, "-": None}


def _record(row: HealthRecordRow) -> HealthRecord:
    return HealthRecord(
        athlete_id=row.athlete_id,
        answers=tuple(_READ[mark] for mark in row.parq),
        history=tuple(getattr(row, field.value) for field in HISTORY_FIELDS),
        fitness=None if row.fitness is None else FitnessLevel(row.fitness),
        intake_step=row.intake_step,
        completed_at=row.completed_at,
        updated_at=row.updated_at,
    )


def _contact(row: HealthContactRow) -> EmergencyContact:
    return EmergencyContact(
        row.id, row.athlete_id, row.name, row.relation, row.phone, row.is_primary, row.created_at
    )


class SqlHealthRepository:
    def __init__(self, session: AsyncSession) -> None:
        self._session = session

    async def record(self, athlete_id: int, *, lock: bool = False) -> HealthRecord | None:
        row = await self._session.get(
            HealthRecordRow, athlete_id, populate_existing=True, with_for_update=lock
        )
        return None if row is None else _record(row)

    async def save(self, record: HealthRecord) -> None:
        row = await self._session.get(HealthRecordRow, record.athlete_id)
        if row is None:
            row = HealthRecordRow(athlete_id=record.athlete_id)
            self._session.add(row)
        row.parq = "".join(_ANSWER[answer] for answer in record.answers)
        for field in HistoryField:
            setattr(row, field.value, record.text_of(field))
        row.fitness = None if record.fitness is None else record.fitness.value
        row.intake_step = record.intake_step
        row.completed_at = record.completed_at
        row.updated_at = record.updated_at
        await self._session.flush()

    async def contacts(self, athlete_id: int) -> list[EmergencyContact]:
        rows = await self._session.scalars(
            select(HealthContactRow)
            .where(HealthContactRow.athlete_id == athlete_id)
            .order_by(HealthContactRow.created_at, HealthContactRow.id)
            .execution_options(populate_existing=True)
        )
        return [_contact(row) for row in rows]

    async def add_contact(self, contact: EmergencyContact) -> EmergencyContact:
        row = HealthContactRow(
            athlete_id=contact.athlete_id,
            name=contact.name,
            relation=contact.relation,
            phone=contact.phone,
            is_primary=contact.primary,
            created_at=contact.created_at,
        )
        self._session.add(row)
        await self._session.flush()
        return _contact(row)

    async def remove_contact(self, contact_id: int) -> None:
        await self._session.execute(
            delete(HealthContactRow).where(HealthContactRow.id == contact_id)
        )

    async def set_primary(self, athlete_id: int, contact_id: int) -> None:
        await self._session.execute(
            update(HealthContactRow)
            .where(HealthContactRow.athlete_id == athlete_id)
            .values(is_primary=HealthContactRow.id == contact_id)
            .execution_options(synchronize_session=False)
        )

    async def acknowledged(self, athlete_id: int, coach_id: int) -> frozenset[int]:
        mask = await self._session.scalar(
            select(HealthAcknowledgementRow.questions).where(
                HealthAcknowledgementRow.athlete_id == athlete_id,
                HealthAcknowledgementRow.coach_id == coach_id,
            )
        )
        return frozenset() if mask is None else from_mask(mask)

    async def acknowledge(
        self, athlete_id: int, coach_id: int, questions: frozenset[int], at: datetime
    ) -> None:
        values = {"questions": as_mask(questions), "acknowledged_at": at}
        await self._session.execute(
            dialect_insert(self._session)(HealthAcknowledgementRow)
            .values(athlete_id=athlete_id, coach_id=coach_id, **values)
            .on_conflict_do_update(index_elements=["athlete_id", "coach_id"], set_=values)
        )

    async def withdraw(self, athlete_id: int, question: int) -> None:
        kept = as_mask(frozenset(range(PARQ_QUESTIONS)) - {question})
        await self._session.execute(
            update(HealthAcknowledgementRow)
            .where(HealthAcknowledgementRow.athlete_id == athlete_id)
            .values(questions=HealthAcknowledgementRow.questions.op("&")(kept))
            .execution_options(synchronize_session=False)
        )
