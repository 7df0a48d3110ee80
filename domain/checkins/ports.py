"""What check-ins need from storage, and the words of the question sent unasked."""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

from domain.shared.ports import Transaction

if TYPE_CHECKING:
    from collections.abc import Sequence
    from datetime import datetime

    from domain.athletes.model import User
    from domain.athletes.ports import UserRepository
    from domain.checkins.model import CheckIn, CheckInDay, Question
    from domain.outbox.ports import Outbox


class CheckInRepository(Protocol):
    async def day(self, athlete_id: int) -> CheckInDay:
        """When the athlete is asked (not at all when never set)."""
        ...

    async def set_day(self, day: CheckInDay) -> None: ...

    async def asked(self) -> list[CheckInDay]:
        """Every athlete who is asked, in id order."""
        ...

    async def add(self, check_in: CheckIn) -> CheckIn | None:
        """Keeps a week's check-in; None (and nothing changes) if that week's is kept."""
        ...

    async def get(self, check_in_id: int) -> CheckIn | None: ...

    async def save(self, check_in: CheckIn) -> None:
        """Stores a kept check-in's answers and when it was completed."""
        ...

    async def latest(self, athlete_id: int, limit: int) -> list[CheckIn]:
        """The athlete's completed check-ins, newest first."""
        ...

    async def completed_since(self, athlete_ids: Sequence[int], since: datetime) -> list[CheckIn]:
        """These athletes' check-ins completed since `since`, oldest first."""
        ...


class CoachLinks(Protocol):
    async def coach_of(self, athlete_id: int) -> int | None:
        """The athlete's current coach, if any."""
        ...


class CheckInWording(Protocol):
    def question(self, athlete: User, question: Question) -> str:
        """The question's text, in the athlete's language."""
        ...


class CheckInsUnitOfWork(Transaction, Protocol):
    @property
    def users(self) -> UserRepository: ...

    @property
    def checkins(self) -> CheckInRepository: ...

    @property
    def coach_links(self) -> CoachLinks: ...

    @property
    def outbox(self) -> Outbox: ...
