"""Goals' view of the body context: the latest body weight and circumference an athlete logged."""

from __future__ import annotations

from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from domain.body.model import WEIGHT
from domain.shared.weights import Unit, Weight
from storage.body.tables import BodyMeasurementRow


class SqlBodyReadings:
    def __init__(self, session: AsyncSession) -> None:
        self._session = session

    async def latest_body_weight(self, athlete_id: int) -> Weight | None:
        kilograms = await self._latest(athlete_id, WEIGHT)
        return None if kilograms is None else Weight(kilograms, Unit.KG)

    async def latest_measurement(self, athlete_id: int, name: str) -> Decimal | None:
        return await self._latest(athlete_id, name.lower())

    async def _latest(self, athlete_id: int, name: str) -> Decimal | None:
        value: Decimal | None = await self._session.scalar(
            select(BodyMeasurementRow.value)
            .where(BodyMeasurementRow.athlete_id == athlete_id, BodyMeasurementRow.name == name)
            .order_by(BodyMeasurementRow.day.desc())
            .limit(1)
        )
        return value
