"""What the account context needs from storage: every row that names an athlete."""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

from domain.coaching.ports import CoachingUnitOfWork

if TYPE_CHECKING:
    from domain.account.model import ExportedSet, Rows


class AccountRepository(Protocol):
    async def rows(self, athlete_id: int) -> Rows:
        """Every stored row that names the athlete, and the rows that belong to those (a
        workout's sets, a coaching's messages), by table, as JSON-ready values."""
        ...

    async def sets(self, athlete_id: int) -> list[ExportedSet]:
        """Every set the athlete did, in finished workouts, oldest first."""
        ...

    async def erase(self, athlete_id: int) -> dict[str, int]:
        """Removes every row that names the athlete (or clears their id from a row others
        share); returns how many rows per table."""
        ...


class AccountUnitOfWork(CoachingUnitOfWork, Protocol):
    @property
    def account(self) -> AccountRepository: ...
