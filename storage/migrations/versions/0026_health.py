"""health: the PAR-Q record and history, emergency contacts, coaches' acknowledgements

Revision ID: 0026
Revises: 0025
Create Date: 2026-12-04 23:30:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0026"
down_revision: str | None = "0025"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "health_records",
        sa.Column("athlete_id", sa.BigInteger(), nullable=False),
        sa.Column("parq", sa.String(length=7), nullable=False),
        sa.Column("conditions", sa.Text(), nullable=True),
        sa.Column("injuries", sa.Text(), nullable=True),
        sa.Column("medications", sa.Text(), nullable=True),
        sa.Column("limitations", sa.Text(), nullable=True),
        sa.Column("fitness", sa.String(length=12), nullable=True),
        sa.Column("intake_step", sa.Integer(), nullable=True),
        sa.Column("completed_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=True),
        sa.CheckConstraint(
            "fitness IN ('sedentary', 'beginner', 'intermediate', 'advanced')",
            name=op.f("ck_health_records_fitness"),
        ),
        sa.ForeignKeyConstraint(
            ["athlete_id"],
            ["users.telegram_id"],
            name=op.f("fk_health_records_athlete_id_users"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("athlete_id", name=op.f("pk_health_records")),
    )
    op.create_table(
        "health_contacts",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("athlete_id", sa.BigInteger(), nullable=False),
        sa.Column("name", sa.String(length=64), nullable=False),
        sa.Column("relation", sa.String(length=64), nullable=False),
        sa.Column("phone", sa.String(length=16), nullable=False),
        sa.Column("is_primary", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["athlete_id"],
            ["users.telegram_id"],
            name=op.f("fk_health_contacts_athlete_id_users"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_health_contacts")),
    )
    op.create_index("ix_health_contacts_athlete", "health_contacts", ["athlete_id"])
    op.create_table(
        "health_acknowledgements",
        sa.Column("athlete_id", sa.BigInteger(), nullable=False),
        sa.Column("coach_id", sa.BigInteger(), nullable=False),
        sa.Column("questions", sa.Integer(), nullable=False),
        sa.Column("acknowledged_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["athlete_id"],
            ["users.telegram_id"],
            name=op.f("fk_health_acknowledgements_athlete_id_users"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["coach_id"],
            ["users.telegram_id"],
            name=op.f("fk_health_acknowledgements_coach_id_users"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("athlete_id", "coach_id", name=op.f("pk_health_acknowledgements")),
    )


def downgrade() -> None:
    op.drop_table("health_acknowledgements")
    op.drop_index("ix_health_contacts_athlete", table_name="health_contacts")
    op.drop_table("health_contacts")
    op.drop_table("health_records")
