"""What billing needs from storage: packages, payments with their invoices, and the ledgers."""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

from domain.coaching.ports import CoachingUnitOfWork
from domain.teams.ports import TracksUnitOfWork

if TYPE_CHECKING:
    from collections.abc import Sequence
    from datetime import datetime

    from domain.athletes.model import User
    from domain.billing.model import (
        Balance,
        LedgerKind,
        Owed,
        Package,
        Payment,
        PaymentStatus,
        Subscription,
    )


class PackageRepository(Protocol):
    async def add(self, package: Package) -> Package:
        """Stores a new package; returns it with its id."""
        ...

    async def get(self, package_id: int) -> Package | None: ...

    async def offered(self, coach_id: int) -> list[Package]:
        """The coach's packages not archived, oldest first; tracks' prices are not among them."""
        ...

    async def archive(self, package_id: int, at: datetime) -> None: ...

    async def set_price(self, package_id: int, price: int) -> None: ...

    async def for_track(self, track_id: int) -> Package | None:
        """The offered package that prices that track, if it is paid."""
        ...


class PaymentRepository(Protocol):
    async def next_number(self, coach_id: int) -> int:
        """The coach's next invoice number, taken for good (two callers never get the same)."""
        ...

    async def add(self, payment: Payment) -> Payment: ...

    async def get(self, payment_id: int, *, lock: bool = False) -> Payment | None: ...

    async def by_token(self, token: str, *, lock: bool = False) -> Payment | None: ...

    async def by_charge(self, charge_id: str) -> Payment | None: ...

    async def open_invoice(
        self,
        athlete_id: int,
        package_id: int,
        amount: int,
        *,
        track_subscription_id: int | None = None,
    ) -> Payment | None:
        """The athlete's unpaid invoice for that package at that price (and for that track's
        subscription), if one is open."""
        ...

    async def record_charge(self, charge_id: str, payment_id: int, at: datetime) -> bool:
        """Remembers a Telegram charge; False (and nothing changes) if it was seen before."""
        ...

    async def set_status(
        self,
        payment_id: int,
        status: PaymentStatus,
        at: datetime,
        *,
        charge_id: str | None = None,
    ) -> None:
        """COMPLETED sets paid_at (and the charge), REFUNDED sets refunded_at."""
        ...

    async def mark_granted(self, payment_id: int) -> None: ...

    async def of_athlete(self, athlete_id: int, limit: int) -> list[Payment]:
        """The athlete's invoices, newest first."""
        ...

    async def of_coach(
        self, coach_id: int, athlete_ids: Sequence[int], limit: int
    ) -> list[Payment]:
        """The coach's invoices to these athletes, newest first."""
        ...

    async def of_track_owner(self, owner_id: int, limit: int) -> list[Payment]:
        """The invoices for this owner's paid tracks, whoever paid them, newest first."""
        ...

    async def ungranted_programs(self, limit: int) -> list[Payment]:
        """Completed program payments whose plan is not assigned yet, oldest first."""
        ...


class BalanceRepository(Protocol):
    async def add_sessions(
        self,
        athlete_id: int,
        coach_id: int,
        delta: int,
        at: datetime,
        *,
        payment_id: int | None = None,
        appointment_id: int | None = None,
    ) -> bool:
        """A line in the session ledger; False (nothing changes) if that payment's line of
        that sign, or that appointment's draw, is there already, or a draw finds none left."""
        ...

    async def sessions(self, athlete_id: int, coach_id: int) -> int: ...

    async def drawn_for(self, appointment_id: int) -> bool:
        """Whether that appointment has taken its session."""
        ...

    async def balances(self, athlete_id: int) -> list[Balance]:
        """The athlete's session balances with every coach they bought sessions from."""
        ...

    async def subscription(self, athlete_id: int, coach_id: int) -> Subscription | None: ...

    async def save_subscription(self, subscription: Subscription) -> None: ...

    async def subscriptions(self, athlete_id: int) -> list[Subscription]: ...

    async def expiring(self, after: datetime, before: datetime) -> list[Subscription]:
        """Subscriptions paid until a moment between the two."""
        ...

    async def one_left(self) -> list[tuple[Balance, int]]:
        """Balances a draw left at one session, each with that draw's ledger line."""
        ...

    async def credit(
        self,
        coach_id: int,
        kind: LedgerKind,
        stars: int,
        at: datetime,
        *,
        payment_id: int | None = None,
        by: int | None = None,
    ) -> bool:
        """A line in what the bot owes the coach; False if that payment's line of that kind
        is there already."""
        ...

    async def owed(self, coach_id: int) -> Owed: ...

    async def owed_all(self) -> dict[int, Owed]:
        """Every coach with a line in the ledger."""
        ...


class BillingUnitOfWork(CoachingUnitOfWork, TracksUnitOfWork, Protocol):
    """A transaction over billing, the coaching and tracks it sells, and the outbox it fills."""

    @property
    def packages(self) -> PackageRepository: ...

    @property
    def payments(self) -> PaymentRepository: ...

    @property
    def balances(self) -> BalanceRepository: ...


class BillingWording(Protocol):
    """The words of what billing says unasked, in the recipient's language."""

    def paid_to_coach(self, coach: User, athlete: User, payment: Payment, name: str) -> str: ...

    def refunded_to_athlete(self, athlete: User, payment: Payment, name: str) -> str: ...

    def expiring(self, athlete: User, coach: User, subscription: Subscription) -> str: ...

    def one_left(self, athlete: User, coach: User) -> str: ...
