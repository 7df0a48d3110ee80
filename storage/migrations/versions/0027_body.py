"""body (#15): measurements and progress photos by the athlete's local day, and the weekly
weigh-in reminder

Revision ID: 0027
Revises: 0026
Create Date: 2026-12-04 23:30:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0027"
down_revision: str | None = "0026"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def _athlete() -> sa.Column[int]:
    return sa.Column("athlete_id", sa.BigInteger(), nullable=False)


def _athlete_key(table: str) -> sa.ForeignKeyConstraint:
    return sa.ForeignKeyConstraint(
        ["athlete_id"],
        ["users.telegram_id"],
        name=op.f(f"fk_{table}_athlete_id_users"),
        ondelete="CASCADE",
    )


def upgrade() -> None:
    op.create_table(
        "body_measurements",
        _athlete(),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("name", sa.String(length=24), nullable=False),
        sa.Column(
            "value",
            # SQLite has no exact decimal type; the text of the Decimal round-trips exactly.
            sa.Numeric(precision=10, scale=3).with_variant(sa.Text(), "sqlite"),
            nullable=False,
        ),
        sa.Column("logged_at", sa.DateTime(timezone=True), nullable=False),
        _athlete_key("body_measurements"),
        sa.PrimaryKeyConstraint("athlete_id", "day", "name", name=op.f("pk_body_measurements")),
    )
    op.create_table(
        "body_photos",
        _athlete(),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("pose", sa.String(length=8), nullable=False),
        sa.Column("file_id", sa.String(length=255), nullable=False),
        sa.Column("file_unique_id", sa.String(length=64), nullable=False),
        sa.Column("logged_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint("pose IN ('front', 'side', 'back')", name=op.f("ck_body_photos_pose")),
        _athlete_key("body_photos"),
        sa.PrimaryKeyConstraint("athlete_id", "day", "pose", name=op.f("pk_body_photos")),
    )
    op.create_table(
        "body_reminders",
        _athlete(),
        sa.Column("enabled", sa.Boolean(), nullable=False),
        _athlete_key("body_reminders"),
        sa.PrimaryKeyConstraint("athlete_id", name=op.f("pk_body_reminders")),
    )


def downgrade() -> None:
    op.drop_table("body_reminders")
    op.drop_table("body_photos")
    op.drop_table("body_measurements")
