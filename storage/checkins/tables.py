"""Check-ins' tables: the day each athlete is asked, and each week's answers."""

from __future__ import annotations

from datetime import datetime, time

from sqlalchemy import ForeignKey, Index, Integer, SmallInteger, String, Time, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from storage.core.columns import UtcDateTime
from storage.core.tables import Base


class CheckInDayRow(Base):
    __tablename__ = "checkin_days"

    athlete_id: Mapped[int] = mapped_column(
        ForeignKey("users.telegram_id", ondelete="CASCADE"), primary_key=True, autoincrement=False
    )
    weekday: Mapped[int | None] = mapped_column(SmallInteger)  # Monday 0; None: not asked
    at: Mapped[time] = mapped_column(Time)  # local


class CheckInRow(Base):
    __tablename__ = "checkins"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    athlete_id: Mapped[int] = mapped_column(ForeignKey("users.telegram_id", ondelete="CASCADE"))
    week: Mapped[str] = mapped_column(String(8))  # ISO week, "2026-W10"
    sent_at: Mapped[datetime] = mapped_column(UtcDateTime())
    sleep: Mapped[int | None] = mapped_column(SmallInteger)
    energy: Mapped[int | None] = mapped_column(SmallInteger)
    stress: Mapped[int | None] = mapped_column(SmallInteger)
    soreness: Mapped[int | None] = mapped_column(SmallInteger)
    mood: Mapped[int | None] = mapped_column(SmallInteger)
    completed_at: Mapped[datetime | None] = mapped_column(UtcDateTime())

    __table_args__ = (
        UniqueConstraint("athlete_id", "week", name="uq_checkins_athlete_week"),
        Index("ix_checkins_completed", "completed_at"),
    )
