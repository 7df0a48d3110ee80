"""reminders: each athlete's training days, time, quiet hours and weekly-summary choice, with
the next moment each kind of message is due (UTC)

Rows are created by the reminders job for every athlete (reminders off, the weekly summary on),
so nothing is carried over here.

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-01 10:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0008"
down_revision: str | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "reminders",
        sa.Column("athlete_id", sa.BigInteger(), autoincrement=False, nullable=False),
        sa.Column("enabled", sa.Boolean(), nullable=False),
        sa.Column("days", sa.Integer(), nullable=False),
        sa.Column("at_minute", sa.Integer(), nullable=False),
        sa.Column("quiet_start", sa.Integer(), nullable=True),
        sa.Column("quiet_end", sa.Integer(), nullable=True),
        sa.Column("weekly_summary", sa.Boolean(), nullable=False),
        sa.Column("since", sa.DateTime(timezone=True), nullable=True),
        sa.Column("time_zone", sa.String(length=64), nullable=True),
        sa.Column("next_due", sa.DateTime(timezone=True), nullable=True),
        sa.Column("check_day", sa.Date(), nullable=True),
        sa.Column("check_due", sa.DateTime(timezone=True), nullable=True),
        sa.Column("summary_due", sa.DateTime(timezone=True), nullable=True),
        sa.CheckConstraint("days BETWEEN 0 AND 127", name=op.f("ck_reminders_days")),
        sa.CheckConstraint("at_minute BETWEEN 0 AND 1439", name=op.f("ck_reminders_at_minute")),
        sa.CheckConstraint(
            "(quiet_start IS NULL AND quiet_end IS NULL) OR (quiet_start BETWEEN 0 AND 1439"
            " AND quiet_end BETWEEN 0 AND 1439 AND quiet_start <> quiet_end)",
            name=op.f("ck_reminders_quiet"),
        ),
        sa.ForeignKeyConstraint(
            ["athlete_id"],
            ["users.telegram_id"],
            name=op.f("fk_reminders_athlete_id_users"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("athlete_id", name=op.f("pk_reminders")),
    )
    op.create_index(op.f("ix_reminders_next_due"), "reminders", ["next_due"])
    op.create_index(op.f("ix_reminders_check_due"), "reminders", ["check_due"])
    op.create_index(op.f("ix_reminders_summary_due"), "reminders", ["summary_due"])


def downgrade() -> None:
    op.drop_index(op.f("ix_reminders_summary_due"), table_name="reminders")
    op.drop_index(op.f("ix_reminders_check_due"), table_name="reminders")
    op.drop_index(op.f("ix_reminders_next_due"), table_name="reminders")
    op.drop_table("reminders")
