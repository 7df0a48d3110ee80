"""The database schema as typed SQLAlchemy models; the migrations must match it."""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal
from enum import StrEnum
from typing import Any

from sqlalchemy import (
    BigInteger,
    Boolean,
    CheckConstraint,
    DateTime,
    Dialect,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    Numeric,
    String,
    Text,
    UniqueConstraint,
    func,
    text,
    true,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship
from sqlalchemy.types import TypeDecorator, TypeEngine

from domain.plans import BodyRegion, Tier
from domain.records import E1rmFormula
from domain.weights import Rounding, Unit

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


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


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


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

    __table_args__ = (
        CheckConstraint(one_of("unit", Unit), name="unit"),
        CheckConstraint(one_of("rounding", Rounding), name="rounding"),
    )


class ProcessedUpdateRow(Base):
    """A Telegram update whose effects are committed; a redelivery of it is skipped."""

    __tablename__ = "processed_updates"

    update_id: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=False)
    processed_at: Mapped[datetime] = mapped_column(UtcDateTime(), index=True)


class FsmRecordRow(Base):
    """aiogram FSM state and data (aiogram-dialog stacks and contexts) for one storage key."""

    __tablename__ = "fsm_records"

    key: Mapped[str] = mapped_column(String, primary_key=True)
    state: Mapped[str | None] = mapped_column(String)
    data: Mapped[str] = mapped_column(Text)
    updated_at: Mapped[datetime] = mapped_column(UtcDateTime())


class ExerciseRow(Base):
    __tablename__ = "exercises"

    slug: Mapped[str] = mapped_column(String(64), primary_key=True)
    name: Mapped[str] = mapped_column(String(100))
    muscle_group: Mapped[str] = mapped_column(String(32))
    category: Mapped[str] = mapped_column(String(32))
    region: Mapped[str] = mapped_column(String(8))

    __table_args__ = (CheckConstraint(one_of("region", BodyRegion), name="region"),)


class PlanRow(Base):
    """A plan template; its definition lives in the day, slot, set and progression rows."""

    __tablename__ = "plans"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    slug: Mapped[str] = mapped_column(String(64), unique=True)
    name: Mapped[str] = mapped_column(String(100))
    training_max_percent: Mapped[Decimal] = mapped_column(ExactDecimal(6, 4))
    is_builtin: Mapped[bool] = mapped_column(Boolean)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime(), default=func.now())

    days: Mapped[list[PlanDayRow]] = relationship(
        lazy="raise",
        order_by="PlanDayRow.number",
        cascade="all, delete-orphan",
        passive_deletes=True,
    )
    progressions: Mapped[list[PlanProgressionRow]] = relationship(
        lazy="raise",
        order_by="PlanProgressionRow.position",
        cascade="all, delete-orphan",
        passive_deletes=True,
    )


class PlanDayRow(Base):
    __tablename__ = "plan_days"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    plan_id: Mapped[int] = mapped_column(ForeignKey("plans.id", ondelete="CASCADE"))
    number: Mapped[int] = mapped_column(Integer)
    name: Mapped[str] = mapped_column(String(100))

    slots: Mapped[list[PlanSlotRow]] = relationship(
        lazy="raise",
        order_by="PlanSlotRow.position",
        cascade="all, delete-orphan",
        passive_deletes=True,
    )

    __table_args__ = (UniqueConstraint("plan_id", "number"),)


class PlanSlotRow(Base):
    __tablename__ = "plan_slots"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    day_id: Mapped[int] = mapped_column(ForeignKey("plan_days.id", ondelete="CASCADE"))
    position: Mapped[int] = mapped_column(Integer)  # the slot's order within its day
    tier: Mapped[str] = mapped_column(String(2))
    exercise: Mapped[str] = mapped_column(ForeignKey("exercises.slug"))
    training_max_of: Mapped[str] = mapped_column(ForeignKey("exercises.slug"))
    display_name: Mapped[str] = mapped_column(String(100))

    sets: Mapped[list[PlanSetRow]] = relationship(
        lazy="raise",
        order_by="PlanSetRow.position",
        cascade="all, delete-orphan",
        passive_deletes=True,
    )

    __table_args__ = (
        UniqueConstraint("day_id", "position"),
        CheckConstraint(one_of("tier", Tier), name="tier"),
    )


