"""a board remembers what its message says, so a change that shows no differently is not sent

Revision ID: 0024
Revises: 0023
Create Date: 2026-12-04 19:30:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0024"
down_revision: str | None = "0023"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("team_boards") as batch_op:
        batch_op.add_column(sa.Column("shown_text", sa.Text(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("team_boards") as batch_op:
        batch_op.drop_column("shown_text")
