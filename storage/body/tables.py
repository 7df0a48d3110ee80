"""Body's tables: measurements and photos by the athlete's local day, and the weigh-in reminder."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import Boolean, CheckConstraint, Date, ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column

from domain.body.model import Pose
from storage.core.columns import ExactDecimal, UtcDateTime, one_of
from storage.core.tables import Base


class BodyMeasurementRow(Base):
    """One measurement of a day (kg, %, cm by its name); the day's last one of a name is kept."""

    __tablename__ = "body_measurements"

    athlete_id: Mapped[int] = mapped_column(
        ForeignKey("users.telegram_id", ondelete="CASCADE"), primary_key=True
    )
    day: Mapped[date] = mapped_column(Date, primary_key=True)  # the athlete's local day
    name: Mapped[str] = mapped_column(String(24), primary_key=True)
    value: Mapped[Decimal] = mapped_column(ExactDecimal(10, 3))
    logged_at: Mapped[datetime] = mapped_column(UtcDateTime())


class BodyPhotoRow(Base):
    """A progress photo by its Telegram ids (never the picture): one per pose a day."""

    __tablename__ = "body_photos"

    athlete_id: Mapped[int] = mapped_column(
        ForeignKey("users.telegram_id", ondelete="CASCADE"), primary_key=True
    )
    day: Mapped[date] = mapped_column(Date, primary_key=True)
    pose: Mapped[str] = mapped_column(String(8), primary_key=True)
    file_id: Mapped[str] = mapped_column(String(255))
    file_unique_id: Mapped[str] = mapped_column(String(64))
    logged_at: Mapped[datetime] = mapped_column(UtcDateTime())

    __table_args__ = (CheckConstraint(one_of("pose", Pose), name="pose"),)


class BodyReminderRow(Base):
    """An athlete who asked for the weekly weigh-in reminder (a row only once they chose)."""

    __tablename__ = "body_reminders"

    athlete_id: Mapped[int] = mapped_column(
        ForeignKey("users.telegram_id", ondelete="CASCADE"), primary_key=True
    )
    enabled: Mapped[bool] = mapped_column(Boolean)