class PlanSetRow(Base):
    __tablename__ = "plan_sets"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    slot_id: Mapped[int] = mapped_column(ForeignKey("plan_slots.id", ondelete="CASCADE"))
    position: Mapped[int] = mapped_column(Integer)
    percent: Mapped[Decimal] = mapped_column(ExactDecimal(6, 4))
    reps: Mapped[int] = mapped_column(Integer)
    amrap: Mapped[bool] = mapped_column(Boolean)
    drives_progression: Mapped[bool] = mapped_column(Boolean)

    __table_args__ = (UniqueConstraint("slot_id", "position"),)


class PlanProgressionRow(Base):
    """An AMRAP progression rule of a plan, for one exercise or for a whole body region."""

    __tablename__ = "plan_progressions"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    plan_id: Mapped[int] = mapped_column(ForeignKey("plans.id", ondelete="CASCADE"))
    position: Mapped[int] = mapped_column(Integer)
    exercise: Mapped[str | None] = mapped_column(ForeignKey("exercises.slug"))
    region: Mapped[str | None] = mapped_column(String(8))

    brackets: Mapped[list[PlanProgressionBracketRow]] = relationship(
        lazy="raise",
        order_by="PlanProgressionBracketRow.min_reps",
        cascade="all, delete-orphan",
        passive_deletes=True,
    )

    __table_args__ = (
        UniqueConstraint("plan_id", "position"),
        CheckConstraint(
            "(exercise IS NOT NULL AND region IS NULL)"
            " OR (exercise IS NULL AND region IS NOT NULL)",
            name="exercise_or_region",
        ),
        CheckConstraint(one_of("region", BodyRegion), name="region"),
    )


class PlanProgressionBracketRow(Base):
    __tablename__ = "plan_progression_brackets"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    progression_id: Mapped[int] = mapped_column(
        ForeignKey("plan_progressions.id", ondelete="CASCADE")
    )
    min_reps: Mapped[int] = mapped_column(Integer)
    kg: Mapped[Decimal] = mapped_column(ExactDecimal())
    lb: Mapped[Decimal] = mapped_column(ExactDecimal())

    __table_args__ = (UniqueConstraint("progression_id", "min_reps"),)


class AthletePlanRow(Base):
    """A plan an athlete followed (ended_at set) or follows now (ended_at NULL, at most one)."""

    __tablename__ = "athlete_plans"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    user_id: Mapped[int] = mapped_column(
        ForeignKey("users.telegram_id", ondelete="CASCADE"), index=True
    )
    plan_id: Mapped[int] = mapped_column(ForeignKey("plans.id"))
    started_at: Mapped[datetime] = mapped_column(UtcDateTime())
    ended_at: Mapped[datetime | None] = mapped_column(UtcDateTime())
    next_day: Mapped[int] = mapped_column(Integer)

    __table_args__ = (
        Index(
            "ix_athlete_plans_one_active_per_user",
            "user_id",
            unique=True,
            sqlite_where=text("ended_at IS NULL"),
            postgresql_where=text("ended_at IS NULL"),
        ),
    )


class TrainingMaxRow(Base):
    """One entry of an athlete's append-only training-max history, unrounded."""

    __tablename__ = "training_maxes"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.telegram_id", ondelete="CASCADE"))
    exercise: Mapped[str] = mapped_column(ForeignKey("exercises.slug"))
    amount: Mapped[Decimal] = mapped_column(ExactDecimal())
    unit: Mapped[str] = mapped_column(String(2))
    effective_at: Mapped[datetime] = mapped_column(UtcDateTime())
    reason: Mapped[str] = mapped_column(Text)

    __table_args__ = (
        Index(None, "user_id", "exercise", "effective_at"),
        CheckConstraint(one_of("unit", Unit), name="unit"),
    )


