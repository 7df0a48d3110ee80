"""What the health context needs from storage: the record, the contacts, acknowledgements."""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

from domain.shared.ports import Transaction

if TYPE_CHECKING:
    from datetime import datetime

    from domain.athletes.ports import UserRepository
    from domain.health.model import EmergencyContact, HealthRecord


class HealthRepository(Protocol):
    async def record(self, athlete_id: int, *, lock: bool = False) -> HealthRecord | None: ...

    async def save(self, record: HealthRecord) -> None:
        """Keeps the record, replacing the athlete's earlier one."""
        ...

    async def contacts(self, athlete_id: int) -> list[EmergencyContact]:
        """The athlete's emergency contacts, oldest first."""
        ...

    async def add_contact(self, contact: EmergencyContact) -> EmergencyContact: ...

    async def remove_contact(self, contact_id: int) -> None: ...

    async def set_primary(self, athlete_id: int, contact_id: int) -> None:
        """Makes this contact the athlete's primary one and none of the others."""
        ...

    async def acknowledged(self, athlete_id: int, coach_id: int) -> frozenset[int]:
        """The PAR-Q questions whose yes this coach has acknowledged for this athlete."""
        ...

    async def acknowledge(
        self, athlete_id: int, coach_id: int, questions: frozenset[int], at: datetime
    ) -> None:
        """Records what the coach acknowledged, replacing what they had before."""
        ...

    async def withdraw(self, athlete_id: int, question: int) -> None:
        """Takes the question out of every coach's acknowledgement for this athlete."""
        ...


class HealthUnitOfWork(Transaction, Protocol):
    @property
    def users(self) -> UserRepository: ...

    @property
    def health(self) -> HealthRepository: ...
