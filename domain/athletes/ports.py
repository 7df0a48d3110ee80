"""What the athletes context needs from storage."""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

from domain.shared.ports import Transaction

if TYPE_CHECKING:
    from domain.athletes.model import User


class UserRepository(Protocol):
    async def get(self, telegram_id: int) -> User | None: ...

    async def add(self, user: User) -> None: ...

    async def update(self, user: User) -> None: ...


class AthletesUnitOfWork(Transaction, Protocol):
    """A transaction over the athletes' profiles and preferences."""

    @property
    def users(self) -> UserRepository: ...
