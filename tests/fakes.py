"""In-memory stand-ins for the domain's ports, for fast unit tests."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime

from domain.users import User


@dataclass
class FixedClock:
    current: datetime = field(default_factory=lambda: datetime(2026, 3, 2, 9, 30, tzinfo=UTC))

    def now(self) -> datetime:
        return self.current


class InMemoryUsers:
    def __init__(self) -> None:
        self.rows: dict[int, User] = {}

    async def get(self, telegram_id: int) -> User | None:
        return self.rows.get(telegram_id)

    async def add(self, user: User) -> None:
        assert user.telegram_id not in self.rows, "add() of a user who exists"
        self.rows[user.telegram_id] = user

    async def update(self, user: User) -> None:
        assert user.telegram_id in self.rows, "update() of a user who does not exist"
        self.rows[user.telegram_id] = user


class InMemoryUnitOfWork:
    """Changes become visible to `committed` only on commit, like a real transaction."""

    def __init__(self) -> None:
        self._users = InMemoryUsers()
        self.committed: dict[int, User] = {}
        self.commits = 0

    @property
    def users(self) -> InMemoryUsers:
        return self._users

    async def __aenter__(self) -> InMemoryUnitOfWork:
        return self

    async def __aexit__(self, *_: object) -> None:
        await self.rollback()

    async def commit(self) -> None:
        self.committed = dict(self._users.rows)
        self.commits += 1

    async def rollback(self) -> None:
        self._users.rows = dict(self.committed)
