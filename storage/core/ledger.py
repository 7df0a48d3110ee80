"""Which Telegram updates were handled: the database keeps the record, memory answers quickly."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from storage.core.tables import ProcessedUpdateRow


class HandledUpdates:
    """The ledger's recent rows in memory, so checking an update costs no query.

    One bot process owns the database (two pollers on one token get 409 from Telegram), so
    what this process committed plus what it loaded at start-up is the whole ledger.
    """

    def __init__(self) -> None:
        self._handled: dict[int, datetime] = {}

    @classmethod
    async def load(
        cls, session_factory: async_sessionmaker[AsyncSession], since: datetime
    ) -> HandledUpdates:
        ledger = cls()
        query = select(ProcessedUpdateRow.update_id, ProcessedUpdateRow.processed_at).where(
            ProcessedUpdateRow.processed_at >= since
        )
        async with session_factory() as session:
            for update_id, processed_at in await session.execute(query):
                ledger.add(update_id, processed_at)
        return ledger

    def __contains__(self, update_id: int) -> bool:
        return update_id in self._handled

    def __len__(self) -> int:
        return len(self._handled)

    def add(self, update_id: int, processed_at: datetime) -> None:
        self._handled[update_id] = processed_at

    def forget_before(self, cutoff: datetime) -> None:
        self._handled = {u: at for u, at in self._handled.items() if at >= cutoff}
