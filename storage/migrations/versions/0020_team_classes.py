"""team classes: weekly and one-off classes, their exception dates, occurrences, bookings,
the team's class settings and reminder opt-outs

Revision ID: 0020
Revises: 0019
Create Date: 2026-12-05 10:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0020"
down_revision: str | None = "0019"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "team_classes",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("team_id", sa.Integer(), nullable=False),
        sa.Column("coach_id", sa.BigInteger(), nullable=True),
        sa.Column("weekdays", sa.Integer(), nullable=False),
        sa.Column("once_on", sa.Date(), nullable=True),
        sa.Column("start_minute", sa.Integer(), nullable=False),
        sa.Column("duration_minutes", sa.Integer(), nullable=False),
        sa.Column("capacity", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint(
            "(weekdays = 0) <> (once_on IS NULL)", name=op.f("ck_team_classes_weekly_or_once")
        ),
        sa.CheckConstraint("capacity > 0", name=op.f("ck_team_classes_capacity")),
        sa.CheckConstraint("duration_minutes > 0", name=op.f("ck_team_classes_duration")),
        sa.CheckConstraint(
            "start_minute >= 0 AND start_minute < 1440", name=op.f("ck_team_classes_start")
        ),
        sa.ForeignKeyConstraint(
            ["team_id"],
            ["teams.id"],
            name=op.f("fk_team_classes_team_id_teams"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["coach_id"],
            ["users.telegram_id"],
            name=op.f("fk_team_classes_coach_id_users"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_team_classes")),
    )
    op.create_index(op.f("ix_team_classes_team_id"), "team_classes", ["team_id"])
    op.create_table(
        "team_class_exceptions",
        sa.Column("class_id", sa.Integer(), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.ForeignKeyConstraint(
            ["class_id"],
            ["team_classes.id"],
            name=op.f("fk_team_class_exceptions_class_id_team_classes"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("class_id", "day", name=op.f("pk_team_class_exceptions")),
    )
    op.create_table(
        "team_class_occurrences",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("class_id", sa.Integer(), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("starts_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["class_id"],
            ["team_classes.id"],
            name=op.f("fk_team_class_occurrences_class_id_team_classes"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_team_class_occurrences")),
        sa.UniqueConstraint("class_id", "day", name=op.f("uq_team_class_occurrences_class_id")),
    )
    op.create_index(
        op.f("ix_team_class_occurrences_starts_at"), "team_class_occurrences", ["starts_at"]
    )
    op.create_table(
        "team_class_bookings",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("occurrence_id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.BigInteger(), nullable=False),
        sa.Column("status", sa.String(length=10), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("booked_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("cancelled_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("late", sa.Boolean(), server_default=sa.false(), nullable=False),
        sa.Column("attendance", sa.String(length=10), nullable=True),
        sa.CheckConstraint(
            "status IN ('booked', 'waiting', 'cancelled')",
            name=op.f("ck_team_class_bookings_status"),
        ),
        sa.CheckConstraint(
            "attendance IN ('present', 'no_show')",
            name=op.f("ck_team_class_bookings_attendance"),
        ),
        sa.ForeignKeyConstraint(
            ["occurrence_id"],
            ["team_class_occurrences.id"],
            name=op.f("fk_team_class_bookings_occurrence_id_team_class_occurrences"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["user_id"],
            ["users.telegram_id"],
            name=op.f("fk_team_class_bookings_user_id_users"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_team_class_bookings")),
        sa.UniqueConstraint(
            "occurrence_id", "user_id", name=op.f("uq_team_class_bookings_occurrence_id")
        ),
    )
    op.create_index("ix_team_class_bookings_user", "team_class_bookings", ["user_id"])
    op.create_table(
        "team_class_settings",
        sa.Column("team_id", sa.Integer(), nullable=False),
        sa.Column("late_cancel_minutes", sa.Integer(), nullable=False),
        sa.Column("reminder_minutes", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["team_id"],
            ["teams.id"],
            name=op.f("fk_team_class_settings_team_id_teams"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("team_id", name=op.f("pk_team_class_settings")),
    )
    op.create_table(
        "team_class_reminder_optouts",
        sa.Column("team_id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.BigInteger(), nullable=False),
        sa.ForeignKeyConstraint(
            ["team_id"],
            ["teams.id"],
            name=op.f("fk_team_class_reminder_optouts_team_id_teams"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["user_id"],
            ["users.telegram_id"],
            name=op.f("fk_team_class_reminder_optouts_user_id_users"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("team_id", "user_id", name=op.f("pk_team_class_reminder_optouts")),
    )


def downgrade() -> None:
    op.drop_table("team_class_reminder_optouts")
    op.drop_table("team_class_settings")
    op.drop_index("ix_team_class_bookings_user", table_name="team_class_bookings")
    op.drop_table("team_class_bookings")
    op.drop_index(op.f("ix_team_class_occurrences_starts_at"), table_name="team_class_occurrences")
    op.drop_table("team_class_occurrences")
    op.drop_table("team_class_exceptions")
    op.drop_index(op.f("ix_team_classes_team_id"), table_name="team_classes")
    op.drop_table("team_classes")
