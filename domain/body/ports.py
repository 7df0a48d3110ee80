"""What the body context needs from storage: progress entries and the weigh-in reminder."""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

from domain.athletes.ports import AthletesUnitOfWork
from domain.outbox.ports import OutboxUnitOfWork

if TYPE_CHECKING:
    from collections.abc import Sequence
    from datetime import date, datetime
    from decimal import Decimal

    from domain.athletes.model import Language
    from domain.body.model import Measurement, Photo, ProgressEntry


class BodyRepository(Protocol):
    async def record(
        self, athlete_id: int, day: date, measurements: Sequence[Measurement], at: datetime
    ) -> None:
        """Keeps the day's measurements; one already kept under a name that day is replaced."""
        ...

    async def add_photo(self, athlete_id: int, day: date, photo: Photo, at: datetime) -> None:
        """Keeps the day's photo of its pose, replacing one of that pose that day."""
        ...

    async def entries(self, athlete_id: int, since: date | None = None) -> list[ProgressEntry]:
        """The athlete's entries from `since` on (all without it), oldest first."""
        ...

    async def weights(self, athlete_id: int, since: date) -> list[tuple[date, Decimal]]:
        """The athlete's body weights (kg) from `since` on, one per day, oldest first."""
        ...

    async def reminder(self, athlete_id: int) -> bool:
        """Whether the athlete asked for the weekly weigh-in reminder."""
        ...

    async def set_reminder(self, athlete_id: int, on: bool) -> None: ...

    async def reminded(self) -> list[tuple[int, str]]:
        """Those who asked for the weigh-in reminder, with their time zones."""
        ...


class BodyUnitOfWork(AthletesUnitOfWork, OutboxUnitOfWork, Protocol):
    @property
    def body(self) -> BodyRepository: ...


class WeighInWording(Protocol):
    """The words of the weekly weigh-in reminder, in the recipient's language (HTML)."""

    def reminder(self, language: Language) -> str: ...
