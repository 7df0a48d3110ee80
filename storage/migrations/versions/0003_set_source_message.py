"""workout sets remember the message that logged them

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-21 03:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("workout_sets") as batch_op:
        batch_op.add_column(sa.Column("source_message_id", sa.BigInteger(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("workout_sets") as batch_op:
        batch_op.drop_column("source_message_id")
