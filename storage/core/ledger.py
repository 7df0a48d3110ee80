"""Which Telegram updates were handled: the database keeps the record, memory answers quickly."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from storage.core.tables import ProcessedUpdateRow

SHARED_MEMORY = 100_000  # update ids a cluster worker remembers before it forgets the oldest


class HandledUpdates:
    """The ledger's recent rows in memory, so checking an update costs no query.

    One bot process owns the database (two pollers on one token get 409 from Telegram), so
    what this process committed plus what it loaded at start-up is the whole ledger. Workers
    of a cluster share the database: there memory only remembers this worker's updates, and
    an update it has not seen is looked up in the table (`shared`), because another worker may
    have handled it before dying unanswered, and answering it again would say things twice.
    """

    def __init__(self, shared: async_sessionmaker[AsyncSession] | None = None) -> None:
        self._handled: dict[int, datetime] = {}
        self._shared = shared

    async def seen(self, update_id: int) -> bool:
        """Whether the update was handled, by this process or (when shared) by any."""
        if update_id in self._handled:
            return True
        if self._shared is None:
            return False
        async with self._shared() as session:
            at = await session.scalar(
                select(ProcessedUpdateRow.processed_at).where(
                    ProcessedUpdateRow.update_id == update_id
                )
            )
        if at is not None:
            self.add(update_id, at)
        return at is not None

    @classmethod
    async def load(
        cls,
        session_factory: async_sessionmaker[AsyncSession],
        since: datetime,
        *,
        shared: bool = False,
    ) -> HandledUpdates:
        ledger = cls(session_factory if shared else None)
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
        if self._shared is not None and len(self._handled) > SHARED_MEMORY:
            # Memory is only a shortcut when SQL is asked anyway, and a worker that does not
            # lead never runs the job that prunes it: the oldest quarter goes.
            oldest = list(self._handled)[: SHARED_MEMORY // 4]
            for seen in oldest:
                del self._handled[seen]

    def forget_before(self, cutoff: datetime) -> None:
        self._handled = {u: at for u, at in self._handled.items() if at >= cutoff}
