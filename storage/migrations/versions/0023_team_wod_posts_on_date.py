"""team wod posts by date: the scheduler reads recent days of posts and boards only

Revision ID: 0023
Revises: 0022
Create Date: 2026-12-09 12:00:00
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0023"
down_revision: str | None = "0022"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("team_wod_posts", schema=None) as batch_op:
        batch_op.create_index("ix_team_wod_posts_on_date", ["on_date"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("team_wod_posts", schema=None) as batch_op:
        batch_op.drop_index("ix_team_wod_posts_on_date")
