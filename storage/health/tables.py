"""Health's tables: the record, emergency contacts, and what each coach acknowledged.

Every row names the athlete through `users.telegram_id` with ON DELETE CASCADE, so the
athlete's export finds it and erasing the athlete erases it.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, CheckConstraint, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from domain.health.model import FitnessLevel
from storage.core.columns import UtcDateTime, one_of
from storage.core.tables import Base


class HealthRecordRow(Base):
    __tablename__ = "health_records"

    athlete_id: Mapped[int] = mapped_column(
        ForeignKey("users.telegram_id", ondelete="CASCADE"), primary_key=True
    )
    parq: Mapped[str] = mapped_column(String(7))  # one of "y", "n", "-" (not yet) a question
    conditions: Mapped[str | None] = mapped_column(Text)
    injuries: Mapped[str | None] = mapped_column(Text)
    medications: Mapped[str | None] = mapped_column(Text)
    limitations: Mapped[str | None] = mapped_column(Text)
    fitness: Mapped[str | None] = mapped_column(String(12))
    intake_step: Mapped[int | None] = mapped_column(Integer)
    completed_at: Mapped[datetime | None] = mapped_column(UtcDateTime())
    updated_at: Mapped[datetime | None] = mapped_column(UtcDateTime())

    __table_args__ = (CheckConstraint(one_of("fitness", FitnessLevel), name="fitness"),)


class HealthContactRow(Base):
    __tablename__ = "health_contacts"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    athlete_id: Mapped[int] = mapped_column(ForeignKey("users.telegram_id", ondelete="CASCADE"))
    name: Mapped[str] = mapped_column(String(64))
    relation: Mapped[str] = mapped_column(String(64))
    phone: Mapped[str] = mapped_column(String(16))
    is_primary: Mapped[bool] = mapped_column(Boolean)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime())

    __table_args__ = (Index("ix_health_contacts_athlete", "athlete_id"),)


class HealthAcknowledgementRow(Base):
    """The yes answers a coach has read for a client: a bit per PAR-Q question."""

    __tablename__ = "health_acknowledgements"

    athlete_id: Mapped[int] = mapped_column(
        ForeignKey("users.telegram_id", ondelete="CASCADE"), primary_key=True
    )
    coach_id: Mapped[int] = mapped_column(
        ForeignKey("users.telegram_id", ondelete="CASCADE"), primary_key=True
    )
    questions: Mapped[int] = mapped_column(Integer)
    acknowledged_at: Mapped[datetime] = mapped_column(UtcDateTime())
