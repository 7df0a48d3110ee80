"""bookings: a coach's weekly windows, recurring series, bookings (a slot's seat held once
among active bookings, by a partial unique index) and each athlete's reminder offsets

Revision ID: 0032
Revises: 0030
Create Date: 2026-12-04 23:35:45
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0032"
down_revision: str | None = "0030"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "booking_reminders",
        sa.Column("athlete_id", sa.BigInteger(), nullable=False),
        sa.Column("minutes", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["athlete_id"],
            ["users.telegram_id"],
            name=op.f("fk_booking_reminders_athlete_id_users"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("athlete_id", name=op.f("pk_booking_reminders")),
    )
    op.create_table(
        "booking_series",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("athlete_id", sa.BigInteger(), nullable=False),
        sa.Column("coach_id", sa.BigInteger(), nullable=False),
        sa.Column("frequency", sa.String(length=10), nullable=False),
        sa.Column("first_day", sa.Date(), nullable=False),
        sa.Column("at_minute", sa.Integer(), nullable=False),
        sa.Column("until", sa.Date(), nullable=True),
        sa.Column("count", sa.Integer(), nullable=True),
        sa.Column("exceptions", sa.Text(), nullable=False),
        sa.CheckConstraint(
            "frequency IN ('weekly', 'biweekly', 'monthly')",
            name=op.f("ck_booking_series_frequency"),
        ),
        sa.ForeignKeyConstraint(
            ["athlete_id"],
            ["users.telegram_id"],
            name=op.f("fk_booking_series_athlete_id_users"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["coach_id"],
            ["users.telegram_id"],
            name=op.f("fk_booking_series_coach_id_users"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_booking_series")),
    )
    with op.batch_alter_table("booking_series", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_booking_series_athlete_id"), ["athlete_id"], unique=False
        )

    op.create_table(
        "booking_windows",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("coach_id", sa.BigInteger(), nullable=False),
        sa.Column("weekdays", sa.Integer(), nullable=False),
        sa.Column("start_minute", sa.Integer(), nullable=False),
        sa.Column("end_minute", sa.Integer(), nullable=False),
        sa.Column("slot_minutes", sa.Integer(), nullable=False),
        sa.Column("buffer_minutes", sa.Integer(), nullable=False),
        sa.Column("valid_from", sa.Date(), nullable=True),
        sa.Column("valid_until", sa.Date(), nullable=True),
        sa.Column("capacity", sa.Integer(), nullable=False),
        sa.Column("price", sa.Integer(), nullable=True),
        sa.CheckConstraint("capacity > 0", name=op.f("ck_booking_windows_capacity")),
        sa.CheckConstraint(
            "slot_minutes > 0 AND buffer_minutes >= 0", name=op.f("ck_booking_windows_lengths")
        ),
        sa.CheckConstraint(
            "start_minute >= 0 AND end_minute < 1440", name=op.f("ck_booking_windows_minutes")
        ),
        sa.CheckConstraint(
            "weekdays > 0 AND weekdays < 128", name=op.f("ck_booking_windows_weekdays")
        ),
        sa.ForeignKeyConstraint(
            ["coach_id"],
            ["users.telegram_id"],
            name=op.f("fk_booking_windows_coach_id_users"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_booking_windows")),
    )
    with op.batch_alter_table("booking_windows", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_booking_windows_coach_id"), ["coach_id"], unique=False)

    op.create_table(
        "bookings",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("coach_id", sa.BigInteger(), nullable=False),
        sa.Column("athlete_id", sa.BigInteger(), nullable=False),
        sa.Column("starts_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("ends_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("status", sa.String(length=12), nullable=False),
        sa.Column("seat", sa.Integer(), nullable=False),
        sa.Column("capacity", sa.Integer(), nullable=False),
        sa.Column("price", sa.Integer(), nullable=True),
        sa.Column("booked_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("series_id", sa.Integer(), nullable=True),
        sa.Column("moved_to", sa.Integer(), nullable=True),
        sa.CheckConstraint(
            "status IN ('scheduled', 'confirmed', 'completed', 'cancelled', 'rescheduled', "
            "'no_show')",
            name=op.f("ck_bookings_status"),
        ),
        sa.CheckConstraint("seat > 0 AND seat <= capacity", name=op.f("ck_bookings_seat")),
        sa.ForeignKeyConstraint(
            ["athlete_id"],
            ["users.telegram_id"],
            name=op.f("fk_bookings_athlete_id_users"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["coach_id"],
            ["users.telegram_id"],
            name=op.f("fk_bookings_coach_id_users"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["moved_to"],
            ["bookings.id"],
            name=op.f("fk_bookings_moved_to_bookings"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["series_id"],
            ["booking_series.id"],
            name=op.f("fk_bookings_series_id_booking_series"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_bookings")),
    )
    with op.batch_alter_table("bookings", schema=None) as batch_op:
        batch_op.create_index("ix_bookings_starts_at", ["starts_at"], unique=False)
        batch_op.create_index(
            "uq_bookings_athlete_slot",
            ["athlete_id", "coach_id", "starts_at"],
            unique=True,
            sqlite_where=sa.text("status IN ('confirmed', 'scheduled')"),
            postgresql_where=sa.text("status IN ('confirmed', 'scheduled')"),
        )
        batch_op.create_index(
            "uq_bookings_seat",
            ["coach_id", "starts_at", "seat"],
            unique=True,
            sqlite_where=sa.text("status IN ('confirmed', 'scheduled')"),
            postgresql_where=sa.text("status IN ('confirmed', 'scheduled')"),
        )


def downgrade() -> None:
    with op.batch_alter_table("bookings", schema=None) as batch_op:
        batch_op.drop_index(
            "uq_bookings_seat",
            sqlite_where=sa.text("status IN ('confirmed', 'scheduled')"),
            postgresql_where=sa.text("status IN ('confirmed', 'scheduled')"),
        )
        batch_op.drop_index(
            "uq_bookings_athlete_slot",
            sqlite_where=sa.text("status IN ('confirmed', 'scheduled')"),
            postgresql_where=sa.text("status IN ('confirmed', 'scheduled')"),
        )
        batch_op.drop_index("ix_bookings_starts_at")

    op.drop_table("bookings")
    with op.batch_alter_table("booking_windows", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_booking_windows_coach_id"))

    op.drop_table("booking_windows")
    with op.batch_alter_table("booking_series", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_booking_series_athlete_id"))

    op.drop_table("booking_series")
    op.drop_table("booking_reminders")
