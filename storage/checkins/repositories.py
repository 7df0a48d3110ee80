"""The SQL adapter for check-ins: the asked day, and each week's answers."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from domain.checkins.model import CheckIn, CheckInDay, Question
from storage.checkins.tables import CheckInDayRow, CheckInRow
from storage.core.dialects import dialect_insert


def _check_in(row: CheckInRow) -> CheckIn:
    answers = {q: value for q in Question if (value := getattr(row, q.value)) is not None}
    return CheckIn(row.id, row.athlete_id, row.week, row.sent_at, answers, row.completed_at)


class SqlCheckInRepository:
    def __init__(self, session: AsyncSession) -> None:
        self._session = session

    async def day(self, athlete_id: int) -> CheckInDay:
        row = await self._session.get(CheckInDayRow, athlete_id)
        return (
            CheckInDay(athlete_id) if row is None else CheckInDay(athlete_id, row.weekday, row.at)
        )

    async def set_day(self, day: CheckInDay) -> None:
        statement = dialect_insert(self._session)(CheckInDayRow).values(
            athlete_id=day.athlete_id, weekday=day.weekday, at=day.at
        )
        await self._session.execute(
            statement.on_conflict_do_update(
                index_elements=["athlete_id"],
                set_={"weekday": day.weekday, "at": day.at},
            )
        )

    async def asked(self) -> list[CheckInDay]:
        rows = await self._session.scalars(
            select(CheckInDayRow)
            .where(CheckInDayRow.weekday.is_not(None))
            .order_by(CheckInDayRow.athlete_id)
        )
        return [CheckInDay(row.athlete_id, row.weekday, row.at) for row in rows]

    async def add(self, check_in: CheckIn) -> CheckIn | None:
        inserted = await self._session.execute(
            dialect_insert(self._session)(CheckInRow)
            .values(athlete_id=check_in.athlete_id, week=check_in.week, sent_at=check_in.sent_at)
            .on_conflict_do_nothing(index_elements=["athlete_id", "week"])
            .returning(CheckInRow.id)
        )
        new_id = inserted.scalar_one_or_none()
        if new_id is None:
            return None
        row = await self._session.get(CheckInRow, new_id)
        return None if row is None else _check_in(row)

    async def get(self, check_in_id: int) -> CheckIn | None:
        row = await self._session.get(CheckInRow, check_in_id)
        return None if row is None else _check_in(row)

    async def save(self, check_in: CheckIn) -> None:
        row = await self._session.get(CheckInRow, check_in.id)
        if row is None:
            raise LookupError(f"no check-in {check_in.id}")
        for question in Question:
            setattr(row, question.value, check_in.answers.get(question))
        row.completed_at = check_in.completed_at
        await self._session.flush()

    async def latest(self, athlete_id: int, limit: int) -> list[CheckIn]:
        rows = await self._session.scalars(
            select(CheckInRow)
            .where(CheckInRow.athlete_id == athlete_id, CheckInRow.completed_at.is_not(None))
            .order_by(CheckInRow.completed_at.desc(), CheckInRow.id.desc())
            .limit(limit)
        )
        return [_check_in(row) for row in rows]

    async def completed_since(self, athlete_ids: Sequence[int], since: datetime) -> list[CheckIn]:
        if not athlete_ids:
            return []
        rows = await self._session.scalars(
            select(CheckInRow)
            .where(CheckInRow.athlete_id.in_(athlete_ids), CheckInRow.completed_at >= since)
            .order_by(CheckInRow.completed_at, CheckInRow.id)
        )
        return [_check_in(row) for row in rows]
