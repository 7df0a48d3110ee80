"""team tracks: programming tracks, subscriptions, the teams' posting settings and notes for a
day, the workouts posted; outbox messages that are pinned once sent

Revision ID: 0021
Revises: 0020
Create Date: 2026-12-05 12:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0021"
down_revision: str | None = "0020"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "team_wod_notes",
        sa.Column("team_id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("on_date", sa.Date(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("author_id", sa.BigInteger(), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["team_id"],
            ["teams.id"],
            name=op.f("fk_team_wod_notes_team_id_teams"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("team_id", "on_date", name=op.f("pk_team_wod_notes")),
    )
    op.create_table(
        "team_wod_settings",
        sa.Column("team_id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("post_minute", sa.Integer(), nullable=False),
        sa.Column("post_rest_days", sa.Boolean(), server_default=sa.false(), nullable=False),
        sa.Column("language", sa.String(length=35), nullable=True),
        sa.Column("next_post_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(
            ["team_id"],
            ["teams.id"],
            name=op.f("fk_team_wod_settings_team_id_teams"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("team_id", name=op.f("pk_team_wod_settings")),
    )
    with op.batch_alter_table("team_wod_settings", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_team_wod_settings_next_post_at"), ["next_post_at"], unique=False
        )

    op.create_table(
        "tracks",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=10), nullable=False),
        sa.Column("name", sa.String(length=60), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("team_id", sa.Integer(), nullable=True),
        sa.Column("owner_id", sa.BigInteger(), nullable=True),
        sa.Column("created_by", sa.BigInteger(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint("kind IN ('team', 'personal', 'public')", name=op.f("ck_tracks_kind")),
        sa.ForeignKeyConstraint(
            ["team_id"], ["teams.id"], name=op.f("fk_tracks_team_id_teams"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_tracks")),
    )
    with op.batch_alter_table("tracks", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_tracks_owner_id"), ["owner_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_tracks_team_id"), ["team_id"], unique=False)

    op.create_table(
        "track_subscriptions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("track_id", sa.Integer(), nullable=False),
        sa.Column("team_id", sa.Integer(), nullable=True),
        sa.Column("user_id", sa.BigInteger(), nullable=True),
        sa.Column("start", sa.Date(), nullable=False),
        sa.Column("day_offset", sa.Integer(), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("changed_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint(
            "(team_id IS NULL) <> (user_id IS NULL)",
            name=op.f("ck_track_subscriptions_one_subscriber"),
        ),
        sa.ForeignKeyConstraint(
            ["team_id"],
            ["teams.id"],
            name=op.f("fk_track_subscriptions_team_id_teams"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["track_id"],
            ["tracks.id"],
            name=op.f("fk_track_subscriptions_track_id_tracks"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_track_subscriptions")),
    )
    with op.batch_alter_table("track_subscriptions", schema=None) as batch_op:
        batch_op.create_index(
            "uq_track_subscriptions_team",
            ["team_id", "track_id"],
            unique=True,
            sqlite_where=sa.text("team_id IS NOT NULL"),
            postgresql_where=sa.text("team_id IS NOT NULL"),
        )
        batch_op.create_index(
            "uq_track_subscriptions_user",
            ["user_id", "track_id"],
            unique=True,
            sqlite_where=sa.text("user_id IS NOT NULL"),
            postgresql_where=sa.text("user_id IS NOT NULL"),
        )

    op.create_table(
        "team_wod_posts",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("team_id", sa.Integer(), nullable=False),
        sa.Column("subscription_id", sa.Integer(), nullable=False),
        sa.Column("track_id", sa.Integer(), nullable=False),
        sa.Column("on_date", sa.Date(), nullable=False),
        sa.Column("day_number", sa.Integer(), nullable=False),
        sa.Column("outbox_key", sa.String(length=200), nullable=False),
        sa.Column("chat_id", sa.BigInteger(), nullable=False),
        sa.Column("message_id", sa.BigInteger(), nullable=True),
        sa.ForeignKeyConstraint(
            ["subscription_id"],
            ["track_subscriptions.id"],
            name=op.f("fk_team_wod_posts_subscription_id_track_subscriptions"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["team_id"],
            ["teams.id"],
            name=op.f("fk_team_wod_posts_team_id_teams"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["track_id"],
            ["tracks.id"],
            name=op.f("fk_team_wod_posts_track_id_tracks"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_team_wod_posts")),
        sa.UniqueConstraint("outbox_key", name=op.f("uq_team_wod_posts_outbox_key")),
        sa.UniqueConstraint(
            "subscription_id", "on_date", name=op.f("uq_team_wod_posts_subscription_id")
        ),
    )
    with op.batch_alter_table("team_wod_posts", schema=None) as batch_op:
        batch_op.create_index("ix_team_wod_posts_message", ["chat_id", "message_id"], unique=False)
        batch_op.create_index("ix_team_wod_posts_team_day", ["team_id", "on_date"], unique=False)

    with op.batch_alter_table("outbox", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("pin", sa.Boolean(), server_default=sa.false(), nullable=False)
        )


def downgrade() -> None:
    with op.batch_alter_table("outbox", schema=None) as batch_op:
        batch_op.drop_column("pin")

    with op.batch_alter_table("team_wod_posts", schema=None) as batch_op:
        batch_op.drop_index("ix_team_wod_posts_team_day")
        batch_op.drop_index("ix_team_wod_posts_message")

    op.drop_table("team_wod_posts")
    with op.batch_alter_table("track_subscriptions", schema=None) as batch_op:
        batch_op.drop_index(
            "uq_track_subscriptions_user",
            sqlite_where=sa.text("user_id IS NOT NULL"),
            postgresql_where=sa.text("user_id IS NOT NULL"),
        )
        batch_op.drop_index(
            "uq_track_subscriptions_team",
            sqlite_where=sa.text("team_id IS NOT NULL"),
            postgresql_where=sa.text("team_id IS NOT NULL"),
        )

    op.drop_table("track_subscriptions")
    with op.batch_alter_table("tracks", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_tracks_team_id"))
        batch_op.drop_index(batch_op.f("ix_tracks_owner_id"))

    op.drop_table("tracks")
    with op.batch_alter_table("team_wod_settings", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_team_wod_settings_next_post_at"))

    op.drop_table("team_wod_settings")
    op.drop_table("team_wod_notes")
