"""Column types every context's tables use, and weights to and from rows."""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal
from enum import StrEnum
from typing import Any

from sqlalchemy import DateTime, Dialect, Numeric, Text
from sqlalchemy.types import TypeDecorator, TypeEngine

from domain.shared.weights import Unit, Weight


class UtcDateTime(TypeDecorator[datetime]):
    """A point in time: stored in UTC, read back as an aware UTC datetime on every backend."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None or value.utcoffset() is None:
            raise ValueError(f"naive datetime {value!r}: pass a timezone-aware one")
        utc = value.astimezone(UTC)
        # SQLite keeps no offset; storing naive UTC keeps text comparisons in time order.
        return utc.replace(tzinfo=None) if dialect.name == "sqlite" else utc

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            return value.replace(tzinfo=UTC)
        return value.astimezone(UTC)


class ExactDecimal(TypeDecorator[Decimal]):
    """A Decimal that comes back exactly as stored: NUMERIC on PostgreSQL, text on SQLite.

    SQLite has no decimal type; its NUMERIC affinity would turn 113.3980925 into a float.
    With a scale, a value needing more places is refused rather than silently rounded, and
    is kept at that scale on both backends (0.65 comes back as 0.6500, an equal Decimal).
    """

    impl = Numeric
    cache_ok = True

    def __init__(self, precision: int | None = None, scale: int | None = None) -> None:
        super().__init__(precision=precision, scale=scale, asdecimal=True)
        self._digits = precision
        self._places = None if scale is None else Decimal(1).scaleb(-scale)

    def load_dialect_impl(self, dialect: Dialect) -> TypeEngine[Any]:
        if dialect.name == "sqlite":
            return dialect.type_descriptor(Text())
        return dialect.type_descriptor(self.impl_instance)

    def process_bind_param(self, value: Decimal | None, dialect: Dialect) -> Decimal | str | None:
        if value is None:
            return None
        if not isinstance(value, Decimal) or not value.is_finite():
            raise TypeError(f"{value!r} is not a finite Decimal")
        if self._places is not None:
            scaled = value.quantize(self._places)
            if scaled != value:
                raise ValueError(f"{value} has more decimal places than the column keeps")
            if self._digits is not None and len(scaled.as_tuple().digits) > self._digits:
                raise ValueError(f"{value} has more digits than the column keeps")
            value = scaled
        return str(value) if dialect.name == "sqlite" else value

    def compare_values(self, x: object, y: object) -> bool:
        # 2.5 == 2.50, but the ORM must still write the new one: exactly as saved.
        return type(x) is type(y) and str(x) == str(y)

    def process_result_value(self, value: object, dialect: Dialect) -> Decimal | None:
        if value is None:
            return None
        if isinstance(value, Decimal):
            return value
        if isinstance(value, str):
            return Decimal(value)
        raise TypeError(f"expected a decimal from the database, got {value!r}")


def one_of(column: str, choices: type[StrEnum]) -> str:
    """A CHECK expression: the column holds one of the enum's values."""
    values = ", ".join(f"'{choice.value}'" for choice in choices)
    return f"{column} IN ({values})"


def to_weight(amount: Decimal, unit: str) -> Weight:
    """The weight two columns hold."""
    return Weight(amount, Unit(unit))


def weight_columns(weight: Weight) -> tuple[Decimal, str]:
    """The amount and unit columns for a weight."""
    return weight.amount, weight.unit.value
