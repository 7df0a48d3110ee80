"""Packages, payments and their states, invoices, and the ledgers of sessions and of Stars."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum

SUBSCRIPTION_PERIOD = timedelta(days=30)  # Telegram's only period: 2,592,000 seconds
MAX_PRICE = 10_000  # Stars, as Telegram takes for one invoice
NAME_LIMIT = 32  # an invoice's title in Telegram
PACK_LIMIT = 100  # sessions in one pack


class PackageKind(StrEnum):
    PROGRAM = "program"  # one-time: a plan the coach assigns on payment
    MONTHLY = "monthly"  # a subscription renewed every 30 days
    SESSIONS = "sessions"  # a pack of N coached sessions


@dataclass(frozen=True, slots=True)
class Included:
    """What a package gives besides its kind's own grant."""

    sessions_per_month: int = 0
    form_checks: bool = False
    messaging: bool = False


@dataclass(frozen=True, slots=True)
class PackageDraft:
    kind: PackageKind
    name: str
    price: int  # Stars
    included: Included = Included()
    sessions: int = 0  # a pack's size
    program_slug: str | None = None  # the plan a program package assigns
    # A paid track's price (docs/billing.md, "Paid tracks"): one-time is a PROGRAM, recurring
    # a MONTHLY, and the grant is access to the track instead of a plan or a subscription.
    track_id: int | None = None


@dataclass(frozen=True, slots=True)
class Package:
    id: int | None
    coach_id: int
    draft: PackageDraft
    created_at: datetime
    archived_at: datetime | None = None

    @property
    def offered(self) -> bool:
        return self.archived_at is None


class PaymentStatus(StrEnum):
    PENDING = "pending"  # an invoice was sent; nothing paid yet
    COMPLETED = "completed"  # Telegram took the Stars; the package was granted
    FAILED = "failed"  # the pre-checkout was refused
    REFUNDED = "refunded"  # the Stars went back to the athlete
    CANCELLED = "cancelled"  # the athlete withdrew the invoice before paying it


_MOVES: dict[PaymentStatus, frozenset[PaymentStatus]] = {
    PaymentStatus.PENDING: frozenset(
        {PaymentStatus.COMPLETED, PaymentStatus.FAILED, PaymentStatus.CANCELLED}
    ),
    # A refused pre-checkout may be retried by paying the same invoice again.
    PaymentStatus.FAILED: frozenset({PaymentStatus.COMPLETED, PaymentStatus.CANCELLED}),
    PaymentStatus.COMPLETED: frozenset({PaymentStatus.REFUNDED}),
    PaymentStatus.REFUNDED: frozenset(),
    # Taken money wins: a payment the athlete confirmed just before cancelling still counts.
    PaymentStatus.CANCELLED: frozenset({PaymentStatus.COMPLETED}),
}


class BadTransitionError(Exception):
    """A payment cannot go from its status to that one."""

    def __init__(self, current: PaymentStatus, target: PaymentStatus) -> None:
        super().__init__(f"{current} → {target}")
        self.current = current
        self.target = target


def moved(current: PaymentStatus, target: PaymentStatus) -> PaymentStatus:
    """The target status, if a payment in `current` may reach it."""
    if target not in _MOVES[current]:
        raise BadTransitionError(current, target)
    return target


@dataclass(frozen=True, slots=True)
class InvoiceLine:
    description: str
    quantity: int
    unit_price: int  # Stars

    @property
    def total(self) -> int:
        return self.quantity * self.unit_price


@dataclass(frozen=True, slots=True)
class Payment:
    """One invoice sent to an athlete and what became of it; its token is the invoice payload."""

    id: int | None
    token: str
    coach_id: int
    athlete_id: int
    package_id: int
    kind: PackageKind
    amount: int  # Stars, the package's price when the invoice was sent
    number: int  # the coach's invoice number: 1, 2, 3…
    lines: tuple[InvoiceLine, ...]
    status: PaymentStatus
    created_at: datetime
    charge_id: str | None = None
    paid_at: datetime | None = None
    refunded_at: datetime | None = None
    recurring: bool = False  # a subscription's renewal
    granted: bool = False  # its grant is done (a program waits for the coach's assign)
    track_subscription_id: int | None = None  # what a track's payment gives access to

    @property
    def total(self) -> int:
        return sum(line.total for line in self.lines)


def invoice_lines(draft: PackageDraft) -> tuple[InvoiceLine, ...]:
    """The invoice's lines: a pack is N sessions at its per-session price when that divides
    evenly, otherwise one line for the whole pack."""
    if draft.kind == PackageKind.SESSIONS and draft.price % draft.sessions == 0:
        return (InvoiceLine(draft.name, draft.sessions, draft.price // draft.sessions),)
    return (InvoiceLine(draft.name, 1, draft.price),)


def next_number(last: int | None) -> int:
    """A coach's invoice numbers run 1, 2, 3… with no gaps; a cancelled one keeps its number."""
    return 1 if last is None else last + 1


def paid_until(current: datetime | None, paid_at: datetime) -> datetime:
    """A subscription paid at `paid_at` runs 30 days on from whichever is later, the end of
    what was already paid or the payment."""
    start = paid_at if current is None or current < paid_at else current
    return start + SUBSCRIPTION_PERIOD


def shortened(current: datetime, now: datetime) -> datetime:
    """A refunded period taken off again, never into the past."""
    return max(current - SUBSCRIPTION_PERIOD, now)


class LedgerKind(StrEnum):
    """What moved in the ledger of what the bot owes a coach."""

    EARNED = "earned"  # an athlete's payment, credited to the bot's balance
    REFUNDED = "refunded"  # Stars returned to the athlete
    PAID_OUT = "paid_out"  # an admin paid the coach outside Telegram and recorded it


@dataclass(frozen=True, slots=True)
class Owed:
    """What the bot owes one coach, from its ledger: owed = earned − refunded − paid out."""

    earned: int = 0
    refunded: int = 0
    paid_out: int = 0

    @property
    def owed(self) -> int:
        return self.earned - self.refunded - self.paid_out


@dataclass(frozen=True, slots=True)
class Subscription:
    athlete_id: int
    coach_id: int
    package_id: int
    paid_until: datetime


@dataclass(frozen=True, slots=True)
class Balance:
    """An athlete's sessions left with one coach."""

    athlete_id: int
    coach_id: int
    sessions: int
