"""form videos: clips for review, the cards that show them, feedback; media in the outbox

The outbox learns two kinds: `video` (a file id, sent again from a second) and `copy` (a
message of another chat, copied), kept as JSON in `media`, and `reply_to`. The coaching thread
learns events (plan assigned, training maxes set, clip reviewed, new clip asked).

Revision ID: 0014
Revises: 0013
Create Date: 2026-12-04 16:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0014"
down_revision: str | None = "0013"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_EVENTS = (
    "event IS NULL OR event IN"
    " ('plan_assigned', 'plan_edited', 'maxes_set', 'video_reviewed', 'revision_asked')"
)


def upgrade() -> None:
    with op.batch_alter_table("outbox") as batch_op:
        batch_op.add_column(sa.Column("media", sa.Text(), nullable=True))
        batch_op.add_column(sa.Column("reply_to", sa.BigInteger(), nullable=True))
        batch_op.drop_constraint(op.f("ck_outbox_kind"), type_="check")
        batch_op.create_check_constraint(
            op.f("ck_outbox_kind"), "kind IN ('text', 'photo', 'video', 'copy')"
        )
    with op.batch_alter_table("coaching_messages") as batch_op:
        batch_op.add_column(sa.Column("event", sa.String(length=20), nullable=True))
        batch_op.create_check_constraint(op.f("ck_coaching_messages_event"), _EVENTS)
    op.create_table(
        "form_videos",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("coaching_id", sa.Integer(), nullable=False),
        sa.Column("athlete_id", sa.BigInteger(), nullable=False),
        sa.Column("file_id", sa.String(length=200), nullable=False),
        sa.Column("kind", sa.String(length=10), nullable=False),
        sa.Column("chat_id", sa.BigInteger(), nullable=False),
        sa.Column("message_id", sa.BigInteger(), nullable=False),
        sa.Column("duration", sa.Integer(), nullable=False),
        sa.Column("received_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("workout_id", sa.Integer(), nullable=True),
        sa.Column("set_position", sa.Integer(), nullable=True),
        sa.Column("revision_of", sa.Integer(), nullable=True),
        sa.Column("submitted_at", sa.DateTime(timezone=True), nullable=True),
        sa.CheckConstraint("kind IN ('video', 'video_note')", name=op.f("ck_form_videos_kind")),
        sa.CheckConstraint(
            "status IN ('choosing', 'pending', 'in_review', 'reviewed', 'needs_revision')",
            name=op.f("ck_form_videos_status"),
        ),
        sa.ForeignKeyConstraint(
            ["coaching_id"],
            ["coachings.id"],
            name=op.f("fk_form_videos_coaching_id_coachings"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["workout_id"],
            ["workouts.id"],
            name=op.f("fk_form_videos_workout_id_workouts"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["revision_of"],
            ["form_videos.id"],
            name=op.f("fk_form_videos_revision_of_form_videos"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_form_videos")),
    )
    op.create_index("uq_form_videos_message", "form_videos", ["chat_id", "message_id"], unique=True)
    op.create_index("ix_form_videos_coaching_status", "form_videos", ["coaching_id", "status"])
    op.create_table(
        "form_video_cards",
        sa.Column("chat_id", sa.BigInteger(), autoincrement=False, nullable=False),
        sa.Column("message_id", sa.BigInteger(), autoincrement=False, nullable=False),
        sa.Column("video_id", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["video_id"],
            ["form_videos.id"],
            name=op.f("fk_form_video_cards_video_id_form_videos"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("chat_id", "message_id", name=op.f("pk_form_video_cards")),
    )
    op.create_table(
        "form_video_feedback",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("video_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=10), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("chat_id", sa.BigInteger(), nullable=False),
        sa.Column("message_id", sa.BigInteger(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint(
            "kind IN ('text', 'voice', 'video_note')", name=op.f("ck_form_video_feedback_kind")
        ),
        sa.ForeignKeyConstraint(
            ["video_id"],
            ["form_videos.id"],
            name=op.f("fk_form_video_feedback_video_id_form_videos"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_form_video_feedback")),
    )
    op.create_index(
        "uq_form_video_feedback_message",
        "form_video_feedback",
        ["chat_id", "message_id"],
        unique=True,
    )


def downgrade() -> None:
    op.drop_table("form_video_feedback")
    op.drop_table("form_video_cards")
    op.drop_index("ix_form_videos_coaching_status", table_name="form_videos")
    op.drop_index("uq_form_videos_message", table_name="form_videos")
    op.drop_table("form_videos")
    with op.batch_alter_table("coaching_messages") as batch_op:
        batch_op.drop_constraint(op.f("ck_coaching_messages_event"), type_="check")
        batch_op.drop_column("event")
    op.execute("DELETE FROM outbox WHERE kind IN ('video', 'copy')")
    with op.batch_alter_table("outbox") as batch_op:
        batch_op.drop_constraint(op.f("ck_outbox_kind"), type_="check")
        batch_op.create_check_constraint(op.f("ck_outbox_kind"), "kind IN ('text', 'photo')")
        batch_op.drop_column("reply_to")
        batch_op.drop_column("media")
