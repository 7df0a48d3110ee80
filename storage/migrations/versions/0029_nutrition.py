"""nutrition: targets, food log, meal plans, prompts

Revision ID: 0029
Revises: 0028
Create Date: 2026-12-04 23:12:52.345647
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0029"
down_revision: str | None = "0028"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "food_entries",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("athlete_id", sa.BigInteger(), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("eaten_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("name", sa.String(length=60), nullable=False),
        sa.Column("kcal", sa.Integer(), nullable=False),
        sa.Column("protein", sa.Integer(), nullable=False),
        sa.Column("carbs", sa.Integer(), nullable=False),
        sa.Column("fat", sa.Integer(), nullable=False),
        sa.Column("photo_file_id", sa.String(length=255), nullable=True),
        sa.Column("source_message_id", sa.BigInteger(), nullable=True),
        sa.ForeignKeyConstraint(
            ["athlete_id"],
            ["users.telegram_id"],
            name=op.f("fk_food_entries_athlete_id_users"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_food_entries")),
    )
    with op.batch_alter_table("food_entries", schema=None) as batch_op:
        batch_op.create_index("ix_food_entries_athlete_day", ["athlete_id", "day"], unique=False)
        batch_op.create_index(
            "uq_food_entries_message", ["athlete_id", "source_message_id"], unique=True
        )

    op.create_table(
        "meal_plans",
        sa.Column("athlete_id", sa.BigInteger(), autoincrement=False, nullable=False),
        sa.Column("coach_id", sa.BigInteger(), nullable=True),
        sa.Column("definition", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["athlete_id"],
            ["users.telegram_id"],
            name=op.f("fk_meal_plans_athlete_id_users"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["coach_id"],
            ["users.telegram_id"],
            name=op.f("fk_meal_plans_coach_id_users"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("athlete_id", name=op.f("pk_meal_plans")),
    )
    op.create_table(
        "nutrition_prompts",
        sa.Column("chat_id", sa.BigInteger(), autoincrement=False, nullable=False),
        sa.Column("message_id", sa.BigInteger(), autoincrement=False, nullable=False),
        sa.Column("owner_id", sa.BigInteger(), nullable=False),
        sa.Column("athlete_id", sa.BigInteger(), nullable=False),
        sa.Column("purpose", sa.String(length=10), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint(
            "purpose IN ('food', 'targets', 'meal_plan')", name=op.f("ck_nutrition_prompts_purpose")
        ),
        sa.ForeignKeyConstraint(
            ["athlete_id"],
            ["users.telegram_id"],
            name=op.f("fk_nutrition_prompts_athlete_id_users"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["owner_id"],
            ["users.telegram_id"],
            name=op.f("fk_nutrition_prompts_owner_id_users"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("chat_id", "message_id", name=op.f("pk_nutrition_prompts")),
    )
    op.create_table(
        "nutrition_targets",
        sa.Column("athlete_id", sa.BigInteger(), autoincrement=False, nullable=False),
        sa.Column("kcal", sa.Integer(), nullable=True),
        sa.Column("protein", sa.Integer(), nullable=True),
        sa.Column("carbs", sa.Integer(), nullable=True),
        sa.Column("fat", sa.Integer(), nullable=True),
        sa.Column("training_kcal", sa.Integer(), nullable=True),
        sa.Column("training_protein", sa.Integer(), nullable=True),
        sa.Column("training_carbs", sa.Integer(), nullable=True),
        sa.Column("training_fat", sa.Integer(), nullable=True),
        sa.Column("restrictions", sa.Text(), nullable=False),
        sa.Column("set_by", sa.BigInteger(), nullable=True),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["athlete_id"],
            ["users.telegram_id"],
            name=op.f("fk_nutrition_targets_athlete_id_users"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("athlete_id", name=op.f("pk_nutrition_targets")),
    )


def downgrade() -> None:
    op.drop_table("nutrition_targets")
    op.drop_table("nutrition_prompts")
    op.drop_table("meal_plans")
    with op.batch_alter_table("food_entries", schema=None) as batch_op:
        batch_op.drop_index("uq_food_entries_message")
        batch_op.drop_index("ix_food_entries_athlete_day")

    op.drop_table("food_entries")
