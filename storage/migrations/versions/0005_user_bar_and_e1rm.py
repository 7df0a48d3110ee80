"""athletes choose their bar and their e1RM formula

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-21 03:45:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("users") as batch_op:
        batch_op.add_column(
            sa.Column("e1rm_formula", sa.String(length=16), server_default="epley", nullable=False)
        )
        batch_op.add_column(
            sa.Column("bar_amount", sa.Numeric().with_variant(sa.Text(), "sqlite"), nullable=True)
        )
        batch_op.add_column(sa.Column("bar_unit", sa.String(length=2), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("users") as batch_op:
        batch_op.drop_column("bar_unit")
        batch_op.drop_column("bar_amount")
        batch_op.drop_column("e1rm_formula")
