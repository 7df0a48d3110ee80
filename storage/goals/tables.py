"""Goals' tables: the athletes' goals and the assessments their coaches record."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import BigInteger, CheckConstraint, Date, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from domain.goals.model import GoalKind, GoalStatus
from storage.core.columns import ExactDecimal, UtcDateTime, one_of
from storage.core.tables import Base


class GoalRow(Base):
    __tablename__ = "goals"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    athlete_id: Mapped[int] = mapped_column(ForeignKey("users.telegram_id", ondelete="CASCADE"))
    kind: Mapped[str] = mapped_column(String(16))
    subject: Mapped[str | None] = mapped_column(String(60))
    target: Mapped[Decimal] = mapped_column(ExactDecimal())
    unit: Mapped[str | None] = mapped_column(String(2))
    due: Mapped[date] = mapped_column(Date)
    status: Mapped[str] = mapped_column(String(10))
    start: Mapped[Decimal | None] = mapped_column(ExactDecimal())
    created_at: Mapped[datetime] = mapped_column(UtcDateTime())
    reached_at: Mapped[datetime | None] = mapped_column(UtcDateTime())

    __table_args__ = (
        Index("ix_goals_athlete", "athlete_id"),
        Index("ix_goals_status", "status"),
        CheckConstraint(one_of("kind", GoalKind), name="kind"),
        CheckConstraint(one_of("status", GoalStatus), name="status"),
    )


class AssessmentRow(Base):
    __tablename__ = "assessments"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    athlete_id: Mapped[int] = mapped_column(ForeignKey("users.telegram_id", ondelete="CASCADE"))
    coach_id: Mapped[int] = mapped_column(BigInteger)  # kept when the coaching ends
    day: Mapped[date] = mapped_column(Date)
    tests: Mapped[str] = mapped_column(Text)
    notes: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime())

    __table_args__ = (Index("ix_assessments_athlete", "athlete_id", "day"),)


class AssessmentPromptRow(Base):
    """A message the coach replies to with an assessment of the client named."""

    __tablename__ = "assessment_prompts"

    chat_id: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=False)
    message_id: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=False)
    coach_id: Mapped[int] = mapped_column(BigInteger)
    athlete_id: Mapped[int] = mapped_column(ForeignKey("users.telegram_id", ondelete="CASCADE"))
    created_at: Mapped[datetime] = mapped_column(UtcDateTime())
