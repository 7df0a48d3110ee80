"""engagement rows keep the last session up to the day's end, for the at-risk rules

Revision ID: 0036
Revises: 0035
Create Date: 2026-12-05 02:30:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0036"
down_revision: str | None = "0035"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("engagement_days") as batch_op:
        batch_op.add_column(sa.Column("last_session", sa.DateTime(timezone=True), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("engagement_days") as batch_op:
        batch_op.drop_column("last_session")
