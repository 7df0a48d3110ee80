"""What the domain needs from the outside world, as Protocols the adapters implement."""

from __future__ import annotations

from datetime import datetime
from types import TracebackType
from typing import TYPE_CHECKING, Protocol, Self

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
    """`async with uow:` is one short transaction; what is not committed is rolled back on exit.

    A use case enters it, reads, decides, writes, commits, and leaves: a transaction never
    spans a call to Telegram.
    """

    @property
    def users(self) -> UserRepository: ...

    async def __aenter__(self) -> Self: ...

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None: ...

    async def commit(self) -> None: ...

    async def rollback(self) -> None: ...
