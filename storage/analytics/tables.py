"""Analytics' table: one row per client, coach and local day of engagement."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Date, Float, ForeignKey, Index, Integer
from sqlalchemy.orm import Mapped, mapped_column

from storage.core.columns import UtcDateTime
from storage.core.tables import Base


class EngagementDayRow(Base):
    """What a client did on one of their local days; the job rewrites it, never adds another."""

    __tablename__ = "engagement_days"

    athlete_id: Mapped[int] = mapped_column(
        ForeignKey("users.telegram_id", ondelete="CASCADE"), primary_key=True, autoincrement=False
    )
    coach_id: Mapped[int] = mapped_column(
        ForeignKey("users.telegram_id", ondelete="CASCADE"), primary_key=True, autoincrement=False
    )
    day: Mapped[date] = mapped_column(Date, primary_key=True)
    sets_logged: Mapped[int] = mapped_column(Integer)
    workouts_finished: Mapped[int] = mapped_column(Integer)
    conditioning_results: Mapped[int] = mapped_column(Integer)
    videos_sent: Mapped[int] = mapped_column(Integer)
    messages_to_coach: Mapped[int] = mapped_column(Integer)
    check_ins_answered: Mapped[int] = mapped_column(Integer)
    sessions_done: Mapped[int] = mapped_column(Integer)
    completion: Mapped[float | None] = mapped_column(Float)
    last_activity: Mapped[datetime | None] = mapped_column(UtcDateTime())
    last_session: Mapped[datetime | None] = mapped_column(UtcDateTime())  # NULL before 0036

    __table_args__ = (Index("ix_engagement_days_coach_id_day", "coach_id", "day"),)
