"""the coach's digests: the morning one (wanted? last sent?) and the Sunday one, numbered

The Sunday digest's lines are numbered; `coach_week_lines` says which client each number is,
so a reply to a line reaches that client.

Revision ID: 0015
Revises: 0014
Create Date: 2026-12-04 17:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0015"
down_revision: str | None = "0014"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("coaches") as batch_op:
        batch_op.add_column(
            sa.Column("digest_off", sa.Boolean(), server_default=sa.false(), nullable=False)
        )
        batch_op.add_column(sa.Column("digest_sent_on", sa.Date(), nullable=True))
        batch_op.add_column(sa.Column("weekly_sent_week", sa.String(length=8), nullable=True))
    op.create_table(
        "coach_week_lines",
        sa.Column("coach_id", sa.BigInteger(), autoincrement=False, nullable=False),
        sa.Column("week", sa.String(length=8), nullable=False),
        sa.Column("number", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("athlete_id", sa.BigInteger(), nullable=False),
        sa.ForeignKeyConstraint(
            ["coach_id"],
            ["coaches.user_id"],
            name=op.f("fk_coach_week_lines_coach_id_coaches"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("coach_id", "week", "number", name=op.f("pk_coach_week_lines")),
    )


def downgrade() -> None:
    op.drop_table("coach_week_lines")
    with op.batch_alter_table("coaches") as batch_op:
        batch_op.drop_column("weekly_sent_week")
        batch_op.drop_column("digest_sent_on")
        batch_op.drop_column("digest_off")
