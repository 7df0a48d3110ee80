"""The session packs port until the billing context keeps packs: nobody has one."""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncSession


class NoSessionPacks:
    """Draws nothing: the billing context's adapter replaces this when it is merged."""

    def __init__(self, session: AsyncSession) -> None:
        self._session = session

    async def draw(self, athlete_id: int, coach_id: int, booking_id: int) -> int | None:
        return None
