"""The plans' tables: the exercise library and the plans written in plan text."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    ForeignKey,
    Integer,
    String,
    Text,
    false,
    func,
)
from sqlalchemy.orm import Mapped, mapped_column

from domain.plans.model import BodyRegion
from storage.core.columns import UtcDateTime, one_of
from storage.core.tables import Base


class ExerciseRow(Base):
    __tablename__ = "exercises"

    slug: Mapped[str] = mapped_column(String(64), primary_key=True)
    name: Mapped[str] = mapped_column(String(100))
    muscle_group: Mapped[str] = mapped_column(String(32))
    category: Mapped[str] = mapped_column(String(32))
    region: Mapped[str] = mapped_column(String(8))
    # NULL: the shared library; else an exercise of this athlete's own (added or imported).
    owner_id: Mapped[int | None] = mapped_column(
        ForeignKey("users.telegram_id", ondelete="CASCADE"), index=True
    )

    __table_args__ = (CheckConstraint(one_of("region", BodyRegion), name="region"),)


class PlanRow(Base):
    """A plan: its definition is the plan text (domain/plans/text/), which reads back exactly."""

    __tablename__ = "plans"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    slug: Mapped[str] = mapped_column(String(64), unique=True)
    name: Mapped[str] = mapped_column(String(100))
    definition: Mapped[str] = mapped_column(Text, server_default="")
    is_builtin: Mapped[bool] = mapped_column(Boolean)
    owner_id: Mapped[int | None] = mapped_column(
        ForeignKey("users.telegram_id", ondelete="CASCADE"), index=True
    )
    is_published: Mapped[bool] = mapped_column(Boolean, server_default=false())
    created_at: Mapped[datetime] = mapped_column(UtcDateTime(), default=func.now())
