"""Chats that blocked or removed the bot: nothing more goes there until they speak again."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from domain.outbox.ports import OutboxUnitOfWork


class InactiveChats:
    """Chats that blocked the bot or removed it, held in memory so checking one costs no query.

    One bot process owns the database; what it loaded at start-up plus what it changed since
    is the whole list. The database (inactive_chats) stays the record.
    """

    def __init__(self, chat_ids: Iterable[int] = ()) -> None:
        self._ids = set(chat_ids)

    def __contains__(self, chat_id: object) -> bool:
        return chat_id in self._ids

    def __len__(self) -> int:
        return len(self._ids)

    def add(self, chat_id: int) -> None:
        self._ids.add(chat_id)

    def discard(self, chat_id: int) -> None:
        self._ids.discard(chat_id)


async def stop_talking_to(uow: OutboxUnitOfWork, chat_id: int, at: datetime, reason: str) -> int:
    """The chat blocked or removed the bot: nothing more goes there. Returns messages cancelled."""
    async with uow:
        cancelled = await uow.outbox.deactivate_chat(chat_id, at, reason)
        await uow.commit()
    return cancelled


async def resume_talking_to(uow: OutboxUnitOfWork, chat_id: int) -> bool:
    """The chat spoke again (or let the bot back in); True if it had been inactive."""
    async with uow:
        was_inactive = await uow.outbox.reactivate_chat(chat_id)
        await uow.commit()
    return was_inactive
