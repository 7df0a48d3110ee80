"""exercises, plan templates, athletes' plans, training maxes, workouts; users' units

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-28 10:00:00
"""

from collections.abc import Sequence
from decimal import Decimal

import sqlalchemy as sa
from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def _decimal(
    precision: int | None = None, scale: int | None = None
) -> sa.types.TypeEngine[Decimal]:
    # SQLite has no exact decimal type; the text of the Decimal round-trips exactly.
    return sa.Numeric(precision=precision, scale=scale).with_variant(sa.Text(), "sqlite")


def upgrade() -> None:
    with op.batch_alter_table("users") as batch_op:
        batch_op.add_column(
            sa.Column("unit", sa.String(length=2), server_default="kg", nullable=False)
        )
        batch_op.add_column(
            sa.Column("rounding_step", _decimal(), server_default="2.5", nullable=False)
        )
        batch_op.add_column(
            sa.Column("rounding", sa.String(length=16), server_default="nearest", nullable=False)
        )
        batch_op.create_check_constraint(op.f("ck_users_unit"), "unit IN ('kg', 'lb')")
        batch_op.create_check_constraint(
            op.f("ck_users_rounding"), "rounding IN ('nearest', 'down')"
        )

    op.create_table(
        "exercises",
        sa.Column("slug", sa.String(length=64), nullable=False),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("muscle_group", sa.String(length=32), nullable=False),
        sa.Column("category", sa.String(length=32), nullable=False),
        sa.Column("region", sa.String(length=8), nullable=False),
        sa.CheckConstraint("region IN ('upper', 'lower')", name=op.f("ck_exercises_region")),
        sa.PrimaryKeyConstraint("slug", name=op.f("pk_exercises")),
    )
    op.create_table(
        "plans",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("slug", sa.String(length=64), nullable=False),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("training_max_percent", _decimal(6, 4), nullable=False),
        sa.Column("is_builtin", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_plans")),
        sa.UniqueConstraint("slug", name=op.f("uq_plans_slug")),
    )
    op.create_table(
        "plan_days",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("plan_id", sa.Integer(), nullable=False),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.ForeignKeyConstraint(
            ["plan_id"], ["plans.id"], name=op.f("fk_plan_days_plan_id_plans"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_plan_days")),
        sa.UniqueConstraint("plan_id", "number", name=op.f("uq_plan_days_plan_id")),
    )
    op.create_table(
        "plan_slots",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("day_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("tier", sa.String(length=2), nullable=False),
        sa.Column("exercise", sa.String(length=64), nullable=False),
        sa.Column("training_max_of", sa.String(length=64), nullable=False),
        sa.Column("display_name", sa.String(length=100), nullable=False),
        sa.CheckConstraint("tier IN ('T1', 'T2', 'T3')", name=op.f("ck_plan_slots_tier")),
        sa.ForeignKeyConstraint(
            ["day_id"],
            ["plan_days.id"],
            name=op.f("fk_plan_slots_day_id_plan_days"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["exercise"], ["exercises.slug"], name=op.f("fk_plan_slots_exercise_exercises")
        ),
        sa.ForeignKeyConstraint(
            ["training_max_of"],
            ["exercises.slug"],
            name=op.f("fk_plan_slots_training_max_of_exercises"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_plan_slots")),
        sa.UniqueConstraint("day_id", "position", name=op.f("uq_plan_slots_day_id")),
    )
    op.create_table(
        "plan_sets",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("slot_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("percent", _decimal(6, 4), nullable=False),
        sa.Column("reps", sa.Integer(), nullable=False),
        sa.Column("amrap", sa.Boolean(), nullable=False),
        sa.Column("drives_progression", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(
            ["slot_id"],
            ["plan_slots.id"],
            name=op.f("fk_plan_sets_slot_id_plan_slots"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_plan_sets")),
        sa.UniqueConstraint("slot_id", "position", name=op.f("uq_plan_sets_slot_id")),
    )
    op.create_table(
        "plan_progressions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("plan_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("exercise", sa.String(length=64), nullable=True),
        sa.Column("region", sa.String(length=8), nullable=True),
        sa.CheckConstraint(
            "(exercise IS NOT NULL AND region IS NULL)"
            " OR (exercise IS NULL AND region IS NOT NULL)",
            name=op.f("ck_plan_progressions_exercise_or_region"),
        ),
        sa.CheckConstraint(
            "region IN ('upper', 'lower')", name=op.f("ck_plan_progressions_region")
        ),
        sa.ForeignKeyConstraint(
            ["plan_id"],
            ["plans.id"],
            name=op.f("fk_plan_progressions_plan_id_plans"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["exercise"], ["exercises.slug"], name=op.f("fk_plan_progressions_exercise_exercises")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_plan_progressions")),
        sa.UniqueConstraint("plan_id", "position", name=op.f("uq_plan_progressions_plan_id")),
    )
    op.create_table(
        "plan_progression_brackets",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("progression_id", sa.Integer(), nullable=False),
        sa.Column("min_reps", sa.Integer(), nullable=False),
        sa.Column("kg", _decimal(), nullable=False),
        sa.Column("lb", _decimal(), nullable=False),
        sa.ForeignKeyConstraint(
            ["progression_id"],
            ["plan_progressions.id"],
            name=op.f("fk_plan_progression_brackets_progression_id_plan_progressions"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_plan_progression_brackets")),
        sa.UniqueConstraint(
            "progression_id", "min_reps", name=op.f("uq_plan_progression_brackets_progression_id")
        ),
    )
    op.create_table(
        "athlete_plans",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.BigInteger(), nullable=False),
        sa.Column("plan_id", sa.Integer(), nullable=False),
        sa.Column("started_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("ended_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("next_day", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["plan_id"], ["plans.id"], name=op.f("fk_athlete_plans_plan_id_plans")
        ),
        sa.ForeignKeyConstraint(
            ["user_id"],
            ["users.telegram_id"],
            name=op.f("fk_athlete_plans_user_id_users"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_athlete_plans")),
    )
    op.create_index(op.f("ix_athlete_plans_user_id"), "athlete_plans", ["user_id"])
    # At most one active plan per athlete; both SQLite and PostgreSQL have partial indexes.
    op.create_index(
        "ix_athlete_plans_one_active_per_user",
        "athlete_plans",
        ["user_id"],
        unique=True,
        sqlite_where=sa.text("ended_at IS NULL"),
        postgresql_where=sa.text("ended_at IS NULL"),
    )
    op.create_table(
        "training_maxes",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.BigInteger(), nullable=False),
        sa.Column("exercise", sa.String(length=64), nullable=False),
        sa.Column("amount", _decimal(), nullable=False),
        sa.Column("unit", sa.String(length=2), nullable=False),
        sa.Column("effective_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.CheckConstraint("unit IN ('kg', 'lb')", name=op.f("ck_training_maxes_unit")),
        sa.ForeignKeyConstraint(
            ["exercise"], ["exercises.slug"], name=op.f("fk_training_maxes_exercise_exercises")
        ),
        sa.ForeignKeyConstraint(
            ["user_id"],
            ["users.telegram_id"],
            name=op.f("fk_training_maxes_user_id_users"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_training_maxes")),
    )
    op.create_index(
        op.f("ix_training_maxes_user_id"),
        "training_maxes",
        ["user_id", "exercise", "effective_at"],
    )
    op.create_table(
        "workouts",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.BigInteger(), nullable=False),
        sa.Column("plan_id", sa.Integer(), nullable=False),
        sa.Column("day_number", sa.Integer(), nullable=False),
        sa.Column("day_name", sa.String(length=100), nullable=False),
        sa.Column("started_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("finished_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(["plan_id"], ["plans.id"], name=op.f("fk_workouts_plan_id_plans")),
        sa.ForeignKeyConstraint(
            ["user_id"],
            ["users.telegram_id"],
            name=op.f("fk_workouts_user_id_users"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_workouts")),
    )
    op.create_index(op.f("ix_workouts_user_id"), "workouts", ["user_id", "finished_at"])
    # At most one unfinished workout per athlete.
    op.create_index(
        "ix_workouts_one_open_per_user",
        "workouts",
        ["user_id"],
        unique=True,
        sqlite_where=sa.text("finished_at IS NULL"),
        postgresql_where=sa.text("finished_at IS NULL"),
    )
    op.create_table(
        "workout_sets",
        sa.Column("workout_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("slot_order", sa.Integer(), nullable=False),
        sa.Column("tier", sa.String(length=2), nullable=False),
        sa.Column("exercise", sa.String(length=64), nullable=False),
        sa.Column("training_max_of", sa.String(length=64), nullable=False),
        sa.Column("display_name", sa.String(length=100), nullable=False),
        sa.Column("set_number", sa.Integer(), nullable=False),
        sa.Column("sets_in_slot", sa.Integer(), nullable=False),
        sa.Column("prescribed_amount", _decimal(), nullable=False),
        sa.Column("prescribed_unit", sa.String(length=2), nullable=False),
        sa.Column("prescribed_reps", sa.Integer(), nullable=False),
        sa.Column("amrap", sa.Boolean(), nullable=False),
        sa.Column("drives_progression", sa.Boolean(), nullable=False),
        sa.Column("done_amount", _decimal(), nullable=True),
        sa.Column("done_unit", sa.String(length=2), nullable=True),
        sa.Column("done_reps", sa.Integer(), nullable=True),
        sa.Column("rpe", _decimal(), nullable=True),
        sa.Column("note", sa.Text(), nullable=True),
        sa.Column("logged_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("skipped", sa.Boolean(), nullable=False),
        sa.CheckConstraint("tier IN ('T1', 'T2', 'T3')", name=op.f("ck_workout_sets_tier")),
        sa.CheckConstraint(
            "prescribed_unit IN ('kg', 'lb')", name=op.f("ck_workout_sets_prescribed_unit")
        ),
        sa.CheckConstraint("done_unit IN ('kg', 'lb')", name=op.f("ck_workout_sets_done_unit")),
        sa.CheckConstraint(
            "(done_amount IS NULL AND done_unit IS NULL AND done_reps IS NULL"
            " AND logged_at IS NULL AND rpe IS NULL AND note IS NULL)"
            " OR (done_amount IS NOT NULL AND done_unit IS NOT NULL AND done_reps IS NOT NULL"
            " AND logged_at IS NOT NULL AND NOT skipped)",
            name=op.f("ck_workout_sets_done_whole_and_not_skipped"),
        ),
        sa.ForeignKeyConstraint(
            ["exercise"], ["exercises.slug"], name=op.f("fk_workout_sets_exercise_exercises")
        ),
        sa.ForeignKeyConstraint(
            ["training_max_of"],
            ["exercises.slug"],
            name=op.f("fk_workout_sets_training_max_of_exercises"),
        ),
        sa.ForeignKeyConstraint(
            ["workout_id"],
            ["workouts.id"],
            name=op.f("fk_workout_sets_workout_id_workouts"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("workout_id", "position", name=op.f("pk_workout_sets")),
    )


def downgrade() -> None:
    op.drop_table("workout_sets")
    op.drop_index("ix_workouts_one_open_per_user", table_name="workouts")
    op.drop_index(op.f("ix_workouts_user_id"), table_name="workouts")
    op.drop_table("workouts")
    op.drop_index(op.f("ix_training_maxes_user_id"), table_name="training_maxes")
    op.drop_table("training_maxes")
    op.drop_index("ix_athlete_plans_one_active_per_user", table_name="athlete_plans")
    op.drop_index(op.f("ix_athlete_plans_user_id"), table_name="athlete_plans")
    op.drop_table("athlete_plans")
    op.drop_table("plan_progression_brackets")
    op.drop_table("plan_progressions")
    op.drop_table("plan_sets")
    op.drop_table("plan_slots")
    op.drop_table("plan_days")
    op.drop_table("plans")
    op.drop_table("exercises")
    with op.batch_alter_table("users") as batch_op:
        batch_op.drop_constraint(op.f("ck_users_rounding"), type_="check")
        batch_op.drop_constraint(op.f("ck_users_unit"), type_="check")
        batch_op.drop_column("rounding")
        batch_op.drop_column("rounding_step")
        batch_op.drop_column("unit")
