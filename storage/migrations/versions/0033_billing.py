"""billing: packages, payments and invoices, charges, session and coach ledgers, subscriptions

Revision ID: 0033
Revises: 0032
Create Date: 2026-12-05 00:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0033"
down_revision: str | None = "0032"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "billing_invoice_counters",
        sa.Column("coach_id", sa.BigInteger(), autoincrement=False, nullable=False),
        sa.Column("last", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["coach_id"],
            ["users.telegram_id"],
            name=op.f("fk_billing_invoice_counters_coach_id_users"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("coach_id", name=op.f("pk_billing_invoice_counters")),
    )
    op.create_table(
        "billing_packages",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("coach_id", sa.BigInteger(), nullable=False),
        sa.Column("kind", sa.String(length=10), nullable=False),
        sa.Column("name", sa.String(length=32), nullable=False),
        sa.Column("price", sa.Integer(), nullable=False),
        sa.Column("sessions", sa.Integer(), nullable=False),
        sa.Column("program_slug", sa.String(length=64), nullable=True),
        sa.Column("sessions_per_month", sa.Integer(), nullable=False),
        sa.Column("form_checks", sa.Boolean(), nullable=False),
        sa.Column("messaging", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("archived_at", sa.DateTime(timezone=True), nullable=True),
        sa.CheckConstraint(
            "kind IN ('program', 'monthly', 'sessions')", name=op.f("ck_billing_packages_kind")
        ),
        sa.CheckConstraint("price > 0", name=op.f("ck_billing_packages_price")),
        sa.ForeignKeyConstraint(
            ["coach_id"],
            ["users.telegram_id"],
            name=op.f("fk_billing_packages_coach_id_users"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_billing_packages")),
    )
    with op.batch_alter_table("billing_packages", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_billing_packages_coach_id"), ["coach_id"], unique=False
        )

    op.create_table(
        "billing_session_balances",
        sa.Column("athlete_id", sa.BigInteger(), autoincrement=False, nullable=False),
        sa.Column("coach_id", sa.BigInteger(), autoincrement=False, nullable=False),
        sa.Column("sessions", sa.Integer(), nullable=False),
        sa.CheckConstraint("sessions >= 0", name=op.f("ck_billing_session_balances_sessions")),
        sa.ForeignKeyConstraint(
            ["athlete_id"],
            ["users.telegram_id"],
            name=op.f("fk_billing_session_balances_athlete_id_users"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["coach_id"],
            ["users.telegram_id"],
            name=op.f("fk_billing_session_balances_coach_id_users"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("athlete_id", "coach_id", name=op.f("pk_billing_session_balances")),
    )
    op.create_table(
        "billing_payments",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("token", sa.String(length=32), nullable=False),
        sa.Column("coach_id", sa.BigInteger(), nullable=False),
        sa.Column("athlete_id", sa.BigInteger(), nullable=False),
        sa.Column("package_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=10), nullable=False),
        sa.Column("amount", sa.Integer(), nullable=False),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("lines", sa.Text(), nullable=False),
        sa.Column("status", sa.String(length=10), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("charge_id", sa.String(length=255), nullable=True),
        sa.Column("paid_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("refunded_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("recurring", sa.Boolean(), nullable=False),
        sa.Column("granted", sa.Boolean(), nullable=False),
        sa.CheckConstraint(
            "kind IN ('program', 'monthly', 'sessions')", name=op.f("ck_billing_payments_kind")
        ),
        sa.CheckConstraint(
            "status IN ('pending', 'completed', 'failed', 'refunded', 'cancelled')",
            name=op.f("ck_billing_payments_status"),
        ),
        sa.ForeignKeyConstraint(
            ["athlete_id"],
            ["users.telegram_id"],
            name=op.f("fk_billing_payments_athlete_id_users"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["coach_id"],
            ["users.telegram_id"],
            name=op.f("fk_billing_payments_coach_id_users"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["package_id"],
            ["billing_packages.id"],
            name=op.f("fk_billing_payments_package_id_billing_packages"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_billing_payments")),
        sa.UniqueConstraint("coach_id", "number", name="uq_billing_payments_coach_number"),
        sa.UniqueConstraint("token", name=op.f("uq_billing_payments_token")),
    )
    with op.batch_alter_table("billing_payments", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_billing_payments_athlete_id"), ["athlete_id"], unique=False
        )
        batch_op.create_index(
            "ix_billing_payments_waiting", ["kind", "status", "granted"], unique=False
        )

    op.create_table(
        "billing_subscriptions",
        sa.Column("athlete_id", sa.BigInteger(), autoincrement=False, nullable=False),
        sa.Column("coach_id", sa.BigInteger(), autoincrement=False, nullable=False),
        sa.Column("package_id", sa.Integer(), nullable=False),
        sa.Column("paid_until", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["athlete_id"],
            ["users.telegram_id"],
            name=op.f("fk_billing_subscriptions_athlete_id_users"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["coach_id"],
            ["users.telegram_id"],
            name=op.f("fk_billing_subscriptions_coach_id_users"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["package_id"],
            ["billing_packages.id"],
            name=op.f("fk_billing_subscriptions_package_id_billing_packages"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("athlete_id", "coach_id", name=op.f("pk_billing_subscriptions")),
    )
    with op.batch_alter_table("billing_subscriptions", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_billing_subscriptions_paid_until"), ["paid_until"], unique=False
        )

    op.create_table(
        "billing_charges",
        sa.Column("charge_id", sa.String(length=255), nullable=False),
        sa.Column("payment_id", sa.Integer(), nullable=False),
        sa.Column("recorded_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["payment_id"],
            ["billing_payments.id"],
            name=op.f("fk_billing_charges_payment_id_billing_payments"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("charge_id", name=op.f("pk_billing_charges")),
    )
    with op.batch_alter_table("billing_charges", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_billing_charges_payment_id"), ["payment_id"], unique=False
        )

    op.create_table(
        "billing_coach_ledger",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("coach_id", sa.BigInteger(), nullable=False),
        sa.Column("kind", sa.String(length=10), nullable=False),
        sa.Column("stars", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("payment_id", sa.Integer(), nullable=True),
        sa.Column("by", sa.BigInteger(), nullable=True),
        sa.CheckConstraint(
            "kind IN ('earned', 'refunded', 'paid_out')", name=op.f("ck_billing_coach_ledger_kind")
        ),
        sa.CheckConstraint("stars > 0", name=op.f("ck_billing_coach_ledger_stars")),
        sa.ForeignKeyConstraint(
            ["coach_id"],
            ["users.telegram_id"],
            name=op.f("fk_billing_coach_ledger_coach_id_users"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["payment_id"],
            ["billing_payments.id"],
            name=op.f("fk_billing_coach_ledger_payment_id_billing_payments"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_billing_coach_ledger")),
        sa.UniqueConstraint("payment_id", "kind", name="uq_billing_coach_ledger_payment"),
    )
    with op.batch_alter_table("billing_coach_ledger", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_billing_coach_ledger_coach_id"), ["coach_id"], unique=False
        )

    op.create_table(
        "billing_session_lines",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("athlete_id", sa.BigInteger(), nullable=False),
        sa.Column("coach_id", sa.BigInteger(), nullable=False),
        sa.Column("reason", sa.String(length=10), nullable=False),
        sa.Column("delta", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("payment_id", sa.Integer(), nullable=True),
        sa.Column("appointment_id", sa.BigInteger(), nullable=True),
        sa.ForeignKeyConstraint(
            ["athlete_id"],
            ["users.telegram_id"],
            name=op.f("fk_billing_session_lines_athlete_id_users"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["coach_id"],
            ["users.telegram_id"],
            name=op.f("fk_billing_session_lines_coach_id_users"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["payment_id"],
            ["billing_payments.id"],
            name=op.f("fk_billing_session_lines_payment_id_billing_payments"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_billing_session_lines")),
        sa.UniqueConstraint("appointment_id", name=op.f("uq_billing_session_lines_appointment_id")),
        sa.UniqueConstraint("payment_id", "reason", name="uq_billing_session_lines_payment"),
    )
    with op.batch_alter_table("billing_session_lines", schema=None) as batch_op:
        batch_op.create_index(
            "ix_billing_session_lines_pair", ["athlete_id", "coach_id"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("billing_session_lines", schema=None) as batch_op:
        batch_op.drop_index("ix_billing_session_lines_pair")

    op.drop_table("billing_session_lines")
    with op.batch_alter_table("billing_coach_ledger", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_billing_coach_ledger_coach_id"))

    op.drop_table("billing_coach_ledger")
    with op.batch_alter_table("billing_charges", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_billing_charges_payment_id"))

    op.drop_table("billing_charges")
    with op.batch_alter_table("billing_subscriptions", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_billing_subscriptions_paid_until"))

    op.drop_table("billing_subscriptions")
    with op.batch_alter_table("billing_payments", schema=None) as batch_op:
        batch_op.drop_index("ix_billing_payments_waiting")
        batch_op.drop_index(batch_op.f("ix_billing_payments_athlete_id"))

    op.drop_table("billing_payments")
    op.drop_table("billing_session_balances")
    with op.batch_alter_table("billing_packages", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_billing_packages_coach_id"))

    op.drop_table("billing_packages")
    op.drop_table("billing_invoice_counters")
