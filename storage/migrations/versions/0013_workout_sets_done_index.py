"""an index of the workout sets that were done, for "had this workout a set done?"

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-04 14:30:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0013"
down_revision: str | None = "0012"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_index(
        "ix_workout_sets_done",
        "workout_sets",
        ["workout_id"],
        sqlite_where=sa.text("done_reps IS NOT NULL"),
        postgresql_where=sa.text("done_reps IS NOT NULL"),
    )


def downgrade() -> None:
    op.drop_index("ix_workout_sets_done", table_name="workout_sets")
