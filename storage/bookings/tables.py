"""Bookings' tables: a coach's weekly windows, recurring series, bookings (a slot's seat held
once among active bookings: a partial unique index), and each athlete's reminder offsets."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import CheckConstraint, Date, ForeignKey, Index, Integer, String, Text, text
from sqlalchemy.orm import Mapped, mapped_column

from domain.bookings.model import ACTIVE, BookingStatus
from domain.bookings.recurrence import Frequency
from storage.core.columns import UtcDateTime, one_of
from storage.core.tables import Base

# The statuses that hold a slot, as SQL, for the partial indexes (sorted: a stable migration).
HOLDS_SLOT = "status IN ({})".format(", ".join(f"'{s.value}'" for s in sorted(ACTIVE)))


class BookingWindowRow(Base):
    __tablename__ = "booking_windows"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    coach_id: Mapped[int] = mapped_column(
        ForeignKey("users.telegram_id", ondelete="CASCADE"), index=True
    )
    weekdays: Mapped[int] = mapped_column(Integer)  # a bit per weekday, Monday = 1
    start_minute: Mapped[int] = mapped_column(Integer)  # the coach's wall clock
    end_minute: Mapped[int] = mapped_column(Integer)
    slot_minutes: Mapped[int] = mapped_column(Integer)
    buffer_minutes: Mapped[int] = mapped_column(Integer)
    valid_from: Mapped[date | None] = mapped_column(Date)
    valid_until: Mapped[date | None] = mapped_column(Date)
    capacity: Mapped[int] = mapped_column(Integer)
    price: Mapped[int | None] = mapped_column(Integer)  # Stars a person

    __table_args__ = (
        CheckConstraint("weekdays > 0 AND weekdays < 128", name="weekdays"),
        CheckConstraint("start_minute >= 0 AND end_minute < 1440", name="minutes"),
        CheckConstraint("slot_minutes > 0 AND buffer_minutes >= 0", name="lengths"),
        CheckConstraint("capacity > 0", name="capacity"),
    )


class BookingSeriesRow(Base):
    __tablename__ = "booking_series"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    athlete_id: Mapped[int] = mapped_column(
        ForeignKey("users.telegram_id", ondelete="CASCADE"), index=True
    )
    coach_id: Mapped[int] = mapped_column(ForeignKey("users.telegram_id", ondelete="CASCADE"))
    frequency: Mapped[str] = mapped_column(String(10))
    first_day: Mapped[date] = mapped_column(Date)
    at_minute: Mapped[int] = mapped_column(Integer)  # the coach's wall clock
    until: Mapped[date | None] = mapped_column(Date)
    count: Mapped[int | None] = mapped_column(Integer)
    exceptions: Mapped[str] = mapped_column(Text)  # ISO dates, comma-separated

    __table_args__ = (CheckConstraint(one_of("frequency", Frequency), name="frequency"),)


class BookingRow(Base):
    __tablename__ = "bookings"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    coach_id: Mapped[int] = mapped_column(ForeignKey("users.telegram_id", ondelete="CASCADE"))
    athlete_id: Mapped[int] = mapped_column(ForeignKey("users.telegram_id", ondelete="CASCADE"))
    starts_at: Mapped[datetime] = mapped_column(UtcDateTime())
    ends_at: Mapped[datetime] = mapped_column(UtcDateTime())
    status: Mapped[str] = mapped_column(String(12))
    seat: Mapped[int] = mapped_column(Integer)
    capacity: Mapped[int] = mapped_column(Integer)
    price: Mapped[int | None] = mapped_column(Integer)
    booked_at: Mapped[datetime] = mapped_column(UtcDateTime())
    series_id: Mapped[int | None] = mapped_column(
        ForeignKey("booking_series.id", ondelete="SET NULL")
    )
    moved_to: Mapped[int | None] = mapped_column(ForeignKey("bookings.id", ondelete="SET NULL"))

    __table_args__ = (
        CheckConstraint(one_of("status", BookingStatus), name="status"),
        CheckConstraint("seat > 0 AND seat <= capacity", name="seat"),
        # Two people never hold the same seat of a slot: whichever insert comes second finds
        # this index and is refused, on SQLite and PostgreSQL alike.
        Index(
            "uq_bookings_seat",
            "coach_id",
            "starts_at",
            "seat",
            unique=True,
            sqlite_where=text(HOLDS_SLOT),
            postgresql_where=text(HOLDS_SLOT),
        ),
        # and one person holds one seat of a (group) slot
        Index(
            "uq_bookings_athlete_slot",
            "athlete_id",
            "coach_id",
            "starts_at",
            unique=True,
            sqlite_where=text(HOLDS_SLOT),
            postgresql_where=text(HOLDS_SLOT),
        ),
        Index("ix_bookings_starts_at", "starts_at"),
    )


class BookingReminderRow(Base):
    """An athlete's own reminder offsets; no row: the defaults."""

    __tablename__ = "booking_reminders"

    athlete_id: Mapped[int] = mapped_column(
        ForeignKey("users.telegram_id", ondelete="CASCADE"), primary_key=True
    )
    minutes: Mapped[str] = mapped_column(Text)  # comma-separated; empty: no reminders
