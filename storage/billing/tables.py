"""Billing's tables: packages, payments (each an invoice, numbered per coach), Telegram's
charges seen, and three ledgers: sessions, subscriptions' paid-until, and Stars owed to coaches."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import (
    BigInteger,
    Boolean,
    CheckConstraint,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

from domain.billing.model import LedgerKind, PackageKind, PaymentStatus
from storage.core.columns import UtcDateTime, one_of
from storage.core.tables import Base

_USER = "users.telegram_id"


class BillingPackageRow(Base):
    __tablename__ = "billing_packages"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    coach_id: Mapped[int] = mapped_column(ForeignKey(_USER, ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(10))
    name: Mapped[str] = mapped_column(String(32))
    price: Mapped[int] = mapped_column(Integer)
    sessions: Mapped[int] = mapped_column(Integer)
    program_slug: Mapped[str | None] = mapped_column(String(64))
    sessions_per_month: Mapped[int] = mapped_column(Integer)
    form_checks: Mapped[bool] = mapped_column(Boolean)
    messaging: Mapped[bool] = mapped_column(Boolean)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime())
    archived_at: Mapped[datetime | None] = mapped_column(UtcDateTime())
    # A paid track's price: bought through a subscription to it, never from /billing's list;
    # it goes with the track (an owner's erasure deletes their tracks), as a coach's go with them.
    track_id: Mapped[int | None] = mapped_column(
        ForeignKey("tracks.id", ondelete="CASCADE"), index=True
    )

    __table_args__ = (
        CheckConstraint(one_of("kind", PackageKind), name="kind"),
        CheckConstraint("price > 0", name="price"),
    )


class BillingInvoiceCounterRow(Base):
    """The coach's last invoice number, taken by an UPDATE so two invoices never share one."""

    __tablename__ = "billing_invoice_counters"

    coach_id: Mapped[int] = mapped_column(
        ForeignKey(_USER, ondelete="CASCADE"), primary_key=True, autoincrement=False
    )
    last: Mapped[int] = mapped_column(Integer)


class BillingPaymentRow(Base):
    __tablename__ = "billing_payments"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    token: Mapped[str] = mapped_column(String(32), unique=True)
    coach_id: Mapped[int] = mapped_column(ForeignKey(_USER, ondelete="CASCADE"))
    athlete_id: Mapped[int] = mapped_column(ForeignKey(_USER, ondelete="CASCADE"), index=True)
    package_id: Mapped[int] = mapped_column(ForeignKey("billing_packages.id", ondelete="CASCADE"))
    kind: Mapped[str] = mapped_column(String(10))
    amount: Mapped[int] = mapped_column(Integer)
    number: Mapped[int] = mapped_column(Integer)
    lines: Mapped[str] = mapped_column(Text)  # JSON: [[description, quantity, unit price]]
    status: Mapped[str] = mapped_column(String(10))
    created_at: Mapped[datetime] = mapped_column(UtcDateTime())
    charge_id: Mapped[str | None] = mapped_column(String(255))
    paid_at: Mapped[datetime | None] = mapped_column(UtcDateTime())
    refunded_at: Mapped[datetime | None] = mapped_column(UtcDateTime())
    recurring: Mapped[bool] = mapped_column(Boolean)
    granted: Mapped[bool] = mapped_column(Boolean)
    # A paid track's payment: the subscription (a person's or a team's) it gives access to.
    track_subscription_id: Mapped[int | None] = mapped_column(
        ForeignKey("track_subscriptions.id", ondelete="SET NULL")
    )

    __table_args__ = (
        UniqueConstraint("coach_id", "number", name="uq_billing_payments_coach_number"),
        Index("ix_billing_payments_waiting", "kind", "status", "granted"),
        CheckConstraint(one_of("kind", PackageKind), name="kind"),
        CheckConstraint(one_of("status", PaymentStatus), name="status"),
    )


class BillingChargeRow(Base):
    """A Telegram charge recorded: its id is the key that makes a payment count once."""

    __tablename__ = "billing_charges"

    charge_id: Mapped[str] = mapped_column(String(255), primary_key=True)
    payment_id: Mapped[int] = mapped_column(
        ForeignKey("billing_payments.id", ondelete="CASCADE"), index=True
    )
    recorded_at: Mapped[datetime] = mapped_column(UtcDateTime())


class BillingSessionLineRow(Base):
    """A line of an athlete's session ledger with a coach: bought, refunded or drawn."""

    __tablename__ = "billing_session_lines"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    athlete_id: Mapped[int] = mapped_column(ForeignKey(_USER, ondelete="CASCADE"))
    coach_id: Mapped[int] = mapped_column(ForeignKey(_USER, ondelete="CASCADE"))
    reason: Mapped[str] = mapped_column(String(10))  # bought | refunded | drawn
    delta: Mapped[int] = mapped_column(Integer)
    at: Mapped[datetime] = mapped_column(UtcDateTime())
    payment_id: Mapped[int | None] = mapped_column(
        ForeignKey("billing_payments.id", ondelete="CASCADE")
    )
    appointment_id: Mapped[int | None] = mapped_column(BigInteger, unique=True)

    __table_args__ = (
        UniqueConstraint("payment_id", "reason", name="uq_billing_session_lines_payment"),
        Index("ix_billing_session_lines_pair", "athlete_id", "coach_id"),
    )


class BillingSessionBalanceRow(Base):
    """The ledger's sum, kept so that a draw is one UPDATE that cannot go below zero."""

    __tablename__ = "billing_session_balances"

    athlete_id: Mapped[int] = mapped_column(
        ForeignKey(_USER, ondelete="CASCADE"), primary_key=True, autoincrement=False
    )
    coach_id: Mapped[int] = mapped_column(
        ForeignKey(_USER, ondelete="CASCADE"), primary_key=True, autoincrement=False
    )
    sessions: Mapped[int] = mapped_column(Integer)

    __table_args__ = (CheckConstraint("sessions >= 0", name="sessions"),)


class BillingSubscriptionRow(Base):
    __tablename__ = "billing_subscriptions"

    athlete_id: Mapped[int] = mapped_column(
        ForeignKey(_USER, ondelete="CASCADE"), primary_key=True, autoincrement=False
    )
    coach_id: Mapped[int] = mapped_column(
        ForeignKey(_USER, ondelete="CASCADE"), primary_key=True, autoincrement=False
    )
    package_id: Mapped[int] = mapped_column(ForeignKey("billing_packages.id", ondelete="CASCADE"))
    paid_until: Mapped[datetime] = mapped_column(UtcDateTime(), index=True)


class BillingCoachLedgerRow(Base):
    """What the bot owes a coach, line by line: earned, refunded, paid out (docs/billing.md)."""

    __tablename__ = "billing_coach_ledger"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    coach_id: Mapped[int] = mapped_column(ForeignKey(_USER, ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(10))
    stars: Mapped[int] = mapped_column(Integer)
    at: Mapped[datetime] = mapped_column(UtcDateTime())
    payment_id: Mapped[int | None] = mapped_column(
        ForeignKey("billing_payments.id", ondelete="SET NULL")
    )
    by: Mapped[int | None] = mapped_column(BigInteger)  # the admin who recorded a payout

    __table_args__ = (
        UniqueConstraint("payment_id", "kind", name="uq_billing_coach_ledger_payment"),
        CheckConstraint(one_of("kind", LedgerKind), name="kind"),
        CheckConstraint("stars > 0", name="stars"),
    )
