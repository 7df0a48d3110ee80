"""The training tables: plans followed, maxes, workouts and their sets, lift tracks, records."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal

from sqlalchemy import (
    BigInteger,
    Boolean,
    CheckConstraint,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
    false,
    text,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from domain.plans.model import Tier
from domain.shared.weights import Unit
from domain.training.imports.model import App
from domain.training.progression import ProposalDecision
from storage.core.columns import ExactDecimal, UtcDateTime, one_of
from storage.core.tables import Base


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
    reason_kind: Mapped[str] = mapped_column(String(40))  # ReasonKind
    reason_params: Mapped[str] = mapped_column(Text)  # JSON, as reason_to_json's "params"

    __table_args__ = (
        Index(None, "user_id", "exercise", "effective_at"),
        CheckConstraint(one_of("unit", Unit), name="unit"),
    )


class WorkoutImportRow(Base):
    """An export file an athlete sent: waiting for their tap (imported_at NULL), or imported."""

    __tablename__ = "workout_imports"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.telegram_id", ondelete="CASCADE"))
    app: Mapped[str] = mapped_column(String(8))
    content_hash: Mapped[str] = mapped_column(String(64))  # SHA-256 of the file's bytes
    file_id: Mapped[str] = mapped_column(String(255))  # Telegram's, to read the file on the tap
    created_at: Mapped[datetime] = mapped_column(UtcDateTime())
    imported_at: Mapped[datetime | None] = mapped_column(UtcDateTime())
    workouts: Mapped[int] = mapped_column(Integer, server_default="0")  # how many it added

    __table_args__ = (
        UniqueConstraint("user_id", "content_hash"),
        CheckConstraint(one_of("app", App), name="app"),
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
    # Set for a workout read from another app's export: undoing that import removes it.
    import_id: Mapped[int | None] = mapped_column(
        ForeignKey("workout_imports.id", ondelete="CASCADE"), index=True
    )

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
        # "Did this workout have a set done?" in one index probe: the coach's client list
        # asks it of every client's workouts of the last month.
        Index(
            "ix_workout_sets_done",
            "workout_id",
            sqlite_where=text("done_reps IS NOT NULL"),
            postgresql_where=text("done_reps IS NOT NULL"),
        ),
    )


class LiftTrackRow(Base):
    """One entry of an athlete's append-only history of a lift's rule state (a LiftTrack)."""

    __tablename__ = "lift_tracks"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    user_id: Mapped[int] = mapped_column(
        ForeignKey("users.telegram_id", ondelete="CASCADE"), index=True
    )
    key: Mapped[str] = mapped_column(String(80))
    state: Mapped[str] = mapped_column(Text)  # JSON
    effective_at: Mapped[datetime] = mapped_column(UtcDateTime())
    reason_kind: Mapped[str] = mapped_column(String(40))  # ReasonKind
    reason_params: Mapped[str] = mapped_column(Text)  # JSON, as reason_to_json's "params"


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


class ApprovalRow(Base):
    """An athlete whose training-max changes wait for their coach (coaching turns it on)."""

    __tablename__ = "tm_approvals"

    user_id: Mapped[int] = mapped_column(
        ForeignKey("users.telegram_id", ondelete="CASCADE"), primary_key=True, autoincrement=False
    )
    since: Mapped[datetime] = mapped_column(UtcDateTime())


class ProposalRow(Base):
    """A training-max change progression proposed, and what the coach decided."""

    __tablename__ = "tm_proposals"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.telegram_id", ondelete="CASCADE"))
    workout_id: Mapped[int] = mapped_column(ForeignKey("workouts.id", ondelete="CASCADE"))
    exercise: Mapped[str] = mapped_column(ForeignKey("exercises.slug"))
    name: Mapped[str] = mapped_column(String(100))
    old_amount: Mapped[Decimal] = mapped_column(ExactDecimal())
    new_amount: Mapped[Decimal] = mapped_column(ExactDecimal())
    unit: Mapped[str] = mapped_column(String(2))
    increment: Mapped[Decimal] = mapped_column(ExactDecimal())
    reason_kind: Mapped[str] = mapped_column(String(40))
    reason_params: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime())
    decision: Mapped[str | None] = mapped_column(String(10))  # ProposalDecision
    decided_at: Mapped[datetime | None] = mapped_column(UtcDateTime())

    __table_args__ = (
        Index("ix_tm_proposals_undecided", "user_id", "decision"),
        CheckConstraint(one_of("unit", Unit), name="unit"),
        CheckConstraint(
            f"decision IS NULL OR {one_of('decision', ProposalDecision)}", name="decision"
        ),
    )
