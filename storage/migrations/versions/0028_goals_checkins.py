"""goals, coach assessments and their prompts; weekly check-ins and the day each athlete is asked

Revision ID: 0028
Revises: 0027
Create Date: 2026-12-04 23:50:00
"""

from collections.abc import Sequence
from decimal import Decimal

import sqlalchemy as sa
from alembic import op

revision: str = "0028"
down_revision: str | None = "0027"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def _decimal() -> sa.types.TypeEngine[Decimal]:
    # SQLite has no exact decimal type; the text of the Decimal round-trips exactly.
    return sa.Numeric().with_variant(sa.Text(), "sqlite")


def _athlete() -> sa.Column[int]:
    return sa.Column("athlete_id", sa.BigInteger(), nullable=False)


def upgrade() -> None:
    op.create_table(
        "goals",
        sa.Column("id", sa.Integer(), nullable=False),
        _athlete(),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("subject", sa.String(length=60), nullable=True),
        sa.Column("target", _decimal(), nullable=False),
        sa.Column("unit", sa.String(length=2), nullable=True),
        sa.Column("due", sa.Date(), nullable=False),
        sa.Column("status", sa.String(length=10), nullable=False),
        sa.Column("start", _decimal(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("reached_at", sa.DateTime(timezone=True), nullable=True),
        sa.CheckConstraint(
            "kind IN ('lift', 'e1rm', 'body_weight', 'benchmark', 'sessions', 'measurement')",
            name=op.f("ck_goals_kind"),
        ),
        sa.CheckConstraint(
            "status IN ('active', 'completed', 'paused')", name=op.f("ck_goals_status")
        ),
        sa.ForeignKeyConstraint(
            ["athlete_id"],
            ["users.telegram_id"],
            name=op.f("fk_goals_athlete_id_users"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_goals")),
    )
    op.create_index("ix_goals_athlete", "goals", ["athlete_id"])
    op.create_index("ix_goals_status", "goals", ["status"])
    op.create_table(
        "assessments",
        sa.Column("id", sa.Integer(), nullable=False),
        _athlete(),
        sa.Column("coach_id", sa.BigInteger(), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("tests", sa.Text(), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["athlete_id"],
            ["users.telegram_id"],
            name=op.f("fk_assessments_athlete_id_users"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_assessments")),
    )
    op.create_index("ix_assessments_athlete", "assessments", ["athlete_id", "day"])
    op.create_table(
        "assessment_prompts",
        sa.Column("chat_id", sa.BigInteger(), autoincrement=False, nullable=False),
        sa.Column("message_id", sa.BigInteger(), autoincrement=False, nullable=False),
        sa.Column("coach_id", sa.BigInteger(), nullable=False),
        _athlete(),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["athlete_id"],
            ["users.telegram_id"],
            name=op.f("fk_assessment_prompts_athlete_id_users"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("chat_id", "message_id", name=op.f("pk_assessment_prompts")),
    )
    op.create_table(
        "checkin_days",
        _athlete(),
        sa.Column("weekday", sa.SmallInteger(), nullable=True),
        sa.Column("at", sa.Time(), nullable=False),
        sa.ForeignKeyConstraint(
            ["athlete_id"],
            ["users.telegram_id"],
            name=op.f("fk_checkin_days_athlete_id_users"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("athlete_id", name=op.f("pk_checkin_days")),
    )
    op.create_table(
        "checkins",
        sa.Column("id", sa.Integer(), nullable=False),
        _athlete(),
        sa.Column("week", sa.String(length=8), nullable=False),
        sa.Column("sent_at", sa.DateTime(timezone=True), nullable=False),
        *(
            sa.Column(name, sa.SmallInteger(), nullable=True)
            for name in ("sleep", "energy", "stress", "soreness", "mood")
        ),
        sa.Column("completed_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(
            ["athlete_id"],
            ["users.telegram_id"],
            name=op.f("fk_checkins_athlete_id_users"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_checkins")),
        sa.UniqueConstraint("athlete_id", "week", name="uq_checkins_athlete_week"),
    )
    op.create_index("ix_checkins_completed", "checkins", ["completed_at"])


def downgrade() -> None:
    op.drop_index("ix_checkins_completed", table_name="checkins")
    op.drop_table("checkins")
    op.drop_table("checkin_days")
    op.drop_table("assessment_prompts")
    op.drop_index("ix_assessments_athlete", table_name="assessments")
    op.drop_table("assessments")
    op.drop_index("ix_goals_status", table_name="goals")
    op.drop_index("ix_goals_athlete", table_name="goals")
    op.drop_table("goals")
