"""team whiteboard: scores on posted workouts (corrections and removals as new rows), each
post's board message, and the conditioning result each member's board score is kept as

Revision ID: 0022
Revises: 0021
Create Date: 2026-12-08 12:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0022"
down_revision: str | None = "0021"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "team_board_results",
        sa.Column("post_id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("user_id", sa.BigInteger(), autoincrement=False, nullable=False),
        sa.Column("workout_id", sa.Integer(), nullable=False),
        sa.Column("result_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["post_id"],
            ["team_wod_posts.id"],
            name=op.f("fk_team_board_results_post_id_team_wod_posts"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["result_id"],
            ["conditioning_results.id"],
            name=op.f("fk_team_board_results_result_id_conditioning_results"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["workout_id"],
            ["conditioning_workouts.id"],
            name=op.f("fk_team_board_results_workout_id_conditioning_workouts"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("post_id", "user_id", name=op.f("pk_team_board_results")),
    )
    op.create_table(
        "team_board_scores",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("post_id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.BigInteger(), nullable=False),
        sa.Column("scheme", sa.String(length=16), nullable=False),
        sa.Column("value", sa.BigInteger(), nullable=False),
        sa.Column("status", sa.String(length=10), nullable=False),
        sa.Column("reps_at_cap", sa.Integer(), nullable=False),
        sa.Column("tiebreak", sa.BigInteger(), nullable=True),
        sa.Column("tiebreak_reps", sa.Boolean(), nullable=False),
        sa.Column("capped_sets", sa.Integer(), nullable=False),
        sa.Column("rx", sa.Boolean(), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("removed", sa.Boolean(), server_default=sa.false(), nullable=False),
        sa.Column("logged_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("chat_id", sa.BigInteger(), nullable=False),
        sa.Column("source_message_id", sa.BigInteger(), nullable=True),
        sa.Column("entered_by", sa.BigInteger(), nullable=True),
        sa.CheckConstraint(
            "scheme IN ('time', 'time_with_cap', 'rounds_reps', 'reps', 'calories', 'points',"
            " 'emom', 'load', 'meters', 'feet', 'pass_fail')",
            name=op.f("ck_team_board_scores_scheme"),
        ),
        sa.CheckConstraint(
            "status IN ('scored', 'cap', 'dq', 'withdrawn')",
            name=op.f("ck_team_board_scores_status"),
        ),
        sa.ForeignKeyConstraint(
            ["post_id"],
            ["team_wod_posts.id"],
            name=op.f("fk_team_board_scores_post_id_team_wod_posts"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_team_board_scores")),
        sa.UniqueConstraint(
            "chat_id", "source_message_id", name=op.f("uq_team_board_scores_chat_id")
        ),
    )
    with op.batch_alter_table("team_board_scores", schema=None) as batch_op:
        batch_op.create_index("ix_team_board_scores_post", ["post_id", "logged_at"], unique=False)
        batch_op.create_index("ix_team_board_scores_user", ["user_id", "logged_at"], unique=False)

    op.create_table(
        "team_boards",
        sa.Column("post_id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("outbox_key", sa.String(length=200), nullable=False),
        sa.Column("chat_id", sa.BigInteger(), nullable=False),
        sa.Column("message_id", sa.BigInteger(), nullable=True),
        sa.Column("queued", sa.Boolean(), server_default=sa.false(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("shown_version", sa.Integer(), nullable=False),
        sa.Column("summarised", sa.Boolean(), server_default=sa.false(), nullable=False),
        sa.ForeignKeyConstraint(
            ["post_id"],
            ["team_wod_posts.id"],
            name=op.f("fk_team_boards_post_id_team_wod_posts"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("post_id", name=op.f("pk_team_boards")),
        sa.UniqueConstraint("outbox_key", name=op.f("uq_team_boards_outbox_key")),
    )
    with op.batch_alter_table("team_boards", schema=None) as batch_op:
        batch_op.create_index("ix_team_boards_message", ["chat_id", "message_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("team_boards", schema=None) as batch_op:
        batch_op.drop_index("ix_team_boards_message")

    op.drop_table("team_boards")
    with op.batch_alter_table("team_board_scores", schema=None) as batch_op:
        batch_op.drop_index("ix_team_board_scores_user")
        batch_op.drop_index("ix_team_board_scores_post")

    op.drop_table("team_board_scores")
    op.drop_table("team_board_results")
