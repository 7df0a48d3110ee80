"""paid tracks: a track's price and trial, a subscription's access, billing's track targets

Revision ID: 0035
Revises: 0034
Create Date: 2026-12-05 00:45:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0035"
down_revision: str | None = "0034"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("tracks") as batch_op:
        batch_op.add_column(
            sa.Column("price_kind", sa.String(length=10), server_default="free", nullable=False)
        )
        batch_op.add_column(sa.Column("price", sa.Integer(), server_default="0", nullable=False))
        batch_op.add_column(
            sa.Column("trial_days", sa.Integer(), server_default="0", nullable=False)
        )
        batch_op.create_check_constraint(
            batch_op.f("ck_tracks_price_kind"), "price_kind IN ('free', 'once', 'monthly')"
        )
        batch_op.create_check_constraint(
            batch_op.f("ck_tracks_price"), "price >= 0 AND trial_days >= 0"
        )
    with op.batch_alter_table("track_subscriptions") as batch_op:
        batch_op.add_column(sa.Column("access_until", sa.DateTime(timezone=True), nullable=True))
        batch_op.add_column(
            sa.Column("paid_for_good", sa.Boolean(), server_default=sa.false(), nullable=False)
        )
        batch_op.create_index(
            batch_op.f("ix_track_subscriptions_access_until"), ["access_until"], unique=False
        )
    with op.batch_alter_table("billing_packages") as batch_op:
        batch_op.add_column(sa.Column("track_id", sa.Integer(), nullable=True))
        batch_op.create_index(
            batch_op.f("ix_billing_packages_track_id"), ["track_id"], unique=False
        )
        batch_op.create_foreign_key(
            batch_op.f("fk_billing_packages_track_id_tracks"),
            "tracks",
            ["track_id"],
            ["id"],
            ondelete="CASCADE",
        )
    with op.batch_alter_table("billing_payments") as batch_op:
        batch_op.add_column(sa.Column("track_subscription_id", sa.Integer(), nullable=True))
        batch_op.create_foreign_key(
            batch_op.f("fk_billing_payments_track_subscription_id_track_subscriptions"),
            "track_subscriptions",
            ["track_subscription_id"],
            ["id"],
            ondelete="SET NULL",
        )


def downgrade() -> None:
    with op.batch_alter_table("billing_payments") as batch_op:
        batch_op.drop_constraint(
            batch_op.f("fk_billing_payments_track_subscription_id_track_subscriptions"),
            type_="foreignkey",
        )
        batch_op.drop_column("track_subscription_id")
    with op.batch_alter_table("billing_packages") as batch_op:
        batch_op.drop_constraint(
            batch_op.f("fk_billing_packages_track_id_tracks"), type_="foreignkey"
        )
        batch_op.drop_index(batch_op.f("ix_billing_packages_track_id"))
        batch_op.drop_column("track_id")
    with op.batch_alter_table("track_subscriptions") as batch_op:
        batch_op.drop_index(batch_op.f("ix_track_subscriptions_access_until"))
        batch_op.drop_column("paid_for_good")
        batch_op.drop_column("access_until")
    with op.batch_alter_table("tracks") as batch_op:
        batch_op.drop_constraint(batch_op.f("ck_tracks_price"), type_="check")
        batch_op.drop_constraint(batch_op.f("ck_tracks_price_kind"), type_="check")
        batch_op.drop_column("trial_days")
        batch_op.drop_column("price")
        batch_op.drop_column("price_kind")
