"""The reminders' table: an athlete's choices and when each message is next due."""

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
)
from sqlalchemy.orm import Mapped, mapped_column

from storage.core.columns import UtcDateTime
from storage.core.tables import Base


class ReminderRow(Base):
    """An athlete's reminder choices and when each kind of message is next due (UTC)."""

    __tablename__ = "reminders"

    athlete_id: Mapped[int] = mapped_column(
        ForeignKey("users.telegram_id", ondelete="CASCADE"), primary_key=True, autoincrement=False
    )
    enabled: Mapped[bool] = mapped_column(Boolean)
    days: Mapped[int] = mapped_column(Integer)  # bit n: weekday n (0 Monday … 6 Sunday)
    at_minute: Mapped[int] = mapped_column(Integer)  # local time of day, minutes after midnight
    quiet_start: Mapped[int | None] = mapped_column(Integer)  # minutes after midnight
    quiet_end: Mapped[int | None] = mapped_column(Integer)
    weekly_summary: Mapped[bool] = mapped_column(Boolean)
    since: Mapped[datetime | None] = mapped_column(UtcDateTime())
    time_zone: Mapped[str | None] = mapped_column(String(64))  # the due times' zone
    next_due: Mapped[datetime | None] = mapped_column(UtcDateTime())
    check_day: Mapped[date | None] = mapped_column(Date)
    check_due: Mapped[datetime | None] = mapped_column(UtcDateTime())
    summary_due: Mapped[datetime | None] = mapped_column(UtcDateTime())

    __table_args__ = (
        Index(None, "next_due"),
        Index(None, "check_due"),
        Index(None, "summary_due"),
        CheckConstraint("days BETWEEN 0 AND 127", name="days"),
        CheckConstraint("at_minute BETWEEN 0 AND 1439", name="at_minute"),
        CheckConstraint(
            "(quiet_start IS NULL AND quiet_end IS NULL) OR (quiet_start BETWEEN 0 AND 1439"
            " AND quiet_end BETWEEN 0 AND 1439 AND quiet_start <> quiet_end)",
            name="quiet",
        ),
    )
