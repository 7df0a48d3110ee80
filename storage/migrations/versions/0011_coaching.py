"""coaching: coaches, their invite links (payloads stored hashed) and coachings

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-04 13:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0011"
down_revision: str | None = "0010"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "coaches",
        sa.Column("user_id", sa.BigInteger(), autoincrement=False, nullable=False),
        sa.Column("since", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["user_id"],
            ["users.telegram_id"],
            name=op.f("fk_coaches_user_id_users"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("user_id", name=op.f("pk_coaches")),
    )
    op.create_table(
        "coach_invites",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("coach_id", sa.BigInteger(), nullable=False),
        sa.Column("payload_hash", sa.String(length=64), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("expires_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("multi_use", sa.Boolean(), nullable=False),
        sa.Column("uses", sa.Integer(), nullable=False),
        sa.Column("revoked_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(
            ["coach_id"],
            ["coaches.user_id"],
            name=op.f("fk_coach_invites_coach_id_coaches"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_coach_invites")),
        sa.UniqueConstraint("payload_hash", name=op.f("uq_coach_invites_payload_hash")),
    )
    op.create_index(op.f("ix_coach_invites_coach_id"), "coach_invites", ["coach_id"])
    op.create_table(
        "coachings",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("coach_id", sa.BigInteger(), nullable=False),
        sa.Column("athlete_id", sa.BigInteger(), nullable=False),
        sa.Column("started_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("ended_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("reports_muted", sa.Boolean(), server_default=sa.false(), nullable=False),
        sa.ForeignKeyConstraint(
            ["coach_id"],
            ["coaches.user_id"],
            name=op.f("fk_coachings_coach_id_coaches"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["athlete_id"],
            ["users.telegram_id"],
            name=op.f("fk_coachings_athlete_id_users"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_coachings")),
    )
    op.create_index(
        "uq_coachings_one_current",
        "coachings",
        ["athlete_id"],
        unique=True,
        sqlite_where=sa.text("ended_at IS NULL"),
        postgresql_where=sa.text("ended_at IS NULL"),
    )
    op.create_index("ix_coachings_coach_current", "coachings", ["coach_id", "ended_at"])


def downgrade() -> None:
    op.drop_index("ix_coachings_coach_current", table_name="coachings")
    op.drop_index("uq_coachings_one_current", table_name="coachings")
    op.drop_table("coachings")
    op.drop_index(op.f("ix_coach_invites_coach_id"), table_name="coach_invites")
    op.drop_table("coach_invites")
    op.drop_table("coaches")
