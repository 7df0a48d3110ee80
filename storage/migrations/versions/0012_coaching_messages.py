"""coaching messages: the thread between coach and client, and reply prompts

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-04 14:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0012"
down_revision: str | None = "0011"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "coaching_messages",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("coaching_id", sa.Integer(), nullable=False),
        sa.Column("sender_id", sa.BigInteger(), nullable=False),
        sa.Column("recipient_id", sa.BigInteger(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("sent_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["coaching_id"],
            ["coachings.id"],
            name=op.f("fk_coaching_messages_coaching_id_coachings"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_coaching_messages")),
    )
    op.create_index("ix_coaching_messages_coaching", "coaching_messages", ["coaching_id", "id"])
    op.create_table(
        "coaching_prompts",
        sa.Column("chat_id", sa.BigInteger(), autoincrement=False, nullable=False),
        sa.Column("message_id", sa.BigInteger(), autoincrement=False, nullable=False),
        sa.Column("coaching_id", sa.Integer(), nullable=False),
        sa.Column("purpose", sa.String(length=16), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint(
            "purpose IN ('message', 'maxes')", name=op.f("ck_coaching_prompts_purpose")
        ),
        sa.ForeignKeyConstraint(
            ["coaching_id"],
            ["coachings.id"],
            name=op.f("fk_coaching_prompts_coaching_id_coachings"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("chat_id", "message_id", name=op.f("pk_coaching_prompts")),
    )
    # Replies are found by the outbox row that delivered the relay: chat and message id.
    op.create_index("ix_outbox_delivered", "outbox", ["chat_id", "message_id"])


def downgrade() -> None:
    op.drop_index("ix_outbox_delivered", table_name="outbox")
    op.drop_table("coaching_prompts")
    op.drop_index("ix_coaching_messages_coaching", table_name="coaching_messages")
    op.drop_table("coaching_messages")
