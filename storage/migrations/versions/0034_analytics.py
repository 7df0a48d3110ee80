"""analytics: each client's engagement a day, one row per client, coach and local day

Revision ID: 0034
Revises: 0033
Create Date: 2026-12-05 00:30:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0034"
down_revision: str | None = "0033"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "engagement_days",
        sa.Column("athlete_id", sa.BigInteger(), autoincrement=False, nullable=False),
        sa.Column("coach_id", sa.BigInteger(), autoincrement=False, nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("sets_logged", sa.Integer(), nullable=False),
        sa.Column("workouts_finished", sa.Integer(), nullable=False),
        sa.Column("conditioning_results", sa.Integer(), nullable=False),
        sa.Column("videos_sent", sa.Integer(), nullable=False),
        sa.Column("messages_to_coach", sa.Integer(), nullable=False),
        sa.Column("check_ins_answered", sa.Integer(), nullable=False),
        sa.Column("sessions_done", sa.Integer(), nullable=False),
        sa.Column("completion", sa.Float(), nullable=True),
        sa.Column("last_activity", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(
            ["athlete_id"],
            ["users.telegram_id"],
            name=op.f("fk_engagement_days_athlete_id_users"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["coach_id"],
            ["users.telegram_id"],
            name=op.f("fk_engagement_days_coach_id_users"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("athlete_id", "coach_id", "day", name=op.f("pk_engagement_days")),
    )
    with op.batch_alter_table("engagement_days", schema=None) as batch_op:
        batch_op.create_index("ix_engagement_days_coach_id_day", ["coach_id", "day"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("engagement_days", schema=None) as batch_op:
        batch_op.drop_index("ix_engagement_days_coach_id_day")

    op.drop_table("engagement_days")
