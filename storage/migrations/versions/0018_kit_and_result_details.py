"""athletes' MetCon kit and Rx division; a result's percentile and its sets

Revision ID: 0018
Revises: 0017
Create Date: 2026-12-04 18:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0018"
down_revision: str | None = "0017"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("users") as batch_op:
        batch_op.add_column(sa.Column("kit", sa.Text(), nullable=True))
        batch_op.add_column(
            sa.Column("division", sa.String(length=5), server_default="men", nullable=False)
        )
        batch_op.create_check_constraint(op.f("ck_users_division"), "division IN ('men', 'women')")
    with op.batch_alter_table("conditioning_results") as batch_op:
        batch_op.add_column(sa.Column("percentile", sa.Float(), nullable=True))
        batch_op.add_column(sa.Column("sets", sa.Text(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("conditioning_results") as batch_op:
        batch_op.drop_column("sets")
        batch_op.drop_column("percentile")
    with op.batch_alter_table("users") as batch_op:
        batch_op.drop_constraint(op.f("ck_users_division"), type_="check")
        batch_op.drop_column("division")
        batch_op.drop_column("kit")
