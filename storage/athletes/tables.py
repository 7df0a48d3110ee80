"""The athletes' tables: who they are and their preferences."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal

from sqlalchemy import (
    BigInteger,
    Boolean,
    CheckConstraint,
    String,
    Text,
    func,
    true,
)
from sqlalchemy.orm import Mapped, mapped_column

from domain.athletes.kit import Division
from domain.shared.e1rm import E1rmFormula
from domain.shared.weights import Rounding, Unit
from storage.core.columns import ExactDecimal, UtcDateTime, one_of
from storage.core.tables import Base


class UserRow(Base):
    __tablename__ = "users"

    telegram_id: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=False)
    # Lengths are Telegram's own limits for these fields.
    first_name: Mapped[str] = mapped_column(String(64))
    last_name: Mapped[str | None] = mapped_column(String(64))
    username: Mapped[str | None] = mapped_column(String(32))
    language: Mapped[str] = mapped_column(String(35))
    time_zone: Mapped[str] = mapped_column(String(64))
    registered_at: Mapped[datetime] = mapped_column(UtcDateTime())
    updated_at: Mapped[datetime] = mapped_column(
        UtcDateTime(), default=func.now(), onupdate=func.now()
    )
    unit: Mapped[str] = mapped_column(String(2), server_default=Unit.KG.value)
    rounding_step: Mapped[Decimal] = mapped_column(ExactDecimal(), server_default="2.5")
    rounding: Mapped[str] = mapped_column(String(16), server_default=Rounding.NEAREST.value)
    warmups: Mapped[bool] = mapped_column(Boolean, server_default=true())
    e1rm_formula: Mapped[str] = mapped_column(String(16), server_default=E1rmFormula.EPLEY.value)
    bar_amount: Mapped[Decimal | None] = mapped_column(ExactDecimal())
    bar_unit: Mapped[str | None] = mapped_column(String(2))
    deload_until: Mapped[datetime | None] = mapped_column(UtcDateTime())
    plates: Mapped[str | None] = mapped_column(Text)  # JSON: the plates owned, per unit
    kit: Mapped[str | None] = mapped_column(Text)  # comma-separated; NULL: not told yet
    division: Mapped[str] = mapped_column(String(5), server_default=Division.MEN.value)

    __table_args__ = (
        CheckConstraint(one_of("unit", Unit), name="unit"),
        CheckConstraint(one_of("rounding", Rounding), name="rounding"),
        CheckConstraint(one_of("division", Division), name="division"),
    )
