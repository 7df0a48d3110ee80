"""the coach's morning digest: whether they want it, and the local day it last went out

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


def downgrade() -> None:
    with op.batch_alter_table("coaches") as batch_op:
        batch_op.drop_column("digest_sent_on")
        batch_op.drop_column("digest_off")
