"""Goals' view of the body context, before there is one: no readings yet.

The body context (body weight, circumferences) is being built beside this one; until its
tables exist this adapter answers that nothing is measured, and body-weight and measurement
goals show "no reading yet". Replace it with one that reads the body tables.
"""

from __future__ import annotations

from decimal import Decimal

from sqlalchemy.ext.asyncio import AsyncSession

from domain.shared.weights import Weight


class NoBodyReadings:
    def __init__(self, session: AsyncSession) -> None:
        self._session = session

    async def latest_body_weight(self, athlete_id: int) -> Weight | None:
        return None

    async def latest_measurement(self, athlete_id: int, name: str) -> Decimal | None:
        return None
