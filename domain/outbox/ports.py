"""What the outbox context needs from storage: the queue of messages sent unasked."""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

from domain.shared.ports import Transaction

if TYPE_CHECKING:
    from collections.abc import Sequence
    from datetime import datetime

    from domain.outbox.model import OutgoingMessage


class Outbox(Protocol):
    """Messages Spotter sends unasked, delivered later by the sender, each key at most once."""

    async def add(self, message: OutgoingMessage) -> bool:
        """Queues the message; False (and nothing changes) if its key was queued before."""
        ...

    async def add_all(self, messages: Sequence[OutgoingMessage]) -> int:
        """Queues the messages whose keys are new; returns how many."""
        ...

    async def deactivate_chat(self, chat_id: int, at: datetime, reason: str) -> int:
        """Marks the chat inactive and cancels what is queued for it; returns how many."""
        ...

    async def reactivate_chat(self, chat_id: int) -> bool:
        """Marks the chat active again; True if it was inactive."""
        ...


class OutboxUnitOfWork(Transaction, Protocol):
    """A transaction over the outbox."""

    @property
    def outbox(self) -> Outbox: ...