class WorkoutRow(Base):
    """A workout of one plan day; unfinished (finished_at NULL) for at most one per athlete."""

    __tablename__ = "workouts"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.telegram_id", ondelete="CASCADE"))
    plan_id: Mapped[int] = mapped_column(ForeignKey("plans.id"))
    day_number: Mapped[int] = mapped_column(Integer)
    day_name: Mapped[str] = mapped_column(String(100))
    started_at: Mapped[datetime] = mapped_column(UtcDateTime())
    finished_at: Mapped[datetime | None] = mapped_column(UtcDateTime())

    sets: Mapped[list[WorkoutSetRow]] = relationship(
        lazy="raise",
        order_by="WorkoutSetRow.position",
        cascade="all, delete-orphan",
        passive_deletes=True,
    )

    __table_args__ = (
        Index(None, "user_id", "finished_at"),
        Index(
            "ix_workouts_one_open_per_user",
            "user_id",
            unique=True,
            sqlite_where=text("finished_at IS NULL"),
            postgresql_where=text("finished_at IS NULL"),
        ),
    )


class WorkoutSetRow(Base):
    """A prescribed set of a workout, next to what was done (all NULL while it is open)."""

    __tablename__ = "workout_sets"

    workout_id: Mapped[int] = mapped_column(
        ForeignKey("workouts.id", ondelete="CASCADE"), primary_key=True
    )
    position: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    slot_order: Mapped[int] = mapped_column(Integer)
    tier: Mapped[str] = mapped_column(String(2))
    exercise: Mapped[str] = mapped_column(ForeignKey("exercises.slug"))
    training_max_of: Mapped[str] = mapped_column(ForeignKey("exercises.slug"))
    display_name: Mapped[str] = mapped_column(String(100))
    set_number: Mapped[int] = mapped_column(Integer)
    sets_in_slot: Mapped[int] = mapped_column(Integer)
    prescribed_amount: Mapped[Decimal] = mapped_column(ExactDecimal())
    prescribed_unit: Mapped[str] = mapped_column(String(2))
    prescribed_reps: Mapped[int] = mapped_column(Integer)
    amrap: Mapped[bool] = mapped_column(Boolean)
    drives_progression: Mapped[bool] = mapped_column(Boolean)
    done_amount: Mapped[Decimal | None] = mapped_column(ExactDecimal())
    done_unit: Mapped[str | None] = mapped_column(String(2))
    done_reps: Mapped[int | None] = mapped_column(Integer)
    rpe: Mapped[Decimal | None] = mapped_column(ExactDecimal())
    note: Mapped[str | None] = mapped_column(Text)
    logged_at: Mapped[datetime | None] = mapped_column(UtcDateTime())
    # The athlete's message that logged the set: editing that message re-logs the set.
    source_message_id: Mapped[int | None] = mapped_column(BigInteger)
    skipped: Mapped[bool] = mapped_column(Boolean)

    __table_args__ = (
        CheckConstraint(one_of("tier", Tier), name="tier"),
        CheckConstraint(one_of("prescribed_unit", Unit), name="prescribed_unit"),
        CheckConstraint(one_of("done_unit", Unit), name="done_unit"),
        CheckConstraint(
            "(done_amount IS NULL AND done_unit IS NULL AND done_reps IS NULL"
            " AND logged_at IS NULL AND rpe IS NULL AND note IS NULL)"
            " OR (done_amount IS NOT NULL AND done_unit IS NOT NULL AND done_reps IS NOT NULL"
            " AND logged_at IS NOT NULL AND NOT skipped)",
            name="done_whole_and_not_skipped",
        ),
    )
