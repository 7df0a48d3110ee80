"""The SQL adapter for body: measurements and photos by day, and the weigh-in reminder."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from domain.body.entries import group_entries
from domain.body.model import WEIGHT, Measurement, Photo, Pose, ProgressEntry
from storage.athletes.tables import UserRow
from storage.body.tables import BodyMeasurementRow, BodyPhotoRow, BodyReminderRow
from storage.core.dialects import dialect_insert


class SqlBodyRepository:
    def __init__(self, session: AsyncSession) -> None:
        self._session = session

    async def record(
        self, athlete_id: int, day: date, measurements: Sequence[Measurement], at: datetime
    ) -> None:
        insert = dialect_insert(self._session)
        for measurement in measurements:
            statement = insert(BodyMeasurementRow).values(
                athlete_id=athlete_id,
                day=day,
                name=measurement.name,
                value=measurement.value,
                logged_at=at,
            )
            await self._session.execute(
                statement.on_conflict_do_update(
                    index_elements=["athlete_id", "day", "name"],
                    set_={"value": statement.excluded.value, "logged_at": at},
                )
            )

    async def add_photo(self, athlete_id: int, day: date, photo: Photo, at: datetime) -> None:
        statement = dialect_insert(self._session)(BodyPhotoRow).values(
            athlete_id=athlete_id,
            day=day,
            pose=photo.pose.value,
            file_id=photo.file_id,
            file_unique_id=photo.file_unique_id,
            logged_at=at,
        )
        await self._session.execute(
            statement.on_conflict_do_update(
                index_elements=["athlete_id", "day", "pose"],
                set_={
                    "file_id": statement.excluded.file_id,
                    "file_unique_id": statement.excluded.file_unique_id,
                    "logged_at": at,
                },
            )
        )

    async def entries(self, athlete_id: int, since: date | None = None) -> list[ProgressEntry]:
        measurements = select(BodyMeasurementRow).where(BodyMeasurementRow.athlete_id == athlete_id)
        photos = select(BodyPhotoRow).where(BodyPhotoRow.athlete_id == athlete_id)
        if since is not None:
            measurements = measurements.where(BodyMeasurementRow.day >= since)
            photos = photos.where(BodyPhotoRow.day >= since)
        measured = await self._session.scalars(
            measurements.order_by(BodyMeasurementRow.day, BodyMeasurementRow.logged_at)
        )
        pictured = await self._session.scalars(photos.order_by(BodyPhotoRow.day))
        return group_entries(
            ((row.day, Measurement(row.name, row.value)) for row in measured),
            ((row.day, Photo(Pose(row.pose), row.file_id, row.file_unique_id)) for row in pictured),
        )

    async def weights(self, athlete_id: int, since: date) -> list[tuple[date, Decimal]]:
        return await body_weights(self._session, athlete_id, since)

    async def reminder(self, athlete_id: int) -> bool:
        row = await self._session.get(BodyReminderRow, athlete_id)
        return row is not None and row.enabled

    async def set_reminder(self, athlete_id: int, on: bool) -> None:
        statement = dialect_insert(self._session)(BodyReminderRow).values(
            athlete_id=athlete_id, enabled=on
        )
        await self._session.execute(
            statement.on_conflict_do_update(index_elements=["athlete_id"], set_={"enabled": on})
        )

    async def reminded(self) -> list[tuple[int, str]]:
        rows = await self._session.execute(
            select(BodyReminderRow.athlete_id, UserRow.time_zone)
            .join(UserRow, UserRow.telegram_id == BodyReminderRow.athlete_id)
            .where(BodyReminderRow.enabled.is_(True))
            .order_by(BodyReminderRow.athlete_id)
        )
        return [(athlete_id, zone) for athlete_id, zone in rows]


async def body_weights(
    session: AsyncSession, athlete_id: int, since: date
) -> list[tuple[date, Decimal]]:
    """The athlete's body weights (kg) from `since` on, one per day, oldest first."""
    rows = await session.execute(
        select(BodyMeasurementRow.day, BodyMeasurementRow.value)
        .where(
            BodyMeasurementRow.athlete_id == athlete_id,
            BodyMeasurementRow.name == WEIGHT,
            BodyMeasurementRow.day >= since,
        )
        .order_by(BodyMeasurementRow.day)
    )
    return [(day, value) for day, value in rows]


class SqlBodyWeights:
    """Body weights as progress reads them for its trend chart (progress's own port)."""

    def __init__(self, session: AsyncSession) -> None:
        self._session = session

    async def weights_since(self, athlete_id: int, since: date) -> list[tuple[date, Decimal]]:
        return await body_weights(self._session, athlete_id, since)
