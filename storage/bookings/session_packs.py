"""A completed booking draws one session from the athlete's pack with the coach (billing's
ledger), in the booking's own transaction: the mark and the draw commit together or not at all."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy.ext.asyncio import AsyncSession

from storage.billing.repositories import SqlBalanceRepository


class SqlSessionPacks:
    def __init__(self, session: AsyncSession) -> None:
        self._balances = SqlBalanceRepository(session)

    async def draw(
        self, athlete_id: int, coach_id: int, booking_id: int, at: datetime
    ) -> int | None:
        drawn = await self._balances.add_sessions(
            athlete_id, coach_id, -1, at, appointment_id=booking_id
        )
        if drawn or await self._balances.drawn_for(booking_id):
            return await self._balances.sessions(athlete_id, coach_id)
        return None  # no session left to draw: this one was not paid from a pack
