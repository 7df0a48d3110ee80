"""Classes' tables: a team's classes (weekly or one-off), the dates a class does not happen,
its occurrences (stored when first needed), bookings, the team's class settings and who asked
for no reminders."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Date,
    ForeignKey,
    Index,
    Integer,
    String,
    UniqueConstraint,
    false,
)
from sqlalchemy.orm import Mapped, mapped_column

from domain.teams.classes import Attendance, BookingStatus
from storage.core.columns import UtcDateTime, one_of
from storage.core.tables import Base


class TeamClassRow(Base):
    __tablename__ = "team_classes"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    team_id: Mapped[int] = mapped_column(ForeignKey("teams.id", ondelete="CASCADE"), index=True)
    coach_id: Mapped[int | None] = mapped_column(
        ForeignKey("users.telegram_id", ondelete="SET NULL")
    )
    weekdays: Mapped[int] = mapped_column(Integer)  # a bit per weekday, Monday = 1; 0: one-off
    once_on: Mapped[date | None] = mapped_column(Date)  # a one-off class's date
    start_minute: Mapped[int] = mapped_column(Integer)  # local wall-clock minutes past midnight
    duration_minutes: Mapped[int] = mapped_column(Integer)
    capacity: Mapped[int] = mapped_column(Integer)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime())

    __table_args__ = (
        CheckConstraint("(weekdays = 0) <> (once_on IS NULL)", name="weekly_or_once"),
        CheckConstraint("capacity > 0", name="capacity"),
        CheckConstraint("duration_minutes > 0", name="duration"),
        CheckConstraint("start_minute >= 0 AND start_minute < 1440", name="start"),
    )


class TeamClassExceptionRow(Base):
    __tablename__ = "team_class_exceptions"

    class_id: Mapped[int] = mapped_column(
        ForeignKey("team_classes.id", ondelete="CASCADE"), primary_key=True
    )
    day: Mapped[date] = mapped_column(Date, primary_key=True)


class TeamClassOccurrenceRow(Base):
    __tablename__ = "team_class_occurrences"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    class_id: Mapped[int] = mapped_column(ForeignKey("team_classes.id", ondelete="CASCADE"))
    day: Mapped[date] = mapped_column(Date)
    starts_at: Mapped[datetime] = mapped_column(UtcDateTime(), index=True)

    __table_args__ = (UniqueConstraint("class_id", "day"),)


class TeamClassBookingRow(Base):
    __tablename__ = "team_class_bookings"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    occurrence_id: Mapped[int] = mapped_column(
        ForeignKey("team_class_occurrences.id", ondelete="CASCADE")
    )
    user_id: Mapped[int] = mapped_column(ForeignKey("users.telegram_id", ondelete="CASCADE"))
    status: Mapped[str] = mapped_column(String(10))
    seq: Mapped[int] = mapped_column(Integer)
    booked_at: Mapped[datetime] = mapped_column(UtcDateTime())
    cancelled_at: Mapped[datetime | None] = mapped_column(UtcDateTime())
    late: Mapped[bool] = mapped_column(Boolean, server_default=false())
    attendance: Mapped[str | None] = mapped_column(String(10))

    __table_args__ = (
        # one booking per person and occurrence: a second RSVP finds the first
        UniqueConstraint("occurrence_id", "user_id"),
        CheckConstraint(one_of("status", BookingStatus), name="status"),
        CheckConstraint(one_of("attendance", Attendance), name="attendance"),
        Index("ix_team_class_bookings_user", "user_id"),
    )


class TeamClassSettingsRow(Base):
    __tablename__ = "team_class_settings"

    team_id: Mapped[int] = mapped_column(
        ForeignKey("teams.id", ondelete="CASCADE"), primary_key=True
    )
    late_cancel_minutes: Mapped[int] = mapped_column(Integer)
    reminder_minutes: Mapped[int] = mapped_column(Integer)


class TeamClassReminderOptOutRow(Base):
    __tablename__ = "team_class_reminder_optouts"

    team_id: Mapped[int] = mapped_column(
        ForeignKey("teams.id", ondelete="CASCADE"), primary_key=True
    )
    user_id: Mapped[int] = mapped_column(
        ForeignKey("users.telegram_id", ondelete="CASCADE"), primary_key=True
    )
