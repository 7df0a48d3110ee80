"""What the domain needs from the outside world, as Protocols the adapters implement."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from domain.users import User


class Clock(Protocol):
    def now(self) -> datetime:
        """The current time, timezone-aware, in UTC."""
        ...


class UserRepository(Protocol):
    async def get(self, telegram_id: int) -> User | None: ...

    async def add(self, user: User) -> None: ...

    async def update(self, user: User) -> None: ...


class UnitOfWork(Protocol):
    """One transaction: the repositories see and change the same data, committed at once."""

    @property
    def users(self) -> UserRepository: ...

    async def commit(self) -> None: ...

    async def rollback(self) -> None: ...
