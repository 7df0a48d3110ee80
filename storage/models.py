"""The database schema as typed SQLAlchemy models; the migrations must match it."""

from __future__ import annotations

from datetime import UTC, date, datetime
from decimal import Decimal
from enum import StrEnum
from typing import Any

from sqlalchemy import (
    BigInteger,
    Boolean,
    CheckConstraint,
    Date,
    DateTime,
    Dialect,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    Numeric,
    String,
    Text,
    UniqueConstraint,
    false,
    func,
    text,
    true,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship
from sqlalchemy.types import TypeDecorator, TypeEngine

from domain.outbox.model import DeliveryState, MessageKind
from domain.plans.model import BodyRegion, Tier
from domain.shared.e1rm import E1rmFormula
from domain.shared.weights import Rounding, Unit

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
    deload_until: Mapped[datetime | None] = mapped_column(UtcDateTime())
    plates: Mapped[str | None] = mapped_column(Text)  # JSON: the plates owned, per unit

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
    """A plan: its definition is the plan text (domain/plan_text.py), which reads back exactly."""

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


class LiftTrackRow(Base):
    """One entry of an athlete's append-only history of a lift's rule state (domain/tracks.py)."""

    __tablename__ = "lift_tracks"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    user_id: Mapped[int] = mapped_column(
        ForeignKey("users.telegram_id", ondelete="CASCADE"), index=True
    )
    key: Mapped[str] = mapped_column(String(80))
    state: Mapped[str] = mapped_column(Text)  # JSON
    effective_at: Mapped[datetime] = mapped_column(UtcDateTime())
    reason: Mapped[str] = mapped_column(Text)


class PersonalRecordRow(Base):
    """A record a finished workout set: heaviest weight, best e1RM or most reps at a weight."""

    __tablename__ = "personal_records"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    user_id: Mapped[int] = mapped_column(
        ForeignKey("users.telegram_id", ondelete="CASCADE"), index=True
    )
    workout_id: Mapped[int] = mapped_column(ForeignKey("workouts.id", ondelete="CASCADE"))
    exercise: Mapped[str] = mapped_column(ForeignKey("exercises.slug"))
    kind: Mapped[str] = mapped_column(String(16))
    amount: Mapped[Decimal] = mapped_column(ExactDecimal())
    unit: Mapped[str] = mapped_column(String(2))
    reps: Mapped[int] = mapped_column(Integer)
    value_amount: Mapped[Decimal] = mapped_column(ExactDecimal())  # the record, in `unit`
    achieved_at: Mapped[datetime] = mapped_column(UtcDateTime())

    __table_args__ = (UniqueConstraint("workout_id", "exercise", "kind"),)


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
    deload: Mapped[bool] = mapped_column(Boolean, server_default=false())

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
    top_reps: Mapped[int | None] = mapped_column(Integer)
    target_rpe: Mapped[Decimal | None] = mapped_column(ExactDecimal())
    warmup: Mapped[bool] = mapped_column(Boolean, server_default=false())
    optional: Mapped[bool] = mapped_column(Boolean, server_default=false())
    superset: Mapped[str | None] = mapped_column(String(2))

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


class OutboxRow(Base):
    """A message Spotter sends unasked, and how far its delivery got (see scheduler/delivery.py)."""

    __tablename__ = "outbox"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    idempotency_key: Mapped[str] = mapped_column(String(200), unique=True)
    chat_id: Mapped[int] = mapped_column(BigInteger)
    kind: Mapped[str] = mapped_column(String(8))
    text: Mapped[str | None] = mapped_column(Text)
    parse_mode: Mapped[str | None] = mapped_column(String(16))
    photo: Mapped[bytes | None] = mapped_column(LargeBinary)
    reply_markup: Mapped[str | None] = mapped_column(Text)  # the Bot API's JSON
    not_before: Mapped[datetime] = mapped_column(UtcDateTime())
    expires_at: Mapped[datetime | None] = mapped_column(UtcDateTime())  # then cancelled if unsent
    state: Mapped[str] = mapped_column(String(10))
    attempts: Mapped[int] = mapped_column(Integer, server_default="0")
    last_error: Mapped[str | None] = mapped_column(Text)
    claimed_by: Mapped[str | None] = mapped_column(String(64))  # the sender run that claimed it
    claimed_at: Mapped[datetime | None] = mapped_column(UtcDateTime())
    sent_at: Mapped[datetime | None] = mapped_column(UtcDateTime())
    message_id: Mapped[int | None] = mapped_column(BigInteger)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime(), default=func.now())

    __table_args__ = (
        Index("ix_outbox_state", "state", "not_before"),
        Index("ix_outbox_chat_id", "chat_id", "state"),
        CheckConstraint(one_of("kind", MessageKind), name="kind"),
        CheckConstraint(one_of("state", DeliveryState), name="state"),
    )


class InactiveChatRow(Base):
    """A chat that blocked the bot or removed it: nothing is sent there until it speaks again."""

    __tablename__ = "inactive_chats"

    chat_id: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=False)
    since: Mapped[datetime] = mapped_column(UtcDateTime())
    reason: Mapped[str] = mapped_column(String(64))


class ReminderRow(Base):
    """An athlete's reminder choices and when each kind of message is next due (UTC)."""

    __tablename__ = "reminders"

    athlete_id: Mapped[int] = mapped_column(
        ForeignKey("users.telegram_id", ondelete="CASCADE"), primary_key=True, autoincrement=False
    )
    enabled: Mapped[bool] = mapped_column(Boolean)
    days: Mapped[int] = mapped_column(Integer)  # bit n: weekday n (0 Monday … 6 Sunday)
    at_minute: Mapped[int] = mapped_column(Integer)  # local time of day, minutes after midnight
    quiet_start: Mapped[int | None] = mapped_column(Integer)  # minutes after midnight
    quiet_end: Mapped[int | None] = mapped_column(Integer)
    weekly_summary: Mapped[bool] = mapped_column(Boolean)
    since: Mapped[datetime | None] = mapped_column(UtcDateTime())
    time_zone: Mapped[str | None] = mapped_column(String(64))  # the due times' zone
    next_due: Mapped[datetime | None] = mapped_column(UtcDateTime())
    check_day: Mapped[date | None] = mapped_column(Date)
    check_due: Mapped[datetime | None] = mapped_column(UtcDateTime())
    summary_due: Mapped[datetime | None] = mapped_column(UtcDateTime())

    __table_args__ = (
        Index(None, "next_due"),
        Index(None, "check_due"),
        Index(None, "summary_due"),
        CheckConstraint("days BETWEEN 0 AND 127", name="days"),
        CheckConstraint("at_minute BETWEEN 0 AND 1439", name="at_minute"),
        CheckConstraint(
            "(quiet_start IS NULL AND quiet_end IS NULL) OR (quiet_start BETWEEN 0 AND 1439"
            " AND quiet_end BETWEEN 0 AND 1439 AND quiet_start <> quiet_end)",
            name="quiet",
        ),
    )
