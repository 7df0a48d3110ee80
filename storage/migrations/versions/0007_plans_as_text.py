"""plans kept as their text; lift tracks, personal records, deloads, plate inventories, and the
new set marks (rep ranges, RPE targets, warm-up, joker and superset sets)

Plan templates move from five tables into one `definition` column holding the plan text
(domain/plan_text.py), which reads back as the same plan. Built-in plans are written again at
every start, and there were no custom plans before this revision, so nothing is carried over.

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-21 05:00:00
"""

from collections.abc import Sequence
from decimal import Decimal

import sqlalchemy as sa
from alembic import op

revision: str = "0007"
down_revision: str | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def _decimal(
    precision: int | None = None, scale: int | None = None
) -> sa.types.TypeEngine[Decimal]:
    # SQLite has no exact decimal type; the text of the Decimal round-trips exactly.
    return sa.Numeric(precision=precision, scale=scale).with_variant(sa.Text(), "sqlite")


def upgrade() -> None:
    for table in (
        "plan_progression_brackets",
        "plan_progressions",
        "plan_sets",
        "plan_slots",
        "plan_days",
    ):
        op.drop_table(table)
    with op.batch_alter_table("plans") as batch_op:
        batch_op.drop_column("training_max_percent")
        batch_op.add_column(sa.Column("definition", sa.Text(), server_default="", nullable=False))
        batch_op.add_column(sa.Column("owner_id", sa.BigInteger(), nullable=True))
        batch_op.add_column(
            sa.Column("is_published", sa.Boolean(), server_default=sa.false(), nullable=False)
        )
        batch_op.create_foreign_key(
            op.f("fk_plans_owner_id_users"),
            "users",
            ["owner_id"],
            ["telegram_id"],
            ondelete="CASCADE",
        )
        batch_op.create_index(op.f("ix_plans_owner_id"), ["owner_id"])
    op.create_table(
        "lift_tracks",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.BigInteger(), nullable=False),
        sa.Column("key", sa.String(length=80), nullable=False),
        sa.Column("state", sa.Text(), nullable=False),
        sa.Column("effective_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["user_id"],
            ["users.telegram_id"],
            name=op.f("fk_lift_tracks_user_id_users"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_lift_tracks")),
    )
    op.create_index(op.f("ix_lift_tracks_user_id"), "lift_tracks", ["user_id"])
    op.create_table(
        "personal_records",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.BigInteger(), nullable=False),
        sa.Column("workout_id", sa.Integer(), nullable=False),
        sa.Column("exercise", sa.String(length=64), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("amount", _decimal(), nullable=False),
        sa.Column("unit", sa.String(length=2), nullable=False),
        sa.Column("reps", sa.Integer(), nullable=False),
        sa.Column("value_amount", _decimal(), nullable=False),
        sa.Column("achieved_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["user_id"],
            ["users.telegram_id"],
            name=op.f("fk_personal_records_user_id_users"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["workout_id"],
            ["workouts.id"],
            name=op.f("fk_personal_records_workout_id_workouts"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["exercise"],
            ["exercises.slug"],
            name=op.f("fk_personal_records_exercise_exercises"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_personal_records")),
        sa.UniqueConstraint(
            "workout_id", "exercise", "kind", name=op.f("uq_personal_records_workout_id")
        ),
    )
    op.create_index(op.f("ix_personal_records_user_id"), "personal_records", ["user_id"])
    with op.batch_alter_table("users") as batch_op:
        batch_op.add_column(sa.Column("deload_until", sa.DateTime(timezone=True), nullable=True))
        batch_op.add_column(sa.Column("plates", sa.Text(), nullable=True))
    with op.batch_alter_table("workouts") as batch_op:
        batch_op.add_column(
            sa.Column("deload", sa.Boolean(), server_default=sa.false(), nullable=False)
        )
    with op.batch_alter_table("workout_sets") as batch_op:
        batch_op.add_column(sa.Column("top_reps", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("target_rpe", _decimal(), nullable=True))
        batch_op.add_column(
            sa.Column("warmup", sa.Boolean(), server_default=sa.false(), nullable=False)
        )
        batch_op.add_column(
            sa.Column("optional", sa.Boolean(), server_default=sa.false(), nullable=False)
        )
        batch_op.add_column(sa.Column("superset", sa.String(length=2), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("workout_sets") as batch_op:
        for column in ("superset", "optional", "warmup", "target_rpe", "top_reps"):
            batch_op.drop_column(column)
    with op.batch_alter_table("workouts") as batch_op:
        batch_op.drop_column("deload")
    with op.batch_alter_table("users") as batch_op:
        batch_op.drop_column("plates")
        batch_op.drop_column("deload_until")
    op.drop_index(op.f("ix_personal_records_user_id"), table_name="personal_records")
    op.drop_table("personal_records")
    op.drop_index(op.f("ix_lift_tracks_user_id"), table_name="lift_tracks")
    op.drop_table("lift_tracks")
    # the plan texts cannot be turned back into templates by a migration: the older code
    # writes its built-in plans again when it starts, and custom plans are dropped
    op.execute(
        "DELETE FROM plans WHERE owner_id IS NOT NULL AND id NOT IN"
        " (SELECT plan_id FROM athlete_plans UNION SELECT plan_id FROM workouts)"
    )
    with op.batch_alter_table("plans") as batch_op:
        batch_op.drop_index(op.f("ix_plans_owner_id"))
        batch_op.drop_constraint(op.f("fk_plans_owner_id_users"), type_="foreignkey")
        batch_op.drop_column("is_published")
        batch_op.drop_column("owner_id")
        batch_op.drop_column("definition")
        batch_op.add_column(
            sa.Column("training_max_percent", _decimal(6, 4), server_default="0.9", nullable=False)
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
