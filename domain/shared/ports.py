"""What every context needs from outside: the time, and a transaction to work in."""

from __future__ import annotations

from datetime import datetime
from types import TracebackType
from typing import Protocol, Self


class Clock(Protocol):
    def now(self) -> datetime:
        """The current time, timezone-aware, in UTC."""
        ...


class Transaction(Protocol):
    """`async with uow:` is one short transaction; what is not committed is rolled back on exit.

    A use case enters it, reads, decides, writes, commits, and leaves: a transaction never
    spans a call to Telegram. Each context's unit of work adds its repositories to this.
    """

    async def __aenter__(self) -> Self: ...

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None: ...

    async def commit(self) -> None: ...

    async def rollback(self) -> None: ...
