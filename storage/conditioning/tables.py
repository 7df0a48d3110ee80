"""Conditioning's tables: the workouts athletes were given or wrote (as text), and results."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import (
    BigInteger,
    Boolean,
    CheckConstraint,
    Float,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
)
from sqlalchemy.orm import Mapped, mapped_column

from domain.conditioning.model import WorkoutSource
from domain.conditioning.scores import Scheme, Status
from storage.core.columns import UtcDateTime, one_of
from storage.core.tables import Base


class ConditioningWorkoutRow(Base):
    """A workout as the athlete has it, as its text (which reads back exactly)."""

    __tablename__ = "conditioning_workouts"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    owner_id: Mapped[int] = mapped_column(ForeignKey("users.telegram_id", ondelete="CASCADE"))
    source: Mapped[str] = mapped_column(String(10))
    name: Mapped[str] = mapped_column(String(60))  # also in the text: kept to find retests
    definition: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime())

    __table_args__ = (
        Index("ix_conditioning_workouts_owner_name", "owner_id", "name"),
        CheckConstraint(one_of("source", WorkoutSource), name="source"),
    )


class ConditioningResultRow(Base):
    __tablename__ = "conditioning_results"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    athlete_id: Mapped[int] = mapped_column(ForeignKey("users.telegram_id", ondelete="CASCADE"))
    workout_id: Mapped[int] = mapped_column(
        ForeignKey("conditioning_workouts.id", ondelete="CASCADE")
    )
    scheme: Mapped[str] = mapped_column(String(16))
    value: Mapped[int] = mapped_column(BigInteger)
    status: Mapped[str] = mapped_column(String(10))
    reps_at_cap: Mapped[int] = mapped_column(Integer)
    tiebreak: Mapped[int | None] = mapped_column(BigInteger)
    tiebreak_reps: Mapped[bool] = mapped_column(Boolean)
    capped_sets: Mapped[int] = mapped_column(Integer)
    rx: Mapped[bool] = mapped_column(Boolean)
    note: Mapped[str] = mapped_column(Text)
    logged_at: Mapped[datetime] = mapped_column(UtcDateTime())
    source_message_id: Mapped[int | None] = mapped_column(BigInteger)
    percentile: Mapped[float | None] = mapped_column(Float)  # an Rx benchmark's, when logged
    sets: Mapped[str | None] = mapped_column(Text)  # JSON: each set of a multi-set result

    __table_args__ = (
        Index("ix_conditioning_results_athlete", "athlete_id", "logged_at"),
        Index("ix_conditioning_results_workout", "workout_id"),
        Index("uq_conditioning_results_message", "athlete_id", "source_message_id", unique=True),
        CheckConstraint(one_of("scheme", Scheme), name="scheme"),
        CheckConstraint(one_of("status", Status), name="status"),
    )


class ConditioningPromptRow(Base):
    """A message the athlete replies to: with a workout's text, or with a score for a workout."""

    __tablename__ = "conditioning_prompts"

    chat_id: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=False)
    message_id: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=False)
    athlete_id: Mapped[int] = mapped_column(BigInteger)
    workout_id: Mapped[int | None] = mapped_column(
        ForeignKey("conditioning_workouts.id", ondelete="CASCADE")
    )  # None: the reply is a workout's text
    rx: Mapped[bool] = mapped_column(Boolean)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime())
