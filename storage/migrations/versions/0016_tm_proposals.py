"""training-max changes a coach approves: who needs approval, and the changes proposed

A reply prompt may now also ask the coach for a client's plan text (purpose `plan`).

Revision ID: 0016
Revises: 0015
Create Date: 2026-12-04 18:00:00
"""

from collections.abc import Sequence
from decimal import Decimal

import sqlalchemy as sa
from alembic import op

revision: str = "0016"
down_revision: str | None = "0015"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def _decimal() -> sa.types.TypeEngine[Decimal]:
    # As in 0002: SQLite has no exact decimal type; the text of the Decimal round-trips exactly.
    return sa.Numeric().with_variant(sa.Text(), "sqlite")


def upgrade() -> None:
    op.create_table(
        "tm_approvals",
        sa.Column("user_id", sa.BigInteger(), autoincrement=False, nullable=False),
        sa.Column("since", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["user_id"],
            ["users.telegram_id"],
            name=op.f("fk_tm_approvals_user_id_users"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("user_id", name=op.f("pk_tm_approvals")),
    )
    op.create_table(
        "tm_proposals",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.BigInteger(), nullable=False),
        sa.Column("workout_id", sa.Integer(), nullable=False),
        sa.Column("exercise", sa.String(length=64), nullable=False),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("old_amount", _decimal(), nullable=False),
        sa.Column("new_amount", _decimal(), nullable=False),
        sa.Column("unit", sa.String(length=2), nullable=False),
        sa.Column("increment", _decimal(), nullable=False),
        sa.Column("reason_kind", sa.String(length=40), nullable=False),
        sa.Column("reason_params", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("decision", sa.String(length=10), nullable=True),
        sa.Column("decided_at", sa.DateTime(timezone=True), nullable=True),
        sa.CheckConstraint("unit IN ('kg', 'lb')", name=op.f("ck_tm_proposals_unit")),
        sa.CheckConstraint(
            "decision IS NULL OR decision IN ('kept', 'declined', 'replaced')",
            name=op.f("ck_tm_proposals_decision"),
        ),
        sa.ForeignKeyConstraint(
            ["user_id"],
            ["users.telegram_id"],
            name=op.f("fk_tm_proposals_user_id_users"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["workout_id"],
            ["workouts.id"],
            name=op.f("fk_tm_proposals_workout_id_workouts"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["exercise"], ["exercises.slug"], name=op.f("fk_tm_proposals_exercise_exercises")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_tm_proposals")),
    )
    op.create_index("ix_tm_proposals_undecided", "tm_proposals", ["user_id", "decision"])
    with op.batch_alter_table("coaching_prompts") as batch_op:
        batch_op.drop_constraint(op.f("ck_coaching_prompts_purpose"), type_="check")
        batch_op.create_check_constraint(
            op.f("ck_coaching_prompts_purpose"), "purpose IN ('message', 'maxes', 'plan')"
        )


def downgrade() -> None:
    op.execute("DELETE FROM coaching_prompts WHERE purpose = 'plan'")
    with op.batch_alter_table("coaching_prompts") as batch_op:
        batch_op.drop_constraint(op.f("ck_coaching_prompts_purpose"), type_="check")
        batch_op.create_check_constraint(
            op.f("ck_coaching_prompts_purpose"), "purpose IN ('message', 'maxes')"
        )
    op.drop_index("ix_tm_proposals_undecided", table_name="tm_proposals")
    op.drop_table("tm_proposals")
    op.drop_table("tm_approvals")
