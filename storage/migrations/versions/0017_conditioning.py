"""conditioning: the workouts athletes were given or wrote, as text, and their results

Revision ID: 0017
Revises: 0016
Create Date: 2026-12-04 19:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0017"
down_revision: str | None = "0016"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_SCHEMES = (
    "'time', 'time_with_cap', 'rounds_reps', 'reps', 'calories', 'points', 'emom', 'load',"
    " 'meters', 'feet', 'pass_fail'"
)


def upgrade() -> None:
    op.create_table(
        "conditioning_workouts",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("owner_id", sa.BigInteger(), nullable=False),
        sa.Column("source", sa.String(length=10), nullable=False),
        sa.Column("name", sa.String(length=60), nullable=False),
        sa.Column("definition", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint(
            "source IN ('generated', 'benchmark', 'pasted')",
            name=op.f("ck_conditioning_workouts_source"),
        ),
        sa.ForeignKeyConstraint(
            ["owner_id"],
            ["users.telegram_id"],
            name=op.f("fk_conditioning_workouts_owner_id_users"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_conditioning_workouts")),
    )
    op.create_index(
        "ix_conditioning_workouts_owner_name", "conditioning_workouts", ["owner_id", "name"]
    )
    op.create_table(
        "conditioning_results",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("athlete_id", sa.BigInteger(), nullable=False),
        sa.Column("workout_id", sa.Integer(), nullable=False),
        sa.Column("scheme", sa.String(length=16), nullable=False),
        sa.Column("value", sa.BigInteger(), nullable=False),
        sa.Column("status", sa.String(length=10), nullable=False),
        sa.Column("reps_at_cap", sa.Integer(), nullable=False),
        sa.Column("tiebreak", sa.BigInteger(), nullable=True),
        sa.Column("tiebreak_reps", sa.Boolean(), nullable=False),
        sa.Column("capped_sets", sa.Integer(), nullable=False),
        sa.Column("rx", sa.Boolean(), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("logged_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("source_message_id", sa.BigInteger(), nullable=True),
        sa.CheckConstraint(f"scheme IN ({_SCHEMES})", name=op.f("ck_conditioning_results_scheme")),
        sa.CheckConstraint(
            "status IN ('scored', 'cap', 'dq', 'withdrawn')",
            name=op.f("ck_conditioning_results_status"),
        ),
        sa.ForeignKeyConstraint(
            ["athlete_id"],
            ["users.telegram_id"],
            name=op.f("fk_conditioning_results_athlete_id_users"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["workout_id"],
            ["conditioning_workouts.id"],
            name=op.f("fk_conditioning_results_workout_id_conditioning_workouts"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_conditioning_results")),
    )
    op.create_index(
        "ix_conditioning_results_athlete", "conditioning_results", ["athlete_id", "logged_at"]
    )
    op.create_index("ix_conditioning_results_workout", "conditioning_results", ["workout_id"])
    op.create_index(
        "uq_conditioning_results_message",
        "conditioning_results",
        ["athlete_id", "source_message_id"],
        unique=True,
    )

    op.create_table(
        "conditioning_prompts",
        sa.Column("chat_id", sa.BigInteger(), autoincrement=False, nullable=False),
        sa.Column("message_id", sa.BigInteger(), autoincrement=False, nullable=False),
        sa.Column("athlete_id", sa.BigInteger(), nullable=False),
        sa.Column("workout_id", sa.Integer(), nullable=True),
        sa.Column("rx", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["workout_id"],
            ["conditioning_workouts.id"],
            name=op.f("fk_conditioning_prompts_workout_id_conditioning_workouts"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("chat_id", "message_id", name=op.f("pk_conditioning_prompts")),
    )


def downgrade() -> None:
    op.drop_table("conditioning_prompts")
    op.drop_table("conditioning_results")
    op.drop_table("conditioning_workouts")
